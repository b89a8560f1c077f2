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

/** True when the space pads a two-character name to three (`张 三` in a list of names). */
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

function isPaddedName(masked: string, spaceStart: number, spaceEnd: number): boolean {
  const before = masked[spaceStart - 2];
  const after = masked[spaceEnd + 1];
  const separator = (char: string | undefined): boolean => char === undefined || !isHan(char);
  return separator(before) && separator(after);
}

export const cjkSpacing: Rule = {
  id: 'cjk-spacing',
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

function checkBlock(context: Parameters<typeof cjkSpacing.check>[0], block: TextBlock, masked: string): void {
  SPACE.lastIndex = 0;
  let match: RegExpExecArray | null;
  while ((match = SPACE.exec(masked))) {
    const start = match.index;
    const end = start + match[0].length;
    // A longer run of spaces is deliberate layout, not a stray space.
    if (masked[end] === ' ' || masked[start - 1] === ' ' || match[0].length > MAX_RUN) continue;
    const before = masked[start - 1];
    const after = masked[end];
    const betweenHan = isHan(before) && isHan(after);
    const numberUnit = isAsciiDigit(before) && isHan(after);
    const beforeNumber = isHan(before) && isAsciiDigit(after) && isCountWithUnit(masked, end);
    if (!betweenHan && !numberUnit && !beforeNumber) continue;
    // Only in running text: the block must read as prose (it has a Chinese comma, stop or enumeration mark).
    if (!/[，。；、]/.test(masked)) continue;
    if (betweenHan && isPaddedName(masked, start, end)) continue;
    // A number after Latin text is part of a name or code, not a count (`Windows 10 系统`, `PM2.5 浓度`).
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
