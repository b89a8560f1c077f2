/**
 * repeated-char: an accidentally doubled character (`狠抓抓安全`) or doubled
 * punctuation (`。。`, `，，`). Doublings at word boundaries (税收|收入, 产品|品牌)
 * and reduplications (牢牢, 家家户户) are legitimate; the rule flags a doubled
 * character only when a word ends with it, a known word follows the double,
 * and the boundary reading (the doubled character starting the next word) is unknown.
 */
import type { Rule } from '../lint/rule.js';
import { blocksAt } from './cjk.js';
import { knownWords, REDUPLICATIONS } from './words.js';

const DOUBLED_PUNCTUATION = /([，。、；：])\1+/g;
type Slip = { index: number; length: number; kind: 'word' | 'char'; char: string; shown: string; suggestion: string };

/** ICU's word segmenter (in Node, VS Code and browsers): undefined where the runtime has none. */
let segmenterCache: Intl.Segmenter | null | undefined;
function wordSegmenter(): Intl.Segmenter | undefined {
  if (segmenterCache === undefined) {
    try {
      segmenterCache = typeof Intl.Segmenter === 'function' ? new Intl.Segmenter('zh', { granularity: 'word' }) : null;
    } catch {
      segmenterCache = null;
    }
  }
  return segmenterCache ?? undefined;
}

/** Words whose ABAB doubling is a normal verb form (研究研究), not a slip. */
export const ABAB_ALLOWED = new Set('研究 讨论 商量 学习 考虑 交流 琢磨 活动 锻炼 休息 打听 了解 检查 整理 收拾 介绍 分析 总结 比较 认识 体验 思考 调查'.split(' '));
/**
 * Characters that often start a word ICU does not know (全过程, 大数据, 新业态, 总投资): a single `全`
 * after 健全 is then no doubled character but the first of the next word.
 */
export const PREFIX_CHARS = new Set('全大新总高小老超非副准反多单双各本该每次重第以可无不再半微强弱长短前后上下内外中'.split(''));
const HAN = /^[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]+$/;
/** Characters of context looked at on each side of a doubling (segmenting a window keeps the rule linear). */
export const WINDOW = 8;

/** Most entries of the per-block cache of segmented windows (windows are at most 2 × WINDOW + 4 characters). */
const MAX_CACHED_WINDOWS = 4096;
/** Longest doubled word a window can hold: a window is at most 2 × WINDOW + 4 characters. */
const MAX_DOUBLED_WORD = WINDOW + 2;

/** True for a character the segment test HAN accepts (CJK unified ideographs, extension A, compatibility ideographs). */
function isHanCode(code: number): boolean {
  return (code >= 0x4e00 && code <= 0x9fff) || (code >= 0x3400 && code <= 0x4dbf) || (code >= 0xf900 && code <= 0xfaff);
}

/** Spans [lo[i], hi[i]) in order of lo. */
type Spans = { lo: number[]; hi: number[] };

function addSpan(spans: Spans, lo: number, hi: number): void {
  spans.lo.push(lo);
  spans.hi.push(hi);
}

/**
 * Adds the spans [lo, hi) starting at positions first ≤ p < last where the segmenter could find a
 * slip: a window that holds none of them yields nothing and is not segmented. Each span is a
 * necessary condition of one branch of findWithSegmenter, read from the text alone (added by lo):
 * - a word typed twice: `ww` with w of 2+ Han characters, not allowed (研究研究, 一个一个, allow);
 * - a word followed by its own last character: `xcc` + a known word, the doubled `cc` not AABB,
 *   c no prefix character, `c` + the next character no word;
 * - a function character typed twice: `cc` with c in FUNCTION_OR_VERB, not AABB.
 */
