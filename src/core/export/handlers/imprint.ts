/**
 * 版记 (GB/T 9704-2012 7.4): 抄送机关 and 印发机关和印发日期 in 四号 仿宋 between
 * separator lines as wide as the type area (the first and the last thick, those
 * between thin), the last line on the bottom edge of the type area of the last page.
 *
 * Written as a one-column table floating at the bottom of the type area of the page
 * where the text ends (it is anchored in the tiny paragraph after it): placed from the
 * top of the type area (`w:vertAnchor="margin"`, `w:tblpY` = the type area's height less
 * the table's, its rows having exact line counts) so that its bottom border lies on the
 * type area's bottom edge. Horizontally it is placed from the page's edge at the left
 * margin (`w:horzAnchor="page"`, `w:tblpX` = left margin): LibreOffice 7.4 turns a
 * floating table into a frame only when text could stand beside it, judged against the
 * text area for a table placed relative to the margin (a table as wide as the type area
 * then stays in line, right under the text) but against the page for one placed
 * relative to the page (unless it is placed from the page's top as well). Vertically,
 * `w:tblpYSpec="bottom"` puts it right on the first page of a section but 8 pt too low
 * on the first page of a new section in LibreOffice, so the offset is computed. The
 * table and its cells have no cell margins, so the table's edge is the type area's edge
 * whichever edge an application positions. Its top and bottom borders are the thick
 * lines, the border between rows the thin one; no side borders. Body text never runs
 * beside or under it (`w:tblOverlap="never"`, no distance from text); when the text
 * reaches into the 版记's lines, the anchor and the 版记 move to the next page.
 * `imprintPage: 'even'` puts it in a section of its own that starts on an even page.
 * 抄送: 1 字 in from both sides, wrapped names aligned after the colon; 印发机关 1 字
 * from the left, 印发日期 1 字 from the right (a right tab stop), followed by 印发.
 *
 * The orchestrator puts every 版记 element in one run of `imprint` siblings at the
 * end of the document (full-document.ts); the first writes the whole 版记.
 */
import {
  BorderStyle,
  HeightRule,
  LineRuleType,
  OverlapType,
  Paragraph,
  Tab,
  Table,
  TableAnchorType,
  TableCell,
  TableLayoutType,
  TableRow,
  TabStopType,
  TextRun,
  WidthType,
} from 'docx';
import type { RootContent } from 'mdast';
import { toString } from 'mdast-util-to-string';
import type { Imprint } from '../../parse/nodes.js';
import { printedDate } from '../../parse/parts.js';
import type { Blocks, ExportContext } from '../context.js';
import { STYLE_IDS, typeAreaWidth, type Layout } from '../styles.js';

const isImprint = (node: RootContent | undefined): node is Imprint => node?.type === 'imprint';

export function handleImprint(_node: Imprint, context: ExportContext, siblings: readonly RootContent[], index: number): Blocks {
  if (isImprint(siblings[index - 1])) return [];
  const group: Imprint[] = [];
  for (let next = index; isImprint(siblings[next]); next++) group.push(siblings[next] as Imprint);
  return imprintBlocks(group, context);
}

/** The lines of a 版记: each 抄送 line, then one 印发 line (印发机关 and 印发日期). */
export function imprintLines(group: readonly Imprint[]): Array<{ kind: 'copyTo'; text: string } | { kind: 'printed'; office: string; date: string }> {
  const lines: ReturnType<typeof imprintLines> = [];
  for (const item of group) {
    if (item.role !== 'copyTo') continue;
    const text = toString(item).trim();
    // Front matter gives the names alone.
    lines.push({ kind: 'copyTo', text: item.frontMatter && !/^抄\s*[送报]\s*[:：]/.test(text) ? `抄送：${text}` : text });
  }
  let office: string | undefined;
  let date: string | undefined;
  for (const item of group) {
    const text = toString(item).trim();
    if (item.role === 'printed' && office === undefined) {
      const found = printedDate(text);
      office = found ? text.slice(0, found.index).trim() : text;
      date = found ? `${found.date.replace(/\s/g, '')}印发` : '';
    } else if (item.role === 'printOffice' && office === undefined) {
      office = text;
    } else if (item.role === 'printDate' && date === undefined) {
      date = /印\s*发$/.test(text) ? text : `${text}印发`;
    }
  }
  if (office !== undefined || date !== undefined) lines.push({ kind: 'printed', office: office ?? '', date: date ?? '' });
  return lines;
}

