/**
 * quote-style: straight quotes "…" and '…' in Chinese text → “…” and ‘…’
 * (GB/T 15834). Only pairs within one paragraph whose quoted text contains
 * Chinese are changed; Latin text, code and HTML attributes are left alone.
 */
import type { Rule } from '../lint/rule.js';
import { blocksWithMatch, isCjk, isHan, isLatin } from './cjk.js';

const MAX_QUOTED = 200;

export const quoteStyle: Rule = {
  id: 'quote-style',
  name: { 'zh-CN': '弯引号', en: 'Curly quotes' },
  severity: 'warning',
  fixable: true,
  tags: ['punctuation'],
  description: {
    'zh-CN': '中文语句中应使用弯引号“”‘’，不用直引号 " \'',
    en: 'Chinese text uses curly quotes “” ‘’, not straight quotes " \'',
  },
  check(context) {
    for (const block of blocksWithMatch(context, /["']/g)) {
      const masked = context.maskedText(block);
      for (const [straight, open, close] of [['"', '“', '”'], ["'", '‘', '’']] as const) {
        const positions: number[] = [];
        // A straight quote closing a curly one (“一网通办" — a conversion artefact): it becomes the curly closer.
        let openCurly = -1;
        for (let index = 0; index < masked.length; index++) {
          const char = masked[index];
          if (char === open) openCurly = index;
          else if (char === close) openCurly = -1;
          if (char !== straight) continue;
          if (openCurly >= 0 && index - openCurly <= MAX_QUOTED && /[\u4e00-\u9fff]/.test(masked.slice(openCurly + 1, index))) {
            const start = block.start + index;
            context.report({
              start,
              end: start + 1,
              message: {
                'zh-CN': `引号不配套：“${open}”以直引号“${straight}”结束，应为“${close}”`,
                en: `Mismatched quotes: "${open}" is closed by a straight "${straight}"; use "${close}"`,
              },
              fix: [{ start, end: start + 1, newText: close }],
            });
            openCurly = -1;
            continue;
          }
          // An apostrophe inside a Latin word (don't, 1990's) is not a quote.
          if (straight === "'" && (isLatin(masked[index - 1]) || /[0-9]/.test(masked[index - 1] ?? '')) && isLatin(masked[index + 1])) continue;
          positions.push(index);
        }
        // Pair in order; an odd one out is left alone (the pairing is ambiguous).
        for (let pair = 0; pair + 1 < positions.length; pair += 2) {
          const first = positions[pair]!;
          const second = positions[pair + 1]!;
          const inner = masked.slice(first + 1, second);
          if (inner.length === 0 || inner.length > MAX_QUOTED || inner.includes('\u0000')) continue;
          if (!/[\u4e00-\u9fff]/.test(inner)) continue;
          // The quote must sit in Chinese text: a Chinese character or full-width mark on one of its outer sides, or the whole block.
          const outside = isCjk(masked[first - 1]) || isCjk(masked[second + 1]) || (first === 0 && second === masked.length - 1);
          if (!outside && !(isHan(inner[0]) && isHan(inner[inner.length - 1]))) continue;
          const start = block.start + first;
          const end = block.start + second + 1;
          context.report({
            start,
            end,
            message: {
              'zh-CN': `中文语句中的直引号应为弯引号：${straight}${inner.length > 12 ? inner.slice(0, 12) + '…' : inner}${straight} → ${open}…${close}`,
              en: `Straight quotes in Chinese text; use ${open}…${close}`,
            },
            fix: [
              { start, end: start + 1, newText: open },
              { start: end - 1, end, newText: close },
            ],
          });
        }
      }
    }
  },
};
