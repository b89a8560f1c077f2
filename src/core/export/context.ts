/**
 * State shared by the block handlers during one export: the resolved
 * layout, pre-loaded images, link/footnote definitions, warnings, and the
 * pending hard page break.
 */
import { Paragraph, type FileChild } from 'docx';
import type { Definition, FootnoteDefinition, Node, RootContent } from 'mdast';
import type { ImageInfo } from './image-info.js';
import { makeParagraph, PlainParagraph, toDocxBlock, type ParagraphSpec } from './plain.js';
import type { Layout } from './styles.js';

/** What a handler returns: body-level docx elements or text-only paragraphs (plain.ts), in order. */
export type Blocks = Array<FileChild | PlainParagraph>;

export type WarningCode =
  | 'image-missing'
  | 'image-unsupported'
  | 'image-unreadable'
  | 'image-remote'
  | 'image-outside-root'
  | 'invalid-character'
  | 'unsupported-node';

/** A problem that did not stop the export (the affected part is replaced by text). */
export type ExportWarning = {
  code: WarningCode;
  /** One line in the language asked for. */
  message: string;
  /** 1-based line in the source, when known. */
  line?: number;
};

export type ExportLanguage = 'zh-CN' | 'en';

const WARNING_TEXT: Record<WarningCode, Record<ExportLanguage, (detail: string) => string>> = {
  'image-missing': { 'zh-CN': (d) => `找不到图片：${d}`, en: (d) => `image not found: ${d}` },
  'image-unsupported': {
    'zh-CN': (d) => `不是有效的 PNG、JPEG、GIF 或 BMP 图片，未嵌入：${d}`,
    en: (d) => `not a valid PNG, JPEG, GIF or BMP image, not embedded: ${d}`,
  },
  'image-unreadable': { 'zh-CN': (d) => `读取图片失败：${d}`, en: (d) => `could not read image: ${d}` },
  'image-remote': { 'zh-CN': (d) => `不是本地图片文件，未嵌入：${d}`, en: (d) => `not a local image file, not embedded: ${d}` },
  'image-outside-root': {
    'zh-CN': (d) => `图片不在文档所在文件夹内，未嵌入（可用 export.imageRoot 设置允许的文件夹）：${d}`,
    en: (d) => `image outside the document's folder, not embedded (export.imageRoot sets the allowed folder): ${d}`,
  },
  'invalid-character': {
    'zh-CN': (d) => `已删除 Word 文档中不允许的字符（${d}）`,
    en: (d) => `removed characters Word documents cannot hold (${d})`,
  },
  'unsupported-node': { 'zh-CN': (d) => `未导出的内容类型：${d}`, en: (d) => `content type not exported: ${d}` },
};

/** Builds a localized warning. */
export function makeWarning(code: WarningCode, detail: string, lang: ExportLanguage, node?: Node): ExportWarning {
  const message = WARNING_TEXT[code][lang](detail);
  const line = node?.position?.start.line;
  return line === undefined ? { code, message } : { code, message, line };
}

export class ExportContext {
  readonly warnings: ExportWarning[] = [];
  /** Footnote id (1-based, in order of first reference) per mdast identifier. */
  readonly footnoteIds = new Map<string, number>();
  /** docx footnotes option, filled as references are met. */
  readonly footnotes: Record<number, { children: Paragraph[] }> = {};
  /** Nesting depth of lists and block quotes (each adds a 2-character left indent). */
  nesting = 0;
  /** Nesting depth of block quotes (paragraphs take the quote style). */
  quoteDepth = 0;
  /** True while converting a footnote's content (paragraphs take the footnote text style). */
  inFootnote = false;
  /** The document is sealed: 落款 per GB/T 9704 7.3.5.1 (closing.ts). */
  seal = false;
  /** Page of the 版记: `even` puts it in a section of its own starting on an even page (imprint.ts). */
  imprintPage: 'last' | 'even' = 'last';
  /** With `imprintPage: 'even'`: the first block of the 版记's section (to-docx.ts splits the body there). */
  imprintSectionStart: FileChild | undefined = undefined;
  /**
   * Set while converting the last body block before the 落款 (or its 附件说明):
   * its paragraphs keep with the next one, so the 署名 and date never stand
   * alone at the top of a page; a short paragraph (`keepLines`) moves whole.
   */
  keepWithClosing: 'next' | 'whole' | undefined = undefined;
  private pageBreakPending = false;