function addSlipSpans(spans: Spans, masked: string, first: number, last: number, allow: ReadonlySet<string>, words: ReadonlySet<string>): void {
  const length = masked.length;
  for (let p = first; p < last && p + 1 < length; p++) {
    const code = masked.charCodeAt(p);
    if (!isHanCode(code)) continue;
    if (masked.charCodeAt(p + 1) === code) {
      const char = masked[p]!;
      if (!allow.has(char + char) && !isAabb(masked, p)) {
        // Function character typed twice: the pair itself.
        if (FUNCTION_OR_VERB.has(char)) addSpan(spans, p, p + 2);
        // Word + its last character + a known word: from the word's last two characters to the known word's end.
        else if (!PREFIX_CHARS.has(char) && words.has(masked.slice(p + 2, p + 4)) && !words.has(char + (masked[p + 2] ?? ''))) addSpan(spans, p - 1, p + 4);
      }
    }
    // A doubled word of 2 to MAX_DOUBLED_WORD Han characters starting at p: the shortest that qualifies.
    if (code === 0x4e00 /* 一 */) continue;
    for (let size = 2; size <= MAX_DOUBLED_WORD && p + 2 * size <= length; size++) {
      if (!isHanCode(masked.charCodeAt(p + size - 1))) break;
      if (masked.charCodeAt(p + size) !== code) continue;
      const word = masked.slice(p, p + size);
      if (!masked.startsWith(word, p + size) || ABAB_ALLOWED.has(word) || allow.has(word + word)) continue;
      addSpan(spans, p, p + 2 * size);
      break;
    }
  }
}

/** A slip read from one window's segments, at offsets within the window; `aabbAt` ≥ 0: dropped when isAabb holds there in the block. */
type WindowSlip = Omit<Slip, 'index'> & { index: number; at: number; aabbAt: number };

/**
 * The slips a window's segments show, in segment order (what depends only on the window's text;
 * the AABB test, which looks past the window's edges, and the `seen` test are left to the caller).
 */
function windowSlips(segments: Intl.SegmentData[], allow: ReadonlySet<string>, words: ReadonlySet<string>): WindowSlip[] {
  const found: WindowSlip[] = [];
  for (let index = 0; index + 1 < segments.length; index++) {
    const current = segments[index]!;
    const next = segments[index + 1]!;
    const at = current.index;
    if (!HAN.test(current.segment) || !HAN.test(next.segment)) continue;
    const word = current.segment;
    const after = segments[index + 2]?.segment ?? '';
    const before = segments[index - 1]?.segment ?? '';
    if (word === next.segment && word.length >= 2) {
      // 建设项目项目 — but not 研究研究, 一个一个.
      if (ABAB_ALLOWED.has(word) || word.startsWith('一') || allow.has(word + word)) continue;
      found.push({ at, aabbAt: -1, index: at, length: word.length * 2, kind: 'word', char: word, shown: before.slice(-2) + word + word + after.slice(0, 2), suggestion: before.slice(-2) + word + after.slice(0, 2) });
    } else if (word.length >= 2 && next.segment === word[word.length - 1] && HAN.test(after) && after.length >= 1) {
      // 进一步|步|推进, 全面|面|推进, 狠抓|抓|安全 — not 健全|全|过程 (全 starts a word ICU does not know).
      // ICU does not know every word (关衔, 矿长, 议定): the text after the lone character must be a
      // word of the list, and the character with it must not be.
      const char = next.segment;
      if (PREFIX_CHARS.has(char) || allow.has(char + char) || after[0] === char) continue;
      if (word.length >= 2 && word[word.length - 2] === char) continue;
      if (!words.has(after.slice(0, 2)) || words.has(char + after[0])) continue;
      // 一个个, 一项项: a reduplicated measure word.
      if (word.length === 2 && word[0] === '一') continue;
      const doubleAt = at + word.length - 1;
      found.push({ at, aabbAt: doubleAt, index: doubleAt, length: 2, kind: 'char', char, shown: word + char + after.slice(0, 2), suggestion: word + after.slice(0, 2) });
    } else if (word.length === 1 && next.segment === word && !allow.has(word + word)) {
      // 的|的, 再|上|上|新 — not AABB (高|高兴|兴) or runs (哈哈哈).
      if (before === word || after === word || after.startsWith(word) || before.endsWith(word)) continue;
      if (!FUNCTION_OR_VERB.has(word)) continue;
      found.push({ at, aabbAt: at, index: at, length: 2, kind: 'char', char: word, shown: before.slice(-2) + word + word + after.slice(0, 2), suggestion: before.slice(-2) + word + after.slice(0, 2) });
    }
  }
  return found;
}

