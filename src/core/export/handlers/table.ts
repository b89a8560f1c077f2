/** GFM table → Word table: full type-area width, 仿宋, bold repeated header row, single borders. */
import { AlignmentType, BorderStyle, Table, TableCell, TableLayoutType, TableRow, VerticalAlignTable, WidthType } from 'docx';
import type { AlignType, Table as MdTable } from 'mdast';
import { toString } from 'mdast-util-to-string';
import type { Blocks, ExportContext } from '../context.js';
import { STYLE_IDS, typeAreaWidth } from '../styles.js';
import { collectPieces, piecesToRuns, trimPieces } from './inline.js';

/** Column widths in twips proportional to the widest cell text (min 2, max 20 characters), summing to `total`. */
export function columnWidths(table: MdTable, total: number): number[] {
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
  const widths = columnWidths(node, total);
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
