/**
 * Orchestrator: report mdast (from the core parser) → docx Document → .docx
 * bytes. One handler per node type does the work (handlers/); this file
 * loads images through the injected port, collects definitions, walks the
 * root, and assembles section, footers, styles and document properties.
 * No Node built-ins: bytes come back as a Uint8Array.
 *
 * Safety: images are read only from the image folder (image-info.ts) and
 * embedded only when they are well-formed; characters XML forbids are
 * removed from every text before it is written (xml-chars.ts); the bytes
 * depend only on the input and the date (pack.ts `finishPackage`).
 */
import { AlignmentType, Document, Footer, PageNumber, Paragraph, SectionType, TableOfContents, TextRun, type FileChild } from 'docx';
import type { Definition, FootnoteDefinition, Node, Root, RootContent } from 'mdast';
import { toString } from 'mdast-util-to-string';
import { ExportContext, makeWarning, type Blocks, type ExportLanguage, type ExportWarning } from './context.js';
import { buildStyles } from './document-styles.js';
import { handleClosing } from './handlers/closing.js';
import { handleBlockquote, handleList } from './handlers/containers.js';
import { handleCode, handleHtml, handleThematicBreak } from './handlers/other-blocks.js';
import { handleOutlineHeading } from './handlers/outline-heading.js';
import { handleParagraph } from './handlers/paragraph.js';
import { handleImprint } from './handlers/imprint.js';
import { handleMasthead } from './handlers/masthead.js';
import { handleAddressee, handleAttachmentNote, handleBodyPart, handleReportSubtitle, handleReportTitle, handleSectionTitle } from './handlers/report-parts.js';
import { arrangeFullDocument, type PartFields } from './full-document.js';
import { handleTable } from './handlers/table.js';
import { imagePolicy, readImageInfo, resolveImagePath, type ImageInfo, type ImagePolicy } from './image-info.js';
import { finishPackage, packFull, packPlain } from './pack.js';
import { RunSpec, toDocxBlock } from './plain.js';
import { bodyCharacterPitch, layoutFontNames, resolveLayout, STYLE_IDS, typeAreaWidth, type Layout, type LayoutOverrides } from './styles.js';
import { declareFont, type FontSetting } from './fonts.js';
import { joinWrappedLines, type LineBreaks } from './line-breaks.js';
import { sanitizeSettings, sanitizeTree, stripForbiddenXmlChars } from './xml-chars.js';

/**
 * Port for images: the bytes of the file at `path`, or undefined when there
 * is no such file. `path` has passed the image-folder check: it is relative
 * to the document's folder, `/`-separated, percent-decoded and normalized
 * (it starts with `../` only when `imageRoot` allows it; it is absolute only
 * when `imageRoot` is on another drive). A port that resolves links should
 * check the real path too and throw {@link ImageOutsideRootError} for a
 * file outside the image folder.
 */
export type ReadImage = (path: string) => Promise<Uint8Array | undefined>;

const IMAGE_OUTSIDE_ROOT = 'REPORTMD_IMAGE_OUTSIDE_ROOT';

/** Thrown by a ReadImage port for a file whose real path (after links) is outside the image folder. */
export class ImageOutsideRootError extends Error {
  /** Checked instead of `instanceof`: the port and the exporter may come from different bundles. */
  readonly code = IMAGE_OUTSIDE_ROOT;
  constructor(message: string) {
    super(message);
    this.name = 'ImageOutsideRootError';
  }
}

