/**
 * date-style: one document writes full dates one way. Mixing 2023年7月10日,
 * 2023.7.10, 2023-07-10 and 2023/7/10 is reported on the dates that differ
 * from the document's most used style (on a tie, 年月日, the 公文 form).
 */
import type { Rule } from '../lint/rule.js';
import { positionAt } from '../parse/lines.js';
import { blocksWithMatch } from './cjk.js';

type Style = 'cjk' | 'dot' | 'dash' | 'slash';

const DATE = /(?<![0-9０-９.\-/])((?:19|20)[0-9]{2})(?:(\s*年\s*)([0-9]{1,2})\s*月\s*([0-9]{1,2})\s*日|([./-])([0-9]{1,2})\5([0-9]{1,2})(?![0-9]|\.[0-9]))/g;

type Found = { start: number; end: number; style: Style; text: string };

export const dateStyle: Rule = {
  id: 'date-style',
  name: { 'zh-CN': '日期写法统一', en: 'Date style' },
  severity: 'info',
  fixable: false,
  tags: ['numbers', 'dates'],
  description: {
    'zh-CN': '同一文档中日期写法应统一（“2023年7月10日”“2023.7.10”“2023-07-10”不混用）',
    en: 'One document writes dates one way (no mixing 2023年7月10日, 2023.7.10 and 2023-07-10)',
  },
  check(context) {
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
