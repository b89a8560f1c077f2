/** GFM table → Word table: full type-area width, 仿宋, bold repeated header row, single borders. */
import { AlignmentType, BorderStyle, Table, TableCell, TableLayoutType, TableRow, VerticalAlignTable, WidthType } from 'docx';
import type { AlignType, Table as MdTable } from 'mdast';
import { toString } from 'mdast-util-to-string';
import type { Blocks, ExportContext } from '../context.js';
import { STYLE_IDS, typeAreaWidth } from '../styles.js';
import { titleWords } from '../title-lines.js';
import { collectPieces, piecesToRuns, trimPieces } from './inline.js';

/** Twips a header cell needs beyond its text: the default cell margins (2 × 108) and a little slack for bold glyphs. */
const CELL_EXTRA = 2 * 108 + 40;

/**
 * The width (twips, table text at `size` half-points) of the longest run of a
 * cell text that must not be broken: a word (ICU word boundaries) together with
 * the numbers glued to it (2024年, 第3季度).
 */
export function longestUnbreakable(text: string, size: number): number {
  let longest = 0;
  for (const word of titleWords(text.trim())) {
    if (/^\s+$/.test(word)) continue;
    let width = 0;
    for (const character of word) width += character.charCodeAt(0) < 0x2e80 ? size * 5 : size * 10;
    longest = Math.max(longest, width);
  }
  return longest;
}

/**
 * Column widths in twips proportional to the widest cell text (min 2, max 20
 * characters), summing to `total`; then every column is widened, at the cost
 * of columns with room to spare, until no header cell breaks inside a word or
 * number (2024 / 年). When the headers cannot all fit, the proportional widths stay.
 */
export function columnWidths(table: MdTable, total: number, size = 32): number[] {
  const proportional = proportionalWidths(table, total);
  const header = table.children[0];
  if (!header) return proportional;
  const minimum = proportional.map((_, index) => {
    const cell = header.children[index];
    return cell ? longestUnbreakable(toString(cell), size) + CELL_EXTRA : 0;
  });
  if (minimum.reduce((a, b) => a + b, 0) > total) return proportional;
  const widths = [...proportional];
  let missing = 0;
  widths.forEach((width, index) => {
    if (width < minimum[index]!) {
      missing += minimum[index]! - width;
      widths[index] = minimum[index]!;
    }
  });
  // Take the missing width from the columns with the most room above their own minimum.
  while (missing > 0) {
    let donor = -1;
    for (let index = 0; index < widths.length; index++) {
      const room = widths[index]! - minimum[index]!;
      if (room > 0 && (donor < 0 || room > widths[donor]! - minimum[donor]!)) donor = index;
    }
    if (donor < 0) return proportional;
    const take = Math.min(missing, widths[donor]! - minimum[donor]!, Math.max(1, Math.ceil(missing / 2)));
    widths[donor]! -= take;
    missing -= take;
  }
  return widths;
}

function proportionalWidths(table: MdTable, total: number): number[] {
  const columns = Math.max(1, ...table.children.map((row) => row.children.length));
  const weights = new Array<number>(columns).fill(2);
  for (const row of table.children) {
    row.children.forEach((cell, index) => {
      const length = [...toString(cell)].reduce((sum, character) => sum + (character.charCodeAt(0) < 0x2e80 ? 0.5 : 1), 0);
      weights[index] = Math.max(weights[index]!, Math.min(20, length + 1));
    });
  }
  const sum = weights.reduce((a, b) => a + b, 0);
  const widths = weights.map((weight) => Math.floor((total * weight) / sum));
  widths[columns - 1]! += total - widths.reduce((a, b) => a + b, 0);
  return widths;
}

function alignmentOf(align: AlignType | undefined, header: boolean) {
  if (align === 'center') return AlignmentType.CENTER;
  if (align === 'right') return AlignmentType.RIGHT;
  if (align === 'left') return AlignmentType.LEFT;
  return header ? AlignmentType.CENTER : AlignmentType.LEFT;
}

export function handleTable(node: MdTable, context: ExportContext): Blocks {
  const pageBreak = context.flushPageBreak();
  const total = typeAreaWidth(context.layout);
  const widths = columnWidths(node, total, context.layout.sizes.table);
  const border = { style: BorderStyle.SINGLE, size: context.layout.tableBorderSize, color: '000000' };
  const rows = node.children.map((row, rowIndex) => {
    const header = rowIndex === 0;
    const cells = widths.map((width, columnIndex) => {
      const cell = row.children[columnIndex];
      const pieces = cell ? trimPieces(collectPieces(cell.children, context, header ? { bold: true } : {})) : [];
      return new TableCell({
        width: { size: width, type: WidthType.DXA },
        verticalAlign: VerticalAlignTable.CENTER,
        children: [context.docxParagraph({ style: STYLE_IDS.tableText, alignment: alignmentOf(node.align?.[columnIndex] ?? undefined, header), children: piecesToRuns(pieces, context) })],
      });
    });
    return new TableRow({ tableHeader: header, cantSplit: true, children: cells });
  });
  return [
    ...pageBreak,
    new Table({
      rows,
      width: { size: total, type: WidthType.DXA },
      columnWidths: widths,
      layout: TableLayoutType.FIXED,
      borders: { top: border, bottom: border, left: border, right: border, insideHorizontal: border, insideVertical: border },
    }),
  ];
}
