/**
 * repeated-char: an accidentally doubled character (`狠抓抓安全`) or doubled
 * punctuation (`。。`, `，，`). Doublings at word boundaries (税收|收入, 产品|品牌)
 * and reduplications (牢牢, 家家户户) are legitimate; the rule flags a doubled
 * character only when a word ends with it, a known word follows the double,
 * and the boundary reading (the doubled character starting the next word) is unknown.
 */
import type { Rule } from '../lint/rule.js';
import { blocksWithMatch } from './cjk.js';
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
const ABAB_ALLOWED = new Set('研究 讨论 商量 学习 考虑 交流 琢磨 活动 锻炼 休息 打听 了解 检查 整理 收拾 介绍 分析 总结 比较 认识 体验 思考 调查'.split(' '));
/**
 * Characters that often start a word ICU does not know (全过程, 大数据, 新业态, 总投资): a single `全`
 * after 健全 is then no doubled character but the first of the next word.
 */
const PREFIX_CHARS = new Set('全大新总高小老超非副准反多单双各本该每次重第以可无不再半微强弱长短前后上下内外中'.split(''));
const HAN = /^[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]+$/;
/** Characters of context looked at on each side of a doubling (segmenting a window keeps the rule linear). */
const WINDOW = 8;

/**
 * Doublings found through word segmentation of a window around each candidate:
 * a word typed twice (建设项目项目), a word followed by its own last character
 * (进一步步, 全面面, 狠抓抓), a function character typed twice (的的, 再上上).
 */
function findWithSegmenter(masked: string, segmenter: Intl.Segmenter, allow: ReadonlySet<string>, words: ReadonlySet<string>): Slip[] {
  const slips: Slip[] = [];
  const seen = new Set<number>();
  const candidates = /([\u4e00-\u9fff])\1|([\u4e00-\u9fff]{2})\2/g;
  let match: RegExpExecArray | null;
  while ((match = candidates.exec(masked))) {
    candidates.lastIndex = match.index + 1;
    const from = Math.max(0, match.index - WINDOW);
    const to = Math.min(masked.length, match.index + match[0].length + WINDOW);
    const segments = [...segmenter.segment(masked.slice(from, to))];
    for (let index = 0; index + 1 < segments.length; index++) {
      const current = segments[index]!;
      const next = segments[index + 1]!;
      const at = from + current.index;
      if (seen.has(at) || !HAN.test(current.segment) || !HAN.test(next.segment)) continue;
      const word = current.segment;
      const after = segments[index + 2]?.segment ?? '';
      const before = segments[index - 1]?.segment ?? '';
      if (word === next.segment && word.length >= 2) {
        // 建设项目项目 — but not 研究研究, 一个一个.
        if (ABAB_ALLOWED.has(word) || word.startsWith('一') || allow.has(word + word)) continue;
        seen.add(at);
        slips.push({ index: at, length: word.length * 2, kind: 'word', char: word, shown: before.slice(-2) + word + word + after.slice(0, 2), suggestion: before.slice(-2) + word + after.slice(0, 2) });
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
        const charAt = at + word.length;
        if (isAabb(masked, charAt - 1)) continue;
        seen.add(at);
        const doubleAt = at + word.length - 1;
        slips.push({ index: doubleAt, length: 2, kind: 'char', char, shown: word + char + after.slice(0, 2), suggestion: word + after.slice(0, 2) });
      } else if (word.length === 1 && next.segment === word && !allow.has(word + word)) {
        // 的|的, 再|上|上|新 — not AABB (高|高兴|兴) or runs (哈哈哈).
        if (before === word || after === word || after.startsWith(word) || before.endsWith(word) || isAabb(masked, at)) continue;
        if (!FUNCTION_OR_VERB.has(word)) continue;
        seen.add(at);
        slips.push({ index: at, length: 2, kind: 'char', char: word, shown: before.slice(-2) + word + word + after.slice(0, 2), suggestion: before.slice(-2) + word + after.slice(0, 2) });
      }
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
const FUNCTION_OR_VERB = new Set('的地得在和与及是对把被将从向为以于由按经并其也都就还又已所要会能可上进抓推促做提'.split(''));

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
    for (const block of blocksWithMatch(context, /([\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff，。、；：])\1|([\u4e00-\u9fff]{2})\2/g)) {
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
