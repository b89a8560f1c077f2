/** count-mismatch: a stated count (三个方面：) that disagrees with the items that follow. */
import type { Rule } from '../lint/rule.js';
import { formatHanNumeral, parseDigits, parseHanNumeral } from '../numerals.js';
import type { TextBlock } from '../parse/report.js';
import { enumerationSequences } from './enumeration-sequence.js';

const COUNT = /(?<![第0-9一二三四五六七八九十两几])([一二三四五六七八九十两]{1,3}|[0-9]{1,2})(?:个方面|个|项|条|点|件|类|种|大|方面|方面的)/g;

/** The counts stated in a lead-in sentence, with their offsets. */
function countsIn(masked: string): Array<{ value: number; index: number; length: number; numeral: string }> {
  const counts: Array<{ value: number; index: number; length: number; numeral: string }> = [];
  COUNT.lastIndex = 0;
  let match: RegExpExecArray | null;
  while ((match = COUNT.exec(masked))) {
    const numeral = match[1]!;
    const value = numeral === '两' ? 2 : (parseHanNumeral(numeral) ?? parseDigits(numeral));
    if (value !== undefined) counts.push({ value, index: match.index, length: match[0].length, numeral });
  }
  return counts;
}

/**
 * `value` written the way `numeral` is written: digits stay digits, a Chinese numeral stays Chinese,
 * with 两 for 2 (the counts stand before a measure word: 两个方面, 两项, 两大).
 */
export function restateCount(numeral: string, value: number): string | undefined {
  if (/^[0-9]+$/.test(numeral)) return String(value);
  return value === 2 ? '两' : formatHanNumeral(value);
}

/** Longest lead-in clause looked at (主要有以下三个方面 is short; a count further back belongs to something else). */
const MAX_CLAUSE = 60;

/**
 * The last clause of `masked` before `end` (after skipping the punctuation right before `end`): the words
 * that introduce the list. In 全年谋划重点项目12个，总投资18.6亿元，主要措施：1.…2.… the count 12个
 * belongs to 项目, not to the list after 主要措施：. Bounded, so a paragraph of many lists stays linear.
 */
function leadInSentence(masked: string, end: number): { text: string; offset: number } {
  let stop = end;
  while (stop > 0 && end - stop < MAX_CLAUSE && /[：:。，,\s\u0000]/.test(masked[stop - 1]!)) stop--;
  let begin = stop;
  while (begin > 0 && stop - begin < MAX_CLAUSE && !/[。！？!?；;，,：:]/.test(masked[begin - 1]!)) begin--;
  return { text: masked.slice(begin, stop), offset: begin };
}

export const countMismatch: Rule = {
  id: 'count-mismatch',
  name: { 'zh-CN': '数量与条目一致', en: 'Stated count' },
  severity: 'warning',
  fixable: false,
  tags: ['numbering', 'enumeration'],
  description: {
    'zh-CN': '前文所述数量（如“三个方面：”“以下四项工作：”）与随后列出的条目数不一致',
    en: 'A stated count ("三个方面：", "以下四项工作：") disagrees with the number of items that follow',
  },
  check(context) {
    const check = (masked: string, blockStart: number, leadEnd: number, items: number, what: 'enumeration' | 'outline'): void => {
      const sentence = leadInSentence(masked, leadEnd);
      const counts = countsIn(sentence.text);
      // Compound counts (线索2条、项目3个：) or none: nothing to compare.
      if (counts.length !== 1) return;
      const count = counts[0]!;
      if (count.value < 2 || count.value === items) return;
      const start = blockStart + sentence.offset + count.index;
      const stated = sentence.text.slice(count.index, count.index + count.length);
      // The stated number changed to the counted one: a choice for the writer (the list may be the
      // part that is wrong), so a suggestion, never part of fix-all.
      const counted = items >= 2 ? restateCount(count.numeral, items) : undefined;
      const restated = counted === undefined ? undefined : counted + stated.slice(count.numeral.length);
      context.report({
        start,
        end: start + count.length,
        ...(restated === undefined
          ? {}
          : {
              suggestions: [
                {
                  title: { 'zh-CN': `改为“${restated}”`, en: `Change to "${restated}"` },
                  fix: [{ start, end: start + count.numeral.length, newText: counted! }],
                },
              ],
            }),
        message: {
          'zh-CN': `此处说“${stated}”，随后${what === 'outline' ? '的下级标题' : '列举'}却有 ${items} 项`,
          en: `States ${count.value} ("${stated}") but ${items} ${what === 'outline' ? (items === 1 ? 'heading follows' : 'headings follow') : items === 1 ? 'item follows' : 'items follow'}`,
        },
      });
    };

    // Inline: the sentence before the first item of an enumeration, in the same paragraph or the previous one ending with ：.
    const topLevel = context.document.blocks.filter((block) => block.topLevel);
    const previousOf = new Map<TextBlock, TextBlock>();
    for (let index = 1; index < topLevel.length; index++) previousOf.set(topLevel[index]!, topLevel[index - 1]!);
    for (const sequence of enumerationSequences(context)) {
      const first = sequence.items[0]!;
      if (first.ordinal !== 1 || sequence.items.length < 2) continue;
      const block = first.block;
      const masked = context.maskedText(block);
      const skip = block.marker ? block.marker.end - block.start : 0;
      const relative = first.start - block.start;
      if (relative > skip) {
        check(masked, block.start, relative, sequence.items.length, 'enumeration');
      } else {
        const previous = previousOf.get(block);
        if (!previous) continue;
        const previousMasked = context.maskedText(previous);
        if (/[：:][\s\u0000]*$/.test(previousMasked)) check(previousMasked, previous.start, previousMasked.length, sequence.items.length, 'enumeration');
      }
    }

    // Outline: a paragraph or heading ending with ： directly followed by numbered headings.
    const groupOf = new Map<number, { items: Array<{ start: number; sectionEndLine: number }> }>();
    for (const group of context.outline.groups) for (const item of group.items) groupOf.set(item.start, group);
    // A list that runs to the end of a document without a closing may go on past an excerpt's cut: not countable.
    const lastLine = context.document.lines.starts.length - 1;
    const hasClosing = context.document.root.children.some((node) => node.type === 'dateLine' || node.type === 'signature');
    for (let index = 0; index + 1 < topLevel.length; index++) {
      const block = topLevel[index]!;
      const next = topLevel[index + 1]!;
      if (!next.marker || next.node.type !== 'outlineHeading') continue;
      if (block.marker && next.marker.level <= block.marker.level) continue;
      const masked = context.maskedText(block);
      if (!/[：:][\s\u0000]*$/.test(masked)) continue;
      const group = groupOf.get(next.start);
      if (!group) continue;
      const position = group.items.findIndex((item) => item.start === next.start);
      if (!hasClosing && group.items[group.items.length - 1]!.sectionEndLine >= lastLine) continue;
      check(masked, block.start, masked.length, group.items.length - position, 'outline');
    }
  },
};