export type DocxExportOptions = {
  /** Overrides of the GB/T 9704 layout table (styles.ts). */
  layout?: LayoutOverrides;
  /** Document title property; defaults to the text of the report title. */
  title?: string;
  /** Author (dc:creator and lastModifiedBy). */
  author?: string;
  subject?: string;
  keywords?: string;
  /** Insert a table of contents (TOC field over heading styles 1-4) after the title. Word asks to update fields on open. */
  tableOfContents?: boolean;
  /** Image loader; images are replaced by their alt text with a warning when absent. */
  readImage?: ReadImage;
  /**
   * The folder images may be read from (it and its subfolders): absolute, or
   * relative to the document's folder (`..`). Default: the document's folder.
   * Images elsewhere are not read; a warning names them.
   */
  imageRoot?: string;
  /**
   * Absolute path of the document's folder (`/home/…`, `C:\…`). Needed for
   * an absolute `imageRoot`; lets absolute image paths and `file:` URLs inside
   * the image folder through (without it they are refused).
   */
  documentFolder?: string;
  /** The original Markdown text the tree came from; keeps ordered-list markers exactly as written. */
  source?: string;
  /**
   * Timestamp written as created/modified in docProps/core.xml and as the
   * time of every zip entry. Default: `SOURCE_DATE_EPOCH` (seconds) when the
   * environment sets it, else now. The same input and date give the same bytes.
   */
  date?: Date;
  /** Language of warning messages. Default zh-CN. */
  lang?: ExportLanguage;
  /**
   * What a source line break means: `paragraph` (default; report files, one
   * paragraph per line) or `markdown` (plain `.md` files: wrapped lines of a
   * paragraph are joined, line-breaks.ts). `lineBreaksFor(fileName)` picks it.
   */
  lineBreaks?: LineBreaks;
  /**
   * The document will be sealed (盖章): 成文日期 right-indented 4 字 and the 署名
   * centred over it (GB/T 9704 7.3.5.1). Default false: 7.3.5.2, 署名 right-indented 2 字.
   */
  seal?: boolean;
  /**
   * Page of the 版记 (GB/T 9704 7.4): `last` (default) at the bottom of the page where the
   * text ends; `even` in a section of its own that starts on an even page (the back of the
   * last sheet in double-sided printing), at the bottom of that page.
   */
  imprintPage?: 'last' | 'even';
  /** Font profile (`windows`, the default; `gb2312`) or explicit faces (fonts.ts); `layout.fonts` still wins. */
  fonts?: FontSetting;
  /**
   * Unit defaults of 版头 and 版记 fields by name (发文机关标志, 印发机关 …): they complete
   * a 版头 or 版记 the document has (full-document.ts).
   */
  fields?: PartFields;
};

export type DocxExportResult = {
  /** The .docx file. */
  data: Uint8Array;
  warnings: ExportWarning[];
  /** Which writer made the body: the fast text packer (pack.ts), or `docx` alone (table of contents, fallback). */
  packer: 'fast' | 'docx';
};

type Handler = (node: never, context: ExportContext, siblings: readonly RootContent[], index: number) => Blocks;

/** One handler per node type. Nodes absent here are either consumed elsewhere (definitions) or reported. */
const HANDLERS: Record<string, Handler> = {
  reportTitle: handleReportTitle,
  reportSubtitle: handleReportSubtitle,
  sectionTitle: handleSectionTitle,
  heading: handleSectionTitle,
  addressee: handleAddressee,
  masthead: handleMasthead,
  attachmentNote: handleAttachmentNote,
  note: handleBodyPart,
  imprint: handleImprint,
  residue: handleBodyPart,
  outlineHeading: handleOutlineHeading,
  signature: handleClosing,
  dateLine: handleClosing,
  paragraph: handleParagraph,
  list: handleList,
  blockquote: handleBlockquote,
  table: handleTable,
  code: handleCode,
  thematicBreak: handleThematicBreak,
  html: handleHtml,
};

/** Node types that produce no output of their own. */
const SILENT = new Set(['definition', 'footnoteDefinition', 'yaml', 'toml']);

/** Converts a run of sibling blocks with their handlers. */
export function convertBlocks(nodes: readonly RootContent[], context: ExportContext): Blocks {
  const blocks: Blocks = [];
  nodes.forEach((node, index) => {
    const handler = HANDLERS[node.type];
    if (handler) {
      blocks.push(...handler(node as never, context, nodes, index));
      return;
    }
    if (SILENT.has(node.type)) return;
    context.warn('unsupported-node', node.type, node);
    const text = toString(node).trim();
    if (text) blocks.push(context.paragraph({ style: STYLE_IDS.normal, children: [new RunSpec({ text })] }));
  });
  return blocks;
}

/** Visits every node of a tree (iterative, no recursion limit). */
function walk(root: Node, visit: (node: Node) => void): void {
  const stack: Node[] = [root];
  while (stack.length > 0) {
    const node = stack.pop()!;
    visit(node);
    const children = (node as Node & { children?: Node[] }).children;
    if (children) for (let index = children.length - 1; index >= 0; index--) stack.push(children[index]!);
  }
}

