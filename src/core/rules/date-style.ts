/**
 * date-style: one document writes full dates one way. Mixing 2023年7月10日,
 * 2023.7.10, 2023-07-10 and 2023/7/10 is reported on the dates that differ
 * from the document's most used style (on a tie, 年月日, the 公文 form).
 *
 * The 成文日期 and the 印发日期 are written in Arabic numerals, with the full year
 * and no leading zeros (GB/T 9704-2012 7.3.5.4 and 7.4.3: 二〇二五年七月一日 and
 * 2025年07月01日 are 2025年7月1日); the fix rewrites such a date.
 */
import type { Rule, RuleContext } from '../lint/rule.js';
import type { Imprint } from '../parse/nodes.js';
import { printedDate } from '../parse/parts.js';
import { positionAt } from '../parse/lines.js';
import { blocksWithMatch } from './cjk.js';

type Style = 'cjk' | 'dot' | 'dash' | 'slash';

const DATE = /(?<![0-9０-９.\-/])((?:19|20)[0-9]{2})(?:(\s*年\s*)([0-9]{1,2})\s*月\s*([0-9]{1,2})\s*日|([./-])([0-9]{1,2})\5([0-9]{1,2})(?![0-9]|\.[0-9]))/g;

type Found = { start: number; end: number; style: Style; text: string };

export const dateStyle: Rule = {
  id: 'date-style',
  name: { 'zh-CN': '日期写法统一', en: 'Date style' },
  severity: 'info',
  fixable: true,
  tags: ['numbers', 'dates'],
  description: {
    'zh-CN': '同一文档中日期写法应统一（“2023年7月10日”“2023.7.10”“2023-07-10”不混用）；成文日期、印发日期用阿拉伯数字，不编虚位（“二〇二五年七月一日”“2025年07月01日”应为“2025年7月1日”）',
    en: 'One document writes dates one way (no mixing 2023年7月10日, 2023.7.10 and 2023-07-10); the 成文日期 and 印发日期 in Arabic numerals without leading zeros (2025年7月1日)',
  },
  check(context) {
    checkClosingDates(context);
    // Mixing needs a numeric date: without one there is at most one style.
    if (!/(?:19|20)[0-9]{2}[./-][0-9]{1,2}[./-][0-9]{1,2}/.test(context.text)) return;
    const found: Found[] = [];
    for (const block of blocksWithMatch(context, /(?:19|20)[0-9]{2}/g)) {
      const masked = context.maskedText(block);
      DATE.lastIndex = 0;
      let match: RegExpExecArray | null;
      while ((match = DATE.exec(masked))) {
        const separator = match[5];
        const month = Number(match[3] ?? match[6]);
        const day = Number(match[4] ?? match[7]);
        if (month < 1 || month > 12 || day < 1 || day > 31) continue;
        const style: Style = separator === undefined ? 'cjk' : separator === '.' ? 'dot' : separator === '-' ? 'dash' : 'slash';
        found.push({ start: block.start + match.index, end: block.start + match.index + match[0].length, style, text: match[0] });
      }
    }
    const counts = new Map<Style, number>();
    for (const date of found) counts.set(date.style, (counts.get(date.style) ?? 0) + 1);
    if (counts.size < 2) return;
    let main: Style = 'cjk';
    let best = -1;
    for (const style of ['cjk', 'dot', 'dash', 'slash'] as const) {
      const count = counts.get(style) ?? 0;
      if (count > best) {
        best = count;
        main = style;
      }
    }
    // The document's own example of its usual style (its first such date), not a made-up one.
    const example = found.find((date) => date.style === main)!;
    const exampleLine = positionAt(context.document.lines, example.start).line + 1;
    for (const date of found) {
      if (date.style === main) continue;
      context.report({
        start: date.start,
        end: date.end,
        message: {
          'zh-CN': `日期写法不统一：“${date.text}”与本文多数日期的写法不同（如第${exampleLine}行“${example.text}”）`,
          en: `Inconsistent date style: "${date.text}" differs from this document's usual style (e.g. "${example.text}" on line ${exampleLine})`,
        },
      });
    }
  },
};

