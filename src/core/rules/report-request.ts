/**
 * report-request: a 报告 must not carry a request (《党政机关公文处理工作条例》 第十五条:
 * 报告不得夹带请示事项). `妥否，请批示` and `请予批准` ask the superior to decide,
 * which is what a 请示 is for. Only documents titled …的报告 are checked; a 报告 that
 * asks for its text to be passed on (呈转性报告, `如无不妥，请批转…`) is not flagged.
 */
import { toString } from 'mdast-util-to-string';
import type { Rule } from '../lint/rule.js';
import { blocksWithMatch } from './cjk.js';

const REQUEST = /(?:妥否|当否|可否|是否妥当)[，,]?\s*请(?:批示|审批|批复|审示)|请予(?:批准|审批|批复)|请批示|请审批|请批复/g;

export const reportRequest: Rule = {
  id: 'report-request',
  name: { 'zh-CN': '报告不夹带请示', en: 'No request in a report' },
  severity: 'warning',
  fixable: false,
  tags: ['gongwen'],
  description: {
    'zh-CN': '报告不得夹带请示事项（“妥否，请批示”“请予批准”应另行请示）',
    en: 'A 报告 carries no request (妥否，请批示 and 请予批准 belong in a 请示)',
  },
  check(context) {
    const title = context.document.root.children.find((node) => node.type === 'reportTitle');
    if (!title || !/关于.{2,}的报告$/.test(toString(title, { includeHtml: false }).trim())) return;
    for (const block of blocksWithMatch(context, REQUEST)) {
      if (!block.topLevel || block.node.type === 'reportTitle') continue;
      const masked = context.maskedText(block);
      REQUEST.lastIndex = 0;
      let match: RegExpExecArray | null;
      while ((match = REQUEST.exec(masked))) {
        context.report({
          start: block.start + match.index,
          end: block.start + match.index + match[0].length,
          message: {
            'zh-CN': `报告不得夹带请示事项：“${match[0]}”应写入另行报送的请示`,
            en: `A 报告 carries no request: "${match[0]}" belongs in a separate 请示`,
          },
        });
      }
    }
  },
};
