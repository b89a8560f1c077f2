/** Report-specific blocks: title, unnumbered section title, 主送 line, plain Markdown headings. */
import type { Heading, PhrasingContent } from 'mdast';
import type { Addressee, AttachmentNote, Imprint, Note, ReportSubtitle, ReportTitle, Residue, SectionTitle } from '../../parse/nodes.js';
import type { Blocks, ExportContext } from '../context.js';
import { STYLE_IDS } from '../styles.js';
import { phrasingRuns } from './paragraph.js';

/** One paragraph in a report-part style; the style carries all of the formatting. */
function styledParagraph(children: PhrasingContent[], style: string, context: ExportContext): Blocks {
  const { runs } = phrasingRuns(children, context);
  if (runs.length === 0) return [];
  return [context.paragraph({ style, children: runs })];
}

/** 公文标题: 二号小标宋, centred, one blank line after (style Title). */
export function handleReportTitle(node: ReportTitle, context: ExportContext): Blocks {
  return styledParagraph(node.children, STYLE_IDS.title, context);
}

/** The line under the title (speech date in brackets, ——副标题): 楷体, centred (style Subtitle). */
export function handleReportSubtitle(node: ReportSubtitle, context: ExportContext): Blocks {
  return styledParagraph(node.children, STYLE_IDS.subtitle, context);
}

/** Unnumbered section title (`下半年工作安排`): 黑体, centred, outline level 1. */
export function handleSectionTitle(node: SectionTitle | Heading, context: ExportContext): Blocks {
  return styledParagraph(node.children, STYLE_IDS.sectionTitle, context);
}

/** 主送机关: flush left, wrapped lines flush left. */
export function handleAddressee(node: Addressee, context: ExportContext): Blocks {
  return styledParagraph(node.children, STYLE_IDS.addressee, context);
}

/** 附件说明 (GB/T 9704 7.3.4), 附注 (7.3.6) and 版记 lines: body text lines of their own. */
export function handleBodyPart(node: AttachmentNote | Note | Imprint | Residue, context: ExportContext): Blocks {
  return styledParagraph(node.children, STYLE_IDS.normal, context);
}
