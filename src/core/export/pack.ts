/**
 * Packs a document whose body is mostly text-only paragraphs (plain.ts)
 * without making a docx component tree for each of them.
 *
 * `docx` packs a skeleton: the document with every run of consecutive
 * PlainParagraphs replaced by one marker paragraph, followed by one template
 * paragraph per paragraph shape (properties and run formats), whose run
 * texts are markers. In its `word/document.xml` each group marker is then
 * replaced by the group's paragraphs, written from their shape's template
 * with the text escaped as `docx` escapes it, and the template section is
 * cut out. So every byte of XML still comes from `docx` except the text.
 * The package is unzipped; `finishPackage` zips it with fflate, the library
 * `docx` zips with, in the same file order.
 *
 * Returns undefined when a marker is not found exactly where expected (for
 * example when the document's own text contains one); the caller then packs
 * the full docx tree.
 *
 * `finishPackage` makes either package reproducible: the ids `docx` draws
 * from process-wide counters (heading bookmarks of a table of contents,
 * drawing ids) are numbered from 1 in document order, and every zip entry
 * carries the export's date instead of the current time.
 */
import { Paragraph, Packer, TextRun, type FileChild, type Document } from 'docx';
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import type { FontDeclaration } from './fonts.js';
import { fixPackage } from './package-fixes.js';
import { PlainParagraph } from './plain.js';

/** Marker delimiter: a private-use character never written by docx and checked for collisions. */
const M = '\uE000';

type Override = { path: string; data: string };

