/**
 * doc-number-format: a 发文字号 in the 版头 is written as GB/T 9704-2012 7.2.5 says:
 * 机关代字, the full year in 六角括号 〔〕, the number in Arabic digits without
 * leading zeros and without 第, then 号 (`×政发〔2024〕5号`).
 */
import type { Rule } from '../lint/rule.js';
import type { Masthead } from '../parse/nodes.js';
import { docNumberBeforeSigner } from '../parse/parts.js';

/** The parts of a written 发文字号: 代字, year, number; brackets and 第 as written. */
const PARTS = /^([（(]?)([\u4e00-\u9fffA-Za-z×○]{1,16})(\s*)([〔\[［【(（])(\s*)([0-9０-９]{4})(\s*)([〕\]］】)）])(\s*)(第?)(\s*)([0-9０-９]{1,4})(\s*)号([）)]?)$/;

const toAscii = (digits: string) => digits.replace(/[０-９]/g, (digit) => String.fromCharCode(digit.charCodeAt(0) - 0xfee0));

/** The 发文字号 as the standard writes it, or undefined when the text is no 发文字号. */
export function canonicalDocNumber(text: string): string | undefined {
  const match = PARTS.exec(text);
  if (!match) return undefined;
  const number = Number(toAscii(match[12]!));
  if (number === 0) return undefined;
  return `${match[2]}〔${toAscii(match[6]!)}〕${number}号`;
}

export const docNumberFormat: Rule = {
  id: 'doc-number-format',
  name: { 'zh-CN': '发文字号格式', en: 'Document number format' },
  severity: 'warning',
  fixable: true,
  tags: ['gongwen', 'masthead'],
  description: {
    'zh-CN': '发文字号应写作“机关代字〔年份〕序号号”：六角括号，不加“第”，序号不编虚位（“×政发[2024]第05号”应为“×政发〔2024〕5号”）',
    en: 'A 发文字号 is written 代字〔year〕N号: 六角括号 〔〕, no 第, no leading zeros (×政发[2024]第05号 → ×政发〔2024〕5号)',
  },
  check(context) {
    for (const node of context.document.root.children) {
      if (node.type !== 'masthead' || (node as Masthead).role !== 'docNumber' || !node.position) continue;
      const start = node.position.start.offset!;
      const line = context.text.slice(start, node.position.end.offset!);
      const bare = line.replace(/<!--[\s\S]*?-->/g, '').trim();
      const written = (docNumberBeforeSigner(bare) ?? bare).trim();
      const match = PARTS.exec(written);
      if (!match) continue;
      // A 发文字号 wrapped in brackets as a whole is a quoted reference, not the 版头 element.
      if (match[1] || match[14]) continue;
      const canonical = canonicalDocNumber(written);
      if (canonical === undefined || canonical === written) continue;
      const problems: string[] = [];
      const problemsEn: string[] = [];
      if (match[4] !== '〔' || match[8] !== '〕') {
        problems.push('年份应使用六角括号〔〕');
        problemsEn.push('the year goes in 六角括号 〔〕');
      }
      if (match[10]) {
        problems.push('序号前不加“第”');
        problemsEn.push('no 第 before the number');
      }
      if (/^[0０]/.test(match[12]!)) {
        problems.push('序号不编虚位');
        problemsEn.push('no leading zeros');
      }
      if (/[０-９]/.test(match[6]! + match[12]!)) {
        problems.push('使用半角阿拉伯数字');
        problemsEn.push('ASCII digits');
      }
      if (problems.length === 0) {
        problems.push('不应有空格');
        problemsEn.push('no spaces');
      }
      const offset = start + line.indexOf(written);
      context.report({
        start: offset,
        end: offset + written.length,
        message: {
          'zh-CN': `发文字号“${written}”应为“${canonical}”：${problems.join('，')}`,
          en: `发文字号 "${written}" should be "${canonical}": ${problemsEn.join(', ')}`,
        },
        fix: [{ start: offset, end: offset + written.length, newText: canonical }],
      });
    }
  },
};