/** The floating 版记 table and the paragraph it is anchored in. */
export function imprintBlocks(group: readonly Imprint[], context: ExportContext): Blocks {
  const layout = context.layout;
  const lines = imprintLines(group);
  if (lines.length === 0) return [];
  const width = typeAreaWidth(layout);
  // 1 字 of 四号.
  const one = layout.imprint.size * 10;
  const paragraph = (children: TextRun[], extra: Record<string, unknown>) =>
    new Paragraph({
      style: STYLE_IDS.normal,
      spacing: { line: layout.linePitch, lineRule: LineRuleType.EXACT, before: 0, after: 0 },
      ...extra,
      children,
    });
  const run = (text: string) => new TextRun({ text, size: layout.imprint.size, characterSpacing: 0 });
  let height = 0;
  const rows = lines.map((line, index) => {
    let content: Paragraph;
    // The rows stay on one page: each row's paragraph is kept with the next row (Word's and LibreOffice's way).
    const keep = index < lines.length - 1 ? { keepNext: true, keepLines: true } : { keepLines: true };
    let lineCount = 1;
    if (line.kind === 'copyTo') {
      const label = [...(/^(抄\s*[送报]\s*[:：])/.exec(line.text)?.[1] ?? '').replace(/\s/g, '')].length;
      // 1 字 in from both sides; wrapped names align with the first name after the colon.
      content = paragraph([run(line.text)], { ...keep, indent: { left: one + label * one, hanging: label * one, right: one } });
      const firstLine = width - 2 * one;
      const length = textWidth(line.text, one);
      lineCount = length <= firstLine ? 1 : 1 + Math.ceil((length - firstLine) / (firstLine - label * one));
    } else {
      content = paragraph([run(line.office), new TextRun({ children: [new Tab()], size: layout.imprint.size }), run(line.date)], {
        ...keep,
        indent: { left: one, right: one, firstLine: 0 },
        tabStops: [{ type: TabStopType.RIGHT, position: width - one }],
      });
    }
    const rowHeight = lineCount * layout.linePitch;
    height += rowHeight;
    return new TableRow({
      cantSplit: true,
      height: { value: rowHeight, rule: HeightRule.ATLEAST },
      children: [new TableCell({ width: { size: width, type: WidthType.DXA }, margins: { left: 0, right: 0, top: 0, bottom: 0 }, children: [content] })],
    });
  });
  // Borders in eighths of a point.
  const borders = Math.round(((2 * layout.imprint.thickLine + (rows.length - 1) * layout.imprint.thinLine) * 20) / 8);
  const table = new Table({
      rows,
      width: { size: width, type: WidthType.DXA },
      columnWidths: [width],
      layout: TableLayoutType.FIXED,
      borders: imprintBorders(layout),
      margins: { marginUnitType: WidthType.DXA, top: 0, bottom: 0, left: 0, right: 0 },
      // At the bottom of the type area; from the page's left edge (see the file comment for why not the margin's).
      float: {
        horizontalAnchor: TableAnchorType.PAGE,
        absoluteHorizontalPosition: layout.page.marginLeft,
        verticalAnchor: TableAnchorType.MARGIN,
        absoluteVerticalPosition: layout.page.height - layout.page.marginTop - layout.page.marginBottom - height - borders,
        overlap: OverlapType.NEVER,
        leftFromText: 0,
        rightFromText: 0,
        topFromText: 0,
        bottomFromText: 0,
      },
  });
  // The anchor: a 1-point-high empty paragraph after the table (a document does not end with a table; a
  // full-height line would not fit above the table on a full page and would start a page of its own).
  const anchor = tinyParagraph(20);
  if (context.imprintPage !== 'even') return [...context.flushPageBreak(), table, anchor];
  // A section of its own that starts on an even page (to-docx.ts splits the body at the table). The
  // paragraph before it ends the text's section and holds its properties: 0.8 pt high, so that it still
  // fits under 22 full lines (22 × 579 + 16 ≤ 12756 twips) and never makes a page of its own.
  // The section starts with a paragraph, not with the table: LibreOffice applies the section's page break
  // to its first paragraph, which for a table turned into a frame is inside the frame, and then ignores it.
  context.dropPageBreak();
  const start = tinyParagraph(20);
  context.imprintSectionStart = start;
  return [tinyParagraph(16), start, table, anchor];
}

/** An empty paragraph `height` twips high (exact line spacing, 1 pt type). */
function tinyParagraph(height: number): Paragraph {
  return new Paragraph({ style: STYLE_IDS.normal, spacing: { line: height, lineRule: LineRuleType.EXACT, before: 0, after: 0 }, children: [new TextRun({ text: '', size: 2 })] });
}

/** Width in twips of a line of 版记 text, `one` twips per full-width character, half for ASCII. */
function textWidth(text: string, one: number): number {
  let width = 0;
  for (const character of text) width += character.charCodeAt(0) < 0x2e80 ? one / 2 : one;
  return width;
}

function imprintBorders(layout: Layout) {
  const thick = { style: BorderStyle.SINGLE, size: layout.imprint.thickLine, color: '000000' };
  const thin = { style: BorderStyle.SINGLE, size: layout.imprint.thinLine, color: '000000' };
  const none = { style: BorderStyle.NONE, size: 0, color: 'auto' };
  return { top: thick, bottom: thick, left: none, right: none, insideHorizontal: thin, insideVertical: none };
}
