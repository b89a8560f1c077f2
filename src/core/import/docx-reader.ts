/**
 * Word (.docx) → report Markdown: one paragraph per line with Word's
 * automatic numbers written out as the text Word shows (一、 （一） 1. （1）),
 * tables as GFM tables, images referenced beside the output, footnotes as
 * Markdown footnotes. What cannot be kept (tracked changes, comments, text
 * boxes, headers/footers, fields, hidden text, embedded objects) is named in
 * a warning with the lines concerned, never dropped silently.
 */
import { strFromU8 } from 'fflate';
import { matchOutlineMarker } from '../parse/outline-markers.js';
import type { Lang } from '../types.js';
import { importError, openPackage, type DocxPackage } from './container.js';
import { Numbering, Styles, type NumberLabel } from './numbering.js';
import { child, childValue, descendants, elements, onOff, parseXml, textContent, XmlError, type XmlElement } from './xml.js';

export type ImportOptions = {
  lang?: Lang;
  /** The input's file name (tells a .wps from a .doc in messages). */
  fileName?: string;
  /** Folder (relative to the output) that images are referenced in, e.g. `报告.assets`. */
  assetsFolder?: string;
};

export type ImportWarningKind =
  | 'tracked-changes'
  | 'comments'
  | 'text-box'
  | 'header-footer'
  | 'field'
  | 'table-of-contents'
  | 'hidden-text'
  | 'embedded-object'
  | 'image';

/** One kind of loss, with the output lines (1-based) it concerns. */
export type ImportWarning = { kind: ImportWarningKind; lines: number[]; message: string };

/** An image to write beside the output: `path` is relative to the output's folder (as referenced). */
export type ImportedImage = { path: string; data: Uint8Array };

export type ImportResult = { text: string; warnings: ImportWarning[]; images: ImportedImage[] };

const REL_BASE = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/';

type Relationship = { type: string; target: string; external: boolean };

/** A piece of paragraph content: text with its emphasis, or Markdown written as is (images, footnote marks). */
type Piece = { text: string; bold: boolean; italic: boolean; raw: boolean };

type FieldState = { instruction: string; result: boolean };

const WARNING_TEXT: Record<ImportWarningKind, Record<Lang, string>> = {
  'tracked-changes': { 'zh-CN': '修订已全部接受后导入（请核对）', en: 'tracked changes were accepted (check them)' },
  comments: { 'zh-CN': '批注未导入', en: 'comments were not imported' },
  'text-box': { 'zh-CN': '文本框内容未导入（红头常在文本框中）', en: 'text-box content was not imported (a 红头 often sits in one)' },
  'header-footer': { 'zh-CN': '页眉页脚未导入', en: 'headers and footers were not imported' },
  field: { 'zh-CN': '域按其显示结果导入为普通文字', en: 'fields were imported as their displayed result (plain text)' },
  'table-of-contents': { 'zh-CN': '目录未导入（导出时可重新生成）', en: 'the table of contents was not imported (export can make a new one)' },
  'hidden-text': { 'zh-CN': '隐藏文字未导入', en: 'hidden text was not imported' },
  'embedded-object': { 'zh-CN': '嵌入对象和图形（公式、图表、形状、OLE 对象等）未导入', en: 'embedded objects and drawings (equations, charts, shapes, OLE objects) were not imported' },
  image: { 'zh-CN': '图片无法读取，未导入', en: 'images that could not be read were not imported' },
};

const FIELDS_KEPT_SILENTLY = new Set(['HYPERLINK', 'PAGE', 'NUMPAGES', 'SECTIONPAGES', 'REF', 'PAGEREF', 'NOTEREF', 'SEQ', 'STYLEREF']);

/** Resolves a relationship target against the folder of its source part (`word/`). */
function resolvePart(base: string, target: string): string {
  if (target.startsWith('/')) return target.slice(1);
  const parts = base.split('/').slice(0, -1);
  for (const segment of target.split('/')) {
    if (segment === '..') parts.pop();
    else if (segment !== '.' && segment !== '') parts.push(segment);
  }
  return parts.join('/');
}

