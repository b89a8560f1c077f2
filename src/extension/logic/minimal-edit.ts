/**
 * Shrinks a whole-document rewrite to the single edit that covers only the
 * changed span, so the cursor, folding and undo stop stay where they were.
 */
import type { TextEdit } from '../../core/types.js';
import { lineStarts, positionAt } from './text-positions.js';

const isHighSurrogate = (code: number): boolean => code >= 0xd800 && code <= 0xdbff;
const isLowSurrogate = (code: number): boolean => code >= 0xdc00 && code <= 0xdfff;

/** Returns the one edit turning `before` into `after`, or undefined when they are equal. */
export function minimalEdit(before: string, after: string): TextEdit | undefined {
  if (before === after) return undefined;
  const limit = Math.min(before.length, after.length);
  let prefix = 0;
  while (prefix < limit && before.charCodeAt(prefix) === after.charCodeAt(prefix)) prefix++;
  // Never split a surrogate pair or a \r\n pair.
  if (prefix > 0 && (isHighSurrogate(before.charCodeAt(prefix - 1)) || before.charCodeAt(prefix - 1) === 13)) prefix--;
  let suffix = 0;
  while (
    suffix < limit - prefix &&
    before.charCodeAt(before.length - 1 - suffix) === after.charCodeAt(after.length - 1 - suffix)
  ) {
    suffix++;
  }
  if (suffix > 0) {
    const firstKept = before.length - suffix;
    if (isLowSurrogate(before.charCodeAt(firstKept)) || before.charCodeAt(firstKept) === 10) suffix--;
  }
  const starts = lineStarts(before);
  return {
    range: {
      start: positionAt(before, prefix, starts),
      end: positionAt(before, before.length - suffix, starts),
    },
    newText: after.slice(prefix, after.length - suffix),
  };
}
