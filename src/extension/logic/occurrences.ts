/** Finds every occurrence of a literal string, as LSP-shaped ranges. */
import type { Range, TextEdit } from '../../core/types.js';
import { lineStarts, positionAt } from './text-positions.js';

/** Ranges of each non-overlapping occurrence of `needle` in `text`. */
export function findOccurrences(text: string, needle: string): Range[] {
  if (needle.length === 0) return [];
  const starts = lineStarts(text);
  const ranges: Range[] = [];
  for (let index = text.indexOf(needle); index !== -1; index = text.indexOf(needle, index + needle.length)) {
    ranges.push({ start: positionAt(text, index, starts), end: positionAt(text, index + needle.length, starts) });
  }
  return ranges;
}

/** One edit per occurrence of `needle`, replacing it with `replacement`. */
export function replaceAllEdits(text: string, needle: string, replacement: string): TextEdit[] {
  return findOccurrences(text, needle).map((range) => ({ range, newText: replacement }));
}