/** Text escaped as docx escapes element text (src/util/xml/stringify.ts `escapeAll`). */
const ESCAPES: Record<string, string> = { '&': '&amp;', '"': '&quot;', "'": '&apos;', '<': '&lt;', '>': '&gt;' };
const ESCAPED = /[&"'<>\x00-\x08\x0B\x0C\x0E-\x1F]/g;
function escapeText(text: string): string {
  return text.replace(ESCAPED, (character) => ESCAPES[character] ?? '');
}

function marker(text: string): Paragraph {
  return new Paragraph({ children: [new TextRun(`${M}${text}${M}`)] });
}

/** The XML of a docx-written marker paragraph, learnt from the first one: `<w:p>…TEXT…</w:p>`. */
function markerForm(xml: string, text: string): { before: string; after: string } | undefined {
  const needle = `${M}${text}${M}`;
  const at = xml.indexOf(needle);
  if (at === -1) return undefined;
  const start = xml.lastIndexOf('<w:p>', at);
  const end = xml.indexOf('</w:p>', at);
  if (start === -1 || end === -1) return undefined;
  return { before: xml.slice(start, at), after: xml.slice(at + needle.length, end + '</w:p>'.length) };
}

/** The files of a package by path, in zip order; a part may still be text (the fast body, not encoded yet). */
export type PackageFiles = Record<string, Uint8Array | string>;

export async function packPlain(
  children: ReadonlyArray<FileChild | PlainParagraph>,
  makeDocument: (children: FileChild[]) => Document,
  overrides: readonly Override[],
): Promise<PackageFiles | undefined> {
  // Skeleton body: group markers in place of runs of plain paragraphs.
  const skeleton: FileChild[] = [];
  const groups: PlainParagraph[][] = [];
  const shapes = new Map<string, { index: number; example: PlainParagraph }>();
  const shapeOf: number[][] = [];
  let current: PlainParagraph[] | undefined;
  let currentShapes: number[] = [];
  for (const child of children) {
    if (!(child instanceof PlainParagraph)) {
      current = undefined;
      skeleton.push(child);
      continue;
    }
    if (!current) {
      current = [];
      currentShapes = [];
      groups.push(current);
      shapeOf.push(currentShapes);
      skeleton.push(marker(`G${groups.length - 1}`));
    }
    const key = child.shape();
    let shape = shapes.get(key);
    if (!shape) {
      shape = { index: shapes.size, example: child };
      shapes.set(key, shape);
    }
    current.push(child);
    currentShapes.push(shape.index);
  }
  if (groups.length === 0) return undefined;

  // Templates: one paragraph per shape, each after its own marker, between BEGIN and END.
  skeleton.push(marker('BEGIN'));
  for (const { index, example } of shapes.values()) {
    skeleton.push(marker(`S${index}`));
    skeleton.push(
      new Paragraph({
        ...example.properties,
        children: example.runs.map((run, position) => new TextRun(run.text === undefined ? run : { ...run, text: `${M}T${position}${M}` })),
      }),
    );
  }
  skeleton.push(marker('END'));

  const packed = await Packer.pack(makeDocument(skeleton), 'uint8array', false, overrides);
  const files: PackageFiles = unzipSync(packed);
  const documentXml = files['word/document.xml'];
  if (!(documentXml instanceof Uint8Array)) return undefined;
  const xml = strFromU8(documentXml);
  const form = markerForm(xml, 'BEGIN');
  if (!form) return undefined;
  const markerXml = (text: string) => `${form.before}${M}${text}${M}${form.after}`;
  // Every marker character must belong to a marker we placed.
  const expected = groups.length + shapes.size + 2 + [...shapes.values()].reduce((sum, { example }) => sum + example.runs.filter((run) => run.text !== undefined).length, 0);
  if (xml.split(M).length - 1 !== 2 * expected) return undefined;

  // Cut the template section out and split each template at its text markers.
  const begin = xml.indexOf(markerXml('BEGIN'));
  const endMarker = markerXml('END');
  const end = xml.indexOf(endMarker, begin);
  if (begin === -1 || end === -1) return undefined;
  const templates: string[][] = [];
  for (const { index, example } of shapes.values()) {
    const open = markerXml(`S${index}`);
    const start = xml.indexOf(open, begin);
    const next = index + 1 < shapes.size ? xml.indexOf(markerXml(`S${index + 1}`), start) : end;
    if (start === -1 || next === -1) return undefined;
    const template = xml.slice(start + open.length, next);
    const parts: string[] = [];
    let from = 0;
    for (let position = 0; position < example.runs.length; position++) {
      if (example.runs[position]!.text === undefined) continue;
      const needle = `${M}T${position}${M}`;
      const at = template.indexOf(needle, from);
      if (at === -1) return undefined;
      parts.push(template.slice(from, at));
      from = at + needle.length;
    }
    parts.push(template.slice(from));
    templates[index] = parts;
  }

  // Body: skeleton XML with each group marker replaced by its paragraphs.
  const body = xml.slice(0, begin) + xml.slice(end + endMarker.length);
  const out: string[] = [];
  let from = 0;
  for (let group = 0; group < groups.length; group++) {
    const open = markerXml(`G${group}`);
    const at = body.indexOf(open, from);
    if (at === -1) return undefined;
    out.push(body.slice(from, at));
    const paragraphs = groups[group]!;
    const indexes = shapeOf[group]!;
    for (let item = 0; item < paragraphs.length; item++) {
      const parts = templates[indexes[item]!]!;
      out.push(parts[0]!);
      let part = 1;
      for (const run of paragraphs[item]!.runs) {
        if (run.text === undefined) continue;
        out.push(escapeText(run.text), parts[part++]!);
      }
    }
    from = at + open.length;
  }
  out.push(body.slice(from));
  // Left as text: finishPackage looks for ids in it without decoding megabytes again.
  files['word/document.xml'] = out.join('');
  return files;
}

/** The files of a package `docx` packed (the full path). */
export async function packFull(document: Document, overrides: readonly Override[]): Promise<PackageFiles> {
  return unzipSync(await Packer.pack(document, 'uint8array', false, overrides));
}

/**
 * Renumbers the ids `docx` takes from process-wide counters, so they depend
 * on this document only: bookmarks (`w:id`, and the `_Toc<n>` names, TOC
 * hyperlink anchors and PAGEREF fields that carry the same number) and
 * drawing ids (`wp:docPr`, unique per package) are numbered from 1 in
 * the order they appear, parts in zip order.
 */
export function renumberIds(files: PackageFiles): void {
  const parts = Object.keys(files).filter((name) => /^word\/[^/]+\.xml$/.test(name));
  const texts = new Map<string, string>();
  for (const name of parts) {
    const part = files[name]!;
    const xml = typeof part === 'string' ? part : strFromU8(part);
    if (xml.includes('<w:bookmarkStart') || xml.includes('<wp:docPr')) texts.set(name, xml);
  }
  if (texts.size === 0) return;
  const bookmarks = new Map<string, string>();
  for (const xml of texts.values()) {
    for (const tag of xml.match(/<w:bookmarkStart\b[^>]*>/g) ?? []) {
      const id = /\sw:id="(\d+)"/.exec(tag)?.[1];
      if (id !== undefined && !bookmarks.has(id)) bookmarks.set(id, String(bookmarks.size + 1));
    }
  }
  const mapped = (id: string) => bookmarks.get(id) ?? id;
  let drawing = 0;
  for (const [name, xml] of texts) {
    const renumbered = xml
      .replace(/<w:bookmark(?:Start|End)\b[^>]*>/g, (tag) =>
        tag.replace(/(\sw:id=")(\d+)"/, (_m, head: string, id: string) => `${head}${mapped(id)}"`).replace(/(\sw:name="_Toc)(\d+)"/, (_m, head: string, id: string) => `${head}${mapped(id)}"`),
      )
      .replace(/(<w:hyperlink\b[^>]*\sw:anchor="_Toc)(\d+)"/g, (_m, head: string, id: string) => `${head}${mapped(id)}"`)
      .replace(/(<w:instrText\b[^>]*>[^<]*\bPAGEREF _Toc)(\d+)\b/g, (_m, head: string, id: string) => `${head}${mapped(id)}`)
      .replace(/(<wp:docPr\b[^>]*?\sid=")(\d+)"/g, (_m, head: string) => `${head}${++drawing}"`);
    files[name] = renumbered;
  }
}

/** MS-DOS date and time (local fields, as zip stores them) of a date's UTC fields, clamped to 1980-2107. */
function dosDateTime(date: Date): { time: number; date: number } {
  const stamp = Math.min(Math.max(date.getTime(), Date.UTC(1980, 0, 1)), Date.UTC(2107, 11, 31, 23, 59, 58));
  const utc = new Date(Number.isNaN(stamp) ? Date.UTC(1980, 0, 1) : stamp);
  return {
    time: (utc.getUTCHours() << 11) | (utc.getUTCMinutes() << 5) | (utc.getUTCSeconds() >> 1),
    date: ((utc.getUTCFullYear() - 1980) << 9) | ((utc.getUTCMonth() + 1) << 5) | utc.getUTCDate(),
  };
}

/**
 * Writes one modification time into every entry of a zip fflate made (local
 * headers and central directory). fflate turns a Date into local-time
 * fields, so its own `mtime` option would depend on the time zone.
 */
function stampZip(zip: Uint8Array, when: Date): void {
  const { time, date } = dosDateTime(when);
  const view = new DataView(zip.buffer, zip.byteOffset, zip.byteLength);
  const end = zip.length - 22;
  if (end < 0 || view.getUint32(end, true) !== 0x06054b50) throw new Error('zip: no end of central directory');
  const count = view.getUint16(end + 10, true);
  let at = view.getUint32(end + 16, true);
  for (let entry = 0; entry < count; entry++) {
    if (view.getUint32(at, true) !== 0x02014b50) throw new Error('zip: bad central directory');
    view.setUint16(at + 12, time, true);
    view.setUint16(at + 14, date, true);
    const local = view.getUint32(at + 42, true);
    if (view.getUint32(local, true) !== 0x04034b50) throw new Error('zip: bad local header');
    view.setUint16(local + 10, time, true);
    view.setUint16(local + 12, date, true);
    at += 46 + view.getUint16(at + 28, true) + view.getUint16(at + 30, true) + view.getUint16(at + 32, true);
  }
}

/**
 * The .docx bytes of a package: schema fixes and the font table (package-fixes.ts),
 * ids renumbered, zipped in file order, every entry dated `date`.
 */
export function finishPackage(files: PackageFiles, date: Date, fonts: readonly FontDeclaration[] = []): Uint8Array {
  fixPackage(files, fonts);
  renumberIds(files);
  const bytes: Record<string, Uint8Array> = {};
  for (const [name, part] of Object.entries(files)) bytes[name] = typeof part === 'string' ? strToU8(part) : part;
  // Level 6, as docx zips: the same bytes Packer would give. Deflating the body is now most of the
  // export (seeds ×100: 7.4 MB of XML, ~330 ms); level 1 takes ~200 ms but makes the file ~11% larger.
  const zip = zipSync(bytes);
  stampZip(zip, date);
  return zip;
}
