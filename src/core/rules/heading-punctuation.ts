/**
 * heading-punctuation: standalone headings of one level end the same way —
 * all with `。` or all without. Run-in headings (一、标题句。正文…) end their
 * heading sentence with `。` by design and are not counted.
 */
import type { Rule } from '../lint/rule.js';
import type { TextBlock } from '../parse/report.js';

/** Longer "headings" are list items written as sentences, not headings. */
const MAX_HEADING = 40;

type Entry = { block: TextBlock; withStop: boolean; last: number };

export const headingPunctuation: Rule = {
  id: 'heading-punctuation',
  name: { 'zh-CN': '标题标点一致', en: 'Heading punctuation' },
  severity: 'warning',
  fixable: false,
  tags: ['headings', 'punctuation'],
  description: {
    'zh-CN': '同级独立标题的句末标点应一致（或都用“。”，或都不用）',
    en: 'Standalone headings of one level end alike (all with "。" or all without)',
  },
  check(context) {
    // Siblings of one parent are compared (a document may end the （一） headings of one part with 。 and not another's).
    const groupOf = new Map<number, number>();
    context.outline.groups.forEach((group, index) => {
      for (const item of group.items) groupOf.set(item.line, index);
    });
    const byLevel = new Map<number, Entry[]>();
    for (const block of context.document.blocks) {
      // Run-in headings (一、标题句。正文…) end their sentence with 。 by design.
      if (block.node.type !== 'outlineHeading' || block.node.runIn || !block.marker) continue;
      const masked = context.maskedText(block);
      let end = masked.length;
      while (end > 0 && /[\s\u0000]/.test(masked[end - 1]!)) end--;
      const body = masked.slice(block.marker.end - block.start, end);
      if (body.length === 0 || body.length > MAX_HEADING) continue;
      const lastChar = body[body.length - 1]!;
      let withStop: boolean;
      if (lastChar === '。') withStop = true;
      else if (/[\u4e00-\u9fff0-9A-Za-z”’）》】]/.test(lastChar)) withStop = false;
      else continue; // ： ； ， … end a list lead-in or item, not a heading.
      const group = groupOf.get(block.line);
      if (group === undefined) continue;
      const list = byLevel.get(group) ?? [];
      list.push({ block, withStop, last: block.start + end - 1 });
      byLevel.set(group, list);
    }
    for (const entries of byLevel.values()) {
      const stops = entries.filter((entry) => entry.withStop).length;
      const plain = entries.length - stops;
      if (stops === 0 || plain === 0) continue;
      // The minority is inconsistent; on a tie the headings with 。 are (公文 headings usually have none).
      const flagStops = stops <= plain;
      const example = entries.find((entry) => entry.withStop !== flagStops)!;
      const exampleLine = example.block.line + 1;
      for (const entry of entries) {
        if (entry.withStop !== flagStops) continue;
        context.report({
          start: entry.last,
          end: entry.last + 1,
          message: flagStops
            ? {
                'zh-CN': `同级标题句末标点不一致：此标题以“。”结尾，而同一上级下的其他标题（如第${exampleLine}行）不用`,
                en: `Inconsistent heading punctuation: this heading ends with "。", its sibling headings (e.g. line ${exampleLine}) do not`,
              }
            : {
                'zh-CN': `同级标题句末标点不一致：此标题未以“。”结尾，而同一上级下的其他标题（如第${exampleLine}行）使用“。”`,
                en: `Inconsistent heading punctuation: this heading has no "。", its sibling headings (e.g. line ${exampleLine}) end with one`,
              },
        });
      }
    }
  },
};
