/** numbering-lone: a numbered level with a single item (（一） without （二）). */
import type { Rule } from '../lint/rule.js';
import { conventionOf, planNumbering } from '../outline/conventions.js';
import { markerWithOrdinal } from '../outline/renumber.js';

export const numberingLone: Rule = {
  id: 'numbering-lone',
  name: { 'zh-CN': '单项编号', en: 'Lone numbered item' },
  severity: 'warning',
  fixable: false,
  tags: ['numbering'],
  description: {
    'zh-CN': '同一层级只有一项时不宜编号（有“（一）”就应有“（二）”）',
    en: 'A level with a single numbered item (（一） without （二）) should not be numbered',
  },
  check(context) {
    const plans = planNumbering(context.outline, context.text);
    for (const group of context.outline.groups) {
      if (group.items.length !== 1) continue;
      const marker = group.items[0]!.marker!;
      // Under numbering that runs across parents (（六） alone under 三、) a single child is normal;
      // a single item that is not numbered 1 is numbering-sequence's to judge.
      if (marker.ordinal !== 1 || conventionOf(plans, group.part, group.level) !== 'restart') continue;
      // （1）…；（2）…；（3）… run on inside the paragraph: the list is there, in one line.
      const line = context.text.slice(marker.end, context.document.lines.ends[group.items[0]!.line] ?? marker.end);
      if (line.includes(markerWithOrdinal(marker, 2))) continue;
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
