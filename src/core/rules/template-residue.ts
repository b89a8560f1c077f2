/**
 * template-residue: text left over from template websites and sample files
 * (advertising lines, page furniture, document-sharing links) and fill-in
 * instructions (【待补】, （此处填写…）). Shares its detector with title detection.
 */
import type { OffsetEdit, Rule } from '../lint/rule.js';
import type { LineTable } from '../parse/lines.js';
import type { TextBlock } from '../parse/report.js';
import { findFillInInstructions, isResidueLike, isResidueLine } from '../parse/residue.js';
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
  if (last + 1 < lineCount) return { start: lineStart, end: lines.starts[last + 1]!, newText: '' };
  // The last line of the document: remove the line break before it instead.
  const start = line > 0 ? lines.ends[line - 1]! : lineStart;
  return { start, end: text.length, newText: '' };
}

/** Raw lines longer than this are prose (residue lines are short even with a link in them). */
const MAX_RAW_LINE = 300;

export const templateResidue: Rule = {
  id: 'template-residue',
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
    const single = document.blocks.filter((block) => block.topLevel && lines.ends[block.line]! >= block.end);
    const content = (block: TextBlock): string => text.slice(block.start, block.end);
    const residue = new Map<TextBlock, 'line' | 'group'>();
    // Prose without markup (comments, code) first; the raw line too, for document-sharing URLs.
    const prose = (block: TextBlock): string => context.maskedText(block).replace(/\u0000+/g, ' ');
    // The preamble: the lines before the title.
    const title = single.find((block) => block.node.type === 'reportTitle');
    const preamble = title ? single.filter((block) => block.start < title.start) : [];
    const preambleSet = new Set(preamble);
    for (const block of single) {
      if (block.end - block.start > MAX_RAW_LINE) continue;
      const raw = content(block);
      if (isResidueLine(raw)) residue.set(block, 'line');
      else if (context.maskedText(block) !== raw && isResidueLine(prose(block))) residue.set(block, 'line');
    }

    // In the preamble a blank-line-separated group with residue is residue as a whole.
    let group: TextBlock[] = [];
    const flush = (): void => {
      if (group.some((block) => residue.has(block))) for (const block of group) if (!residue.has(block)) residue.set(block, 'group');
      group = [];
    };
    for (const block of preamble) {
      const previous = group[group.length - 1];
      if (previous && block.line - previous.line > 1) flush();
      group.push(block);
    }
    flush();

    for (const block of single) {
      const kind = residue.get(block);
      if (!kind) continue;
      const shown = prose(block).trim();
      const excerpt = shown.length > 20 ? shown.slice(0, 20) + '…' : shown;
      context.report({
        start: block.start,
        end: block.end,
        message:
          kind === 'line' || isResidueLike(shown)
            ? { 'zh-CN': `模板网站残留：“${excerpt}”，应删除`, en: `Template-site residue: "${excerpt}"; delete it` }
            : { 'zh-CN': `模板网站残留（与残留行同组，位于标题之前）：“${excerpt}”，应删除`, en: `Template-site residue (grouped with residue before the title): "${excerpt}"; delete it` },
        fix: [deleteLine(text, lines, block.line, preambleSet.has(block))],
      });
    }

    // Fill-in instructions inside the text: no automatic fix, the text must be written.
    for (const block of blocksWithMatch(context, /待补|待填|待完善|此处|请(?:在此)?(?:填写|填入|输入|补充)|填写/g)) {
      if (residue.has(block)) continue;
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
