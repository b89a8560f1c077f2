/**
 * number-width: full-width digits ０-９ and ％ in running text → half-width
 * (GB/T 15835 writes Arabic numerals half-width). Outline markers (１．, （１）)
 * are left to the numbering rules.
 */
import type { Rule } from '../lint/rule.js';
import { blocksWithMatch, inMarker } from './cjk.js';

/** This many ％ and no % make a house style rather than a slip. */
const HOUSE_STYLE_MIN = 3;
const FULL_RUN = /[０-９％][０-９％．，]*/g;

function toHalf(char: string): string {
  const code = char.charCodeAt(0);
  if (code >= 0xff10 && code <= 0xff19) return String.fromCharCode(code - 0xfee0);
  if (char === '％') return '%';
  return char;
}

function isFullDigit(char: string | undefined): boolean {
  return char !== undefined && char >= '０' && char <= '９';
}

function isDigit(char: string | undefined): boolean {
  return char !== undefined && ((char >= '0' && char <= '9') || isFullDigit(char));
}

export const numberWidth: Rule = {
  id: 'number-width',
  name: { 'zh-CN': '半角数字', en: 'Half-width numbers' },
  severity: 'warning',
  fixable: true,
  tags: ['numbers'],
  description: {
    'zh-CN': '正文中的阿拉伯数字和百分号应使用半角（“１２％”应为“12%”）',
    en: 'Arabic numerals and the percent sign are half-width in running text ("１２％" → "12%")',
  },
  check(context) {
    // A document that writes ％ throughout (and never %) follows a house style, no slip.
    const consistentPercent = !context.text.includes('%');
    const percentEdits: Array<{ start: number; end: number; newText: string }> = [];
    for (const block of blocksWithMatch(context, /[０-９％]/g)) {
      const masked = context.maskedText(block);
      FULL_RUN.lastIndex = 0;
      let match: RegExpExecArray | null;
      while ((match = FULL_RUN.exec(masked))) {
        const runStart = match.index;
        if (inMarker(block, block.start + runStart)) continue;
        const run = match[0];
        // The decimal point and thousands separator are converted only between digits (１２．５, １，０００).
        let end = run.length;
        while (end > 0 && (run[end - 1] === '．' || run[end - 1] === '，')) end--;
        let replacement = '';
        for (let index = 0; index < end; index++) {
          const char = run[index]!;
          if (char === '．') replacement += isDigit(run[index - 1]) && isDigit(run[index + 1]) ? '.' : char;
          else if (char === '，') replacement += isDigit(run[index - 1]) && isDigit(run[index + 1]) && isDigit(run[index + 3]) && !isDigit(run[index + 4]) ? ',' : char;
          else replacement += toHalf(char);
        }
        const original = run.slice(0, end);
        if (replacement === original) continue;
        if (consistentPercent && original === '％') {
          const at = block.start + runStart;
          percentEdits.push({ start: at, end: at + 1, newText: '%' });
          continue;
        }
        // A comma in Chinese text stays full-width: split the run at any unconverted ，.
        const start = block.start + runStart;
        const edits = [];
        for (let index = 0; index < end; index++) {
          if (replacement[index] !== original[index]) edits.push({ start: start + index, end: start + index + 1, newText: replacement[index]! });
        }
        context.report({
          start,
          end: start + end,
          message: {
            'zh-CN': `全角数字或百分号“${original}”应为半角“${replacement}”`,
            en: `Full-width digits or percent sign "${original}"; use half-width "${replacement}"`,
          },
          fix: edits,
        });
      }
    }
    // Two or fewer are slips like any other: one finding each, with the fix. Three or more with no % anywhere
    // are the document's house style (a provincial 政府工作报告 writes ％ throughout): nothing to report.
    if (percentEdits.length > 0 && percentEdits.length < HOUSE_STYLE_MIN) {
      for (const edit of percentEdits) {
        context.report({
          start: edit.start,
          end: edit.end,
          message: { 'zh-CN': `全角数字或百分号“％”应为半角“%”`, en: `Full-width digits or percent sign "％"; use half-width "%"` },
          fix: [edit],
        });
      }
    }
  },
};
