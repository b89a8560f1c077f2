/** Pure parts of the fill-in pass: today's date in a date placeholder's shape, and which placeholder comes next. */
import type { Position, Range } from '../../core/types.js';
import { comparePositions } from './placeholder-navigation.js';

const BLANK = '[XxＸｘ×○□*＊]+';
const DATE = new RegExp(`^(?:([0-9]*)${BLANK}年)?(?:${BLANK}月)?(?:${BLANK}日)?$`);

/**
 * Today's date written the way the placeholder is (`x月x日` → `11月26日`,
 * `xx年x月x日` → `2026年11月26日`, `20XX年` → `2026年`), or undefined when the
 * placeholder is no date.
 */
export function todayFor(phrase: string, today: Date): string | undefined {
  const match = DATE.exec(phrase);
  if (!match || !/[年月日]/.test(phrase)) return undefined;
  const year = /年/.test(phrase) ? `${today.getFullYear()}年` : '';
  const month = /月/.test(phrase) ? `${today.getMonth() + 1}月` : '';
  const day = /日/.test(phrase) ? `${today.getDate()}日` : '';
  // A year with given leading digits (20XX年) must agree with them.
  if (match[1] && !String(today.getFullYear()).startsWith(match[1])) return undefined;
  return year + month + day;
}

/** The placeholder to fill next: the one under or after `from`, wrapping to the first; skipped ones are passed over. */
export function nextToFill(ranges: readonly Range[], from: Position, skipped: (range: Range) => boolean): Range | undefined {
  const open = [...ranges].filter((range) => !skipped(range)).sort((a, b) => comparePositions(a.start, b.start));
  return open.find((range) => comparePositions(range.end, from) > 0) ?? open[0];
}
