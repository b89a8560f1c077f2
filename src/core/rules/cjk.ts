/** Character classes shared by the proofreading rules (code-unit based; CJK prose is in the BMP). */

/** A Han character (CJK unified ideographs, extension A, compatibility ideographs) or 〇. */
export function isHan(char: string | undefined): boolean {
  if (!char) return false;
  const code = char.charCodeAt(0);
  return (code >= 0x4e00 && code <= 0x9fff) || (code >= 0x3400 && code <= 0x4dbf) || (code >= 0xf900 && code <= 0xfaff) || code === 0x3007;
}

/** Full-width CJK punctuation that can stand next to Chinese text (，。、；：？！“”‘’（）《》【】…—). */
export function isCjkPunctuation(char: string | undefined): boolean {
  if (!char) return false;
  return '，。、；：？！“”‘’（）《》〈〉【】〔〕「」『』…—·'.includes(char);
}

/** Han or full-width CJK punctuation. */
export function isCjk(char: string | undefined): boolean {
  return isHan(char) || isCjkPunctuation(char);
}

export function isAsciiDigit(char: string | undefined): boolean {
  return char !== undefined && char >= '0' && char <= '9';
}

export function isLatin(char: string | undefined): boolean {
  return char !== undefined && /[A-Za-z]/.test(char);
}

/** True when `offset` (a document offset) lies in the block's outline marker (numbering rules own the marker). */
export function inMarker(block: { marker?: { start: number; end: number } }, offset: number): boolean {
  return block.marker !== undefined && offset >= block.marker.start && offset < block.marker.end;
}
