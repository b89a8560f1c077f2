/**
 * Orchestrator: report mdast (from the core parser) → docx Document → .docx
 * bytes. One handler per node type does the work (handlers/); this file
 * loads images through the injected port, collects definitions, walks the
 * root, and assembles section, footers, styles and document properties.
 * No Node built-ins: bytes come back as a Uint8Array.
 */
import { AlignmentType, Document, Footer, Packer, PageNumber, Paragraph, TableOfContents, TextRun, type FileChild } from 'docx';
import type { Definition, FootnoteDefinition, Node, Root, RootContent } from 'mdast';
import { toString } from 'mdast-util-to-string';
import { ExportContext, makeWarning, type Blocks, type ExportLanguage, type ExportWarning } from './context.js';
import { buildStyles } from './document-styles.js';
import { handleClosing } from './handlers/closing.js';
import { handleBlockquote, handleList } from './handlers/containers.js';
import { handleCode, handleHtml, handleThematicBreak } from './handlers/other-blocks.js';
import { handleOutlineHeading } from './handlers/outline-heading.js';
import { handleParagraph } from './handlers/paragraph.js';
import { handleAddressee, handleBodyPart, handleMasthead, handleReportSubtitle, handleReportTitle, handleSectionTitle } from './handlers/report-parts.js';
import { handleTable } from './handlers/table.js';
import { readImageInfo, type ImageInfo } from './image-info.js';
import { packPlain } from './pack.js';
import { RunSpec, toDocxBlock } from './plain.js';
import { resolveLayout, STYLE_IDS, type Layout, type LayoutOverrides } from './styles.js';

/** Port for images: bytes of the file a Markdown image URL names, or undefined when it does not exist. */
export type ReadImage = (url: string) => Promise<Uint8Array | undefined>;

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
  /** The original Markdown text the tree came from; keeps ordered-list markers exactly as written. */
  source?: string;
  /** Timestamp written as created/modified in docProps/core.xml (fix it for reproducible output). Default: now. */
  date?: Date;
  /** Language of warning messages. Default zh-CN. */
  lang?: ExportLanguage;
};

export type DocxExportResult = {
  /** The .docx file. */
  data: Uint8Array;
  warnings: ExportWarning[];
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
  attachmentNote: handleBodyPart,
  note: handleBodyPart,
  imprint: handleBodyPart,
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

/** Loads each distinct image once through the port; decoding failures become warnings. */
async function loadImages(
  imageNodes: ReadonlyArray<{ url: string; node: Node }>,
  readImage: ReadImage | undefined,
  warn: (code: 'image-missing' | 'image-unsupported' | 'image-unreadable', url: string, node: Node) => void,
): Promise<Map<string, ImageInfo | undefined>> {
  const images = new Map<string, ImageInfo | undefined>();
  for (const { url, node } of imageNodes) {
    if (images.has(url)) continue;
    let data: Uint8Array | undefined;
    try {
      data = readImage ? await readImage(url) : undefined;
    } catch {
      images.set(url, undefined);
      warn('image-unreadable', url, node);
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
  return text.replace(/[<>&"']/g, (character) => `&#${character.charCodeAt(0)};`);
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
async function convertReport(root: Root, options: DocxExportOptions) {
  const layout = resolveLayout(options.layout);
  const collected = collect(root);
  const warnings: ExportWarning[] = [];
  const lang = options.lang ?? 'zh-CN';
  const images = await loadImages(collected.imageNodes, options.readImage, (code, url, node) => {
    warnings.push(makeWarning(code, url, lang, node));
  });
  const context = new ExportContext(layout, lang, images, collected.definitions, collected.footnotes, options.source, convertBlocks);

  const children: Blocks = [];
  const titleNode = root.children.find((node) => node.type === 'reportTitle');
  root.children.forEach((node, index) => {
    const handler = HANDLERS[node.type];
    const blocks: Blocks = handler ? handler(node as never, context, root.children, index) : convertBlocks([node], context);
    for (const block of blocks) children.push(block);
    if (options.tableOfContents && node === titleNode) children.push(...tableOfContents(context));
  });
  if (options.tableOfContents && !titleNode) children.unshift(...tableOfContents(context));
  context.dropPageBreak();

  const title = options.title ?? (titleNode ? toString(titleNode).trim() : undefined);
  const footers = layout.pageNumbers.enabled ? pageNumberFooters(layout) : undefined;
  const makeDocument = (body: FileChild[]) =>
    new Document({
      ...(title ? { title } : {}),
      ...(options.author ? { creator: options.author, lastModifiedBy: options.author } : {}),
      ...(options.subject ? { subject: options.subject } : {}),
      ...(options.keywords ? { keywords: options.keywords } : {}),
      evenAndOddHeaderAndFooters: footers !== undefined,
      ...(options.tableOfContents ? { features: { updateFields: true } } : {}),
      styles: buildStyles(layout),
      footnotes: context.footnotes,
      sections: [
        {
          properties: {
            page: {
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
              pageNumbers: { start: 1 },
            },
            grid: { linePitch: layout.linePitch },
          },
          ...(footers ? { footers } : {}),
          children: body,
        },
      ],
    });
  return { children, makeDocument, warnings: [...warnings, ...context.warnings], title };
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
  const { children, makeDocument, warnings, title } = await convertReport(root, options);
  const core = corePropertiesXml(
    {
      ...(title ? { title } : {}),
      ...(options.author ? { author: options.author } : {}),
      ...(options.subject ? { subject: options.subject } : {}),
      ...(options.keywords ? { keywords: options.keywords } : {}),
    },
    options.date ?? new Date(),
  );
  const overrides = [{ path: 'docProps/core.xml', data: core }];
  // A table of contents is filled in by docx from the headings it writes, so it needs the full tree.
  const fast = options.tableOfContents ? undefined : await packPlain(children, makeDocument, overrides);
  const data = fast ?? (await Packer.pack(makeDocument(children.map(toDocxBlock)), 'uint8array', false, overrides));
  return { data, warnings };
}
