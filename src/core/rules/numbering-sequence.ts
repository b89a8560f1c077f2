/**
 * numbering-sequence: outline numbers count on without gaps, repeats or disorder, and each
 * run starts where the document's own convention says (restart under each parent, or one
 * run across parents — see outline/conventions.ts). 附件说明 numbers count 1, 2, 3 too.
 */
import type { Message, OffsetEdit, Rule, RuleContext } from '../lint/rule.js';
import { planNumbering } from '../outline/conventions.js';
import { findInversions } from '../outline/inversions.js';
import { formatNumeral, markerWithOrdinal, runRenumberEdits } from '../outline/renumber.js';

export const numberingSequence: Rule = {
  id: 'numbering-sequence',
  name: { 'zh-CN': '编号连续', en: 'Numbering sequence' },
  severity: 'error',
  fixable: true,
  tags: ['numbering'],
  description: {
    'zh-CN': '同级序号必须连续：不跳号、不重号、不乱序；下级序号按本文惯例在新的上级下重新开始或接续编号',
    en: "Outline numbers must be continuous (no gaps, repeats or disorder); child numbering restarts under a new parent or runs on, as the document's own convention is",
  },
  check(context) {
    // A list interrupted by an inverted run (（一）… 一、二、… （二）) goes on after it: not a new run.
    const continued = new Set(findInversions(context.outline).map((inversion) => inversion.after));
    for (const plan of planNumbering(context.outline, context.text)) {
      const items = plan.run.items;
      if (continued.has(items[0]!)) continue;
      const start = plan.expectedStart ?? items[0]!.marker!.ordinal;
      // One renumber fix per run, shared by its findings (only wrong markers change, so fixing any renumbers all).
      let fix: OffsetEdit[] | undefined;
      let previous = 0;
      for (let index = 0; index < items.length; index++) {
        const marker = items[index]!.marker!;
        const expected = start + index;
        if (marker.ordinal !== expected) {
          const expectedText = markerWithOrdinal(marker, expected);
          let message: Message;
          if (index === 0 && plan.reason === 'continue') {
            message = {
              'zh-CN': `序号“${marker.text}”未接续上文，本文此级序号连续编排，应为“${expectedText}”`,
              en: `Number "${marker.text}" does not continue the previous run (this document numbers this level straight through); expected "${expectedText}"`,
            };
          } else if (index === 0) {
            message = {
              'zh-CN': `序号“${marker.text}”应从“${expectedText}”开始`,
              en: `Numbering should start at "${expectedText}", not "${marker.text}"`,
            };
          } else if (marker.ordinal === previous) {
            message = {
              'zh-CN': `序号“${marker.text}”重复，应为“${expectedText}”`,
              en: `Repeated number "${marker.text}", expected "${expectedText}"`,
            };
          } else if (marker.ordinal < previous) {
            message = {
              'zh-CN': `序号“${marker.text}”顺序颠倒，应为“${expectedText}”`,
              en: `Number "${marker.text}" is out of order, expected "${expectedText}"`,
            };
          } else {
            message = {
              'zh-CN': `序号“${marker.text}”不连续，应为“${expectedText}”`,
              en: `Number "${marker.text}" skips, expected "${expectedText}"`,
            };
          }
          fix ??= runRenumberEdits(items, start);
          context.report({ start: marker.start, end: marker.end, message, fix });
        }
        previous = marker.ordinal;
      }
    }
    checkAttachmentNumbers(context);
  },
};

/** 附件说明: 附件：1.名称 / 2.名称 … count 1, 2, 3 (GB/T 9704 7.3.4). */
function checkAttachmentNumbers(context: RuleContext): void {
  const children = context.document.root.children;
  let list: Array<{ ordinal: number; numeralStart: number; numeralEnd: number; numeral: 'ascii' | 'fullwidth' }> = [];
  const flush = (): void => {
    if (list.length === 0) return;
    const items = list;
    list = [];
    let fix: OffsetEdit[] | undefined;
    items.forEach((item, index) => {
      const expected = index + 1;
      if (item.ordinal === expected) return;
      const expectedText = formatNumeral(expected, item.numeral)!;
      if (!fix) {
        fix = [];
        items.forEach((other, otherIndex) => {
          if (other.ordinal !== otherIndex + 1) fix!.push({ start: other.numeralStart, end: other.numeralEnd, newText: formatNumeral(otherIndex + 1, other.numeral)! });
        });
      }
      const written = context.text.slice(item.numeralStart, item.numeralEnd);
      context.report({
        start: item.numeralStart,
        end: item.numeralEnd,
        message: {
          'zh-CN': `附件序号“${written}”不连续，应为“${expectedText}”`,
          en: `Attachment number "${written}" is out of sequence, expected "${expectedText}"`,
        },
        fix,
      });
    });
  };
  for (const node of children) {
    if (node.type === 'attachmentNote') {
      if (node.number) list.push(node.number);
      continue;
    }
    if (node.type === 'html') continue;
    flush();
  }
  flush();
}
