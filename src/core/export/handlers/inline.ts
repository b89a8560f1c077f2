/**
 * Phrasing content → docx runs. Text keeps the paragraph style's fonts;
 * only **strong** (bold), *emphasis* (楷体 character style), ~~delete~~,
 * `code`, run-in heading sentences (heading character style), images and
 * footnote references add run formatting.
 */
import { FootnoteReferenceRun, ImageRun } from 'docx';
import type { PhrasingContent } from 'mdast';
import type { RunInHead } from '../../parse/nodes.js';
import type { ExportContext } from '../context.js';
import { fontSlots } from '../document-styles.js';
import { fitImage } from '../image-info.js';
import { RunSpec, type RunItem } from '../plain.js';
import { STYLE_IDS, typeAreaHeight, typeAreaWidth } from '../styles.js';

export type RunFormat = {
  bold?: boolean;
  emphasis?: boolean;
  strike?: boolean;
  code?: boolean;
  /** Character style id (run-in heading sentence). */
  style?: string;
};

/** An intermediate inline piece, before docx objects are made (lets the paragraph trim its edges). */
export type InlinePiece =
  | { kind: 'text'; text: string; format: RunFormat }
  | { kind: 'break' }
  | { kind: 'image'; url: string; alt: string; title?: string }
  | { kind: 'footnote'; id: number };

const CJK_OR_FULLWIDTH = /[\u2e80-\u9fff\uf900-\ufaff\uff00-\uffef\u3000-\u303f]/;

/**
 * A soft line break inside a paragraph: removed between CJK characters
 * (Chinese has no inter-word space), a single space otherwise.
 */
export function joinSoftBreaks(text: string): string {
  if (!text.includes('\n')) return text;
  return text.replace(/[ \t]*\r?\n[ \t]*/g, (_match, offset: number, whole: string) => {
    const before = whole[offset - 1];
    const after = whole[offset + _match.length];
    if (before === undefined || after === undefined) return '';
    return CJK_OR_FULLWIDTH.test(before) || CJK_OR_FULLWIDTH.test(after) ? '' : ' ';
  });
}

type WithChildren = { children: Array<PhrasingContent | RunInHead> };

/** Flattens phrasing content into pieces, resolving references and footnotes. */
export function collectPieces(nodes: ReadonlyArray<PhrasingContent | RunInHead>, context: ExportContext, format: RunFormat = {}, out: InlinePiece[] = []): InlinePiece[] {
  for (const node of nodes) {
    switch (node.type) {
      case 'text':
        out.push({ kind: 'text', text: joinSoftBreaks(node.value), format });
        break;
      case 'strong':
        collectPieces(node.children, context, { ...format, bold: true }, out);
        break;
      case 'emphasis':
        collectPieces(node.children, context, { ...format, emphasis: true }, out);
        break;
      case 'delete':
        collectPieces(node.children, context, { ...format, strike: true }, out);
        break;
      case 'inlineCode':
        out.push({ kind: 'text', text: node.value, format: { ...format, code: true } });
        break;
      case 'break':
        out.push({ kind: 'break' });
        break;
      case 'link':
      case 'linkReference':
        collectPieces(node.children, context, format, out);
        break;
      case 'image':
        out.push({ kind: 'image', url: node.url, alt: node.alt ?? '', ...(node.title ? { title: node.title } : {}) });
        break;
      case 'imageReference': {
        const definition = context.definitions.get(node.identifier);
        if (definition) out.push({ kind: 'image', url: definition.url, alt: node.alt ?? '', ...(definition.title ? { title: definition.title } : {}) });
        else out.push({ kind: 'text', text: node.alt ?? '', format });
        break;
      }
      case 'footnoteReference': {
        const id = context.footnoteId(node.identifier);
        if (id !== undefined) out.push({ kind: 'footnote', id });
        else out.push({ kind: 'text', text: `[^${node.label ?? node.identifier}]`, format });
        break;
      }
      case 'html':
        if (/^<br\s*\/?>$/i.test(node.value.trim())) out.push({ kind: 'break' });
        break;
      case 'runInHead':
        collectPieces(node.children, context, { ...format, style: STYLE_IDS.headingChar[0] }, out);
        break;
      default: {
        // Any other phrasing node with children (extensions): keep its text.
        const maybe = node as Partial<WithChildren> & { value?: unknown };
        if (Array.isArray(maybe.children)) collectPieces(maybe.children, context, format, out);
        else if (typeof maybe.value === 'string') out.push({ kind: 'text', text: maybe.value, format });
      }
    }
  }
  return out;
}

/** Removes leading (indentation typed by hand, incl. U+3000) and trailing blanks of a paragraph. */
export function trimPieces(pieces: InlinePiece[]): InlinePiece[] {
  const result = pieces.slice();
  while (result.length > 0) {
    const first = result[0]!;
    if (first.kind !== 'text') break;
    // trimStart/trimEnd remove exactly what \s matches (WhiteSpace incl. U+3000 and U+FEFF, LineTerminator).
    const text = first.text.trimStart();
    if (text !== '') {
      result[0] = { ...first, text };
      break;
    }
    result.shift();
  }
  while (result.length > 0) {
    const last = result[result.length - 1]!;
    if (last.kind !== 'text') break;
    const text = last.text.trimEnd();
    if (text !== '') {
      result[result.length - 1] = { ...last, text };
      break;
    }
    result.pop();
  }
  return result;
}

/** True when any piece is an image (the paragraph then needs automatic line height). */
export function hasImage(pieces: readonly InlinePiece[]): boolean {
  return pieces.some((piece) => piece.kind === 'image');
}

/** Makes the docx runs for pieces; `styleOverride` replaces the run-in style marker with the right level. */
export function piecesToRuns(pieces: readonly InlinePiece[], context: ExportContext, runInStyle?: string): RunItem[] {
  const runs: RunItem[] = [];
  const layout = context.layout;
  for (const piece of pieces) {
    switch (piece.kind) {
      case 'text': {
        if (piece.text === '') break;
        const format = piece.format;
        const style = format.style ? (runInStyle ?? format.style) : format.emphasis ? STYLE_IDS.emphasisChar : undefined;
        runs.push(
          new RunSpec({
            text: piece.text,
            ...(style ? { style } : {}),
            ...(format.emphasis && format.style ? { font: fontSlots(layout.fonts.emphasis) } : {}),
            ...(format.bold ? { bold: true } : {}),
            ...(format.strike ? { strike: true } : {}),
            ...(format.code ? { font: { ...fontSlots(layout.fonts.body), ascii: layout.fonts.code, hAnsi: layout.fonts.code } } : {}),
          }),
        );
        break;
      }
      case 'break':
        runs.push(new RunSpec({ break: 1 }));
        break;
      case 'footnote':
        runs.push(new FootnoteReferenceRun(piece.id));
        break;
      case 'image': {
        const info = context.images.get(piece.url);
        if (!info) {
          runs.push(new RunSpec({ text: piece.alt ? `[${piece.alt}]` : `[${piece.url}]` }));
          break;
        }
        // Pixels at 96 per inch: 1 px = 15 twips.
        const size = fitImage(info, Math.floor(typeAreaWidth(layout) / 15), Math.floor(typeAreaHeight(layout) / 15));
        runs.push(
          new ImageRun({
            type: info.type,
            data: info.data,
            transformation: size,
            altText: { name: piece.alt || piece.url, description: piece.alt, title: piece.title ?? piece.alt },
          }),
        );
        break;
      }
    }
  }
  return runs;
}
