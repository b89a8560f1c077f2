/**
 * attachment-match: the 附件说明 (附件：1.名称 …) and the 附件 pages agree (GB/T 9704-2012
 * 7.3.4, 7.3.7): every numbered name has its `附件N` page, every `附件N` page is named,
 * and a page's title is the name the 附件说明 gives it. Checked only when the document
 * has both a 附件说明 and 附件 pages (an attachment sent apart has no page here).
 */
import type { RootContent } from 'mdast';
import { toString } from 'mdast-util-to-string';
import type { Rule } from '../lint/rule.js';
import type { AttachmentNote } from '../parse/nodes.js';

type Named = { number: number | undefined; name: string; start: number; end: number };

const HAN: Record<string, number> = { 一: 1, 二: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9, 十: 10 };

/** A name compared: no spaces, book-title marks, quotes or final punctuation. */
function key(name: string): string {
  return name.replace(/[\s\u3000《》〈〉“”"'‘’]/g, '').replace(/[。；;，,、.．]+$/, '');
}

function plain(node: RootContent, text: string): { value: string; start: number } {
  const start = node.position!.start.offset!;
  const raw = text.slice(start, node.position!.end.offset!).replace(/<!--[\s\S]*?-->/g, (comment) => ' '.repeat(comment.length));
  const value = raw.trim();
  return { value, start: start + raw.indexOf(value) };
}

export const attachmentMatch: Rule = {
  id: 'attachment-match',
  name: { 'zh-CN': '附件说明与附件一致', en: 'Attachment note matches attachments' },
  severity: 'warning',
  fixable: false,
  tags: ['gongwen', 'attachments'],
  description: {
    'zh-CN': '附件说明中的附件序号、名称应与附件页的“附件N”及附件标题一致',
    en: 'The 附件说明 numbers and names agree with the 附件N pages and their titles',
  },
  check(context) {
    const children = context.document.root.children;
    const notes: Named[] = [];
    const pages: Array<Named & { titles: string[] }> = [];
    children.forEach((node, index) => {
      if (!node.position) return;
      if (node.type === 'attachmentNote') {
        const { value, start } = plain(node, context.text);
        const label = /^附\s*件\s*[:：]\s*/.exec(value);
        let rest = label ? value.slice(label[0].length) : value;
        let offset = start + (label ? label[0].length : 0);
        const number = (node as AttachmentNote).number?.ordinal;
        const numeral = /^[0-9０-９]{1,2}\s*[.．、]\s*/.exec(rest);
        if (numeral) {
          rest = rest.slice(numeral[0].length);
          offset += numeral[0].length;
        }
        if (rest.trim() === '') return;
        notes.push({ number: numeral ? number : undefined, name: rest.trim(), start: offset, end: offset + rest.trim().length });
      } else if (node.type === 'sectionTitle' && node.role === 'attachment') {
        const { value, start } = plain(node, context.text);
        const numeral = /([0-9０-９]{1,2}|[一二三四五六七八九十])$/.exec(value.replace(/\s/g, ''))?.[1];
        const number = numeral === undefined ? undefined : HAN[numeral] ?? Number(numeral.replace(/[０-９]/g, (digit) => String.fromCharCode(digit.charCodeAt(0) - 0xfee0)));
        // The attachment's title: the next one to three short lines (a title may be broken over lines).
        const titles: string[] = [];
        let joined = '';
        for (let next = index + 1; next < Math.min(children.length, index + 4); next++) {
          const line = children[next]!;
          if (line.type === 'sectionTitle' && line.role === 'attachment') break;
          const text = toString(line, { includeHtml: false }).trim();
          if (text === '' || text.length > 60) break;
          joined += text;
          titles.push(key(joined));
        }
        pages.push({ number, name: value, start, end: start + value.length, titles });
      }
    });
    if (notes.length === 0 || pages.length === 0) return;
    const numbered = notes.some((note) => note.number !== undefined) || pages.some((page) => page.number !== undefined);
    for (const note of notes) {
      const page = numbered ? pages.find((candidate) => candidate.number === note.number) : pages.length === 1 && notes.length === 1 ? pages[0] : undefined;
      if (!page) {
        if (numbered && note.number !== undefined && pages.every((candidate) => candidate.number !== undefined)) {
          context.report({
            start: note.start,
            end: note.end,
            message: { 'zh-CN': `附件说明列有附件${note.number}，但文后没有“附件${note.number}”页`, en: `The 附件说明 names attachment ${note.number}, but there is no "附件${note.number}" page` },
          });
        }
        continue;
      }
      // A page title that leaves out the issuing body (关于… for 国土资源部关于…) or a name cut short still agrees.
      const name = key(note.name);
      if (page.titles.length > 0 && !page.titles.some((title) => title === name || (title.length >= 6 && name.length >= 6 && (title.includes(name) || name.includes(title))))) {
        context.report({
          start: note.start,
          end: note.end,
          message: {
            'zh-CN': `附件说明中的名称“${note.name}”与“${page.name}”页的标题不一致`,
            en: `The name "${note.name}" in the 附件说明 differs from the title on the "${page.name}" page`,
          },
        });
      }
    }
    if (!numbered) return;
    for (const page of pages) {
      if (page.number === undefined || notes.some((note) => note.number === page.number) || notes.every((note) => note.number === undefined)) continue;
      context.report({
        start: page.start,
        end: page.end,
        message: { 'zh-CN': `“${page.name}”未列入附件说明`, en: `"${page.name}" is not listed in the 附件说明` },
      });
    }
  },
};
