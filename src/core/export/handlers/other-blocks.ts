/** Code blocks, thematic breaks and HTML blocks (page-break directives). */
import type { Code, Html, ThematicBreak } from 'mdast';
import type { Blocks, ExportContext } from '../context.js';
import { RunSpec } from '../plain.js';
import { STYLE_IDS } from '../styles.js';

/** HTML that asks for a page break: `<!-- pagebreak -->`, `<!-- 分页 -->`, or a div with CSS page-break-before/after. */
const PAGE_BREAK_HTML = /^<!--\s*(?:page-?break|new-?page|分页符?)\s*-->$|page-break-(?:before|after)\s*:\s*always|break-(?:before|after)\s*:\s*page/i;

/** Fenced or indented code: one paragraph per line, monospaced ASCII, line breaks kept. */
export function handleCode(node: Code, context: ExportContext): Blocks {
  const lines = node.value.replace(/\t/g, '    ').split(/\r?\n/);
  return lines.map((line) => context.paragraph({ style: STYLE_IDS.code, children: line === '' ? [] : [new RunSpec({ text: line })] }));
}

/** `***` / `---` on its own line is a hard page break. */
export function handleThematicBreak(_node: ThematicBreak, context: ExportContext): Blocks {
  context.requestPageBreak();
  return [];
}

/** HTML blocks are not rendered; page-break directives are honoured. */
export function handleHtml(node: Html, context: ExportContext): Blocks {
  if (PAGE_BREAK_HTML.test(node.value.trim())) context.requestPageBreak();
  return [];
}
