/** Applies text edits: sorted, non-overlapping, in one pass. */
import { offsetAt, type LineTable } from '../parse/lines.js';
import type { TextEdit } from '../types.js';
import type { OffsetEdit } from './rule.js';

/** Applies offset edits; an edit overlapping an earlier one is skipped. Returns the new text. */
export function applyOffsetEdits(text: string, edits: readonly OffsetEdit[]): string {
  if (edits.length === 0) return text;
  const sorted = [...edits].sort((left, right) => left.start - right.start || left.end - right.end);
  let out = '';
  let cursor = 0;
  for (const edit of sorted) {
    if (edit.start < cursor || edit.end < edit.start || edit.end > text.length) continue;
    out += text.slice(cursor, edit.start) + edit.newText;
    cursor = edit.end;
  }
  return out + text.slice(cursor);
}

/** Converts LSP-shaped edits of `text` to offset edits. */
export function toOffsetEdits(lines: LineTable, edits: readonly TextEdit[]): OffsetEdit[] {
  return edits.map((edit) => ({
    start: offsetAt(lines, edit.range.start.line, edit.range.start.character),
    end: offsetAt(lines, edit.range.end.line, edit.range.end.character),
    newText: edit.newText,
  }));
}

/** Keeps the first of any overlapping or duplicate edits. */
export function dedupeEdits(edits: readonly OffsetEdit[]): OffsetEdit[] {
  const sorted = [...edits].sort((left, right) => left.start - right.start || left.end - right.end);
  const out: OffsetEdit[] = [];
  for (const edit of sorted) {
    const previous = out[out.length - 1];
    if (previous && (edit.start < previous.end || (edit.start === previous.start && edit.end === previous.end))) continue;
    out.push(edit);
  }
  return out;
}
