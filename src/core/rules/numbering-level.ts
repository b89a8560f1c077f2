/** numbering-level: a marker may be at most one level deeper than its enclosing marker. */
import type { Rule } from '../lint/rule.js';

const LEVEL_EXAMPLES = ['', '一、', '（一）', '1.', '（1）', '①'];

export const numberingLevel: Rule = {
  id: 'numbering-level',
  severity: 'error',
  fixable: false,
  tags: ['numbering'],
  description: {
    'zh-CN': '层级不可跳过：“一、”之下先用“（一）”，再用“1.”“（1）”',
    en: 'Outline levels must not be skipped: 一、 → （一） → 1. → （1）',
  },
  check(context) {
    // One finding per skipped group: its first item shows where the level is missing.
    for (const group of context.outline.groups) {
      const heading = group.items[0]!;
      const parent = group.parent;
      if (!parent || parent.kind !== 'heading') continue;
      if (heading.level > parent.level + 1) {
        const marker = heading.marker!;
        const missing = LEVEL_EXAMPLES.slice(parent.level + 1, heading.level).join('”“');
        context.report({
          start: marker.start,
          end: marker.end,
          message: {
            'zh-CN': `层级跳跃：“${marker.text}”直接位于“${parent.marker!.text}”之下，缺少“${missing}”一级`,
            en: `Skipped level: "${marker.text}" directly under "${parent.marker!.text}" (missing the "${missing}" level)`,
          },
        });
      }
    }
  },
};
