/**
 * numbering-level: outline levels go down in order. GB/T 9704-2012 7.3.3 says the levels
 * "可以" be numbered 一、 （一） 1. （1）; a document that needs fewer levels may skip one
 * (`1.` directly under `一、` is common in 国办 notices and county documents), so a skip is
 * reported only when the option `allowSkip` is false. Going backwards is an error: a run of
 * `一、二、` standing between `（一）` and `（二）` of one list is a lower level written with
 * the markers of a higher one.
 */
import type { Rule } from '../lint/rule.js';
import { findInversions } from '../outline/inversions.js';

const LEVEL_EXAMPLES = ['', '一、', '（一）', '1.', '（1）', '①'];

export const numberingLevel: Rule = {
  id: 'numbering-level',
  severity: 'warning',
  fixable: false,
  tags: ['numbering'],
  defaultOptions: { allowSkip: true },
  description: {
    'zh-CN': '层级不可颠倒：“（一）”与“（二）”之间不应出现“一、”；可选：不允许跳级（默认允许“一、”下直接用“1.”）',
    en: 'Outline levels must not go backwards (no 一、 between （一） and （二）); optionally, no skipped level (by default 1. directly under 一、 is allowed)',
  },
  check(context) {
    for (const { first, interrupted, after } of findInversions(context.outline)) {
      const marker = first.marker!;
      const deeper = LEVEL_EXAMPLES[Math.min(5, interrupted.level + 1)]!;
      context.report({
        start: marker.start,
        end: marker.end,
        message: {
          'zh-CN': `层级颠倒：“${marker.text}”出现在“${interrupted.marker!.text}”与“${after.marker!.text}”之间，应使用下一级序号（如“${deeper}”）`,
          en: `Level goes backwards: "${marker.text}" stands between "${interrupted.marker!.text}" and "${after.marker!.text}"; use the next lower level (e.g. "${deeper}")`,
        },
      });
    }

    if (context.options['allowSkip'] !== false) return;
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

