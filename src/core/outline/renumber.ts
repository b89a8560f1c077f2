/** Renumbering: the edits that make every sibling group count 1, 2, 3 … in its own numeral style. */
import { formatCircled, formatDigits, formatHanNumeral } from '../numerals.js';
import type { MarkerStyle, OutlineMarker } from '../parse/nodes.js';
import type { OffsetEdit } from '../lint/rule.js';
import type { SiblingGroup } from './build.js';

/** Writes a number in a marker's numeral style. */
export function formatNumeral(value: number, numeral: MarkerStyle['numeral']): string {
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

/** The marker text with a different number, e.g. （三） for （二） and 3. */
export function markerWithOrdinal(marker: OutlineMarker, ordinal: number): string {
  return marker.style.open + formatNumeral(ordinal, marker.style.numeral) + marker.style.close;
}

/** The edit that changes only the numeral of a marker. */
export function numeralEdit(marker: OutlineMarker, ordinal: number): OffsetEdit {
  return { start: marker.numeralStart, end: marker.numeralEnd, newText: formatNumeral(ordinal, marker.style.numeral) };
}

/** Edits renumbering a group from item `from` on (items before it are taken as they are expected: 1…from). */
export function groupRenumberEdits(group: SiblingGroup, from = 0): OffsetEdit[] {
  const edits: OffsetEdit[] = [];
  for (let index = from; index < group.items.length; index++) {
    const marker = group.items[index]!.marker!;
    if (marker.ordinal !== index + 1) edits.push(numeralEdit(marker, index + 1));
  }
  return edits;
}
