/** Report-specific blocks: title, unnumbered section title, 主送 line, plain Markdown headings. */
import type { Heading, PhrasingContent, RootContent } from 'mdast';
import { toString } from 'mdast-util-to-string';
import type { Addressee, AttachmentNote, Imprint, Note, ReportSubtitle, ReportTitle, Residue, SectionTitle } from '../../parse/nodes.js';
import type { Blocks, ExportContext } from '../context.js';
import { RunSpec } from '../plain.js';
import { firstLineIndent, STYLE_IDS, typeAreaWidth } from '../styles.js';
import { balanceTitle } from '../title-lines.js';
import { textWidth } from './closing.js';
import { phrasingRuns } from './paragraph.js';

/** One paragraph in a report-part style; the style carries all of the formatting. */
function styledParagraph(children: PhrasingContent[], style: string, context: ExportContext): Blocks {
  const { runs } = phrasingRuns(children, context);
  if (runs.length === 0) return [];
  return [context.paragraph({ style, children: runs })];
}

/**
 * 公文标题: 二号小标宋, centred, one blank line after (style Title). Lines the
 * author broke stay as written (line breaks); a long one-line title is broken
 * into balanced lines between words (title-lines.ts).
 */
export function handleReportTitle(node: ReportTitle, context: ExportContext): Blocks {
  if (node.children.every((child) => child.type === 'text')) {
    const text = toString(node).replace(/\s*\n\s*/g, '').trim();
    const capacity = Math.floor(typeAreaWidth(context.layout) / (context.layout.sizes.title * 10));
    const lines = balanceTitle(text, capacity);
    if (lines) {
      const children = lines.flatMap((line, index) => (index === 0 ? [new RunSpec({ text: line })] : [new RunSpec({ break: 1 }), new RunSpec({ text: line })]));
      return [context.paragraph({ style: STYLE_IDS.title, children })];
    }
  }
  return styledParagraph(node.children, STYLE_IDS.title, context);
}

/** The line under the title (speech date in brackets, ——副标题): 楷体, centred (style Subtitle). */
export function handleReportSubtitle(node: ReportSubtitle, context: ExportContext): Blocks {
  return styledParagraph(node.children, STYLE_IDS.subtitle, context);
}

/**
 * Unnumbered section title (`下半年工作安排`): 黑体, centred, outline level 1.
 * A 附件 page heading (`附件1`, GB/T 9704 7.3.7) starts a new page, 黑体 flush
 * left; the title line right after it is laid out like the document title.
 */
export function handleSectionTitle(node: SectionTitle | Heading, context: ExportContext, siblings: readonly RootContent[] = [], index = -1): Blocks {
  if (node.type === 'sectionTitle' && node.role === 'attachment') {
    const { runs } = phrasingRuns(node.children, context);
    if (runs.length === 0) return [];
    context.dropPageBreak();
    return [context.paragraph({ style: STYLE_IDS.attachmentHeading, pageBreakBefore: true, children: runs })];
  }
  if (isAttachmentTitle(siblings, index)) {
    const { runs } = phrasingRuns(node.children, context);
    if (runs.length === 0) return [];
    // Line 3 of the page: one blank line under the 附件 heading.
    return [context.paragraph({ style: STYLE_IDS.title, spacing: { before: context.layout.linePitch }, children: runs })];
  }
  return styledParagraph(node.children, STYLE_IDS.sectionTitle, context);
}

/** The title of an attachment: the first title line after a 附件 heading (附件1 / 城镇小区…统计表). */
function isAttachmentTitle(siblings: readonly RootContent[], index: number): boolean {
  if (index < 1) return false;
  let previous = index - 1;
  while (previous >= 0 && siblings[previous]!.type === 'html') previous--;
  const before = siblings[previous];
  return before?.type === 'sectionTitle' && before.role === 'attachment';
}

/** 主送机关: flush left, wrapped lines flush left. */
export function handleAddressee(node: Addressee, context: ExportContext): Blocks {
  return styledParagraph(node.children, STYLE_IDS.addressee, context);
}

/** 附注 (GB/T 9704 7.3.6: under the date, 左空二字, in brackets as written) and 版记 lines: body text lines of their own. */
export function handleBodyPart(node: Note | Imprint | Residue, context: ExportContext): Blocks {
  return styledParagraph(node.children, STYLE_IDS.normal, context);
}

/** `附件：` and `1.` at the start of a 附件说明 line. */
const NOTE_LABEL = /^(附\s*件\s*[:：]\s*)?([0-9０-９]{1,2}\s*[.．、]\s*)?/;

function noteParts(node: AttachmentNote): { label: string; number: string } {
  const match = NOTE_LABEL.exec(toString(node).replace(/^[\s\u3000]+/, ''))!;
  return { label: match[1] ?? '', number: match[2] ?? '' };
}

/**
 * 附件说明 (GB/T 9704 7.3.4): one blank line under the body, 左空二字 `附件：`,
 * the names after it; every line of the group is indented to where the first
 * name starts and hangs its own `附件：` / `2.` out to the left, so the numbers
 * stand under each other and a wrapped name continues under its first character.
 */
export function handleAttachmentNote(node: AttachmentNote, context: ExportContext, siblings: readonly RootContent[], index: number): Blocks {
  const { runs } = phrasingRuns(node.children, context);
  if (runs.length === 0) return [];
  let first = index;
  while (first > 0 && siblings[first - 1]!.type === 'attachmentNote') first--;
  let last = index;
  while (last + 1 < siblings.length && siblings[last + 1]!.type === 'attachmentNote') last++;
  const group = siblings.slice(first, last + 1) as AttachmentNote[];
  const layout = context.layout;
  const labelWidth = Math.max(0, ...group.map((item) => textWidth(noteParts(item).label, layout)));
  const numberWidth = Math.max(0, ...group.map((item) => textWidth(noteParts(item).number, layout)));
  const own = noteParts(node);
  const left = firstLineIndent(layout) + labelWidth + numberWidth;
  const hanging = Math.min(left, textWidth(own.label, layout) + textWidth(own.number, layout));
  return [
    context.paragraph({
      style: STYLE_IDS.attachmentNote,
      indent: { left, hanging },
      ...(index === first && first > 0 ? { spacing: { before: layout.closingSpaceBefore } } : {}),
      // Names stay together, and with the 落款 that follows.
      keepNext: true,
      children: runs,
    }),
  ];
}
