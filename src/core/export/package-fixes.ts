/**
 * Last touches to the package `docx` writes, so that every part is valid
 * against the ISO/IEC 29500 transitional schemas and carries nothing unused:
 *
 * - `w:pPr` children in schema order (CT_PPrBase is a sequence: docx writes
 *   `w:autoSpaceDN` after `w:ind`/`w:jc`, which desktop Word repairs with a
 *   prompt and Word for the web refuses to edit);
 * - a literal TAB inside `w:t` becomes a `w:tab` element;
 * - styles.xml: the character style `DefaultParagraphFont` that every
 *   character style of `docx` is based on is defined; the default styles
 *   nothing uses and that mislead (`Heading6` in blue, `Strong` defined as a
 *   paragraph style) are dropped;
 * - numbering.xml: the bullet list `docx` always declares is dropped when no
 *   paragraph refers to a numbering;
 * - fontTable.xml: every font the styles name, with its other name, GB2312
 *   character set and family, so Word and WPS map the name to what the
 *   machine has (fonts.ts).
 *
 * Everything is string work on the XML `docx` wrote: the parts are small,
 * except document.xml, which is only scanned when it holds what is fixed.
 */
import { strFromU8 } from 'fflate';
import { fontTableXml, type FontDeclaration } from './fonts.js';

/** The files of a package by path, in zip order; a part may still be text. */
type Files = Record<string, Uint8Array | string>;

/** Children of w:pPr in the order CT_PPr gives them (CT_PPrBase, then rPr, sectPr, pPrChange). */
const PPR_ORDER = [
  'pStyle', 'keepNext', 'keepLines', 'pageBreakBefore', 'framePr', 'widowControl', 'numPr', 'suppressLineNumbers', 'pBdr', 'shd',
  'tabs', 'suppressAutoHyphens', 'kinsoku', 'wordWrap', 'overflowPunct', 'topLinePunct', 'autoSpaceDE', 'autoSpaceDN', 'bidi',
  'adjustRightInd', 'snapToGrid', 'spacing', 'ind', 'contextualSpacing', 'mirrorIndents', 'suppressOverlap', 'jc', 'textDirection',
  'textAlignment', 'textboxTightWrap', 'outlineLvl', 'divId', 'cnfStyle', 'rPr', 'sectPr', 'pPrChange',
];
const PPR_RANK = new Map(PPR_ORDER.map((name, index) => [name, index]));

/** Elements docx is known to write out of order in w:pPr: only paragraphs holding one are re-sorted. */
const MISPLACED = /<w:(?:autoSpaceDE|autoSpaceDN|kinsoku|suppressLineNumbers|wordWrap|overflowPunct|topLinePunct)\b/;

/** The direct children of an element's content as XML strings, or undefined when the content is not a plain run of elements. */
function splitChildren(inner: string): string[] | undefined {
  const children: string[] = [];
  let at = 0;
  while (at < inner.length) {
    const open = /^<w:([A-Za-z0-9]+)\b[^>]*?(\/?)>/.exec(inner.slice(at));
    if (!open) return undefined;
    let end = at + open[0].length;
    if (open[2] !== '/') {
      const close = inner.indexOf(`</w:${open[1]}>`, end);
      if (close < 0) return undefined;
      end = close + `</w:${open[1]}>`.length;
    }
    children.push(inner.slice(at, end));
    at = end;
  }
  return children;
}

function rank(element: string): number {
  const name = /^<w:([A-Za-z0-9]+)/.exec(element)?.[1] ?? '';
  return PPR_RANK.get(name) ?? PPR_ORDER.length;
}

/**
 * Puts the children of every w:pPr that holds a misplaced element into schema order.
 * A paragraph without automatic spacing between CJK and digits (`autoSpaceDN` off,
 * the 落款) gets it off between CJK and Latin text too (`autoSpaceDE`): LibreOffice
 * reads only the latter, and widened dates would move off their computed indents.
 */
export function orderParagraphProperties(xml: string): string {
  if (!MISPLACED.test(xml)) return xml;
  // Only the few w:pPr around a misplaced element are touched: the body may be megabytes long.
  const misplaced = new RegExp(MISPLACED.source, 'g');
  const out: string[] = [];
  let done = 0;
  for (let match = misplaced.exec(xml); match; match = misplaced.exec(xml)) {
    const open = xml.lastIndexOf('<w:pPr>', match.index);
    const close = xml.indexOf('</w:pPr>', match.index);
    // Not inside a w:pPr (the last one opened before it is closed before it): leave it.
    if (open < done || close < 0 || xml.lastIndexOf('</w:pPr>', match.index) > open) continue;
    const inner = xml.slice(open + '<w:pPr>'.length, close);
    out.push(xml.slice(done, open), `<w:pPr>${sortProperties(inner)}</w:pPr>`);
    done = close + '</w:pPr>'.length;
    misplaced.lastIndex = done;
  }
  out.push(xml.slice(done));
  return out.join('');
}