/** Collects link/image definitions and footnote definitions, and the URLs of every image. */
function collect(root: Root) {
  const definitions = new Map<string, Definition>();
  const footnotes = new Map<string, FootnoteDefinition>();
  const imageNodes: Array<{ url: string; node: Node }> = [];
  const imageReferences: Array<{ identifier: string; node: Node }> = [];
  walk(root, (node) => {
    if (node.type === 'definition') {
      const definition = node as Definition;
      if (!definitions.has(definition.identifier)) definitions.set(definition.identifier, definition);
    } else if (node.type === 'footnoteDefinition') {
      const definition = node as FootnoteDefinition;
      if (!footnotes.has(definition.identifier)) footnotes.set(definition.identifier, definition);
    } else if (node.type === 'image') {
      imageNodes.push({ url: (node as Node & { url: string }).url, node });
    } else if (node.type === 'imageReference') {
      imageReferences.push({ identifier: (node as Node & { identifier: string }).identifier, node });
    }
  });
  for (const reference of imageReferences) {
    const definition = definitions.get(reference.identifier);
    if (definition) imageNodes.push({ url: definition.url, node: reference.node });
  }
  return { definitions, footnotes, imageNodes };
}

type ImageWarningCode = 'image-missing' | 'image-unsupported' | 'image-unreadable' | 'image-remote' | 'image-outside-root';

/**
 * Loads each distinct image once through the port, only when its URL names
 * a file inside the image folder; refusals and decoding failures become warnings.
 */
async function loadImages(
  imageNodes: ReadonlyArray<{ url: string; node: Node }>,
  readImage: ReadImage | undefined,
  policy: ImagePolicy,
  warn: (code: ImageWarningCode, url: string, node: Node) => void,
): Promise<Map<string, ImageInfo | undefined>> {
  const images = new Map<string, ImageInfo | undefined>();
  for (const { url, node } of imageNodes) {
    if (images.has(url)) continue;
    const resolved = resolveImagePath(url, policy);
    if ('refused' in resolved) {
      images.set(url, undefined);
      warn(resolved.refused === 'remote' ? 'image-remote' : 'image-outside-root', url, node);
      continue;
    }
    let data: Uint8Array | undefined;
    try {
      data = readImage ? await readImage(resolved.path) : undefined;
    } catch (error) {
      images.set(url, undefined);
      warn((error as { code?: unknown } | undefined)?.code === IMAGE_OUTSIDE_ROOT ? 'image-outside-root' : 'image-unreadable', url, node);
      continue;
    }
    if (!data) {
      images.set(url, undefined);
      warn('image-missing', url, node);
      continue;
    }
    const info = readImageInfo(data);
    if (!info) warn('image-unsupported', url, node);
    images.set(url, info);
  }
  return images;
}

/** The two page-number footers: odd pages right, even pages left, 1 字 in from the edge. */
export function pageNumberFooters(layout: Layout): { default: Footer; even: Footer } {
  const make = (odd: boolean) =>
    new Footer({
      children: [
        new Paragraph({
          style: STYLE_IDS.footer,
          alignment: odd ? AlignmentType.RIGHT : AlignmentType.LEFT,
          indent: odd ? { right: layout.pageNumbers.edgeIndent, left: 0, firstLine: 0 } : { left: layout.pageNumbers.edgeIndent, right: 0, firstLine: 0 },
          children: [new TextRun({ children: [layout.pageNumbers.prefix, PageNumber.CURRENT, layout.pageNumbers.suffix] })],
        }),
      ],
    });
  return { default: make(true), even: make(false) };
}