const HAN_DIGITS: Record<string, number> = { '〇': 0, '○': 0, 零: 0, 一: 1, 二: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9 };

/** 七 → 7, 十 → 10, 十二 → 12, 二十 → 20, 三十一 → 31; undefined when not such a numeral. */
function hanNumber(text: string): number | undefined {
  if (/^[一二三四五六七八九]$/.test(text)) return HAN_DIGITS[text];
  const match = /^([二三]?)十([一二三四五六七八九]?)$/.exec(text);
  if (!match) return undefined;
  return (match[1] ? HAN_DIGITS[match[1]]! : 1) * 10 + (match[2] ? HAN_DIGITS[match[2]]! : 0);
}

const toAscii = (digits: string) => digits.replace(/[０-９]/g, (digit) => String.fromCharCode(digit.charCodeAt(0) - 0xfee0));

/** A full date as the standard writes it (2025年7月1日), or undefined when the text is no full date. */
export function canonicalDate(text: string): string | undefined {
  const match = /^([0-9０-９]{4}|[〇○零一二三四五六七八九]{4})\s*年\s*([0-9０-９]{1,2}|[一二三四五六七八九十]{1,3})\s*月\s*([0-9０-９]{1,2}|[一二三四五六七八九十]{1,3})\s*日$/.exec(text);
  if (!match) return undefined;
  const year = /^[0-9０-９]+$/.test(match[1]!) ? toAscii(match[1]!) : [...match[1]!].map((digit) => HAN_DIGITS[digit]).join('');
  const number = (part: string) => (/^[0-9０-９]+$/.test(part) ? Number(toAscii(part)) : hanNumber(part));
  const month = number(match[2]!);
  const day = number(match[3]!);
  if (month === undefined || day === undefined || month < 1 || month > 12 || day < 1 || day > 31) return undefined;
  return `${year}年${month}月${day}日`;
}

/** The first year checked: GB/T 9704-2012 took effect on 1 July 2012. */
const FIRST_ARABIC_YEAR = 2013;

/** 成文日期 (the closing date line) and 印发日期 (版记) not in the standard's form. */
function checkClosingDates(context: RuleContext): void {
  for (const node of context.document.root.children) {
    if (!node.position) continue;
    const isPrintDate = node.type === 'imprint' && ((node as Imprint).role === 'printed' || (node as Imprint).role === 'printDate');
    if (node.type !== 'dateLine' && !isPrintDate) continue;
    const start = node.position.start.offset!;
    const raw = context.text.slice(start, node.position.end.offset!).replace(/<!--[\s\S]*?-->/g, (comment) => ' '.repeat(comment.length));
    let written = raw.trim();
    let at = start + raw.indexOf(written);
    if (node.type === 'imprint' && (node as Imprint).role === 'printed') {
      const found = printedDate(written);
      if (!found) continue;
      at += found.index;
      written = found.date;
    }
    const canonical = canonicalDate(written);
    if (canonical === undefined || canonical === written) continue;
    // GB/T 9704-1999 wrote the 成文日期 in Chinese numerals; the Arabic form holds from the 2012 standard on.
    if (Number(canonical.slice(0, 4)) < FIRST_ARABIC_YEAR) continue;
    const name = node.type === 'dateLine' ? '成文日期' : '印发日期';
    context.report({
      start: at,
      end: at + written.length,
      message: {
        'zh-CN': `${name}应使用阿拉伯数字、写全年份、不编虚位：“${written}”应为“${canonical}”`,
        en: `The ${name} is written in Arabic numerals, full year, no leading zeros: "${written}" should be "${canonical}"`,
      },
      fix: [{ start: at, end: at + written.length, newText: canonical }],
    });
  }
}
