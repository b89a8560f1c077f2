/**
 * punctuation-width: half-width , ; : ? ! ( ) inside Chinese text → full-width
 * (GB/T 15834). Never inside numbers (1,000), times (10:30), URLs, code, Latin phrases
 * or outline markers.
 */
import type { Rule } from '../lint/rule.js';
import { blocksWithMatch, inMarker, isCjk, isCjkPunctuation, isHan } from './cjk.js';

const MARKS = /[,;:?!]/g;
const FULL: Record<string, string> = { ',': '，', ';': '；', ':': '：', '?': '？', '!': '！', '(': '（', ')': '）' };

/** The nearest character before `index` that is not a space (within the block). */
function previousVisible(masked: string, index: number): string | undefined {
  let cursor = index - 1;
  while (cursor >= 0 && masked[cursor] === ' ') cursor--;
  return cursor >= 0 ? masked[cursor] : undefined;
}

function nextVisible(masked: string, index: number): string | undefined {
  let cursor = index + 1;
  while (cursor < masked.length && masked[cursor] === ' ') cursor++;
  return cursor < masked.length ? masked[cursor] : undefined;
}

/** The nearest letter (Han or Latin) before `index`: what the number or percentage just before it belongs to. */
function lastLetterBefore(masked: string, index: number): string | undefined {
  for (let cursor = index - 1; cursor >= 0 && index - cursor <= 24; cursor--) {
    const char = masked[cursor]!;
    if (/[0-9０-９%％.．\s]/.test(char)) continue;
    return char;
  }
  return undefined;
}

/** True when only spaces and non-prose (masked) characters follow `index`: the end of the block's prose. */
function atProseEnd(masked: string, index: number): boolean {
  for (let cursor = index + 1; cursor < masked.length; cursor++) if (masked[cursor] !== ' ' && masked[cursor] !== '\u0000') return false;
  return true;
}

/** Closing marks that can end a Chinese clause before a comma: ” ’ ） 》 】. */
function isCjkClosing(char: string | undefined): boolean {
  return char !== undefined && '”’）》】〕」』'.includes(char);
}

function isCjkOpening(char: string | undefined): boolean {
  return char !== undefined && '“‘（《【〔「『'.includes(char);
}

export const punctuationWidth: Rule = {
  id: 'punctuation-width',
  name: { 'zh-CN': '全角标点', en: 'Full-width punctuation' },
  severity: 'warning',
  fixable: true,
  tags: ['punctuation'],
  description: {
    'zh-CN': '中文语句中应使用全角标点（，；：？！（）），不用半角 , ; : ? ! ( )',
    en: 'Chinese text uses full-width punctuation (，；：？！（）), not half-width , ; : ? ! ( )',
  },
  check(context) {
    for (const block of blocksWithMatch(context, /[,;:?!()]/g)) {
      const masked = context.maskedText(block);
      const found: Array<{ index: number; char: string }> = [];
      MARKS.lastIndex = 0;
      let mark: RegExpExecArray | null;
      while ((mark = MARKS.exec(masked))) {
        const index = mark.index;
        const char = mark[0];
        if (inMarker(block, block.start + index)) continue;
        const before = previousVisible(masked, index);
        const after = nextVisible(masked, index);
        // A number or percentage ending a Chinese clause counts as Chinese when Chinese follows: 增长4.2%;蔬菜.
        const numberClause = char !== '?' && char !== '!' && /[0-9０-９%％]/.test(before ?? '') && isHan(after) && isHan(lastLetterBefore(masked, index));
        const leftChinese = isHan(before) || isCjkClosing(before) || numberClause;
        // After a number, a , or ; before Chinese text ends a clause (指数3.4830,同比变好): no thousands separator has Chinese after it.
        const afterNumber = (char === ',' || char === ';') && before !== undefined && /[0-9%‰]/.test(before) && isHan(after) && masked[index + 1] !== ' ';
        if (!leftChinese && !afterNumber) continue;
        let ok: boolean;
        if (char === '?' || char === '!') {
          // Sentence-final: the end of the block or Chinese text follows.
          ok = atProseEnd(masked, index) || isCjk(after);
        } else {
          ok = isHan(after) || isCjkOpening(after);
        }
        if (ok) found.push({ index, char });
      }
      // Parentheses: a half-width pair (or half of a mixed pair) around Chinese text, next to Chinese text.
      const opens: number[] = [];
      for (let index = masked.search(/[()]/) >= 0 ? 0 : masked.length; index < masked.length; index++) {
        const char = masked[index]!;
        if (char === '(' || char === '（') {
          opens.push(index);
          continue;
        }
        if (char !== ')' && char !== '）') continue;
        const open = opens.pop();
        if (open === undefined) continue;
        if (masked[open] === '（' && char === '）') continue;
        const inner = masked.slice(open + 1, index);
        if (inner.includes('\u0000') || !/[\u4e00-\u9fff]/.test(inner)) continue;
        if (inMarker(block, block.start + open)) continue;
        const outside = isHan(masked[open - 1]) || isCjkPunctuation(masked[open - 1]) || isHan(masked[index + 1]) || isCjkPunctuation(masked[index + 1]) || (open === 0 && index === masked.length - 1);
        if (!outside) continue;
        if (masked[open] === '(') found.push({ index: open, char: '(' });
        if (char === ')') found.push({ index, char: ')' });
      }
      found.sort((left, right) => left.index - right.index);
      for (const { index, char } of found) {
        const start = block.start + index;
        const wanted = FULL[char]!;
        context.report({
          start,
          end: start + 1,
          message: { 'zh-CN': `中文语句中的半角“${char}”应为全角“${wanted}”`, en: `Half-width "${char}" in Chinese text; use full-width "${wanted}"` },
          fix: [{ start, end: start + 1, newText: wanted }],
        });
      }
    }
  },
};