  constructor(
    readonly layout: Layout,
    readonly lang: ExportLanguage,
    /** Decoded image per URL as written in the Markdown; undefined when it could not be loaded. */
    readonly images: ReadonlyMap<string, ImageInfo | undefined>,
    readonly definitions: ReadonlyMap<string, Definition>,
    readonly footnoteDefinitions: ReadonlyMap<string, FootnoteDefinition>,
    /** The original text, when given: lets list markers stay exactly as written. */
    readonly source: string | undefined,
    /** Converts block children; set by the orchestrator so handlers can recurse without importing it. */
    readonly convertBlocks: (nodes: readonly RootContent[], context: ExportContext) => Blocks,
  ) {}

  /** Records a warning once per code + detail. */
  warn(code: WarningCode, detail: string, node?: Node): void {
    const warning = makeWarning(code, detail, this.lang, node);
    if (this.warnings.some((known) => known.message === warning.message && known.line === warning.line)) return;
    this.warnings.push(warning);
  }

  /** Asks for the next paragraph to start on a new page. */
  requestPageBreak(): void {
    this.pageBreakPending = true;
  }

  /**
   * Creates a paragraph, starting it on a new page when a hard page break is pending.
   * Text-only paragraphs (every child a run spec) stay PlainParagraph options.
   */
  paragraph(options: ParagraphSpec): Paragraph | PlainParagraph {
    const keep = this.keepWithClosing === undefined || this.inFootnote ? options : { ...options, keepNext: true, ...(this.keepWithClosing === 'whole' ? { keepLines: true } : {}) };
    if (!this.pageBreakPending) return makeParagraph(keep);
    this.pageBreakPending = false;
    return makeParagraph({ ...keep, pageBreakBefore: true });
  }

  /** Like {@link paragraph}, always as a docx Paragraph (table cells). */
  docxParagraph(options: ParagraphSpec): Paragraph {
    return toDocxBlock(this.paragraph(options));
  }

  /** Emits the pending page break as its own paragraph (before a table, which cannot carry one). */
  flushPageBreak(): Blocks {
    if (!this.pageBreakPending) return [];
    this.pageBreakPending = false;
    return [new Paragraph({ pageBreakBefore: true, spacing: { line: 20, lineRule: 'exact', before: 0, after: 0 } })];
  }

  /** Drops a page break nothing follows. */
  dropPageBreak(): void {
    this.pageBreakPending = false;
  }

  /** Footnote id for an identifier, registering the definition on first use; undefined when not defined. */
  footnoteId(identifier: string): number | undefined {
    const known = this.footnoteIds.get(identifier);
    if (known !== undefined) return known;
    const definition = this.footnoteDefinitions.get(identifier);
    if (!definition) return undefined;
    const id = this.footnoteIds.size + 1;
    this.footnoteIds.set(identifier, id);
    // Reserve the slot before converting: a footnote may reference another one.
    this.footnotes[id] = { children: [] };
    this.footnotes[id] = { children: this.convertFootnote(definition) };
    return id;
  }

  private convertFootnote(definition: FootnoteDefinition): Paragraph[] {
    const saved = this.pageBreakPending;
    const savedNesting = this.nesting;
    this.pageBreakPending = false;
    this.inFootnote = true;
    this.nesting = 0;
    const blocks = this.convertBlocks(definition.children, this);
    this.inFootnote = false;
    this.nesting = savedNesting;
    this.pageBreakPending = saved;
    return blocks.map(toDocxBlock).filter((block): block is Paragraph => block instanceof Paragraph);
  }
}
