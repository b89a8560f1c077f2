/**
 * 版头 (GB/T 9704-2012 7.2): 份号, 密级和保密期限 and 紧急程度 flush left on the
 * first lines of the type area, one per line in that order; the 发文机关标志
 * centred in red 小标宋, its top 35 mm below the top of the type area (80 mm in
 * an upward document, one with a 签发人); the 发文字号 centred two lines below it
 * (in an upward document 1 字 from the left, with the 签发人 1 字 from the right
 * on the same line); and the red separator line 4 mm below the 发文字号 across
 * the type area, written as the paragraph's bottom border (Word and
 * LibreOffice draw it from the left to the right indent: here the whole 版心).
 *
 * The orchestrator puts every 版头 element (lines, front matter, unit defaults)
 * in one run of `masthead` siblings (full-document.ts); the first of them
 * writes the whole 版头, the others nothing.
 */
import { AlignmentType, BorderStyle, LineRuleType, Paragraph, Tab, TabStopType, TextRun } from 'docx';
import type { RootContent } from 'mdast';
import { toString } from 'mdast-util-to-string';
import type { Masthead } from '../../parse/nodes.js';
import { docNumberBeforeSigner } from '../../parse/parts.js';
import type { Blocks, ExportContext } from '../context.js';
import { fontSlots } from '../document-styles.js';
import { bodyCharacterPitch, STYLE_IDS, typeAreaWidth, type Layout } from '../styles.js';
import { phrasingRuns } from './paragraph.js';

/** Order of the 版头 elements from the top (7.2.1–7.2.6). */
export const MASTHEAD_ORDER: readonly Masthead['role'][] = ['copyNumber', 'secrecy', 'urgency', 'issuer', 'docNumber', 'signer'];

/** 35 mm and 80 mm in twips: the 发文机关标志's top edge below the type area's top edge (7.2.4). */
const ISSUER_TOP = { down: 1984, up: 4535 };

/** Line height of the 发文机关标志 for a font size in half-points: 1.1 × the size, in twips. */
function issuerLineHeight(size: number): number {
  return Math.round(size * 11);
}

/** The 发文机关标志's size in half-points: the layout's, made smaller when the name would not fit on one line. */
export function issuerSize(text: string, layout: Layout): number {
  const characters = [...text.trim()].reduce((sum, character) => sum + (character.charCodeAt(0) < 0x2e80 ? 0.5 : 1), 0);
  if (characters === 0) return layout.masthead.issuerSize;
  // One full-width character is `size` half-points × 10 twips wide.
  const fitting = Math.floor(typeAreaWidth(layout) / characters / 10);
  return Math.max(layout.sizes.body, Math.min(layout.masthead.issuerSize, fitting - (fitting % 2)));
}

/** The names after `签发人：` (front matter gives the names alone). */
function signerNames(node: Masthead): string {
  return toString(node).trim().replace(/^签\s*发\s*人\s*[:：]\s*/, '');
}

/** `×政发〔2026〕3号` of a 发文字号 node (a line may carry the 签发人 after it). */
function docNumberText(node: Masthead): string {
  const text = toString(node).trim();
  return docNumberBeforeSigner(text) ?? text;
}

/** The 签发人 written on the 发文字号 line, when there is one. */
function signerOnDocNumberLine(node: Masthead): string | undefined {
  const text = toString(node).trim();
  const docNumber = docNumberBeforeSigner(text);
  return docNumber === undefined ? undefined : text.slice(docNumber.length).trim().replace(/^签\s*发\s*人\s*[:：]\s*/, '');
}

const isMasthead = (node: RootContent | undefined): node is Masthead => node?.type === 'masthead';

export function handleMasthead(_node: Masthead, context: ExportContext, siblings: readonly RootContent[], index: number): Blocks {
  if (isMasthead(siblings[index - 1])) return [];
  const group: Masthead[] = [];
  for (let next = index; isMasthead(siblings[next]); next++) group.push(siblings[next] as Masthead);
  return mastheadBlocks(group, context);
}

