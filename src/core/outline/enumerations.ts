/** Inline enumerations inside paragraphs: 一是…二是, 一要…二要, 第一，…第二，, 1.…2., （1）…（2）, ①…②. */
import { parseCircled, parseDigits, parseHanNumeral } from '../numerals.js';
import type { MarkerStyle } from '../parse/nodes.js';
import { HAN } from '../parse/outline-markers.js';
import type { TextBlock } from '../parse/report.js';

export type EnumerationFamily = 'shi' | 'yao' | 'di' | 'digit' | 'paren' | 'circled';

export type EnumerationItem = {
  family: EnumerationFamily;
  ordinal: number;
  /** The item marker as written: 二是, 第二, 2., （2）, ②. */
  text: string;
  start: number;
  end: number;
  numeralStart: number;
  numeralEnd: number;
  numeral: MarkerStyle['numeral'];
  block: TextBlock;
};

export type EnumerationSequence = { family: EnumerationFamily; items: EnumerationItem[] };

// One pass per block. The pattern starts at the item itself (so the regex engine can skip
// ahead on its first character); what must precede an item is checked in code.
const CANDIDATE = new RegExp(
  `第(${HAN})(?=[，、：,:])|(${HAN})([是要])|([0-9]{1,2}|[０-９]{1,2})[.．、](?![0-9０-９])|[（(]([0-9]{1,2}|[０-９]{1,2})[）)]|([\\u2460-\\u2473])`,
  'g',
);
/** May precede 一是 / 一要 / 第一: start, punctuation, space, a masked character, a closing quote or bracket. */
const WORD_BOUNDARY = /[。；，：！？、;:,!?\s\u0000”）)]/;
/** May precede 1. / （1）: punctuation or space (not a digit or letter: 73.04, PM2.5). */
const NUMBER_BOUNDARY = /[。；，：！？;:,!?\s]/;

const QUICK_CHECK = /[一二三四五六七八九十][是要]|第[一二三四五六七八九十]|[0-9０-９][.．、)）]|[\u2460-\u2473]/;

/** Finds the enumeration items of one block (masked text: non-prose characters are U+0000). */
export function findEnumerationItems(block: TextBlock, masked: string, skipPrefix: number): EnumerationItem[] {
  if (!QUICK_CHECK.test(masked)) return [];
  const items: EnumerationItem[] = [];
  CANDIDATE.lastIndex = 0;
  let match: RegExpExecArray | null;
  while ((match = CANDIDATE.exec(masked))) {
    const index = match.index;
    if (index < skipPrefix) continue;
    const before = index > 0 ? masked[index - 1]! : '';
    let family: EnumerationFamily;
    let numeralText: string;
    if (match[1] !== undefined) {
      if (before && !WORD_BOUNDARY.test(before)) continue;
      family = 'di';
      numeralText = match[1];
    } else if (match[2] !== undefined) {
      if (before && !WORD_BOUNDARY.test(before)) continue;
      family = match[3] === '是' ? 'shi' : 'yao';
      numeralText = match[2];
    } else if (match[4] !== undefined) {
      if (!before || !NUMBER_BOUNDARY.test(before)) continue;
      family = 'digit';
      numeralText = match[4];
    } else if (match[5] !== undefined) {
      if (before && !NUMBER_BOUNDARY.test(before)) continue;
      family = 'paren';
      numeralText = match[5];
    } else {
      if (index === 0) continue;
      family = 'circled';
      numeralText = match[6]!;
    }
    const numeralOffset = match[0].indexOf(numeralText);
    let ordinal: number | undefined;
    let numeral: MarkerStyle['numeral'];
    if (family === 'digit' || family === 'paren') {
      ordinal = parseDigits(numeralText);
      numeral = /[０-９]/.test(numeralText) ? 'fullwidth' : 'ascii';
    } else if (family === 'circled') {
      ordinal = parseCircled(numeralText);
      numeral = 'circled';
    } else {
      ordinal = parseHanNumeral(numeralText);
      numeral = 'han';
    }
    if (ordinal === undefined || ordinal === 0) continue;
    items.push({
      family,
      ordinal,
      text: match[0],
      start: block.start + index,
      end: block.start + index + match[0].length,
      numeralStart: block.start + index + numeralOffset,
      numeralEnd: block.start + index + numeralOffset + numeralText.length,
      numeral,
      block,
    });
  }
  return items;
}

/**
 * Groups the items of a document into sequences. A sequence starts at an item
 * numbered 1 (or the first item of its family in a block) and continues across
 * consecutive top-level paragraphs when a paragraph opens with the next item.
 */
export function findEnumerationSequences(
  blocks: readonly TextBlock[],
  masked: (block: TextBlock) => string,
  skipPrefixOf: (block: TextBlock) => number,
): EnumerationSequence[] {
  const sequences: EnumerationSequence[] = [];
  let open = new Map<EnumerationFamily, EnumerationSequence>();
  let previousTopLevel: TextBlock | undefined;
  for (const block of blocks) {
    const items = findEnumerationItems(block, masked(block), skipPrefixOf(block));
    const carried = new Map<EnumerationFamily, EnumerationSequence>();
    if (block.topLevel && previousTopLevel && block.node.type === 'paragraph') {
      for (const [family, sequence] of open) carried.set(family, sequence);
    }
    const current = new Map<EnumerationFamily, EnumerationSequence>();
    let first = true;
    for (const item of items) {
      let sequence = current.get(item.family);
      if (!sequence && first && item.start === block.start && item.ordinal > 1) sequence = carried.get(item.family);
      first = false;
      if (!sequence || item.ordinal === 1) {
        sequence = { family: item.family, items: [] };
        sequences.push(sequence);
      }
      sequence.items.push(item);
      current.set(item.family, sequence);
    }
    if (block.topLevel) {
      open = current;
      previousTopLevel = block;
    }
  }
  return sequences;
}
