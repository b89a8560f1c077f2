/**
 * cjk-spacing: stray spaces between Chinese characters (`安全 生产`) or between a
 * number and its Chinese unit (`7 次`). 公文 puts no space between Chinese text
 * and digits; this rule only removes spaces, it never adds any.
 */
import type { Rule } from '../lint/rule.js';
import type { TextBlock } from '../parse/report.js';
import { isResidueLike } from '../parse/residue.js';
import { blocksWithMatch, isAsciiDigit, isHan } from './cjk.js';

/** Spaces the rule removes: ASCII space and no-break space, at most two in a row (longer runs are layout). */
const SPACE = /[ \u00a0]{1,2}/g;
const MAX_RUN = 2;

/** Report parts where spaces separate items on purpose (titles, 落款, dates). */
const SKIPPED_NODES = new Set(['reportTitle', 'sectionTitle', 'signature', 'dateLine', 'addressee', 'tableCell', 'heading']);

/** True when a number starts at `index` and is followed (after at most two spaces) by a Chinese unit (`共 32 个`). */
function isCountWithUnit(masked: string, index: number): boolean {
  let cursor = index;
  while (cursor < masked.length && (isAsciiDigit(masked[cursor]) || ((masked[cursor] === '.' || masked[cursor] === ',') && isAsciiDigit(masked[cursor + 1])))) cursor++;
  let spaces = 0;
  while (masked[cursor] === ' ' && spaces < 3) {
    cursor++;
    spaces++;
  }
  return spaces <= 2 && isHan(masked[cursor]);
}

/**
 * True when the digits on both sides of a space form one number in Chinese text: single digits
 * (`1 0`) between a Han character or 第 and a Han unit. Columns of figures (`10 20 30`) are left alone.
 */
function splitNumber(masked: string, start: number, end: number): boolean {
  let left = start;
  while (left > 0 && isAsciiDigit(masked[left - 1])) left--;
  let right = end;
  while (right < masked.length && isAsciiDigit(masked[right])) right++;
  // One digit on at least one side: `1 0`, `2 00`; not two numbers of several digits each.
  if (start - left > 1 && right - end > 1) return false;
  let lead = left - 1;
  while (lead >= 0 && masked[lead] === ' ') lead--;
  let tail = right;
  while (tail < masked.length && (masked[tail] === ' ' || isAsciiDigit(masked[tail]))) tail++;
  return isHan(masked[lead]) && isHan(masked[tail]);
}

/** True when the space pads a two-character name to three (`张 三` in a list of names). */
function isPaddedName(masked: string, spaceStart: number, spaceEnd: number): boolean {
  const before = masked[spaceStart - 2];
  const after = masked[spaceEnd + 1];
  const separator = (char: string | undefined): boolean => char === undefined || !isHan(char);
  return separator(before) && separator(after);
}

export const cjkSpacing: Rule = {
  id: 'cjk-spacing',
  name: { 'zh-CN': '中文间距', en: 'Spacing in Chinese text' },
  severity: 'warning',
  fixable: true,
  tags: ['spacing'],
  description: {
    'zh-CN': '汉字之间、数字与中文单位之间不应有空格（“7 次”应为“7次”）',
    en: 'No spaces between Chinese characters or between a number and its Chinese unit ("7 次" → "7次")',
  },
  check(context) {
    for (const block of blocksWithMatch(context, /[\u3400-\u9fff0-9][ \u00a0]{1,2}[\u3400-\u9fff0-9]/g)) {
      if (SKIPPED_NODES.has(block.node.type)) continue;
      const masked = context.maskedText(block);
      if (isResidueLike(masked)) continue;
      checkBlock(context, block, masked);
    }
  },
};

/** Openers and closers of spans whose inner spaces are deliberate: slogans in quotes, names in 《》. */
const QUOTE_OPEN = '“‘「『《〈';
const QUOTE_CLOSE = '”’」』》〉';

/**
 * Marks the offsets inside quotation marks and book-title marks: a space there separates the
 * phrases of a slogan (“赤水河谷 中国酱香”) or of a document's name, as written on purpose.
 * Linear: one pass with a stack of open marks.
 */
