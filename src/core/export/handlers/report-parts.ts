/** Report-specific blocks: title, unnumbered section title, 主送 line, plain Markdown headings. */
import type { Heading } from 'mdast';
import type { Addressee, ReportSubtitle, ReportTitle, SectionTitle } from '../../parse/nodes.js';
import type { Blocks, ExportContext } from '../context.js';
import { STYLE_IDS } from '../styles.js';
import { phrasingRuns } from './paragraph.js';

/** 公文标题: 二号小标宋, centred, one blank line after (style Title). */
export function handleReportTitle(node: ReportTitle, context: ExportContext): Blocks {
  const { runs } = phrasingRuns(node.children, context);
  if (runs.length === 0) return [];
  return [context.paragraph({ style: STYLE_IDS.title, children: runs })];
}

/** The line under the title (speech date in brackets, ——副标题): 楷体, centred (style Subtitle). */
export function handleReportSubtitle(node: ReportSubtitle, context: ExportContext): Blocks {
  const { runs } = phrasingRuns(node.children, context);
  if (runs.length === 0) return [];
  return [context.paragraph({ style: STYLE_IDS.subtitle, children: runs })];
}

/** Unnumbered section title (`下半年工作安排`): 黑体, centred, outline level 1. */
export function handleSectionTitle(node: SectionTitle | Heading, context: ExportContext): Blocks {
  const { runs } = phrasingRuns(node.children, context);
  if (runs.length === 0) return [];
  return [context.paragraph({ style: STYLE_IDS.sectionTitle, children: runs })];
}

/** 主送机关: flush left, wrapped lines flush left. */
export function handleAddressee(node: Addressee, context: ExportContext): Blocks {
  const { runs } = phrasingRuns(node.children, context);
  if (runs.length === 0) return [];
  return [context.paragraph({ style: STYLE_IDS.addressee, children: runs })];
}