function sortProperties(original: string): string {
  // A w:pPrChange holds a w:pPr of its own; docx writes none here.
  if (original.includes('<w:pPrChange') || original.includes('<w:pPr>')) return original;
  const inner = original.replace(/(?<!<w:autoSpaceDE w:val="false"\/>)<w:autoSpaceDN w:val="false"\/>/g, '<w:autoSpaceDE w:val="false"/><w:autoSpaceDN w:val="false"/>');
  const children = splitChildren(inner);
  if (!children) return original;
  return children
    .map((element, index) => ({ element, index, rank: rank(element) }))
    .sort((a, b) => a.rank - b.rank || a.index - b.index)
    .map((item) => item.element)
    .join('');
}

/** A TAB typed in the text is a w:tab element in WordprocessingML, not a character of w:t. */
export function tabsAsElements(xml: string): string {
  if (!xml.includes('\t')) return xml;
  return xml.replace(/<w:t(?: xml:space="preserve")?>([^<]*\t[^<]*)<\/w:t>/g, (_whole, text: string) =>
    text
      .split('\t')
      .map((piece) => (piece === '' ? '' : `<w:t xml:space="preserve">${piece}</w:t>`))
      .join('<w:tab/>'),
  );
}

/** Default styles of docx that no report uses and that would show in Word's style gallery. */
const UNUSED_STYLES = ['Heading6', 'Strong'];

const DEFAULT_PARAGRAPH_FONT =
  '<w:style w:type="character" w:default="1" w:styleId="DefaultParagraphFont"><w:name w:val="Default Paragraph Font"/>' +
  '<w:uiPriority w:val="1"/><w:semiHidden/><w:unhideWhenUsed/></w:style>';

/** styles.xml: DefaultParagraphFont defined, unused default styles removed, w:pPr in order. */
export function fixStyles(xml: string): string {
  let out = xml;
  for (const id of UNUSED_STYLES) {
    out = out.replace(new RegExp(`<w:style [^>]*w:styleId="${id}"[^>]*>[\\s\\S]*?</w:style>`), '');
  }
  if (!out.includes('w:styleId="DefaultParagraphFont"') && out.includes('"DefaultParagraphFont"')) {
    const firstStyle = out.indexOf('<w:style ');
    if (firstStyle >= 0) out = out.slice(0, firstStyle) + DEFAULT_PARAGRAPH_FONT + out.slice(firstStyle);
  }
  return orderParagraphProperties(out);
}

/** numbering.xml without its definitions (the root element and its namespaces stay). */
export function emptyNumbering(xml: string): string {
  const open = /<w:numbering\b[^>]*>/.exec(xml);
  if (!open || open[0].endsWith('/>')) return xml;
  return `${xml.slice(0, open.index)}${open[0].slice(0, -1)}/>`;
}

function text(part: Uint8Array | string | undefined): string | undefined {
  if (part === undefined) return undefined;
  return typeof part === 'string' ? part : strFromU8(part);
}

/** Applies every fix to a package's files in place. */
export function fixPackage(files: Files, fonts: readonly FontDeclaration[]): void {
  let usesNumbering = false;
  for (const name of Object.keys(files)) {
    if (!/^word\/(?:document|footnotes|endnotes|footer\d*|header\d*)\.xml$/.test(name)) continue;
    const original = files[name]!;
    const xml = text(original)!;
    if (xml.includes('<w:numPr>')) usesNumbering = true;
    const fixed = tabsAsElements(orderParagraphProperties(xml));
    if (fixed !== xml || typeof original === 'string') files[name] = fixed;
  }
  const styles = text(files['word/styles.xml']);
  if (styles !== undefined) files['word/styles.xml'] = fixStyles(styles);
  const numbering = text(files['word/numbering.xml']);
  if (numbering !== undefined && !usesNumbering) files['word/numbering.xml'] = emptyNumbering(numbering);
  const fontTable = text(files['word/fontTable.xml']);
  if (fontTable !== undefined) files['word/fontTable.xml'] = fontTableXml(fontTable, fonts);
}
