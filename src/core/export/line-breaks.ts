/**
 * What a line break in the source means (docs/export.md, "Line breaks").
 *
 * A report file (`.report.md`, `.txt`, pasted text) is written the way Word
 * is: one paragraph per line, and the parser reads it so (the linter too).
 * A plain Markdown file (`.md`) is read the CommonMark way by its writer:
 * lines without a blank line between them are one paragraph, and hard-wrapped
 * prose must not come apart into short paragraphs (or, worse, fragments
 * taken for centred section titles). In `markdown` mode the exporter joins such
 * lines back into one paragraph, with two exceptions that keep reports
 * written one paragraph per line intact: a line the parser recognised as a
 * report part (numbered heading, title, 主送, 附件说明, 落款 …) stays a
 * paragraph of its own, and a line ending a sentence (。！？ or a closing
 * quote after them) ends its paragraph.
 */
import type { Paragraph, PhrasingContent, RootContent } from 'mdast';
import type { SectionTitle } from '../parse/nodes.js';
import { toString } from 'mdast-util-to-string';

export type LineBreaks = 'paragraph' | 'markdown';

/** `markdown` for a plain Markdown file name (`a.md`, not `a.report.md`), else `paragraph`. */
export function lineBreaksFor(fileName: string): LineBreaks {
  const lower = fileName.toLowerCase();
  return /\.(?:md|markdown)$/.test(lower) && !lower.endsWith('.report.md') ? 'markdown' : 'paragraph';
}

const SENTENCE_END = /[。！？!?][”’」』）)]*$/;
const CJK = /[\u2e80-\u9fff\uf900-\ufaff\uff00-\uffef\u3000-\u303f]/;

/** A body line that may join with the line below: a paragraph, or a short fragment the parser took for a section title. */
function isProseLine(node: RootContent | undefined): node is Paragraph | SectionTitle {
  if (!node) return false;
  return node.type === 'paragraph' || (node.type === 'sectionTitle' && node.depth === 0 && node.role === undefined);
}

/** The top-level blocks with hard-wrapped lines joined (see the module comment); the input is not changed. */
export function joinWrappedLines(children: readonly RootContent[]): RootContent[] {
  const out: RootContent[] = [];
  for (const node of children) {
    const previous = out[out.length - 1];
    if (
      isProseLine(previous) &&
      isProseLine(node) &&
      previous.position &&
      node.position &&
      node.position.start.line === previous.position.end.line + 1
    ) {
      const before = toString(previous).trimEnd();
      const after = toString(node).trimStart();
      if (!SENTENCE_END.test(before) && after !== '') {
        const space = CJK.test(before.slice(-1)) || CJK.test(after[0]!) ? [] : [{ type: 'text', value: ' ' } as PhrasingContent];
        out[out.length - 1] = {
          type: 'paragraph',
          children: [...previous.children, ...space, ...node.children],
          position: { start: previous.position.start, end: node.position.end },
        };
        continue;
      }
    }
    out.push(node);
  }
  return out;
}
