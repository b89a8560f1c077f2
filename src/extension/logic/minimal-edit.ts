/**
 * Turns a whole-document rewrite (fix-all) into small edits that cover only
 * what changed, so the cursor, the selections, folding and the undo stop
 * stay where they were. `minimalEdits` compares line by line and gives one
 * edit per changed span; `minimalEdit` gives the single edit covering all of
 * them.
 */
import type { TextEdit } from '../../core/types.js';
import { lineStarts, lineTable, positionAt } from './text-positions.js';

const isHighSurrogate = (code: number): boolean => code >= 0xd800 && code <= 0xdbff;
const isLowSurrogate = (code: number): boolean => code >= 0xdc00 && code <= 0xdfff;

/** An edit in offsets of the text before. */
type Span = { start: number; end: number; newText: string };

/**
 * The smallest span turning before[bStart, bEnd) into after[aStart, aEnd),
 * never splitting a surrogate pair or a \r\n pair; undefined when equal.
 */
function shrink(before: string, bStart: number, bEnd: number, after: string, aStart: number, aEnd: number): Span | undefined {
  const limit = Math.min(bEnd - bStart, aEnd - aStart);
  let prefix = 0;
  while (prefix < limit && before.charCodeAt(bStart + prefix) === after.charCodeAt(aStart + prefix)) prefix++;
  if (prefix === bEnd - bStart && prefix === aEnd - aStart) return undefined;
  if (prefix > 0) {
    const last = before.charCodeAt(bStart + prefix - 1);
    if (isHighSurrogate(last) || last === 13) prefix--;
  }
  let suffix = 0;
  while (suffix < limit - prefix && before.charCodeAt(bEnd - 1 - suffix) === after.charCodeAt(aEnd - 1 - suffix)) suffix++;
  if (suffix > 0) {
    const firstKept = before.charCodeAt(bEnd - suffix);
    if (isLowSurrogate(firstKept) || firstKept === 10) suffix--;
  }
  return { start: bStart + prefix, end: bEnd - suffix, newText: after.slice(aStart + prefix, aEnd - suffix) };
}

/** Line starts plus the text length: line i spans [bounds[i], bounds[i + 1]), its line break included. */
function lineBounds(text: string): number[] {
  const bounds = lineStarts(text);
  if (bounds[bounds.length - 1] !== text.length) bounds.push(text.length);
  return bounds;
}

/** Largest number of line pairs compared for a line-matching diff; beyond it the changed block is one edit. */
const MAX_MATCH_CELLS = 4_000_000;

/**
 * Pairs of old/new line blocks that differ: [oldFrom, oldTo, newFrom, newTo) in
 * line indexes, found with a longest-common-subsequence match of whole lines.
 */
function changedBlocks(oldLines: string[], newLines: string[]): Array<[number, number, number, number]> {
  const n = oldLines.length;
  const m = newLines.length;
  if (n === m) return oldLines.map((_, index) => [index, index + 1, index, index + 1]);
  if (n === 0 || m === 0 || n * m > MAX_MATCH_CELLS) return [[0, n, 0, m]];
  // lengths[i][j]: LCS of oldLines[i..] and newLines[j..].
  const width = m + 1;
  const lengths = new Uint32Array((n + 1) * width);
  for (let i = n - 1; i >= 0; i--) {
    for (let j = m - 1; j >= 0; j--) {
      lengths[i * width + j] =
        oldLines[i] === newLines[j] ? lengths[(i + 1) * width + j + 1]! + 1 : Math.max(lengths[(i + 1) * width + j]!, lengths[i * width + j + 1]!);
    }
  }
  const blocks: Array<[number, number, number, number]> = [];
  let i = 0;
  let j = 0;
  let oldFrom = 0;
  let newFrom = 0;
  while (i < n || j < m) {
    if (i < n && j < m && oldLines[i] === newLines[j]) {
      if (oldFrom < i || newFrom < j) blocks.push([oldFrom, i, newFrom, j]);
      i++;
      j++;
      oldFrom = i;
      newFrom = j;
    } else if (j < m && (i === n || lengths[i * width + j + 1]! >= lengths[(i + 1) * width + j]!)) {
      j++;
    } else {
      i++;
    }
  }
  if (oldFrom < n || newFrom < m) blocks.push([oldFrom, n, newFrom, m]);
  return blocks;
}

/**
 * Non-overlapping edits (in document order) turning `before` into `after`:
 * unchanged lines are left out, changed lines are shrunk to their changed
 * characters, and a block whose line count changes becomes one edit. Empty
 * when the texts are equal.
 */
export function minimalEdits(before: string, after: string): TextEdit[] {
  if (before === after) return [];
  const oldBounds = lineBounds(before);
  const newBounds = lineBounds(after);
  const oldCount = oldBounds.length - 1;
  const newCount = newBounds.length - 1;
  const oldLine = (index: number): string => before.slice(oldBounds[index], oldBounds[index + 1]);
  const newLine = (index: number): string => after.slice(newBounds[index], newBounds[index + 1]);
  // Unchanged lines at both ends.
  let head = 0;
  while (head < oldCount && head < newCount && oldLine(head) === newLine(head)) head++;
  let tail = 0;
  while (tail < oldCount - head && tail < newCount - head && oldLine(oldCount - 1 - tail) === newLine(newCount - 1 - tail)) tail++;
  const oldMiddle: string[] = [];
  for (let index = head; index < oldCount - tail; index++) oldMiddle.push(oldLine(index));
  const newMiddle: string[] = [];
  for (let index = head; index < newCount - tail; index++) newMiddle.push(newLine(index));

  const spans: Span[] = [];
  for (const [oldFrom, oldTo, newFrom, newTo] of changedBlocks(oldMiddle, newMiddle)) {
    const span = shrink(
      before,
      oldBounds[head + oldFrom]!,
      oldBounds[head + oldTo]!,
      after,
      newBounds[head + newFrom]!,
      newBounds[head + newTo]!,
    );
    if (!span) continue;
    const previous = spans[spans.length - 1];
    // Touching spans become one, so no two edits share a position.
    if (previous && previous.end >= span.start) {
      previous.newText += before.slice(previous.end, span.start) + span.newText;
      previous.end = span.end;
    } else {
      spans.push(span);
    }
  }
  const table = lineTable(before);
  return spans.map((span) => ({
    range: { start: positionAt(before, span.start, table), end: positionAt(before, span.end, table) },
    newText: span.newText,
  }));
}

/** Returns the one edit turning `before` into `after`, or undefined when they are equal. */
export function minimalEdit(before: string, after: string): TextEdit | undefined {
  const span = shrink(before, 0, before.length, after, 0, after.length);
  if (!span) return undefined;
  const table = lineTable(before);
  return {
    range: { start: positionAt(before, span.start, table), end: positionAt(before, span.end, table) },
    newText: span.newText,
  };
}