/**
 * Doublings found through word segmentation of a window around each candidate:
 * a word typed twice (建设项目项目), a word followed by its own last character
 * (进一步步, 全面面, 狠抓抓), a function character typed twice (的的, 再上上).
 * Only windows that hold a span of slipSpans are segmented (the others cannot
 * yield a slip), and a window's text segments the same way wherever it stands,
 * so repeated windows are segmented once per block.
 */
function findWithSegmenter(masked: string, segmenter: Intl.Segmenter, allow: ReadonlySet<string>, words: ReadonlySet<string>): Slip[] {
  const slips: Slip[] = [];
  // Spans are read only where windows are (positions from `from` on: a span a window can hold starts there).
  const spans: Spans = { lo: [], hi: [] };
  let spansTo = 0;
  const seen = new Set<number>();
  const cache = new Map<string, WindowSlip[]>();
  let firstSpan = 0;
  const length = masked.length;
  // Candidates: at each index, two equal Han characters (AA) or two Han characters typed twice (ABAB),
  // as /([\u4e00-\u9fff])\1|([\u4e00-\u9fff]{2})\2/ tried at every index.
  for (let index = 0; index + 1 < length; index++) {
    const code = masked.charCodeAt(index);
    if (code < 0x4e00 || code > 0x9fff) continue;
    let matched: number;
    if (masked.charCodeAt(index + 1) === code) matched = 2;
    else {
      const second = masked.charCodeAt(index + 1);
      if (index + 3 < length && second >= 0x4e00 && second <= 0x9fff && masked.charCodeAt(index + 2) === code && masked.charCodeAt(index + 3) === second) matched = 4;
      else continue;
    }
    const from = Math.max(0, index - WINDOW);
    const to = Math.min(length, index + matched + WINDOW);
    if (spansTo < to) {
      addSlipSpans(spans, masked, Math.max(spansTo, from), to, allow, words);
      spansTo = to;
    }
    // Windows start further right each time: spans starting before `from` never fit a later window.
    while (firstSpan < spans.lo.length && spans.lo[firstSpan]! < from) firstSpan++;
    let fits = false;
    for (let span = firstSpan; span < spans.lo.length && spans.lo[span]! < to; span++) {
      if (spans.hi[span]! <= to) {
        fits = true;
        break;
      }
    }
    if (!fits) continue;
    const windowText = masked.slice(from, to);
    let found = cache.get(windowText);
    if (!found) {
      found = windowSlips([...segmenter.segment(windowText)], allow, words);
      if (cache.size < MAX_CACHED_WINDOWS) cache.set(windowText, found);
    }
    for (const slip of found) {
      const at = from + slip.at;
      if (seen.has(at) || (slip.aabbAt >= 0 && isAabb(masked, from + slip.aabbAt))) continue;
      seen.add(at);
      slips.push({ index: from + slip.index, length: slip.length, kind: slip.kind, char: slip.char, shown: slip.shown, suggestion: slip.suggestion });
    }
  }
  return slips;
}

/** True when the doubled pair at `index` (two equal characters) is part of AABB (扎扎实实, 干干净净) or a longer run. */
function isAabb(masked: string, index: number): boolean {
  const char = masked[index];
  return masked[index - 1] === masked[index - 2] || masked[index + 2] === masked[index + 3] || masked[index - 1] === char || masked[index + 2] === char;
}

/** Single characters that are never doubled in report prose (的的, 上上, 在在, 和和). */
export const FUNCTION_OR_VERB = new Set('的地得在和与及是对把被将从向为以于由按经并其也都就还又已所要会能可上进抓推促做提'.split(''));

/** The former list-based reading, for runtimes without Intl.Segmenter. */
function findWithWordList(masked: string, words: ReadonlySet<string>, allow: ReadonlySet<string>): Slip[] {
  const slips: Slip[] = [];
  DOUBLED_HAN.lastIndex = 0;
  let doubledMatch: RegExpExecArray | null;
  while ((doubledMatch = DOUBLED_HAN.exec(masked))) {
    const index = doubledMatch.index;
    DOUBLED_HAN.lastIndex = index + 1;
    if (index === 0) continue;
    const char = masked[index]!;
    const doubled = char + char;
    if (REDUPLICATIONS.has(doubled) || allow.has(doubled)) continue;
    if (masked[index + 2] === masked[index + 3] || masked[index - 1] === masked[index - 2] || masked[index + 2] === char || masked[index - 1] === char) continue;
    const left = masked[index - 1]! + char;
    const boundary = char + (masked[index + 2] ?? '');
    const next = (masked[index + 2] ?? '') + (masked[index + 3] ?? '');
    if (!words.has(left) || !words.has(next) || words.has(boundary)) continue;
    if (allow.has(masked.slice(index - 1, index + 4))) continue;
    slips.push({ index, length: 2, kind: 'char', char, shown: masked.slice(index - 1, index + 4), suggestion: left + next });
  }
  return slips;
}

