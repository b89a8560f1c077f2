/**
 * template-residue: text left over from template websites and sample files
 * (advertising lines, page furniture, document-sharing links) and fill-in
 * instructions (【待补】, （此处填写…）). Shares its detector with title detection.
 */
import type { OffsetEdit, Rule } from '../lint/rule.js';
import type { LineTable } from '../parse/lines.js';
import type { TextBlock } from '../parse/report.js';
import { findFillInInstructions, findPageJumps, isResidueLike } from '../parse/residue.js';
import { blocksWithMatch } from './cjk.js';

function isBlankLine(text: string, lines: LineTable, line: number): boolean {
  return text.slice(lines.starts[line], lines.ends[line]).trim().length === 0;
}

/** Deletes a whole line with its line break; in the preamble also the blank lines after it. */
function deleteLine(text: string, lines: LineTable, line: number, swallowBlank: boolean): OffsetEdit {
  const lineCount = lines.starts.length;
  // The BOM belongs to the file, not to the first line.
  const lineStart = line === 0 && text.charCodeAt(0) === 0xfeff ? 1 : lines.starts[line]!;
  let last = line;
  if (swallowBlank) while (last + 1 < lineCount && isBlankLine(text, lines, last + 1)) last++;
  if (last + 1 < lineCount) {
    const end = lines.starts[last + 1]!;
    // A U+FEFF opening the next line would become the file's BOM: at the start of the file, keep this line's break.
    if (lineStart === (text.charCodeAt(0) === 0xfeff ? 1 : 0) && text.charCodeAt(end) === 0xfeff) return { start: lineStart, end: lines.ends[line]!, newText: '' };
    // A lone CR ending the line before and a LF opening the line after would merge into one CRLF (a blank line lost):
    // the line before ends with LF instead.
    if (lineStart > 0 && text[lineStart - 1] === '\r' && text[end] === '\n') return { start: lineStart - 1, end, newText: '\n' };
    return { start: lineStart, end, newText: '' };
  }
  // The last line of the document: remove the line break before it instead.
  const start = line > 0 ? lines.ends[line - 1]! : lineStart;
  return { start, end: text.length, newText: '' };
}


export const templateResidue: Rule = {
  id: 'template-residue',
  name: { 'zh-CN': '模板残留', en: 'Template residue' },
  severity: 'error',
  fixable: true,
  tags: ['residue'],
  description: {
    'zh-CN': '模板网站、范文残留（“仅供学习 禁止外传”、会员群、第1页共1页、文库链接）及填写说明（【待补】、（此处填写…））',
    en: 'Leftovers from template sites and sample files (ads, page furniture, document-sharing links) and fill-in instructions (【待补】, （此处填写…）)',
  },
  check(context) {
    const { document, text } = context;
    const lines = document.lines;
    // Residue lines are recognised by the parser (parse/residue.ts), shared with title detection and the outline.
    const firstTitle = document.root.children.find((node) => node.type === 'reportTitle');
    const titleStart = firstTitle?.position?.start.offset;
    const maskedOf = new Map<number, TextBlock>();
    for (const block of document.blocks) if (block.node.type === 'residue') maskedOf.set(block.start, block);
    for (const node of document.root.children) {
      if (node.type !== 'residue' || !node.position) continue;
      const start = node.position.start.offset!;
      const end = node.position.end.offset!;
      const line = node.position.start.line - 1;
      const raw = text.slice(start, end);
      const block = maskedOf.get(start);
      const shown = (block ? context.maskedText(block).replace(/\u0000+/g, ' ').trim() : '') || raw.trim();
      const excerpt = shown.length > 20 ? shown.slice(0, 20) + '…' : shown;
      const inPreamble = titleStart !== undefined && start < titleStart;
      let message;
      if (node.reason === 'chrome') {
        message = { 'zh-CN': `网页残留：“${excerpt}”，应删除`, en: `Web-page residue: "${excerpt}"; delete it` };
      } else if (node.reason === 'template' || isResidueLike(shown)) {
        message = { 'zh-CN': `模板网站残留：“${excerpt}”，应删除`, en: `Template-site residue: "${excerpt}"; delete it` };
      } else {
        message = {
          'zh-CN': `模板网站残留（与残留行同组，位于标题之前）：“${excerpt}”，应删除`,
          en: `Template-site residue (grouped with residue before the title): "${excerpt}"; delete it`,
        };
      }
      context.report({ start, end, message, fix: [deleteLine(text, lines, line, inPreamble)] });
    }

    // Newspaper page jumps inside a paragraph: （下转第四版）.
    for (const block of blocksWithMatch(context, /[下上紧]?[转接]第?\s*[0-9０-９一二三四五六七八九十]{1,3}\s*版/g)) {
      if (block.node.type === 'residue') continue;
      const masked = context.maskedText(block);
      for (const [start, end] of findPageJumps(masked)) {
        context.report({
          start: block.start + start,
          end: block.start + end,
          message: { 'zh-CN': `网页残留（报纸转版提示）：“${masked.slice(start, end)}”，应删除`, en: `Web-page residue (newspaper page jump) "${masked.slice(start, end)}"; delete it` },
          fix: [{ start: block.start + start, end: block.start + end, newText: '' }],
        });
      }
    }

    // Fill-in instructions inside the text: no automatic fix, the text must be written.
    for (const block of blocksWithMatch(context, /待补|待填|待完善|此处|请(?:在此)?(?:填写|填入|输入|补充)|填写/g)) {
      if (block.node.type === 'residue') continue;
      const masked = context.maskedText(block);
      for (const [start, end] of findFillInInstructions(masked)) {
        const found = masked.slice(start, end);
        context.report({
          start: block.start + start,
          end: block.start + end,
          message: { 'zh-CN': `填写说明未处理：“${found}”`, en: `Fill-in instruction left in the text: "${found}"` },
        });
      }
    }
  },
};
