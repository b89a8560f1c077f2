import { crc32 as zlibCrc32, deflateSync } from 'node:zlib';
/** Test helpers for the exporter: build report trees by hand, unzip .docx parts and query their XML. */
import { DOMParser, type Document as XmlDocument, type Element } from '@xmldom/xmldom';
import JSZip from 'jszip';
import type { PhrasingContent, Root, RootContent } from 'mdast';
import { exportDocx, type DocxExportOptions } from '../../src/core/export/index.js';

export const W = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main';
export const FIXED_DATE = new Date('2026-01-01T00:00:00Z');

export type Parts = { zip: JSZip; xml: (name: string) => Promise<XmlDocument>; text: (name: string) => Promise<string> };

/** Exports a tree with a fixed date and returns accessors for its parts. */
export async function exportParts(root: Root, options: DocxExportOptions = {}): Promise<Parts & { warnings: Awaited<ReturnType<typeof exportDocx>>['warnings']; data: Uint8Array }> {
  const { data, warnings } = await exportDocx(root, { date: FIXED_DATE, ...options });
  const zip = await JSZip.loadAsync(data);
  const text = async (name: string) => {
    const file = zip.file(name);
    if (!file) throw new Error(`missing part ${name}`);
    return file.async('string');
  };
  const xml = async (name: string) => new DOMParser().parseFromString(await text(name), 'text/xml') as unknown as XmlDocument;
  return { zip, xml, text, warnings, data };
}

/** All elements `w:<local>` under a node, in document order. */
export function all(node: XmlDocument | Element, local: string): Element[] {
  return Array.from(node.getElementsByTagNameNS(W, local)) as Element[];
}

/** The first `w:<local>` under a node, or undefined. */
export function first(node: XmlDocument | Element, local: string): Element | undefined {
  return all(node, local)[0];
}

/** The direct child `w:<local>` of an element, or undefined. */
export function child(node: Element | undefined, local: string): Element | undefined {
  if (!node) return undefined;
  for (let current = node.firstChild; current; current = current.nextSibling) {
    if (current.nodeType === 1 && (current as Element).localName === local && (current as Element).namespaceURI === W) return current as Element;
  }
  return undefined;
}

/** A `w:` attribute value. */
export function attr(node: Element | undefined, name: string): string | null {
  return node ? node.getAttributeNS(W, name) : null;
}

/** The style element with a given id in styles.xml. */
export function styleById(styles: XmlDocument, id: string): Element {
  const found = all(styles, 'style').filter((style) => attr(style, 'styleId') === id);
  if (found.length !== 1) throw new Error(`expected one style ${id}, found ${found.length}`);
  return found[0]!;
}

/** Body paragraphs (w:p directly in w:body), skipping table content. */
export function bodyParagraphs(document: XmlDocument): Element[] {
  const body = first(document, 'body')!;
  const result: Element[] = [];
  for (let current = body.firstChild; current; current = current.nextSibling) {
    if (current.nodeType === 1 && (current as Element).localName === 'p') result.push(current as Element);
  }
  return result;
}

/** Concatenated w:t text of an element. */
export function textOf(node: Element): string {
  return all(node, 't').map((t) => t.textContent ?? '').join('');
}

/** The paragraph style id of a w:p. */
export function paragraphStyle(paragraph: Element): string | null {
  return attr(child(child(paragraph, 'pPr'), 'pStyle'), 'val');
}

// --- tree builders -------------------------------------------------------

export const text = (value: string): PhrasingContent => ({ type: 'text', value });

/** A report root from blocks. */
export const root = (...children: RootContent[]): Root => ({ type: 'root', children });

export const paragraph = (...children: PhrasingContent[]): RootContent => ({ type: 'paragraph', children });

/** An outline heading node as the core parser builds it. */
export function heading(level: 1 | 2 | 3 | 4 | 5, marker: string, title: string, rest?: string): RootContent {
  const ordinal = 1;
  const markerNode = {
    level,
    ordinal,
    text: marker,
    style: { numeral: level <= 2 ? 'han' : 'ascii', open: marker.startsWith('（') ? '（' : '', close: marker.slice(-1) },
    start: 0,
    end: marker.length,
    numeralStart: 0,
    numeralEnd: marker.length,
  } as const;
  if (rest === undefined) {
    return { type: 'outlineHeading', marker: markerNode, runIn: false, title, depth: 0, children: [text(marker + title)] } as unknown as RootContent;
  }
  return {
    type: 'outlineHeading',
    marker: markerNode,
    runIn: true,
    title,
    depth: 0,
    children: [{ type: 'runInHead', children: [text(marker + title)] }, text(rest)],
  } as unknown as RootContent;
}

/** CRC-32 of PNG chunks (zlib's, as PNG specifies). */
export function crc32(bytes: Uint8Array): number {
  return zlibCrc32(bytes) >>> 0;
}

function pngChunk(type: string, data: Buffer): Buffer {
  const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
  const out = Buffer.alloc(12 + data.length);
  out.writeUInt32BE(data.length, 0);
  body.copy(out, 4);
  out.writeUInt32BE(crc32(body), 8 + data.length);
  return out;
}

/** A complete RGB PNG of the given size (signature, IHDR, IDAT, IEND with their CRCs), filled with one grey. */
export function png(width: number, height: number, grey = 0x40): Uint8Array {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header[8] = 8;
  header[9] = 2;
  const rows = Buffer.alloc((1 + 3 * width) * height, grey);
  for (let row = 0; row < height; row++) rows[row * (1 + 3 * width)] = 0;
  return new Uint8Array(
    Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), pngChunk('IHDR', header), pngChunk('IDAT', deflateSync(rows)), pngChunk('IEND', Buffer.alloc(0))]),
  );
}