/** The paragraphs of a whole 版头. */
export function mastheadBlocks(group: readonly Masthead[], context: ExportContext): Blocks {
  const layout = context.layout;
  const pitch = bodyCharacterPitch(layout);
  const width = typeAreaWidth(layout);
  const first = (role: Masthead['role']) => group.find((item) => item.role === role);
  const docNumber = first('docNumber');
  const signerNode = first('signer');
  const signer = signerNode ? signerNames(signerNode) : docNumber ? signerOnDocNumberLine(docNumber) : undefined;
  const issuers = group.filter((item) => item.role === 'issuer');
  const blocks: Blocks = [];
  let linesAbove = 0;

  // 份号, 密级和保密期限, 紧急程度: flush left, one per line (份号 in the body font, the others 黑体).
  for (const role of ['copyNumber', 'secrecy', 'urgency'] as const) {
    const item = first(role);
    if (!item) continue;
    const { runs } = phrasingRuns(item.children, context);
    if (runs.length === 0) continue;
    blocks.push(
      new Paragraph({
        style: STYLE_IDS.normal,
        alignment: AlignmentType.LEFT,
        indent: { firstLine: 0, left: 0 },
        children: [new TextRun({ text: toString(item).trim(), ...(role === 'copyNumber' ? {} : { font: fontSlots(layout.fonts.sectionTitle) }) })],
      }),
    );
    linesAbove++;
  }

  // 发文机关标志: red 小标宋, centred; its line box starts 35 mm (80 mm upward) below the type area's top.
  const separatorAfterIssuer = docNumber === undefined && signer === undefined;
  issuers.forEach((issuer, position) => {
    const text = toString(issuer).trim();
    if (text === '') return;
    const size = issuerSize(text, layout);
    const line = issuerLineHeight(size);
    const top = signer !== undefined ? ISSUER_TOP.up : ISSUER_TOP.down;
    const before = position === 0 ? Math.max(0, top - linesAbove * layout.linePitch) : 0;
    const last = position === issuers.length - 1;
    blocks.push(
      new Paragraph({
        style: STYLE_IDS.normal,
        alignment: AlignmentType.CENTER,
        indent: { firstLine: 0, left: 0, right: 0 },
        spacing: { line, lineRule: LineRuleType.EXACT, before, after: 0 },
        keepNext: true,
        ...(last && separatorAfterIssuer ? separatorBorder(layout) : {}),
        children: [new TextRun({ text, font: fontSlots(layout.fonts.title), size, color: layout.masthead.color, characterSpacing: 0 })],
      }),
    );
  });

  // 发文字号 (and 签发人): two blank lines under the 标志; the red line 4 mm below.
  if (docNumber !== undefined || signer !== undefined) {
    const before = issuers.length > 0 ? 2 * layout.linePitch : 0;
    const number = docNumber ? new TextRun({ text: docNumberText(docNumber) }) : undefined;
    const signerRuns = signer !== undefined ? [new TextRun({ text: '签发人：' }), new TextRun({ text: signer, font: fontSlots(layout.fonts.emphasis) })] : [];
    const upward = signer !== undefined;
    blocks.push(
      new Paragraph({
        style: STYLE_IDS.normal,
        alignment: upward ? AlignmentType.LEFT : AlignmentType.CENTER,
        indent: { firstLine: 0, left: 0, right: 0 },
        spacing: { line: layout.linePitch, lineRule: LineRuleType.EXACT, before, after: layout.masthead.spaceAfterLine },
        // Upward: 1 字 from the left, the 签发人 ending 1 字 from the right (tab stops from the type area's left edge).
        ...(upward ? { tabStops: [{ type: TabStopType.LEFT, position: pitch }, { type: TabStopType.RIGHT, position: width - pitch }] } : {}),
        ...separatorBorder(layout),
        children: upward ? [new TextRun({ children: [new Tab()] }), ...(number ? [number] : []), new TextRun({ children: [new Tab()] }), ...signerRuns] : [number!],
      }),
    );
  }
  return blocks;
}

/** The red separator under the 版头: a bottom border across the type area, `lineSpace` points below the text. */
function separatorBorder(layout: Layout) {
  return {
    border: { bottom: { style: BorderStyle.SINGLE, size: layout.masthead.lineSize, color: layout.masthead.color, space: layout.masthead.lineSpace } },
  };
}
