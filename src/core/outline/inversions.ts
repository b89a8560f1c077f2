/**
 * Level inversions: a run of higher-level markers written inside a lower-level list
 * (（一）… 一、… 二、… （二）). The run restarts at 1 right after a deeper heading A, and
 * after it A's list goes on (the next heading at A's level is numbered A + 1): the run
 * belongs inside A. numbering-level reports it; numbering-sequence leaves A's list alone.
 */
import type { Outline, OutlineEntry } from './build.js';

export type Inversion = { first: OutlineEntry; interrupted: OutlineEntry; after: OutlineEntry };

export function findInversions(outline: Outline): Inversion[] {
  const headings = outline.headings;
  const out: Inversion[] = [];
  for (let index = 1; index < headings.length; index++) {
    const first = headings[index]!;
    const interrupted = headings[index - 1]!;
    if (first.marker!.ordinal !== 1 || interrupted.level <= first.level || interrupted.part !== first.part) continue;
    // The level-L numbering must already be under way (else this is an ordinary first child).
    if (!earlierAtLevel(headings, index, first)) continue;
    let next = index + 1;
    let expected = 2;
    while (next < headings.length) {
      const heading = headings[next]!;
      if (heading.level === first.level && heading.marker!.ordinal === expected) {
        expected++;
        next++;
      } else if (heading.level > first.level && heading.level !== interrupted.level) {
        next++;
      } else {
        break;
      }
    }
    const after = headings[next];
    if (!after || after.level !== interrupted.level || after.marker!.ordinal !== interrupted.marker!.ordinal + 1 || after.part !== first.part) continue;
    out.push({ first, interrupted, after });
    index = next - 1;
  }
  return out;
}

/** True when a heading of `entry`'s level precedes it in the same part and under the same section. */
function earlierAtLevel(headings: readonly OutlineEntry[], index: number, entry: OutlineEntry): boolean {
  const root = (heading: OutlineEntry): OutlineEntry | undefined => {
    let current: OutlineEntry | undefined = heading;
    while (current?.parent) current = current.parent;
    return current?.kind === 'section' ? current : undefined;
  };
  const section = root(entry);
  for (let earlier = index - 1; earlier >= 0; earlier--) {
    const heading = headings[earlier]!;
    if (heading.part !== entry.part) return false;
    if (heading.level === entry.level) return root(heading) === section;
  }
  return false;
}
