/**
 * De-duplicating the quick-fix menu: with a selection over several
 * diagnostics, each used to add its own "Fix: …", "Replace all “XX” with…" and
 * "Disable … for this line", so identical entries repeated. Entries are kept
 * once per title; fixes with the same title are merged into one edit set.
 */
import type { Position, TextEdit } from '../../core/types.js';

const compare = (a: Position, b: Position): number => a.line - b.line || a.character - b.character;

/** The first item of each key, in order. */
export function uniqueBy<T>(items: readonly T[], key: (item: T) => string): T[] {
  const seen = new Set<string>();
  return items.filter((item) => {
    const value = key(item);
    if (seen.has(value)) return false;
    seen.add(value);
    return true;
  });
}

/** The edits of several fixes as one non-overlapping list: duplicates and edits overlapping an earlier one are dropped. */
export function mergeFixEdits(fixes: ReadonlyArray<readonly TextEdit[]>): TextEdit[] {
  const all = fixes.flat().sort((a, b) => compare(a.range.start, b.range.start) || compare(a.range.end, b.range.end));
  const merged: TextEdit[] = [];
  for (const edit of all) {
    const previous = merged[merged.length - 1];
    if (previous) {
      const same = compare(previous.range.start, edit.range.start) === 0 && compare(previous.range.end, edit.range.end) === 0;
      if (same || compare(edit.range.start, previous.range.end) < 0) continue;
      // Two insertions at one position would be applied in an undefined order.
      if (compare(edit.range.start, edit.range.end) === 0 && compare(previous.range.end, edit.range.start) === 0) continue;
    }
    merged.push(edit);
  }
  return merged;
}