function escapeXml(text: string): string {
  return stripForbiddenXmlChars(text).text.replace(/[<>&"']/g, (character) => `&#${character.charCodeAt(0)};`);
}

/** The date of an export without one: SOURCE_DATE_EPOCH (reproducible builds) when set, else now. */
function defaultDate(): Date {
  // No Node built-in: `process` is only looked up, and is absent in the web build.
  const epoch = (globalThis as { process?: { env?: Record<string, string | undefined> } }).process?.env?.['SOURCE_DATE_EPOCH'];
  if (epoch === undefined || epoch === '') return new Date();
  if (!/^\d{1,15}$/.test(epoch)) throw new Error(`SOURCE_DATE_EPOCH must be whole seconds since 1970, got "${epoch}"`);
  return new Date(Number(epoch) * 1000);
}

/** Document-property options with forbidden characters removed, each removal reported. */
function cleanProperties(options: DocxExportOptions, lang: ExportLanguage, warnings: ExportWarning[]) {
  const clean = (name: string, value: string | undefined): string | undefined => {
    if (value === undefined) return undefined;
    const { text, removed } = stripForbiddenXmlChars(value);
    if (removed.length > 0) warnings.push(makeWarning('invalid-character', `${name}: ${removed.join(', ')}`, lang));
    return text;
  };
  return {
    title: clean('title', options.title),
    author: clean('author', options.author),
    subject: clean('subject', options.subject),
    keywords: clean('keywords', options.keywords),
  };
}

/** docProps/core.xml written by us, so the timestamp can be fixed. */
function corePropertiesXml(properties: { title?: string; author?: string; subject?: string; keywords?: string }, date: Date): string {
  const stamp = date.toISOString().replace(/\.\d{3}Z$/, 'Z');
  const element = (name: string, value: string | undefined) => (value ? `<${name}>${escapeXml(value)}</${name}>` : '');
  return (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
    '<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" ' +
    'xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" ' +
    'xmlns:dcmitype="http://purl.org/dc/dcmitype/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">' +
    element('dc:title', properties.title) +
    element('dc:subject', properties.subject) +
    element('dc:creator', properties.author) +
    element('cp:keywords', properties.keywords) +
    element('cp:lastModifiedBy', properties.author) +
    '<cp:revision>1</cp:revision>' +
    `<dcterms:created xsi:type="dcterms:W3CDTF">${stamp}</dcterms:created>` +
    `<dcterms:modified xsi:type="dcterms:W3CDTF">${stamp}</dcterms:modified>` +
    '</cp:coreProperties>'
  );
}

/** The converted body (docx objects and text-only paragraphs) and a function making the Document around a body. */
async function convertReport(original: Root, options: DocxExportOptions) {
  const warnings: ExportWarning[] = [];
  const lang = options.lang ?? 'zh-CN';
  const policy = imagePolicy(options.documentFolder, options.imageRoot);
  // Characters XML forbids: out of the tree (a copy when there are any), the properties and the layout.
  const sanitized = sanitizeTree(original);
  const joined = options.lineBreaks === 'markdown' ? { ...sanitized.root, children: joinWrappedLines(sanitized.root.children) } : sanitized.root;
  const root = arrangeFullDocument(joined, options.fields);
  for (const finding of sanitized.findings) {
    const warning = makeWarning('invalid-character', finding.removed.join(', '), lang);
    warnings.push(finding.line === undefined ? warning : { ...warning, line: finding.line });
  }
  const properties = cleanProperties(options, lang, warnings);
  const cleanLayout = sanitizeSettings(resolveLayout(options.layout, options.fonts), 'layout');
  const layout = cleanLayout.value;
  for (const finding of cleanLayout.findings) warnings.push(makeWarning('invalid-character', `${finding.setting}: ${finding.removed.join(', ')}`, lang));
  const collected = collect(root);
  const images = await loadImages(collected.imageNodes, options.readImage, policy, (code, url, node) => {
    warnings.push(makeWarning(code, url, lang, node));
  });
  const context = new ExportContext(layout, lang, images, collected.definitions, collected.footnotes, options.source, convertBlocks);

  context.seal = options.seal === true;
  context.imprintPage = options.imprintPage === 'even' ? 'even' : 'last';
  const children: Blocks = [];
  const titleNode = root.children.find((node) => node.type === 'reportTitle');
  const beforeClosing = lastBodyBlockBeforeClosing(root.children);
  root.children.forEach((node, index) => {
    const handler = HANDLERS[node.type];
    if (index === beforeClosing) context.keepWithClosing = isShort(node, context.layout) ? 'whole' : 'next';
    const blocks: Blocks = handler ? handler(node as never, context, root.children, index) : convertBlocks([node], context);
    context.keepWithClosing = undefined;
    for (const block of blocks) children.push(block);
    if (options.tableOfContents && node === titleNode) children.push(...tableOfContents(context));
  });
  if (options.tableOfContents && !titleNode) children.unshift(...tableOfContents(context));
  context.dropPageBreak();

  const title = properties.title ?? (titleNode ? toString(titleNode).trim() : undefined);
  const footers = layout.pageNumbers.enabled ? pageNumberFooters(layout) : undefined;
  const page = {
    size: { width: layout.page.width, height: layout.page.height },
    margin: {
      top: layout.page.marginTop,
      bottom: layout.page.marginBottom,
      left: layout.page.marginLeft,
      right: layout.page.marginRight,
      header: layout.page.header,
      footer: layout.page.footer,
      gutter: 0,
    },
  };
  const grid = { linePitch: layout.linePitch };
  // `imprintPage: 'even'`: the 版记 is a section of its own starting on an even page; it inherits the
  // footers and continues the page numbers (a section without footer references takes the previous ones).
  const imprintSection = (body: FileChild[]) => {
    const at = context.imprintSectionStart ? body.indexOf(context.imprintSectionStart) : -1;
    return at < 0 ? [] : [{ properties: { type: SectionType.EVEN_PAGE, page, grid }, children: body.splice(at) }];
  };
  const makeDocument = (whole: FileChild[]) => {
    const body = [...whole];
    const last = imprintSection(body);
    return new Document({
      ...(title ? { title } : {}),
      ...(properties.author ? { creator: properties.author, lastModifiedBy: properties.author } : {}),
      ...(properties.subject ? { subject: properties.subject } : {}),
      ...(properties.keywords ? { keywords: properties.keywords } : {}),
      evenAndOddHeaderAndFooters: footers !== undefined,
      ...(options.tableOfContents ? { features: { updateFields: true } } : {}),
      styles: buildStyles(layout),
      footnotes: context.footnotes,
      sections: [
        {
          properties: { page: { ...page, pageNumbers: { start: 1 } }, grid },
          ...(footers ? { footers } : {}),
          children: body,
        },
        ...last,
      ],
    });
  };
  return { children, makeDocument, warnings: [...warnings, ...context.warnings], title, properties, layout };
}

/**
 * Index of the body block the 落款 must stay with: the last paragraph or
 * heading before the 附件说明 / 署名 / date group; -1 when there is none.
 */
function lastBodyBlockBeforeClosing(children: readonly RootContent[]): number {
  const start = children.findIndex((node) => node.type === 'signature' || node.type === 'dateLine');
  if (start < 0) return -1;
  let index = start - 1;
  while (index >= 0 && (children[index]!.type === 'attachmentNote' || children[index]!.type === 'html' || children[index]!.type === 'definition' || children[index]!.type === 'footnoteDefinition')) index--;
  const node = children[index];
  return node && (node.type === 'paragraph' || node.type === 'outlineHeading') ? index : -1;
}

/** A paragraph of at most three lines moves whole (keepLines) rather than leave one line behind. */
function isShort(node: RootContent, layout: Layout): boolean {
  const perLine = Math.floor(typeAreaWidth(layout) / bodyCharacterPitch(layout));
  return [...toString(node)].length + 2 <= 3 * perLine;
}

/** Builds the docx Document for a report tree (no packing). */
export async function buildDocxDocument(root: Root, options: DocxExportOptions = {}): Promise<{ document: Document; warnings: ExportWarning[]; title: string | undefined }> {
  const { children, makeDocument, warnings, title } = await convertReport(root, options);
  return { document: makeDocument(children.map(toDocxBlock)), warnings, title };
}

/** TOC heading + field over heading styles 1-4 (run-in headings are body paragraphs and are not listed). */
function tableOfContents(context: ExportContext): Blocks {
  const heading = context.lang === 'en' ? 'Contents' : '目录';
  return [
    context.paragraph({ style: STYLE_IDS.tocHeading, children: [new RunSpec({ text: heading })] }),
    new TableOfContents(heading, { hyperlink: true, headingStyleRange: '1-4' }),
  ];
}

/** Exports a report tree to .docx bytes in the GB/T 9704 layout. */
export async function exportDocx(root: Root, options: DocxExportOptions = {}): Promise<DocxExportResult> {
  const date = options.date ?? defaultDate();
  const { children, makeDocument, warnings, title, properties, layout } = await convertReport(root, options);
  const core = corePropertiesXml(
    {
      ...(title ? { title } : {}),
      ...(properties.author ? { author: properties.author } : {}),
      ...(properties.subject ? { subject: properties.subject } : {}),
      ...(properties.keywords ? { keywords: properties.keywords } : {}),
    },
    date,
  );
  const overrides = [{ path: 'docProps/core.xml', data: core }];
  // A table of contents is filled in by docx from the headings it writes, so it needs the full tree.
  const fast = options.tableOfContents ? undefined : await packPlain(children, makeDocument, overrides);
  const files = fast ?? (await packFull(makeDocument(children.map(toDocxBlock)), overrides));
  return { data: finishPackage(files, date, layoutFontNames(layout).map(declareFont)), warnings, packer: fast ? 'fast' : 'docx' };
}
