import type { RuleContext } from '../lint/rule.js';
import type { ReportDocument, TextBlock } from '../parse/report.js';

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

const sortedBlocksCache = new WeakMap<ReportDocument, TextBlock[]>();

/**
 * The blocks in which a global regular expression matches the raw document
 * text (by match start), in document order. One native scan of the whole text
 * instead of a test per block: most rules have nothing to look at in most blocks.
 * The caller still checks the block's masked text (a match may be in code or a URL).
 */
export function blocksWithMatch(context: Pick<RuleContext, 'text' | 'document'>, pattern: RegExp): TextBlock[] {
  pattern.lastIndex = 0;
  const hits: number[] = [];
  let match: RegExpExecArray | null;
  while ((match = pattern.exec(context.text))) {
    hits.push(match.index);
    if (match[0].length === 0) pattern.lastIndex++;
  }
  return blocksAt(context, hits);
}

/** The blocks holding at least one of `hits` (document offsets in ascending order), in document order. */
export function blocksAt(context: Pick<RuleContext, 'document'>, hits: readonly number[]): TextBlock[] {
  if (hits.length === 0) return [];
  let blocks = sortedBlocksCache.get(context.document);
  if (!blocks) {
    blocks = [...context.document.blocks].sort((left, right) => left.start - right.start);
    sortedBlocksCache.set(context.document, blocks);
  }
  const out: TextBlock[] = [];
  let hit = 0;
  for (const block of blocks) {
    while (hit < hits.length && hits[hit]! < block.start) hit++;
    if (hit === hits.length) break;
    if (hits[hit]! < block.end) out.push(block);
  }
  return out;
}
