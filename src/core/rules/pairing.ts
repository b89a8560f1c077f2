/** pairing: full-width brackets and quotes （）“”‘’《》【】 must pair up within a paragraph. */
import type { Message, Rule } from '../lint/rule.js';

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

/** Names of the marks for messages: 「“」 would nest the quotes being talked about. */
const NAMES: Record<string, Message> = {
  '（': { 'zh-CN': '左括号“（”', en: '"（"' },
  '）': { 'zh-CN': '右括号“）”', en: '"）"' },
  '“': { 'zh-CN': '左双引号', en: '"“"' },
  '”': { 'zh-CN': '右双引号', en: '"”"' },
  '‘': { 'zh-CN': '左单引号', en: '"‘"' },
  '’': { 'zh-CN': '右单引号', en: '"’"' },
  '《': { 'zh-CN': '左书名号“《”', en: '"《"' },
  '》': { 'zh-CN': '右书名号“》”', en: '"》"' },
  '【': { 'zh-CN': '左方头括号“【”', en: '"【"' },
  '】': { 'zh-CN': '右方头括号“】”', en: '"】"' },
  '〔': { 'zh-CN': '左六角括号“〔”', en: '"〔"' },
  '〕': { 'zh-CN': '右六角括号“〕”', en: '"〕"' },
};

/** Clause and sentence punctuation: where a phrase ends. */
const PHRASE_END = /[，。；！？、：,;!?:]/u;
const SENTENCE_END = /[。！？!?]/u;

/**
 * Where the missing closer of the opener at `index` goes, when the place is not in doubt; undefined
 * otherwise (`各村（居要加强宣传。` may close after 居 or after 宣传: no offer).
 * - A book title (《) ends at the first clause punctuation: titles hold none (`《党委运行规则，` → `《党委运行规则》，`).
 * - An opener that starts the paragraph, or a sentence (after 。！？), or quoted speech (after ：), spans the
 *   rest of the paragraph, its end punctuation included (`（此件公开发布` → `（此件公开发布）`).
 * `masked` has no other unpaired mark (the caller checks), and the stretch must hold text.
 */
export function closerPosition(masked: string, index: number): number | undefined {
  const opener = masked[index]!;
  let end = masked.length;
  while (end > index + 1 && /[\s\u0000]/u.test(masked[end - 1]!)) end--;
  if (opener === '《') {
    let stop = index + 1;
    while (stop < end && !PHRASE_END.test(masked[stop]!) && !/[\s\u0000]/u.test(masked[stop]!)) stop++;
    const title = masked.slice(index + 1, stop);
    return title.length > 0 && title.length <= 60 && !/[《》]/u.test(title) ? stop : undefined;
  }
  let before = index;
  while (before > 0 && /[\s\u0000]/u.test(masked[before - 1]!)) before--;
  const previous = before > 0 ? masked[before - 1]! : '';
  const opensParagraph = before === 0;
  const opensSentence = SENTENCE_END.test(previous);
  const opensSpeech = (opener === '“' || opener === '‘') && /[：:]/u.test(previous);
  if (!opensParagraph && !opensSentence && !opensSpeech) return undefined;
  const content = masked.slice(index + 1, end);
  // Some text, not a marker being typed (`（三` of a heading) or a lone bracket of a broken line.
  if (!/[\p{L}\p{N}]/u.test(content)) return undefined;
  if (opener === '（' && opensParagraph && /^[一二三四五六七八九十0-9０-９]{1,3}(?![一二三四五六七八九十0-9０-９])/u.test(content)) return undefined;
  return end;
}

export const pairing: Rule = {
  id: 'pairing',
  name: { 'zh-CN': '括号引号成对', en: 'Paired brackets and quotes' },
  severity: 'error',
  fixable: false,
  tags: ['punctuation'],
  description: {
    'zh-CN': '段内括号、引号、书名号须成对（（）“”‘’《》【】）',
    en: 'Brackets and quotes （）“”‘’《》【】 must pair up within a paragraph',
  },
  check(context) {
    const quick = /[（）“”‘’《》【】〔〕]/;
    type Problem = { index: number; char: string; partner: string; opening: boolean };
    const found: Array<{ block: (typeof context.document.blocks)[number]; masked: string; problems: Problem[] }> = [];
    for (const block of context.document.blocks) {
      const masked = context.maskedText(block);
      if (!quick.test(masked)) continue;
      const stack: Array<{ char: string; index: number }> = [];
      const openCount = new Array<number>(OPENERS.length).fill(0);
      const problems: Array<{ index: number; char: string; partner: string; opening: boolean }> = [];
      const report = (index: number, char: string, partner: string, opening: boolean): void => {
        if (problems.length < MAX_PER_BLOCK) problems.push({ index, char, partner, opening });
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
      problems.sort((left, right) => left.index - right.index);
      if (problems.length > 0) found.push({ block, masked, problems });
    }
    // A bracket broken over two lines (a page's <br> or <p> split `（二○○四年六月十六日国务院` /
    // `第54次常务会议修订通过）`): a paragraph whose one problem is an opener left open, followed by
    // nothing but blank lines and a paragraph whose one problem is the matching closer, pairs up.
    for (let index = 0; index + 1 < found.length; index++) {
      const first = found[index]!;
      const second = found[index + 1]!;
      if (first.problems.length !== 1 || second.problems.length !== 1) continue;
      const open = first.problems[0]!;
      const close = second.problems[0]!;
      if (!open.opening || close.opening || open.partner !== close.char) continue;
      if (context.text.slice(first.block.end, second.block.start).trim() !== '') continue;
      if (context.maskedText(first.block).slice(open.index + 1).trim() === '' || second.masked.slice(0, close.index).trim() === '') continue;
      first.problems = [];
      second.problems = [];
      index++;
    }
    for (const { block, masked, problems } of found) {
      for (const { index, char, partner, opening } of problems) {
        const start = block.start + index;
        const name = NAMES[char]!;
        const partnerName = NAMES[partner]!;
        // The one unpaired mark of the paragraph, an opener whose closer has one likely place: offered, never preferred.
        const at = opening && problems.length === 1 ? closerPosition(masked, index) : undefined;
        const tail = at === undefined ? '' : context.text.slice(block.start + Math.max(index + 1, at - 6), block.start + at);
        context.report({
          start,
          end: start + 1,
          message: opening
            ? { 'zh-CN': `${name['zh-CN']}缺少配对的${partnerName['zh-CN']}`, en: `Unmatched "${char}": no closing "${partner}"` }
            : { 'zh-CN': `${name['zh-CN']}缺少配对的${partnerName['zh-CN']}`, en: `Unmatched "${char}": no opening "${partner}"` },
          ...(at === undefined
            ? {}
            : {
                suggestions: [
                  {
                    title: {
                      'zh-CN': `在“${tail}”之后补上${partnerName['zh-CN']}`,
                      en: `Add the missing "${partner}" after "${tail}"`,
                    },
                    fix: [{ start: block.start + at, end: block.start + at, newText: partner }],
                  },
                ],
              }),
        });
      }
    }
  },
};
