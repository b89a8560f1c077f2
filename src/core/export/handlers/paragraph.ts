/** mdast `paragraph` → body paragraph (also inside lists, quotes and footnotes); `\newpage` lines are page breaks. */
import { AlignmentType, LineRuleType } from 'docx';
import type { Paragraph as MdParagraph, PhrasingContent } from 'mdast';
import type { RunInHead } from '../../parse/nodes.js';
import type { Blocks, ExportContext } from '../context.js';
import type { ParagraphProperties, RunItem } from '../plain.js';
import { firstLineIndent, STYLE_IDS } from '../styles.js';
import { collectPieces, hasImage, piecesToRuns, trimPieces, type InlinePiece } from './inline.js';

/** A paragraph that consists of a page-break directive only. */
const PAGE_BREAK_DIRECTIVE = /^(?:\\newpage|\\pagebreak|\f)$/;

/** Paragraph options every nested body paragraph needs: style, nesting indent, image line height. */
export function bodyParagraphOptions(context: ExportContext, pieces: readonly InlinePiece[], style?: string): ParagraphProperties {
  const indent = firstLineIndent(context.layout);
  const chosen = style ?? (context.inFootnote ? STYLE_IDS.footnoteText : context.quoteDepth > 0 ? STYLE_IDS.quote : STYLE_IDS.normal);
  const options: { -readonly [K in keyof ParagraphProperties]: ParagraphProperties[K] } = { style: chosen };
  if (context.nesting > 0 || context.quoteDepth > 0) {
    options.indent = { left: (context.nesting + context.quoteDepth) * indent, firstLine: context.inFootnote ? 0 : indent };
  }
  if (hasImage(pieces)) {
    // Exact line spacing would clip the picture to one line.
    options.spacing = { line: 240, lineRule: LineRuleType.AUTO, before: 0, after: 0 };
    if (pieces.every((piece) => piece.kind === 'image')) {
      options.alignment = AlignmentType.CENTER;
      options.indent = { left: 0, firstLine: 0 };
    }
  }
  return options;
}

/** Runs of a paragraph-like node's children, trimmed at both ends. */
export function phrasingRuns(children: ReadonlyArray<PhrasingContent | RunInHead>, context: ExportContext): { pieces: InlinePiece[]; runs: RunItem[] } {
  const pieces = trimPieces(collectPieces(children, context));
  return { pieces, runs: piecesToRuns(pieces, context) };
}

/** True when the paragraph is only `\newpage` / `\pagebreak`. */
export function isPageBreakDirective(node: MdParagraph): boolean {
  return node.children.length === 1 && node.children[0]!.type === 'text' && PAGE_BREAK_DIRECTIVE.test(node.children[0]!.value.trim());
}

export function handleParagraph(node: MdParagraph, context: ExportContext): Blocks {
  if (isPageBreakDirective(node)) {
    context.requestPageBreak();
    return [];
  }
  const { pieces, runs } = phrasingRuns(node.children, context);
  if (runs.length === 0) return [];
  return [context.paragraph({ ...bodyParagraphOptions(context, pieces), children: runs })];
}
