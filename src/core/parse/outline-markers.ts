/** The outline marker grammar: 一、 （一） 1. （1） ① at the start of a paragraph. */
import { parseCircled, parseDigits, parseHanNumeral } from '../numerals.js';
import type { MarkerStyle, OutlineMarker } from './nodes.js';

/** A Chinese numeral (一 … 九十九, 一百 … 九百九十九), as a pattern source. */
export const HAN = '(?:[一二三四五六七八九]百(?:零[一二三四五六七八九]|[一二三四五六七八九]?十[一二三四五六七八九]?)?|[一二三四五六七八九十]{1,3})';
// One to three digits: the 130-item lists of a 通报's 附件 run 1. … 130.
const DIGITS = '(?:[0-9]{1,3}|[０-９]{1,3})';

/** A stray space inside a marker (`二 、`, `（ 一 ）`): read as the marker, flagged by numbering-style. */
const STRAY = '[ \\u00a0\\u3000]{0,2}';
// Level 1: 一、 (also 一． / 一. as style variants, flagged by numbering-style) — but not the
// start of a numeral list such as 一、二季度 / 三、四月份 / 十、百、千工程 / 一、二级公路.
// Any other text may follow, digits included (一、2025年工作回顾).
const LEVEL1 = new RegExp(`^(${HAN})(${STRAY})([、．.])`);
/** After 一、: the next numeral of a numeral list (一、二季度, 三、四月份, 一、二级公路, 十、百、千工程). */
const NUMERAL_LIST = /^([一二三四五六七八九十两]{1,3}|[百千万])(?:[、季月年成级类]|个月)/;
// Level 2: （一） with full- or half-width brackets.
const LEVEL2 = new RegExp(`^([（(])(${STRAY})(${HAN})(${STRAY})([）)])`);
// Level 3: 1. 1、 １． — not a decimal number (1.5) and not a date (2020.7). A stray space only before 、.
const LEVEL3 = new RegExp(`^(${DIGITS})(?:()([.．﹒])|(${STRAY})(、))(?![0-9０-９])`);
// Level 4: （1） (1).
const LEVEL4 = new RegExp(`^([（(])(${STRAY})(${DIGITS})(${STRAY})([）)])`);
// Level 5: ①.
const LEVEL5 = /^[\u2460-\u2473\u3251-\u325f\u32b1-\u32bf]/;

function numeralKind(numeral: string): MarkerStyle['numeral'] {
  const code = numeral.charCodeAt(0);
  if (code >= 0xff10 && code <= 0xff19) return 'fullwidth';
  if (code >= 0x30 && code <= 0x39) return 'ascii';
  return 'han';
}

/**
 * Recognises an outline marker at `offset` of `text` (the first non-indent
 * character of a paragraph). Returns undefined when there is none.
 */
export function matchOutlineMarker(text: string, offset: number, lineEnd: number): OutlineMarker | undefined {
  const head = text.slice(offset, Math.min(lineEnd, offset + 14));
  let match: RegExpExecArray | null;
  if ((match = LEVEL2.exec(head))) {
    const ordinal = parseHanNumeral(match[3]!);
    if (ordinal === undefined) return undefined;
    return withStray(
      build(2, ordinal, match[0], offset, match[1]!.length + match[2]!.length, match[3]!.length, { numeral: 'han', open: match[1]!, close: match[5]! }),
      [offset + match[1]!.length, match[2]!.length],
      [offset + match[1]!.length + match[2]!.length + match[3]!.length, match[4]!.length],
    );
  }
  if ((match = LEVEL4.exec(head))) {
    const ordinal = parseDigits(match[3]!);
    if (ordinal === undefined || ordinal === 0) return undefined;
    return withStray(
      build(4, ordinal, match[0], offset, match[1]!.length + match[2]!.length, match[3]!.length, {
        numeral: numeralKind(match[3]!),
        open: match[1]!,
        close: match[5]!,
      }),
      [offset + match[1]!.length, match[2]!.length],
      [offset + match[1]!.length + match[2]!.length + match[3]!.length, match[4]!.length],
    );
  }
  if ((match = LEVEL1.exec(head))) {
    const ordinal = parseHanNumeral(match[1]!);
    if (ordinal === undefined) return undefined;
    // 一、二季度 is a list of numerals, 一、一年接着一年干 a heading: only the next numeral (or 百/千/万) makes a list.
    const list = NUMERAL_LIST.exec(head.slice(match[0].length));
    if (list && (/^[百千万]$/.test(list[1]!) || parseHanNumeral(list[1]!) === ordinal + 1 || (list[1] === '两' && ordinal === 1))) return undefined;
    return withStray(build(1, ordinal, match[0], offset, 0, match[1]!.length, { numeral: 'han', open: '', close: match[3]! }), [
      offset + match[1]!.length,
      match[2]!.length,
    ]);
  }
  if ((match = LEVEL3.exec(head))) {
    const ordinal = parseDigits(match[1]!);
    if (ordinal === undefined || ordinal === 0) return undefined;
    const space = match[2] ?? match[4] ?? '';
    return withStray(
      build(3, ordinal, match[0], offset, 0, match[1]!.length, { numeral: numeralKind(match[1]!), open: '', close: (match[3] ?? match[5])! }),
      [offset + match[1]!.length, space.length],
    );
  }
  if ((match = LEVEL5.exec(head))) {
    const ordinal = parseCircled(match[0]);
    if (ordinal === undefined) return undefined;
    return build(5, ordinal, match[0], offset, 0, 1, { numeral: 'circled', open: '', close: '' });
  }
  return undefined;
}

/** Records the stray spaces ([offset, length] pairs, empty ones ignored) inside a marker. */
function withStray(marker: OutlineMarker, ...spans: Array<[number, number]>): OutlineMarker {
  const stray = spans.filter(([, length]) => length > 0).map(([start, length]): [number, number] => [start, start + length]);
  if (stray.length > 0) marker.stray = stray;
  return marker;
}

function build(
  level: OutlineMarker['level'],
  ordinal: number,
  markerText: string,
  offset: number,
  numeralOffset: number,
  numeralLength: number,
  style: MarkerStyle,
): OutlineMarker {
  return {
    level,
    ordinal,
    text: markerText,
    style,
    start: offset,
    end: offset + markerText.length,
    numeralStart: offset + numeralOffset,
    numeralEnd: offset + numeralOffset + numeralLength,
  };
}

/** A short readable name for a style, used in messages: "（一）" / "(一)" / "1." / "1、". */
export function styleKey(marker: OutlineMarker): string {
  return `${marker.style.numeral}|${marker.style.open}|${marker.style.close}`;
}
