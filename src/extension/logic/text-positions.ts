/**
 * Offset <-> position conversion on plain strings, in the core's LSP shape
 * (0-based line and character, UTF-16 units). Line breaks are \r\n, \n or \r,
 * as in VS Code. Free of `vscode` so it can be unit-tested in plain Node.
 */
import { buildLineTable, positionAt as corePositionAt } from '../../core/parse/lines.js';
import type { Position } from '../../core/types.js';

/** Offsets at which each line starts. */
export function lineStarts(text: string): number[] {
  return buildLineTable(text).starts;
}

/** Converts an offset to a position, clamping to the text. */
export function positionAt(text: string, offset: number, starts = lineStarts(text)): Position {
  return corePositionAt({ starts, ends: [] }, Math.max(0, Math.min(offset, text.length)));
}

/** Converts a position to an offset, clamping the line and the character to the line's content. */
export function offsetAt(text: string, position: Position, starts = lineStarts(text)): number {
  if (position.line < 0) return 0;
  if (position.line >= starts.length) return text.length;
  const start = starts[position.line]!;
  const end = lineContentEnd(text, position.line, starts);
  return Math.max(start, Math.min(start + Math.max(0, position.character), end));
}

/** Offset just before the line break of a line (or the end of the text). */
export function lineContentEnd(text: string, line: number, starts = lineStarts(text)): number {
  let end = line + 1 < starts.length ? starts[line + 1]! : text.length;
  if (end > starts[line]! && text.charCodeAt(end - 1) === 10) end--;
  if (end > starts[line]! && text.charCodeAt(end - 1) === 13) end--;
  return end;
}

/** The text of one line, without its line break. */
export function lineText(text: string, line: number, starts = lineStarts(text)): string {
  if (line < 0 || line >= starts.length) return '';
  return text.slice(starts[line], lineContentEnd(text, line, starts));
}
