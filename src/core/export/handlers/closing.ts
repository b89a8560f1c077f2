/**
 * 落款 (signature) and 成文日期 (date line), one blank line below the body.
 *
 * Without a seal (GB/T 9704 7.3.5.2): 署名 right-indented 2 字; the date's
 * first character 2 字 right of the 署名's first character; when the date is
 * the longer one, the date is right-indented 2 字 and the 署名 moves left.
 *
 * With a seal (7.3.5.1): the date right-indented 4 字, the 署名 centred over
 * the date (the seal is stamped over both).
 */
import type { RootContent } from 'mdast';
import { toString } from 'mdast-util-to-string';
import type { DateLine, Signature } from '../../parse/nodes.js';
import type { Blocks, ExportContext } from '../context.js';
import { bodyCharacterPitch, STYLE_IDS, type Layout } from '../styles.js';
import { phrasingRuns } from './paragraph.js';

const HALF_WIDTH = /[\u0020-\u007e\u00a0-\u00ff\uff61-\uff9f]/;

/** Rendered width of a line of body text in twips (full-width: size + spacing, half-width: half size + spacing). */
export function textWidth(text: string, layout: Layout): number {
  let width = 0;
  for (const character of text.trim()) {
    width += (HALF_WIDTH.test(character) ? layout.sizes.body * 5 : layout.sizes.body * 10) + layout.characterSpacing;
  }
  return width;
}

/** Right indents (twips) of the 署名 and the date, from their texts (either may be missing). */
export function closingIndents(signature: string | undefined, date: string | undefined, layout: Layout, seal = false): { signature: number; date: number } {
  const pitch = bodyCharacterPitch(layout);
  if (seal) {
    const dateIndent = layout.sealDateRightChars * pitch;
    if (signature === undefined || date === undefined) return { signature: dateIndent, date: dateIndent };
    const centred = dateIndent + (textWidth(date, layout) - textWidth(signature, layout)) / 2;
    return { signature: Math.max(0, Math.round(centred)), date: dateIndent };
  }
  const gap = layout.signatureRightChars * pitch;
  if (signature === undefined || date === undefined) return { signature: gap, date: gap };
  const signatureWidth = textWidth(signature, layout);
  const dateWidth = textWidth(date, layout);
  // Positions measured from the right edge: the date starts 2 字 right of the signature.
  let dateIndent = signatureWidth - dateWidth;
  let signatureIndent = gap;
  if (dateIndent < gap) {
    dateIndent = gap;
    signatureIndent = dateIndent + dateWidth + 2 * pitch - signatureWidth;
  }
  return { signature: Math.round(signatureIndent), date: Math.round(dateIndent) };
}

type Closing = Signature | DateLine;

function isClosing(node: RootContent | undefined): node is Closing {
  return node?.type === 'signature' || node?.type === 'dateLine';
}

/** Handles a signature or date line, looking at the neighbouring closing lines for the indents. */
export function handleClosing(node: Closing, context: ExportContext, siblings: readonly RootContent[], index: number): Blocks {
  let first = index;
  while (first > 0 && isClosing(siblings[first - 1])) first--;
  let last = index;
  while (last + 1 < siblings.length && isClosing(siblings[last + 1])) last++;
  const group = siblings.slice(first, last + 1) as Closing[];
  const signatures = group.filter((item) => item.type === 'signature').map((item) => toString(item));
  const date = group.find((item) => item.type === 'dateLine');
  const longestSignature = signatures.reduce<string | undefined>(
    (longest, text) => (longest === undefined || textWidth(text, context.layout) > textWidth(longest, context.layout) ? text : longest),
    undefined,
  );
  const indents = closingIndents(longestSignature, date ? toString(date) : undefined, context.layout, context.seal);
  const { runs } = phrasingRuns(node.children, context);
  if (runs.length === 0) return [];
  const before = index === first && first > 0 ? context.layout.closingSpaceBefore : 0;
  const isSignature = node.type === 'signature';
  return [
    context.paragraph({
      style: isSignature ? STYLE_IDS.signature : STYLE_IDS.dateLine,
      indent: { right: isSignature ? indents.signature : indents.date, left: 0, firstLine: 0 },
      // No automatic CJK/digit spacing: the indents above assume plain advance widths.
      // (docx writes w:autoSpaceDN out of schema order; package-fixes.ts puts it in place.)
      autoSpaceEastAsianText: false,
      // The 署名 stays with its date (style), and the date with a 附注 below it.
      ...(!isSignature && last + 1 < siblings.length && siblings[last + 1]?.type === 'note' ? { keepNext: true } : {}),
      ...(before > 0 ? { spacing: { before } } : {}),
      children: runs,
    }),
  ];
}
