/** numbering-style: one sibling sequence uses one marker style (1. or 1、; （一） or (一); half- or full-width digits). */
import type { Rule } from '../lint/rule.js';
import { formatNumeral } from '../outline/renumber.js';
import { styleKey } from '../parse/outline-markers.js';

export const numberingStyle: Rule = {
  id: 'numbering-style',
  name: { 'zh-CN': '编号写法一致', en: 'Numbering style' },
  severity: 'warning',
  fixable: true,
  tags: ['numbering'],
  description: {
    'zh-CN': '同级序号的写法应一致（“1.”与“2、”、“（一）”与“(二)”、全角与半角数字不可混用）',
    en: 'Sibling markers use one style (no mixing 1. and 2、, （一） and (二), or full- and half-width digits)',
  },
  check(context) {
    // A stray space inside a marker (`二 、支持范围`): the marker is read as written, the spaces go.
    for (const heading of context.outline.headings) {
      const marker = heading.marker!;
      if (!marker.stray) continue;
      const wanted = marker.style.open + context.text.slice(marker.numeralStart, marker.numeralEnd) + marker.style.close;
      context.report({
        start: marker.start,
        end: marker.end,
        message: {
          'zh-CN': `序号“${marker.text}”中有多余空格，应为“${wanted}”`,
          en: `Stray space inside the marker "${marker.text}", expected "${wanted}"`,
        },
        fix: marker.stray.map(([start, end]) => ({ start, end, newText: '' })),
      });
    }
    for (const group of context.outline.groups) {
      const reference = group.items[0]!.marker!;
      const key = styleKey(reference);
      for (const item of group.items.slice(1)) {
        const marker = item.marker!;
        if (styleKey(marker) === key) continue;
        const wanted = reference.style.open + formatNumeral(marker.ordinal, reference.style.numeral) + reference.style.close;
        context.report({
          start: marker.start,
          end: marker.end,
          message: {
            'zh-CN': `序号写法不一致：“${marker.text}”与本级首项“${reference.text}”不同，应为“${wanted}”`,
            en: `Inconsistent marker style: "${marker.text}" differs from the first sibling "${reference.text}", expected "${wanted}"`,
          },
          fix: [{ start: marker.start, end: marker.end, newText: wanted }],
        });
      }
    }
  },
};
