/** pairing: full-width brackets and quotes （）“”‘’《》【】 must pair up within a paragraph. */
import type { Rule } from '../lint/rule.js';

const OPENERS = '（“‘《【〔';
const CLOSERS = '）”’》】〕';
const MAX_PER_BLOCK = 20;
const BRACKET = /[（）“”‘’《》【】〔〕"']/g;

/** True for the ） of a list marker such as 1）, a）, ①）: digits or a letter right after the start or punctuation. */
function isListMarkerClose(masked: string, index: number): boolean {
  let start = index;
  while (start > 0 && /[0-9０-９A-Za-z\u2460-\u2473]/.test(masked[start - 1]!)) start--;
  if (start === index || index - start > 3) return false;
  return start === 0 || /[：；，。、:;,\s\u0000]/.test(masked[start - 1]!);
}

export const pairing: Rule = {
  id: 'pairing',
  severity: 'error',
  fixable: false,
  tags: ['punctuation'],
  description: {
    'zh-CN': '段内括号、引号、书名号须成对（（）“”‘’《》【】）',
    en: 'Brackets and quotes （）“”‘’《》【】 must pair up within a paragraph',
  },
  check(context) {
    const quick = /[（）“”‘’《》【】〔〕]/;
    for (const block of context.document.blocks) {
      const masked = context.maskedText(block);
      if (!quick.test(masked)) continue;
      const stack: Array<{ char: string; index: number }> = [];
      const openCount = new Array<number>(OPENERS.length).fill(0);
      let reported = 0;
      const report = (index: number, char: string, partner: string, opening: boolean): void => {
        if (reported++ >= MAX_PER_BLOCK) return;
        const start = block.start + index;
        context.report({
          start,
          end: start + 1,
          message: opening
            ? { 'zh-CN': `“${char}”缺少配对的“${partner}”`, en: `Unmatched "${char}": no closing "${partner}"` }
            : { 'zh-CN': `“${char}”缺少配对的“${partner}”`, en: `Unmatched "${char}": no opening "${partner}"` },
        });
      };
      BRACKET.lastIndex = 0;
      let match: RegExpExecArray | null;
      while ((match = BRACKET.exec(masked))) {
        const index = match.index;
        const char = match[0];
        // A straight quote closing a curly one (“一网通办") pairs with it; quote-style asks for the curly closer.
        if (char === '"' || char === "'") {
          const top = stack[stack.length - 1];
          if (top && top.char === (char === '"' ? '“' : '‘')) {
            stack.pop();
            openCount[OPENERS.indexOf(top.char)]!--;
          }
          continue;
        }
        const open = OPENERS.indexOf(char);
        if (open >= 0) {
          stack.push({ char, index });
          openCount[open]!++;
          continue;
        }
        const close = CLOSERS.indexOf(char);
        if (close < 0) continue;
        const opener = OPENERS[close]!;
        if (openCount[close] === 0) {
          if (char === '）' && isListMarkerClose(masked, index)) continue;
          report(index, char, opener, false);
          continue;
        }
        // Everything opened after the matching opener is left unclosed (each entry is popped once: linear time).
        for (;;) {
          const top = stack.pop()!;
          const topKind = OPENERS.indexOf(top.char);
          openCount[topKind]!--;
          if (top.char === opener) break;
          report(top.index, top.char, CLOSERS[topKind]!, true);
        }
      }
      for (const unclosed of stack) report(unclosed.index, unclosed.char, CLOSERS[OPENERS.indexOf(unclosed.char)]!, true);
    }
  },
};
