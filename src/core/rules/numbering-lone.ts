/** numbering-lone: a numbered level with a single item (（一） without （二）). */
import type { Rule } from '../lint/rule.js';
import { markerWithOrdinal } from '../outline/renumber.js';

export const numberingLone: Rule = {
  id: 'numbering-lone',
  severity: 'warning',
  fixable: false,
  tags: ['numbering'],
  description: {
    'zh-CN': '同一层级只有一项时不宜编号（有“（一）”就应有“（二）”）',
    en: 'A level with a single numbered item (（一） without （二）) should not be numbered',
  },
  check(context) {
    for (const group of context.outline.groups) {
      if (group.items.length !== 1) continue;
      const marker = group.items[0]!.marker!;
      const next = markerWithOrdinal(marker, marker.ordinal + 1);
      context.report({
        start: marker.start,
        end: marker.end,
        message: {
          'zh-CN': `本层级只有“${marker.text}”一项，没有“${next}”`,
          en: `Only one item at this level: "${marker.text}" has no "${next}"`,
        },
      });
    }
  },
};
