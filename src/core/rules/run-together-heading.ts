/**
 * run-together-heading: a chapter title and the first article of the chapter written on one
 * line (`第一章　总则　　第一条 为规范…`), a line break lost when a 办法 or 条例 was pasted from
 * a web page. The parser already reads the chapter title as a section title; this rule asks
 * for the line break, and the fix puts the article on a line of its own.
 */
import type { Rule } from '../lint/rule.js';

export const runTogetherHeading: Rule = {
  id: 'run-together-heading',
  name: { 'zh-CN': '章标题单独成行', en: 'Chapter title on its own line' },
  severity: 'warning',
  fixable: true,
  tags: ['structure'],
  description: {
    'zh-CN': '章标题应单独成行，不与其下第一条写在同一行（“第一章　总则　　第一条…”）',
    en: 'A chapter title stands on its own line, not run together with its first article ("第一章　总则　　第一条…")',
  },
  check(context) {
    const { text } = context;
    const children = context.document.root.children;
    for (let index = 0; index + 1 < children.length; index++) {
      const node = children[index]!;
      if (node.type !== 'sectionTitle' || !node.runTogether || !node.position) continue;
      const article = children[index + 1]!;
      if (!article.position) continue;
      const chapterStart = node.position.start.offset!;
      const chapterEnd = node.position.end.offset!;
      const articleStart = article.position.start.offset!;
      const lineStart = text.lastIndexOf('\n', chapterStart - 1) + 1;
      const newline = text[text.indexOf('\n', chapterStart) - 1] === '\r' ? '\r\n' : '\n';
      const chapter = text.slice(chapterStart, chapterEnd);
      const articleHead = /^第[一二三四五六七八九十百零〇]+条/.exec(text.slice(articleStart, articleStart + 12))?.[0] ?? '';
      context.report({
        start: chapterStart,
        end: chapterEnd,
        message: {
          'zh-CN': `章标题“${chapter}”与“${articleHead}”写在同一行，应单独成行`,
          en: `Chapter title "${chapter}" runs into "${articleHead}" on one line; put it on a line of its own`,
        },
        // The article goes on the next line with the chapter line's indentation.
        fix: [{ start: chapterEnd, end: articleStart, newText: newline + text.slice(lineStart, chapterStart) }],
      });
    }
  },
};
