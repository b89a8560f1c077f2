/**
 * addressee-required: a 请示 or a 报告 goes to a superior body, which is named as its
 * 主送机关 under the title (GB/T 9704-2012 7.3.2). Only documents whose title says
 * so (…的请示, …的报告) are checked; speeches, work reports read at a meeting and
 * other titles are not.
 */
import { toString } from 'mdast-util-to-string';
import type { Rule } from '../lint/rule.js';

/** A title naming a 请示 or a 报告 as its kind: `关于…的请示`, `…关于…情况的报告`. */
export const REQUEST_OR_REPORT_TITLE = /关于.{2,}的(请示|报告)$/;

export const addresseeRequired: Rule = {
  id: 'addressee-required',
  name: { 'zh-CN': '请示报告须有主送', en: 'Addressee required' },
  severity: 'warning',
  fixable: false,
  tags: ['gongwen'],
  description: {
    'zh-CN': '请示、报告应有主送机关（标题下一行顶格写上级机关名称，后加全角冒号）',
    en: 'A 请示 or 报告 names its 主送机关 (the superior body, flush left under the title, with a colon)',
  },
  check(context) {
    const children = context.document.root.children;
    const title = children.find((node) => node.type === 'reportTitle');
    if (!title?.position) return;
    const text = toString(title, { includeHtml: false }).trim();
    const kind = REQUEST_OR_REPORT_TITLE.exec(text)?.[1];
    if (!kind) return;
    // A speech or a dated report read at a meeting has a subtitle line, and no 主送.
    if (children.some((node) => node.type === 'reportSubtitle' || node.type === 'addressee')) return;
    context.report({
      start: title.position.start.offset!,
      end: title.position.end.offset!,
      message: {
        'zh-CN': `${kind}应有主送机关：在标题下一行顶格写明上级机关（如“市人民政府：”）`,
        en: `A ${kind} names its 主送机关: the superior body on the line under the title (e.g. 市人民政府：)`,
      },
    });
  },
};
