/** Renumbering: the edits that make a numbering run count on in its own numeral style. */
import { formatCircled, formatDigits, formatHanNumeral } from '../numerals.js';
import type { MarkerStyle, OutlineMarker } from '../parse/nodes.js';
import type { OffsetEdit } from '../lint/rule.js';
import type { SiblingGroup } from './build.js';

/** Writes a number in a marker's numeral style; undefined past the style's table (㊿ is the last circled number). */
export function formatNumeral(value: number, numeral: MarkerStyle['numeral']): string | undefined {
  switch (numeral) {
    case 'han':
      return formatHanNumeral(value);
    case 'ascii':
      return formatDigits(value, false);
    case 'fullwidth':
      return formatDigits(value, true);
    case 'circled':
      return formatCircled(value);
  }
}

/** The marker text with a different number, e.g. （三） for （二） and 3 (for messages; digits past the style's table). */
export function markerWithOrdinal(marker: OutlineMarker, ordinal: number): string {
  return marker.style.open + (formatNumeral(ordinal, marker.style.numeral) ?? String(ordinal)) + marker.style.close;
}

/** The edit that changes only the numeral of a marker; undefined when the number cannot be written in its style. */
export function numeralEdit(marker: OutlineMarker, ordinal: number): OffsetEdit | undefined {
  const newText = formatNumeral(ordinal, marker.style.numeral);
  return newText === undefined ? undefined : { start: marker.numeralStart, end: marker.numeralEnd, newText };
}

/**
 * Edits renumbering `items` to count from `start` on (items whose marker already says
 * the expected number are left alone). Empty when any number cannot be written in its
 * marker's style: a partial renumbering would be worse than none.
 */
export function runRenumberEdits(items: ReadonlyArray<{ marker?: OutlineMarker }>, start: number): OffsetEdit[] {
  const edits: OffsetEdit[] = [];
  for (let index = 0; index < items.length; index++) {
    const marker = items[index]!.marker!;
    const expected = start + index;
    if (marker.ordinal === expected) continue;
    const edit = numeralEdit(marker, expected);
    if (!edit) return [];
    edits.push(edit);
  }
  return edits;
}

/** Edits renumbering a whole sibling group 1, 2, 3 … (used where no convention applies). */
export function groupRenumberEdits(group: SiblingGroup): OffsetEdit[] {
  return runRenumberEdits(group.items, 1);
}
