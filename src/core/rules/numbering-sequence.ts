/** numbering-sequence: siblings count 一、二、三 without gaps, repeats or disorder; children restart at 一/1. */
import type { Rule } from '../lint/rule.js';
import { groupRenumberEdits, markerWithOrdinal } from '../outline/renumber.js';

export const numberingSequence: Rule = {
  id: 'numbering-sequence',
  severity: 'error',
  fixable: true,
  tags: ['numbering'],
  description: {
    'zh-CN': '同级序号必须连续：不跳号、不重号、不乱序，下级序号在新的上级下从“一”或“1”重新开始',
    en: 'Sibling outline numbers must be continuous: no gaps, repeats or disorder; child numbering restarts at 1 under a new parent',
  },
  check(context) {
    for (const group of context.outline.groups) {
      let previous = 0;
      // One renumber fix per group, shared by its findings (only wrong markers change, so fixing any renumbers all).
      let fix: ReturnType<typeof groupRenumberEdits> | undefined;
      for (let index = 0; index < group.items.length; index++) {
        const item = group.items[index]!;
        const marker = item.marker!;
        const expected = index + 1;
        if (marker.ordinal !== expected) {
          const expectedText = markerWithOrdinal(marker, expected);
          let message;
          if (index === 0) {
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
          fix ??= groupRenumberEdits(group, index);
          context.report({ start: marker.start, end: marker.end, message, fix });
        }
        previous = marker.ordinal;
      }
    }
  },
};
