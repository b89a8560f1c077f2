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
/** Two equal Han characters in a row (a native regex scan is fast even before the JIT warms up). */
const DOUBLED_HAN = /([\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff])\1/g;

export const repeatedChar: Rule = {
  id: 'repeated-char',
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
    for (const block of blocksWithMatch(context, /([\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff，。、；：])\1/g)) {
      const masked = context.maskedText(block);
      DOUBLED_HAN.lastIndex = 0;
      let doubledMatch: RegExpExecArray | null;
      while ((doubledMatch = DOUBLED_HAN.exec(masked))) {
        const index = doubledMatch.index;
        // Overlapping runs (抓抓抓) are skipped below; step one character so every pair is seen.
        DOUBLED_HAN.lastIndex = index + 1;
        if (index === 0) continue;
        const char = masked[index]!;
        const doubled = char + char;
        if (REDUPLICATIONS.has(doubled) || allow.has(doubled)) continue;
        // AABB (家家户户, 实实在在) and longer runs (哈哈哈) are reduplication.
        if (masked[index + 2] === masked[index + 3] || masked[index - 1] === masked[index - 2] || masked[index + 2] === char || masked[index - 1] === char) continue;
        const left = masked[index - 1]! + char;
        const boundary = char + (masked[index + 2] ?? '');
        const next = (masked[index + 2] ?? '') + (masked[index + 3] ?? '');
        if (!words.has(left) || !words.has(next) || words.has(boundary)) continue;
        if (allow.has(masked.slice(index - 1, index + 4))) continue;
        const start = block.start + index;
        const context3 = masked.slice(index - 1, index + 4);
        context.report({
          start,
          end: start + 2,
          message: {
            'zh-CN': `疑似误重复：“${context3}”中的“${char}”重复，应为“${left}${next}”`,
            en: `Doubled character "${char}" in "${context3}"; did you mean "${left}${next}"?`,
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