function quotedSpans(masked: string): Uint8Array {
  const inside = new Uint8Array(masked.length);
  const stack: number[] = [];
  for (let index = 0; index < masked.length; index++) {
    const char = masked[index]!;
    const open = QUOTE_OPEN.indexOf(char);
    if (open >= 0) {
      stack.push(index);
      continue;
    }
    const close = QUOTE_CLOSE.indexOf(char);
    if (close < 0 || stack.length === 0) continue;
    // Pop to the matching opener (unmatched inner openers are dropped).
    while (stack.length > 0) {
      const start = stack.pop()!;
      if (QUOTE_OPEN.indexOf(masked[start]!) === close) {
        inside.fill(1, start + 1, index);
        break;
      }
    }
  }
  return inside;
}

/** `第十条`, `第3章` … at the start of a paragraph: the space after it separates the article number from its text. */
const ARTICLE_HEAD = /^[\s\u0000]*第[0-9一二三四五六七八九十百零〇]{1,6}[条章节款]/;
/** `第 1 条`: spaces around a number between 第 and 条/章/节/款/项 are a typesetting habit of some sources, not a slip. */
function inOrdinalPhrase(masked: string, start: number, end: number): boolean {
  let left = start - 1;
  while (left >= 0 && (isAsciiDigit(masked[left]) || masked[left] === ' ')) left--;
  let right = end;
  while (right < masked.length && (isAsciiDigit(masked[right]) || masked[right] === ' ')) right++;
  return masked[left] === '第' && /[条章节款项]/.test(masked[right] ?? '');
}

function checkBlock(context: Parameters<typeof cjkSpacing.check>[0], block: TextBlock, masked: string): void {
  // Only in running text: the block must read as prose (it has a Chinese comma, stop or enumeration mark).
  if (!/[，。；、]/.test(masked)) return;
  const quoted = /[“‘「『《〈]/.test(masked) ? quotedSpans(masked) : undefined;
  const article = ARTICLE_HEAD.exec(masked);
  const articleEnd = article ? article[0].length : -1;
  SPACE.lastIndex = 0;
  let match: RegExpExecArray | null;
  while ((match = SPACE.exec(masked))) {
    const start = match.index;
    const end = start + match[0].length;
    // A longer run of spaces is deliberate layout, not a stray space.
    if (masked[end] === ' ' || masked[start - 1] === ' ' || match[0].length > MAX_RUN) continue;
    if (start === articleEnd) continue;
    if (quoted && quoted[start] === 1) continue;
    const before = masked[start - 1];
    const after = masked[end];
    // A number split by a space (`第 1 0 条`, `共 1 2 个`): the space is inside the number.
    if (isAsciiDigit(before) && isAsciiDigit(after)) {
      if (!splitNumber(masked, start, end)) continue;
      const from = block.start + start;
      const to = block.start + end;
      context.report({
        start: from,
        end: to,
        message: {
          'zh-CN': `数字中间有空格：“${before}${match[0]}${after}”应为“${before}${after}”`,
          en: `Space inside a number: "${before}${match[0]}${after}" should be "${before}${after}"`,
        },
        fix: [{ start: from, end: to, newText: '' }],
      });
      continue;
    }
    const betweenHan = isHan(before) && isHan(after);
    const numberUnit = isAsciiDigit(before) && isHan(after);
    const beforeNumber = isHan(before) && isAsciiDigit(after) && isCountWithUnit(masked, end);
    if (!betweenHan && !numberUnit && !beforeNumber) continue;
    if ((numberUnit || beforeNumber) && inOrdinalPhrase(masked, start, end)) continue;
    if (betweenHan && isPaddedName(masked, start, end)) continue;    // A number after Latin text is part of a name or code, not a count (`Windows 10 系统`, `PM2.5 浓度`).
    if (numberUnit) {
      let digits = start - 1;
      while (digits > 0 && (isAsciiDigit(masked[digits - 1]) || masked[digits - 1] === '.' || masked[digits - 1] === ',')) digits--;
      while (digits > 0 && masked[digits - 1] === ' ') digits--;
      const lead = masked[digits - 1];
      if (lead !== undefined && /[A-Za-z\-_/.:]/.test(lead)) continue;
    }
    const from = block.start + start;
    const to = block.start + end;
    const shown = `${before}${match[0]}${after}`;
    context.report({
      start: from,
      end: to,
      message: {
        'zh-CN': `多余空格：“${shown}”应为“${before}${after}”`,
        en: `Stray space: "${shown}" should be "${before}${after}"`,
      },
      fix: [{ start: from, end: to, newText: '' }],
    });
  }
}