function decodePart(bytes: Uint8Array): string {
  // XML parts are UTF-8 (UTF-16 with a BOM is allowed by the standard and handled here too).
  if (bytes.length >= 2 && bytes[0] === 0xff && bytes[1] === 0xfe) {
    let text = '';
    for (let index = 2; index + 1 < bytes.length; index += 2) text += String.fromCharCode(bytes[index]! | (bytes[index + 1]! << 8));
    return text;
  }
  const text = strFromU8(bytes);
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

const SPACE = /[\s\u3000\u00a0\u2002\u2003\u2009]/;
const CJK = /[\u2e80-\u9fff\uf900-\ufaff\uff00-\uffef\u3000-\u303f]/;
const PUNCTUATION = /[\p{P}\p{S}]/u;
const LEADING_SPACE = /^[\s\u3000\u00a0\u2002\u2003\u2009]+/;
const TRAILING_SPACE = /[\s\u3000\u00a0\u2002\u2003\u2009]+$/;

/** Reads a .docx into report Markdown. Throws DocxImportError (one-line message) for files it cannot read. */
export function importDocx(bytes: Uint8Array, options: ImportOptions = {}): ImportResult {
  const lang = options.lang ?? 'en';
  const pkg = openPackage(bytes, options.fileName, lang);
  try {
    return new DocxReader(pkg, options, lang).read();
  } catch (error) {
    if (error instanceof XmlError) throw importError('corrupt', lang, error.message);
    // Elements nested deeper than the reader's recursion can follow: no real document does that.
    if (error instanceof RangeError) throw importError('corrupt', lang, lang === 'zh-CN' ? '元素嵌套过深' : 'elements nested too deeply');
    throw error;
  }
}

class DocxReader {
  private readonly lines: string[] = [];
  private readonly warnings = new Map<ImportWarningKind, { lines: Set<number>; details: string[] }>();
  /** Media part → file name in the assets folder. */
  private readonly imageNames = new Map<string, string>();
  private readonly usedNames = new Set<string>();
  private readonly entryNames: Set<string>;
  private readonly footnotes: string[] = [];
  private readonly fields: FieldState[] = [];
  private readonly rels = new Map<string, Relationship>();
  private styles!: Styles;
  private numbering!: Numbering;
  private footnoteParts = new Map<string, Map<string, XmlElement>>();
  private mainPart = 'word/document.xml';
  /** Text of paragraphs whose mark was deleted (tracked): joined to the next paragraph. */
  private carry: Piece[] = [];
  private currentLine = 1;

  constructor(
    private readonly pkg: DocxPackage,
    private readonly options: ImportOptions,
    private readonly lang: Lang,
  ) {
    this.entryNames = new Set(pkg.names);
  }

  private part(path: string): XmlElement | undefined {
    const bytes = this.pkg.files.get(path);
    return bytes ? parseXml(decodePart(bytes)) : undefined;
  }

  private relationships(partPath: string): Map<string, Relationship> {
    const slash = partPath.lastIndexOf('/');
    const relsPath = `${partPath.slice(0, slash + 1)}_rels/${partPath.slice(slash + 1)}.rels`;
    const result = new Map<string, Relationship>();
    const root = this.part(relsPath);
    if (!root) return result;
    for (const rel of elements(root)) {
      const id = rel.attributes['Id'];
      const target = rel.attributes['Target'];
      if (id === undefined || target === undefined) continue;
      const external = rel.attributes['TargetMode'] === 'External';
      result.set(id, { type: rel.attributes['Type'] ?? '', target: external ? target : resolvePart(partPath, target), external });
    }
    return result;
  }

  read(): ImportResult {
    const packageRels = this.relationships('');
    for (const rel of packageRels.values()) if (rel.type.endsWith('/officeDocument')) this.mainPart = rel.target;
    const types = this.part('[Content_Types].xml');
    const mainType = types && elements(types).find((entry) => entry.attributes['PartName'] === `/${this.mainPart}`)?.attributes['ContentType'];
    if (mainType?.includes('macroEnabled') || this.pkg.names.some((name) => name.endsWith('vbaProject.bin'))) throw importError('macros', this.lang);
    const document = this.part(this.mainPart);
    const body = child(document, 'w:body');
    if (!document || !body) throw importError('not-docx', this.lang, this.lang === 'zh-CN' ? '缺少正文部件' : 'no document body');
    for (const [id, rel] of this.relationships(this.mainPart)) this.rels.set(id, rel);
    const partOf = (suffix: string): string | undefined => [...this.rels.values()].find((rel) => !rel.external && rel.type === REL_BASE + suffix)?.target;
    const stylesPath = partOf('styles');
    const numberingPath = partOf('numbering');
    this.styles = new Styles(stylesPath ? this.part(stylesPath) : undefined);
    this.numbering = new Numbering(numberingPath ? this.part(numberingPath) : undefined, this.styles);
    for (const kind of ['footnotes', 'endnotes']) {
      const path = partOf(kind);
      const root = path ? this.part(path) : undefined;
      const notes = new Map<string, XmlElement>();
      for (const note of root ? elements(root) : []) if (note.attributes['w:id'] !== undefined) notes.set(note.attributes['w:id']!, note);
      this.footnoteParts.set(kind, notes);
    }
    this.readHeadersAndFooters();

    this.blocks(body);
    if (this.carry.length > 0) this.emit(this.render(this.carry, undefined));

    while (this.lines.length > 0 && this.lines[this.lines.length - 1] === '') this.lines.pop();
    if (this.footnotes.length > 0) {
      this.lines.push('');
      this.footnotes.forEach((note, index) => this.lines.push(`[^${index + 1}]: ${note}`));
    }
    while (this.lines.length > 0 && this.lines[0] === '') this.lines.shift();
    const media = this.pkg.media(new Set(this.imageNames.keys()));
    const folder = this.options.assetsFolder ?? 'assets';
    const images: ImportedImage[] = [];
    for (const [part, name] of this.imageNames) {
      const data = media.get(part);
      if (data) images.push({ path: `${folder}/${name}`, data });
    }
    return { text: this.lines.length > 0 ? this.lines.join('\n') + '\n' : '', warnings: this.collectWarnings(), images };
  }

  private warn(kind: ImportWarningKind, detail?: string): void {
    let entry = this.warnings.get(kind);
    if (!entry) {
      entry = { lines: new Set(), details: [] };
      this.warnings.set(kind, entry);
    }
    entry.lines.add(this.currentLine);
    if (detail !== undefined && entry.details.length < 5 && !entry.details.includes(detail)) entry.details.push(detail);
  }

  private collectWarnings(): ImportWarning[] {
    const zh = this.lang === 'zh-CN';
    const result: ImportWarning[] = [];
    for (const [kind, entry] of this.warnings) {
      const lines = [...entry.lines].filter((line) => line > 0).sort((a, b) => a - b);
      const shown = lines.slice(0, 10).join(zh ? '、' : ', ') + (lines.length > 10 ? (zh ? ` 等 ${lines.length} 行` : ` … (${lines.length} lines)`) : '');
      let message = WARNING_TEXT[kind][this.lang];
      if (lines.length > 0) message += zh ? `：第 ${shown} 行` : `: line${lines.length > 1 ? 's' : ''} ${shown}`;
      if (entry.details.length > 0) message += (zh ? '（' : ' (') + entry.details.map((detail) => `“${detail}”`).join(zh ? '、' : ', ') + (zh ? '）' : ')');
      result.push({ kind, lines, message });
    }
    return result;
  }

  private emit(line: string | undefined): void {
    if (line === undefined) return;
    if (line === '') {
      if (this.lines.length > 0 && this.lines[this.lines.length - 1] !== '') this.lines.push('');
    } else this.lines.push(line);
    this.currentLine = this.lines.length + 1;
  }

  /** Block-level content of the body, a cell or a content control. */
  private blocks(container: XmlElement): void {
    for (const node of elements(container)) {
      switch (node.name) {
        case 'w:p':
          this.paragraph(node);
          break;
        case 'w:tbl':
          this.table(node);
          break;
        case 'w:sdt': {
          const gallery = child(child(child(node, 'w:sdtPr'), 'w:docPartObj'), 'w:docPartGallery')?.attributes['w:val'];
          if (gallery === 'Table of Contents') {
            this.warn('table-of-contents');
            break;
          }
          const content = child(node, 'w:sdtContent');
          if (content) this.blocks(content);
          break;
        }
        case 'w:customXml':
        case 'w:ins':
        case 'w:moveTo':
          if (node.name !== 'w:customXml') this.warn('tracked-changes');
          this.blocks(node);
          break;
        case 'w:del':
        case 'w:moveFrom':
          this.warn('tracked-changes');
          break;
        case 'mc:AlternateContent': {
          const choice = child(node, 'mc:Choice') ?? child(node, 'mc:Fallback');
          if (choice) this.blocks(choice);
          break;
        }
        case 'w:altChunk':
          this.warn('embedded-object');
          break;
        default:
          break;
      }
    }
  }

  /** A body paragraph: its label (numbering), its content, as one line. */
  private paragraph(paragraph: XmlElement): void {
    const line = this.paragraphLine(paragraph, true);
    if (line !== undefined) this.emit(line);
  }

  /** The Markdown line of a paragraph, or undefined when it shows nothing (or joins the next one). */
  private paragraphLine(paragraph: XmlElement, counting: boolean): string | undefined {
    const pPr = child(paragraph, 'w:pPr');
    const markProperties = child(pPr, 'w:rPr');
    if (child(pPr, 'w:pPrChange') || child(markProperties, 'w:ins') || child(markProperties, 'w:del')) this.warn('tracked-changes');
    const markDeleted = child(markProperties, 'w:del') !== undefined;
    const markHidden = onOff(markProperties, 'w:vanish') === true;
    const tocBefore = this.inTableOfContents();
    const pieces: Piece[] = [...this.carry];
    this.carry = [];
    this.inline(paragraph, pieces, { bold: false, italic: false });
    if (tocBefore || this.inTableOfContents()) {
      // Paragraphs of a table of contents field: its entries are not report text.
      this.warn('table-of-contents');
      return undefined;
    }
    if (markDeleted && counting) {
      // Word joins a paragraph whose mark is deleted with the next one, which keeps its own numbering.
      this.carry = pieces;
      return undefined;
    }
    const styleId = childValue(pPr, 'w:pStyle');
    let label: NumberLabel | undefined;
    if (counting) {
      const numPr = child(pPr, 'w:numPr');
      const ilvl = childValue(numPr, 'w:ilvl');
      const level = ilvl === undefined ? undefined : Number(ilvl);
      const target = this.numbering.resolve(childValue(numPr, 'w:numId'), level !== undefined && Number.isInteger(level) ? level : undefined, styleId);
      if (target) label = this.numbering.next(target.numId, target.ilvl);
    }
    const visible = pieces.some((piece) => piece.raw || piece.text.trim() !== '');
    if (markHidden && !visible) return undefined; // still advanced its list above
    const outlineLevel = childValue(pPr, 'w:outlineLvl') ?? this.styles.outlineLevel(styleId);
    const level = outlineLevel === undefined ? undefined : Number(outlineLevel);
    const heading = (level !== undefined && level < 9) || /title|标题/i.test(this.styles.byId.get(styleId ?? '')?.name ?? '');
    return this.render(pieces, label, level, heading);
  }

  private inTableOfContents(): boolean {
    return this.fields.some((field) => /^\s*TOC\b/i.test(field.instruction));
  }

  /** Whether text shows now: outside fields, or in the result part of every open field. */
  private showing(): boolean {
    return this.fields.every((field) => field.result);
  }

  /** Inline content of a paragraph (runs and their wrappers), depth first. */
  private inline(container: XmlElement, pieces: Piece[], format: { bold: boolean; italic: boolean }): void {
    for (const node of elements(container)) {
      switch (node.name) {
        case 'w:r':
          this.run(node, pieces);
          break;
        case 'w:ins':
        case 'w:moveTo':
          this.warn('tracked-changes');
          this.inline(node, pieces, format);
          break;
        case 'w:del':
        case 'w:moveFrom':
          this.warn('tracked-changes');
          break;
        case 'w:hyperlink':
        case 'w:smartTag':
        case 'w:customXml':
        case 'w:dir':
        case 'w:bdo':
          this.inline(node, pieces, format);
          break;
        case 'w:sdt': {
          const content = child(node, 'w:sdtContent');
          if (content) this.inline(content, pieces, format);
          break;
        }
        case 'w:fldSimple': {
          const instruction = (node.attributes['w:instr'] ?? '').trim();
          this.noteField(instruction);
          this.inline(node, pieces, format);
          break;
        }
        case 'mc:AlternateContent': {
          const choice = child(node, 'mc:Choice') ?? child(node, 'mc:Fallback');
          if (choice) this.inline(choice, pieces, format);
          break;
        }
        case 'w:commentRangeStart':
          this.warn('comments');
          break;
        case 'm:oMath':
        case 'm:oMathPara':
          this.warn('embedded-object', textContent(node).slice(0, 20));
          break;
        default:
          break;
      }
    }
  }

  private noteField(instruction: string): void {
    const kind = instruction.split(/\s+/)[0]?.toUpperCase() ?? '';
    if (kind !== '' && !FIELDS_KEPT_SILENTLY.has(kind) && kind !== 'TOC') this.warn('field', kind);
  }

  private run(run: XmlElement, pieces: Piece[]): void {
    const rPr = child(run, 'w:rPr');
    if (child(rPr, 'w:rPrChange')) this.warn('tracked-changes');
    const hidden = onOff(rPr, 'w:vanish') === true || onOff(rPr, 'w:specVanish') === true;
    const style = rPr ? this.characterStyleFormat(childValue(rPr, 'w:rStyle')) : undefined;
    const bold = onOff(rPr, 'w:b') ?? style?.bold ?? false;
    const italic = onOff(rPr, 'w:i') ?? style?.italic ?? false;
    const push = (text: string): void => {
      if (!this.showing()) return;
      if (hidden) {
        if (text.trim() !== '') this.warn('hidden-text', text.slice(0, 20));
        return;
      }
      const last = pieces[pieces.length - 1];
      if (last && !last.raw && last.bold === bold && last.italic === italic) last.text += text;
      else pieces.push({ text, bold, italic, raw: false });
    };
    const pushRaw = (text: string): void => {
      if (this.showing() && !hidden) pieces.push({ text, bold: false, italic: false, raw: true });
    };
    for (const node of elements(run)) {
      switch (node.name) {
        case 'w:t':
          push(textContent(node));
          break;
        case 'w:tab':
        case 'w:ptab':
          push('\t');
          break;
        case 'w:br': {
          const type = node.attributes['w:type'];
          if (type === undefined || type === 'textWrapping') push('\n');
          break;
        }
        case 'w:cr':
          push('\n');
          break;
        case 'w:noBreakHyphen':
          push('-');
          break;
        case 'w:sym': {
          const code = parseInt(node.attributes['w:char'] ?? '', 16);
          if (Number.isFinite(code)) push(code >= 0xf000 && code <= 0xf0ff ? symbolCharacter(code) : String.fromCodePoint(code));
          break;
        }
        case 'w:fldChar': {
          const type = node.attributes['w:fldCharType'];
          if (type === 'begin') this.fields.push({ instruction: '', result: false });
          else if (type === 'separate') {
            const field = this.fields[this.fields.length - 1];
            if (field) field.result = true;
          } else if (type === 'end') {
            const field = this.fields.pop();
            if (field) this.noteField(field.instruction.trim());
          }
          break;
        }
        case 'w:instrText': {
          const field = this.fields[this.fields.length - 1];
          if (field && !field.result) field.instruction += textContent(node);
          break;
        }
        case 'w:footnoteReference':
        case 'w:endnoteReference': {
          const id = node.attributes['w:id'];
          const notes = this.footnoteParts.get(node.name === 'w:footnoteReference' ? 'footnotes' : 'endnotes');
          const note = id === undefined ? undefined : notes?.get(id);
          if (note && this.showing() && !hidden) {
            this.footnotes.push(this.noteText(note));
            pushRaw(`[^${this.footnotes.length}]`);
          }
          break;
        }
        case 'w:commentReference':
          this.warn('comments');
          break;
        case 'w:drawing':
          this.drawing(node, pushRaw);
          break;
        case 'w:pict':
          this.vml(node, pushRaw);
          break;
        case 'w:object':
        case 'w:control':
        case 'w:embeddedObject':
          if (this.showing()) this.warn('embedded-object');
          break;
        case 'mc:AlternateContent': {
          const choice = child(node, 'mc:Choice') ?? child(node, 'mc:Fallback');
          if (choice) this.run({ ...run, children: choice.children }, pieces);
          break;
        }
        default:
          break;
      }
    }
  }

  /** Bold and italic of a character style (w:rStyle) and the styles it is based on. */
  private characterStyleFormat(id: string | undefined): { bold: boolean | undefined; italic: boolean | undefined } | undefined {
    if (id === undefined) return undefined;
    let bold: boolean | undefined;
    let italic: boolean | undefined;
    for (const style of this.styles.chain(id, 'character')) {
      bold ??= style.bold;
      italic ??= style.italic;
    }
    return { bold, italic };
  }

  /** A footnote's or endnote's text on one line (its own reference mark skipped). */
  private noteText(note: XmlElement): string {
    const saved = this.currentLine;
    const parts: string[] = [];
    for (const paragraph of descendants(note, 'w:p')) {
      const line = this.paragraphLine(paragraph, false);
      if (line) parts.push(line);
    }
    this.currentLine = saved;
    return parts.join(' ');
  }

  /** DrawingML: a picture becomes an image reference; a text box, chart or other shape a warning. */
  private drawing(drawing: XmlElement, pushRaw: (text: string) => void): void {
    if (!this.showing()) return;
    const boxes = descendants(drawing, 'w:txbxContent');
    if (boxes.length > 0) {
      for (const box of boxes) this.warn('text-box', boxText(box));
      return;
    }
    const blips = descendants(drawing, 'a:blip');
    if (blips.length === 0) {
      this.warn('embedded-object');
      return;
    }
    const properties = descendants(drawing, 'wp:docPr')[0];
    const alt = properties?.attributes['descr'] ?? properties?.attributes['title'] ?? '';
    for (const blip of blips) {
      const reference = this.image(blip.attributes['r:embed'] ?? blip.attributes['r:link'], alt);
      if (reference) pushRaw(reference);
    }
  }

  /** VML (older Word, WPS): v:imagedata is a picture, v:textbox a text box, o:OLEObject an embedded object. */
  private vml(pict: XmlElement, pushRaw: (text: string) => void): void {
    if (!this.showing()) return;
    const boxes = descendants(pict, 'w:txbxContent');
    for (const box of boxes) this.warn('text-box', boxText(box));
    if (descendants(pict, 'o:OLEObject').length > 0) {
      this.warn('embedded-object');
      return;
    }
    if (boxes.length > 0) return;
    for (const data of descendants(pict, 'v:imagedata')) {
      const reference = this.image(data.attributes['r:id'] ?? data.attributes['o:relid'], data.attributes['o:title'] ?? '');
      if (reference) pushRaw(reference);
    }
  }

  /** Registers the image of a relationship and returns its Markdown reference (undefined: warned). */
  private image(relationshipId: string | undefined, alt: string): string | undefined {
    const rel = relationshipId === undefined ? undefined : this.rels.get(relationshipId);
    if (!rel || rel.external || !this.entryNames.has(rel.target)) {
      this.warn('image', rel?.target);
      return undefined;
    }
    let name = this.imageNames.get(rel.target);
    if (name === undefined) {
      const base = rel.target.slice(rel.target.lastIndexOf('/') + 1) || 'image';
      name = base;
      for (let index = 2; this.usedNames.has(name); index++) name = `${index}-${base}`;
      this.imageNames.set(rel.target, name);
      this.usedNames.add(name);
    }
    const folder = this.options.assetsFolder ?? 'assets';
    const url = `${folder}/${name}`.replace(/[ ()<>]/g, (character) => `%${character.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0')}`);
    return `![${alt.replace(/[[\]\\]/g, '\\$&').replace(/\s+/g, ' ').trim()}](${url})`;
  }

  private readHeadersAndFooters(): void {
    const texts: string[] = [];
    for (const rel of this.rels.values()) {
      if (rel.external || (rel.type !== REL_BASE + 'header' && rel.type !== REL_BASE + 'footer')) continue;
      const root = this.part(rel.target);
      if (!root) continue;
      const text = visibleText(root).replace(/\s+/g, ' ').trim();
      // Dashes or brackets around a page number (“— 1 —”) are page numbering, not text.
      if (/\p{L}/u.test(text) && !texts.includes(text)) texts.push(text);
    }
    if (texts.length === 0) return;
    this.currentLine = 0; // a document-wide warning: no line
    for (const text of texts) this.warn('header-footer', text.slice(0, 30));
    this.currentLine = 1;
  }

  /** A GFM table; merged cells repeat as empty cells so every row has the same number of columns. */
  private table(table: XmlElement): void {
    const rows: string[][] = [];
    for (const row of elements(table)) {
      if (row.name !== 'w:tr') continue;
      const rowProperties = child(row, 'w:trPr');
      if (child(rowProperties, 'w:del')) {
        this.warn('tracked-changes');
        continue;
      }
      if (child(rowProperties, 'w:ins')) this.warn('tracked-changes');
      const cells: string[] = [];
      for (const cell of cellsOf(row)) {
        const properties = child(cell, 'w:tcPr');
        const span = Number(childValue(properties, 'w:gridSpan') ?? '1') || 1;
        const merge = child(properties, 'w:vMerge');
        const continued = merge !== undefined && merge.attributes['w:val'] !== 'restart';
        const text = continued ? '' : this.cellText(cell);
        cells.push(text);
        for (let extra = 1; extra < span; extra++) cells.push('');
      }
      rows.push(cells);
    }
    if (rows.length === 0) return;
    const columns = Math.max(...rows.map((row) => row.length), 1);
    for (const row of rows) while (row.length < columns) row.push('');
    this.emit('');
    const format = (row: string[]): string => `| ${row.map((cell) => cell.replace(/\|/g, '\\|')).join(' | ')} |`;
    this.emit(format(rows[0]!));
    this.emit(`| ${Array.from({ length: columns }, () => '---').join(' | ')} |`);
    for (const row of rows.slice(1)) this.emit(format(row));
    this.emit('');
  }

  /** A cell's paragraphs on one line, separated by `<br>` (nested tables flattened). */
  private cellText(cell: XmlElement): string {
    const parts: string[] = [];
    const walk = (container: XmlElement): void => {
      for (const node of elements(container)) {
        if (node.name === 'w:p') {
          const line = this.paragraphLine(node, true);
          if (line !== undefined && line !== '') parts.push(line);
        } else if (node.name === 'w:tbl') {
          for (const row of elements(node)) for (const inner of cellsOf(row)) walk(inner);
        } else if (node.name === 'w:sdt') {
          const content = child(node, 'w:sdtContent');
          if (content) walk(content);
        } else if (node.name === 'w:customXml' || node.name === 'w:ins' || node.name === 'w:moveTo') walk(node);
      }
    };
    walk(cell);
    return parts.join('<br>');
  }

  /**
   * The line: label, text with tabs and indentation normalised and soft
   * breaks joined, emphasis where part of the text is bold or italic, and a
   * `#` heading for an outline-level paragraph the dialect would not read as one.
   */
  private render(pieces: Piece[], label: NumberLabel | undefined, outlineLevel?: number, plain = false): string {
    const segments = pieces.filter((piece) => piece.text !== '').map((piece) => ({ ...piece }));
    const charBefore = (index: number, position: number): string => {
      if (position > 0) return segments[index]!.text[position - 1]!;
      for (let other = index - 1; other >= 0; other--) if (segments[other]!.text !== '') return segments[other]!.text.slice(-1);
      return '';
    };
    const charAfter = (index: number, position: number): string => {
      if (position + 1 < segments[index]!.text.length) return segments[index]!.text[position + 1]!;
      for (let other = index + 1; other < segments.length; other++) if (segments[other]!.text !== '') return segments[other]!.text[0]!;
      return '';
    };
    for (let index = 0; index < segments.length; index++) {
      const segment = segments[index]!;
      if (segment.raw) continue;
      // Soft line breaks joined: nothing next to CJK text or a space, one space between Latin words.
      if (segment.text.includes('\n')) {
        let text = '';
        for (let position = 0; position < segment.text.length; position++) {
          const character = segment.text[position]!;
          if (character !== '\n') {
            text += character;
            continue;
          }
          const before = text.length > 0 ? text[text.length - 1]! : charBefore(index, 0);
          const after = charAfter(index, position);
          if (!(before === '' || after === '' || after === '\n' || CJK.test(before) || CJK.test(after) || SPACE.test(before) || SPACE.test(after))) text += ' ';
        }
        segment.text = text;
      }
      // Tabs become a space; runs of spaces and tabs collapse to one.
      segment.text = segment.text.replace(/[ \t]+/g, ' ');
    }
    for (let index = 1; index < segments.length; index++) {
      const previous = segments[index - 1]!;
      const segment = segments[index]!;
      if (!previous.raw && !segment.raw && previous.text.endsWith(' ') && segment.text.startsWith(' ')) segment.text = segment.text.slice(1);
    }
    // Indentation and trailing space (spaces, tabs, U+3000, NBSP) removed.
    while (segments.length > 0 && !segments[0]!.raw) {
      segments[0]!.text = segments[0]!.text.replace(LEADING_SPACE, '');
      if (segments[0]!.text !== '') break;
      segments.shift();
    }
    while (segments.length > 0 && !segments[segments.length - 1]!.raw) {
      const last = segments[segments.length - 1]!;
      last.text = last.text.replace(TRAILING_SPACE, '');
      if (last.text !== '') break;
      segments.pop();
    }
    // A typed outline marker (`2、`) is never inside emphasis: the line must still read as a heading.
    const plainStart = segments.map((segment) => segment.text).join('');
    const typedMarker = matchOutlineMarker(plainStart, 0, plainStart.length);
    if (typedMarker) {
      let remaining = typedMarker.end;
      for (let index = 0; index < segments.length && remaining > 0; index++) {
        const segment = segments[index]!;
        if (segment.raw) break;
        if (segment.text.length > remaining && (segment.bold || segment.italic)) {
          segments.splice(index + 1, 0, { ...segment, text: segment.text.slice(remaining) });
          segment.text = segment.text.slice(0, remaining);
        }
        remaining -= segment.text.length;
        segment.bold = false;
        segment.italic = false;
      }
    }
    const visible = segments.filter((segment) => !segment.raw && segment.text.trim() !== '');
    // A paragraph bold or italic throughout (a heading, a title) is styled, not emphasised; numbered and heading lines never are.
    const allBold = plain || label !== undefined || visible.every((segment) => segment.bold);
    const allItalic = plain || label !== undefined || visible.every((segment) => segment.italic);
    let text = '';
    let index = 0;
    while (index < segments.length) {
      const first = segments[index]!;
      const bold = !first.raw && first.bold && !allBold;
      const italic = !first.raw && first.italic && !allItalic;
      let segment = first.text;
      let next = index + 1;
      while (next < segments.length && !first.raw && !segments[next]!.raw && (segments[next]!.bold && !allBold) === bold && (segments[next]!.italic && !allItalic) === italic) {
        segment += segments[next]!.text;
        next++;
      }
      text += bold || italic ? emphasise(segment, (bold ? '**' : '') + (italic ? '*' : '')) : segment;
      index = next;
    }
    if (label && label.bullet) return text === '' ? '' : `- ${text}`;
    let line = text;
    if (label && label.text !== '') {
      const last = label.text[label.text.length - 1]!;
      const separator = label.suffix === 'nothing' || text === '' || PUNCTUATION.test(last) ? '' : ' ';
      line = label.text + separator + text;
    }
    if (line === '') return '';
    line = escapeLineStart(line);
    if (outlineLevel !== undefined && outlineLevel >= 0 && outlineLevel < 9 && !label) {
      const hasMarker = matchOutlineMarker(line, 0, line.length) !== undefined;
      const long = [...line].length > 30 || /[。；;！？!?]$/.test(line);
      if (!hasMarker && long) line = `${'#'.repeat(Math.min(outlineLevel + 1, 6))} ${line}`;
    }
    return line;
  }
}

/** Table cells of a row, also those inside content controls and custom XML. */
function cellsOf(row: XmlElement): XmlElement[] {
  const result: XmlElement[] = [];
  for (const node of elements(row)) {
    if (node.name === 'w:tc') result.push(node);
    else if (node.name === 'w:sdt') {
      const content = child(node, 'w:sdtContent');
      if (content) result.push(...cellsOf(content));
    } else if (node.name === 'w:customXml') result.push(...cellsOf(node));
  }
  return result;
}

/** The start of a text box's text, for the warning. */
function boxText(box: XmlElement): string {
  const text = visibleText(box).replace(/\s+/g, ' ').trim();
  return [...text].length > 20 ? [...text].slice(0, 20).join('') + '…' : text;
}

/** Text of w:t outside field instructions and deleted text: what a header, footer or text box shows. */
function visibleText(root: XmlElement): string {
  let text = '';
  let depth = 0;
  const walk = (element: XmlElement): void => {
    for (const node of elements(element)) {
      if (node.name === 'w:fldChar') {
        const type = node.attributes['w:fldCharType'];
        if (type === 'begin') depth++;
        else if (type === 'end') depth = Math.max(0, depth - 1);
      } else if (node.name === 'w:fldSimple' || node.name === 'w:del' || node.name === 'w:instrText') {
        // Field results in headers are page numbers and the like; deletions are gone.
      } else if (node.name === 'w:t') {
        if (depth === 0) text += textContent(node);
      } else if (node.name === 'w:p') {
        walk(node);
        text += ' ';
      } else if (node.name === 'mc:AlternateContent') {
        const choice = child(node, 'mc:Choice');
        if (choice) walk(choice);
      } else walk(node);
    }
  };
  walk(root);
  return text;
}

/** Wraps text in emphasis markers, leaving edge spaces and punctuation outside (CommonMark flanking rules). */
function emphasise(segment: string, marker: string): string {
  const characters = [...segment];
  let start = 0;
  let end = characters.length;
  while (start < end && (SPACE.test(characters[start]!) || PUNCTUATION.test(characters[start]!))) start++;
  while (end > start && (SPACE.test(characters[end - 1]!) || PUNCTUATION.test(characters[end - 1]!))) end--;
  if (start === end) return segment;
  return characters.slice(0, start).join('') + marker + characters.slice(start, end).join('') + marker + characters.slice(end).join('');
}

/** Keeps a plain line from being read as Markdown block syntax it never was (a quote, a rule, a list). */
function escapeLineStart(line: string): string {
  if (/^(?:#{1,6}(?:\s|$)|>|[-+*](?:\s|$))/.test(line)) return `\\${line}`;
  if (/^(?:[-*_=]\s*){3,}$/.test(line)) return `\\${line}`;
  return line;
}

/** Symbol-font private-use characters Word writes in w:sym → ordinary characters (bullets, arrows, ticks). */
function symbolCharacter(code: number): string {
  switch (code) {
    case 0xf0b7:
    case 0xf06c:
    case 0xf09f:
      return '•';
    case 0xf0fc:
      return '✓';
    case 0xf0e0:
    case 0xf0e8:
      return '→';
    default:
      return String.fromCharCode(code - 0xf000);
  }
}
