/** Picks the next or previous range relative to a position, wrapping around the document. */
import type { Position, Range } from '../../core/types.js';

export type Direction = 'next' | 'previous';

/** Compares two positions: negative when a is before b. */
export function comparePositions(a: Position, b: Position): number {
  return a.line - b.line || a.character - b.character;
}

/**
 * The range to jump to from `from`: the first one starting after it ('next'),
 * or the last one starting before it ('previous'); wraps at the ends.
 * Returns `wrapped: true` when it had to go around.
 */
export function pickRange(
  ranges: readonly Range[],
  from: Position,
  direction: Direction,
): { range: Range; wrapped: boolean } | undefined {
  if (ranges.length === 0) return undefined;
  const sorted = [...ranges].sort((a, b) => comparePositions(a.start, b.start));
  if (direction === 'next') {
    const found = sorted.find((range) => comparePositions(range.start, from) > 0);
    return found ? { range: found, wrapped: false } : { range: sorted[0]!, wrapped: true };
  }
  for (let index = sorted.length - 1; index >= 0; index--) {
    if (comparePositions(sorted[index]!.start, from) < 0) return { range: sorted[index]!, wrapped: false };
  }
  return { range: sorted[sorted.length - 1]!, wrapped: true };
}
