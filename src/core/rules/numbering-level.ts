/**
 * numbering-level: outline levels go down in order. GB/T 9704-2012 7.3.3 says the levels
 * "可以" be numbered 一、 （一） 1. （1）; a document that needs fewer levels may skip one
 * (`1.` directly under `一、` is common in 国办 notices and county documents), so a skip is
 * reported only when the option `allowSkip` is false. Going backwards is an error: a run of
 * `一、二、` standing between `（一）` and `（二）` of one list is a lower level written with
 * the markers of a higher one.
 */
import type { Rule, Suggestion } from '../lint/rule.js';
import { formatCircled, formatHanNumeral } from '../numerals.js';
import type { SiblingGroup } from '../outline/build.js';
import { findInversions } from '../outline/inversions.js';

const LEVEL_EXAMPLES = ['', '一、', '（一）', '1.', '（1）', '①'];

/** The marker of `level` numbered `ordinal`, in the canonical style (（一） 1. （1） ①); undefined past a style's table. */
function canonicalMarker(level: number, ordinal: number): string | undefined {
  switch (level) {
    case 1:
      return formatHanNumeral(ordinal) && `${formatHanNumeral(ordinal)}、`;
    case 2:
      return formatHanNumeral(ordinal) && `（${formatHanNumeral(ordinal)}）`;
    case 3:
      return `${ordinal}.`;
    case 4:
      return `（${ordinal}）`;
    default:
      return formatCircled(ordinal);
  }
}

/**
 * For a group that skips a level (`1.` `2.` directly under `三、`): its markers rewritten one
 * level below the parent (`（一）` `（二）`), numbered from 1. Undefined for a group that skips
 * nothing. An action the writer chooses (skips are allowed by GB/T 9704), never part of fix-all.
 */
export function levelSkipConversion(group: SiblingGroup): Suggestion | undefined {
  const parent = group.parent;
  if (!parent || parent.kind !== 'heading' || group.level <= parent.level + 1) return undefined;
  const target = parent.level + 1;
  const edits = [];
  for (let index = 0; index < group.items.length; index++) {
    const marker = group.items[index]!.marker!;
    const newText = canonicalMarker(target, index + 1);
    if (newText === undefined) return undefined;
    edits.push({ start: marker.start, end: marker.end, newText });
  }
  const first = group.items[0]!.marker!.text;
  const last = group.items[group.items.length - 1]!.marker!.text;
  const from = group.items.length === 1 ? `“${first}”` : `“${first}”至“${last}”`;
  const to = edits.length === 1 ? `“${edits[0]!.newText}”` : `“${edits[0]!.newText}”至“${edits[edits.length - 1]!.newText}”`;
  const fromEn = group.items.length === 1 ? first : `${first} … ${last}`;
  const toEn = edits.length === 1 ? edits[0]!.newText : `${edits[0]!.newText} … ${edits[edits.length - 1]!.newText}`;
  return {
    title: { 'zh-CN': `将${from}改为${to}（下一级序号）`, en: `Convert ${fromEn} to ${toEn} (the next level down)` },
    fix: edits,
  };
}

export const numberingLevel: Rule = {
  id: 'numbering-level',
  name: { 'zh-CN': '编号层级', en: 'Numbering levels' },
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
        const conversion = levelSkipConversion(group);
        context.report({
          ...(conversion ? { suggestions: [conversion] } : {}),
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

