/**
 * Offset <-> position conversion on plain strings, in the core's LSP shape
 * (0-based line and character, UTF-16 units), over the core's line table
 * (line breaks \r\n, \n or \r, as in VS Code). Free of `vscode` so it can be
 * unit-tested in plain Node.
 */
import { buildLineTable, offsetAt as coreOffsetAt, positionAt as corePositionAt, type LineTable } from '../../core/parse/lines.js';
import type { Position } from '../../core/types.js';

export type { LineTable };

/** The line table of a text (line starts and content ends). */
export function lineTable(text: string): LineTable {
  return buildLineTable(text);
}

/** Offsets at which each line starts. */
export function lineStarts(text: string): number[] {
  return buildLineTable(text).starts;
}

/** Converts an offset to a position, clamping to the text. */
export function positionAt(text: string, offset: number, table = buildLineTable(text)): Position {
  return corePositionAt(table, Math.max(0, Math.min(offset, text.length)));
}

/** Converts a position to an offset, clamping the line and the character to the line's content. */
export function offsetAt(text: string, position: Position, table = buildLineTable(text)): number {
  return coreOffsetAt(table, position.line, position.character);
}

/** The text of one line, without its line break. */
export function lineText(text: string, line: number, table = buildLineTable(text)): string {
  if (line < 0 || line >= table.starts.length) return '';
  return text.slice(table.starts[line], table.ends[line]);
}
