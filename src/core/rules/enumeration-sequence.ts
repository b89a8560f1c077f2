/** enumeration-sequence: inline enumerations (一是…二是…三是, 1.…2.…) count without gaps or repeats. */
import type { OffsetEdit, Rule, RuleContext } from '../lint/rule.js';
import { findEnumerationSequences, type EnumerationItem, type EnumerationSequence } from '../outline/enumerations.js';
import { formatNumeral } from '../outline/renumber.js';
import type { TextBlock } from '../parse/report.js';

/** The sequences of a document, computed once per lint run and shared by rules. */
const cache = new WeakMap<object, EnumerationSequence[]>();

/** Enumeration sequences of the linted document. */
export function enumerationSequences(context: RuleContext): EnumerationSequence[] {
  let sequences = cache.get(context.document);
  if (!sequences) {
    const skipPrefix = (block: TextBlock): number => (block.marker ? block.marker.end - block.start : 0);
    sequences = findEnumerationSequences(context.document.blocks, context.maskedText, skipPrefix);
    cache.set(context.document, sequences);
  }
  return sequences;
}

function itemText(item: EnumerationItem, ordinal: number): string {
  return item.text.slice(0, item.numeralStart - item.start) + (formatNumeral(ordinal, item.numeral) ?? String(ordinal)) + item.text.slice(item.numeralEnd - item.start);
}

export const enumerationSequence: Rule = {
  id: 'enumeration-sequence',
  name: { 'zh-CN': '列举连续', en: 'Enumeration sequence' },
  severity: 'error',
  fixable: true,
  tags: ['numbering', 'enumeration'],
  description: {
    'zh-CN': '段内列举（一是……二是……、1.……2.……）须连续，不跳号、不重号',
    en: 'Inline enumerations (一是…二是…, 1.…2.…) must count without gaps or repeats',
  },
  check(context) {
    for (const sequence of enumerationSequences(context)) {
      const items = sequence.items;
      // A lone item, or a run that never starts at 1 with a single item, is not a checkable enumeration.
      if (items.length < 2) continue;
      // （1）…；（2）…；（3）… in one paragraph: the paragraph's own marker is item 1.
      const block = items[0]!.block;
      const marker = block.marker;
      const base =
        marker && ((marker.level === 4 && items[0]!.family === 'paren') || (marker.level === 3 && items[0]!.family === 'digit')) && items[0]!.ordinal === marker.ordinal + 1
          ? marker.ordinal
          : 0;
      let edits: OffsetEdit[] | undefined;
      for (let index = 0; index < items.length; index++) {
        const item = items[index]!;
        const expected = base + index + 1;
        if (item.ordinal === expected) continue;
        if (!edits) {
          // Shared by every finding of the sequence: items before the first wrong one are already right.
          edits = [];
          for (let later = index; later < items.length; later++) {
            const laterItem = items[later]!;
            if (laterItem.ordinal !== base + later + 1) {
              const newText = formatNumeral(base + later + 1, laterItem.numeral);
              // A number past the style's table (㊿): no partial renumbering.
              if (newText === undefined) {
                edits = [];
                break;
              }
              edits.push({ start: laterItem.numeralStart, end: laterItem.numeralEnd, newText });
            }
          }
        }
        const expectedText = itemText(item, expected);
        const previous = items[index - 1];
        const repeated = previous !== undefined && previous.ordinal === item.ordinal;
        context.report({
          start: item.start,
          end: item.end,
          message: repeated
            ? { 'zh-CN': `列举“${item.text}”重复，应为“${expectedText}”`, en: `Repeated enumeration item "${item.text}", expected "${expectedText}"` }
            : { 'zh-CN': `列举“${item.text}”不连续，应为“${expectedText}”`, en: `Enumeration item "${item.text}" is out of sequence, expected "${expectedText}"` },
          fix: edits,
        });
      }
    }
  },
};