/** Punctuation the rule reports when doubled (，，。。). */
function isDoubledPunctuationCode(code: number): boolean {
  return code === 0xff0c /* ， */ || code === 0x3002 /* 。 */ || code === 0x3001 /* 、 */ || code === 0xff1b /* ； */ || code === 0xff1a /* ： */;
}

/**
 * Where a doubling starts in the text: two equal Han characters or punctuation marks (AA), or two Han
 * characters typed twice (ABAB). The same starts as a global scan with
 * /([\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff，。、；：])\1|([\u4e00-\u9fff]{2})\2/g (a match is skipped over),
 * without the regular expression's backreference cost on every character.
 */
function doublingStarts(text: string): number[] {
  const starts: number[] = [];
  const length = text.length;
  let index = 0;
  while (index + 1 < length) {
    const code = text.charCodeAt(index);
    if (isHanCode(code) || isDoubledPunctuationCode(code)) {
      if (text.charCodeAt(index + 1) === code) {
        starts.push(index);
        index += 2;
        continue;
      }
      if (code >= 0x4e00 && code <= 0x9fff && index + 3 < length) {
        const second = text.charCodeAt(index + 1);
        if (second >= 0x4e00 && second <= 0x9fff && text.charCodeAt(index + 2) === code && text.charCodeAt(index + 3) === second) {
          starts.push(index);
          index += 4;
          continue;
        }
      }
    }
    index++;
  }
  return starts;
}

/** Two equal Han characters in a row (a native regex scan is fast even before the JIT warms up). */
const DOUBLED_HAN = /([\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff])\1/g;

export const repeatedChar: Rule = {
  id: 'repeated-char',
  name: { 'zh-CN': '重复字词', en: 'Repeated character' },
  severity: 'warning',
  fixable: false,
  tags: ['typo'],
  defaultOptions: { allow: [] },
  description: {
    'zh-CN': '疑似误重复的字或标点（“狠抓抓”“。。”“，，”）',
    en: 'A character or punctuation mark typed twice by accident ("狠抓抓", "。。", "，，")',
  },
  check(context) {
    const words = knownWords();
    const allow = new Set((context.options['allow'] as string[] | undefined) ?? []);
    const segmenter = wordSegmenter();
    for (const block of blocksAt(context, doublingStarts(context.text))) {
      const masked = context.maskedText(block);
      const found = segmenter ? findWithSegmenter(masked, segmenter, allow, words) : findWithWordList(masked, words, allow);
      for (const slip of found) {
        const start = block.start + slip.index;
        context.report({
          start,
          end: start + slip.length,
          message:
            slip.kind === 'word'
              ? {
                  'zh-CN': `疑似词语重复：“${slip.shown}”，应为“${slip.suggestion}”`,
                  en: `Word typed twice in "${slip.shown}"; did you mean "${slip.suggestion}"?`,
                }
              : {
                  'zh-CN': `疑似误重复：“${slip.shown}”中的“${slip.char}”重复，应为“${slip.suggestion}”`,
                  en: `Doubled character "${slip.char}" in "${slip.shown}"; did you mean "${slip.suggestion}"?`,
                },
        });
      }
      if (!/([，。、；：])\1/.test(masked)) continue;
      DOUBLED_PUNCTUATION.lastIndex = 0;
      let match: RegExpExecArray | null;
      while ((match = DOUBLED_PUNCTUATION.exec(masked))) {
        const start = block.start + match.index;
        context.report({
          start,
          end: start + match[0].length,
          message: {
            'zh-CN': `标点重复：“${match[0]}”`,
            en: `Doubled punctuation "${match[0]}"`,
          },
        });
      }
    }
  },
};
