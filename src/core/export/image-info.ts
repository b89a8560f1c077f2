/**
 * Images: which files the exporter may read, and what they really are.
 *
 * `resolveImagePath` decides from an image URL as written in the Markdown
 * whether it names a file inside the image folder (by default the
 * document's folder and below) and gives its path relative to the
 * document's folder; remote URLs, other schemes and paths that lead out of
 * the folder (`../..`, absolute paths, `file:` URLs elsewhere) are refused
 * before any file is touched. Plain string work on `/` and `\` paths (POSIX,
 * Windows drives, UNC): no Node built-ins.
 *
 * `readImageInfo` checks that bytes are a well-formed PNG, JPEG, GIF or BMP
 * (the formats `docx` embeds without a fallback), not just that they start
 * like one, and reads the pixel size, so the exporter can size the picture
 * without a decoder.
 */

export type ImageFormat = 'png' | 'jpg' | 'gif' | 'bmp';

export type ImageInfo = {
  data: Uint8Array;
  type: ImageFormat;
  /** Pixel size as stored in the file. */
  width: number;
  height: number;
};

/** Largest width or height accepted (PNG's own limit, 2^31 - 1). */
const MAX_DIMENSION = 0x7fffffff;

// --- byte reads ---------------------------------------------------------

/** Big-endian 16-bit read. */
function u16be(bytes: Uint8Array, at: number): number {
  return (bytes[at]! << 8) | bytes[at + 1]!;
}

/** Little-endian 16-bit read. */
function u16le(bytes: Uint8Array, at: number): number {
  return bytes[at]! | (bytes[at + 1]! << 8);
}

/** Big-endian unsigned 32-bit read. */
function u32be(bytes: Uint8Array, at: number): number {
  return ((bytes[at]! << 24) >>> 0) + ((bytes[at + 1]! << 16) | (bytes[at + 2]! << 8) | bytes[at + 3]!);
}

/** Little-endian unsigned 32-bit read. */
function u32le(bytes: Uint8Array, at: number): number {
  return (bytes[at]! | (bytes[at + 1]! << 8) | (bytes[at + 2]! << 16)) + ((bytes[at + 3]! << 24) >>> 0);
}

/** Little-endian signed 32-bit read. */
function i32le(bytes: Uint8Array, at: number): number {
  return bytes[at]! | (bytes[at + 1]! << 8) | (bytes[at + 2]! << 16) | (bytes[at + 3]! << 24);
}

type Size = { width: number; height: number };

// --- PNG ----------------------------------------------------------------

const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];

let crcTable: Uint32Array | undefined;

/** CRC-32 (ISO 3309, as PNG uses it) of bytes[from, to). */
function crc32(bytes: Uint8Array, from: number, to: number): number {
  if (!crcTable) {
    crcTable = new Uint32Array(256);
    for (let n = 0; n < 256; n++) {
      let c = n;
      for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
      crcTable[n] = c >>> 0;
    }
  }
  let crc = 0xffffffff;
  for (let index = from; index < to; index++) crc = crcTable[(crc ^ bytes[index]!) & 0xff]! ^ (crc >>> 8);
  return (crc ^ 0xffffffff) >>> 0;
}

/** Bit depths allowed per PNG colour type. */
const PNG_DEPTHS: Record<number, readonly number[]> = { 0: [1, 2, 4, 8, 16], 2: [8, 16], 3: [1, 2, 4, 8], 4: [8, 16], 6: [8, 16] };

/**
 * PNG: signature, IHDR first (13 bytes, valid dimensions, depth/colour type,
 * compression, filter and interlace methods), then well-formed chunks up to
 * IEND with at least one IDAT (and a PLTE before it for palette images);
 * critical chunks' CRCs must match.
 */
function pngSize(bytes: Uint8Array): Size | undefined {
  if (bytes.length < 8 + 25 + 12 + 12 || PNG_SIGNATURE.some((value, index) => bytes[index] !== value)) return undefined;
  let at = 8;
  let size: Size | undefined;
  let colourType = -1;
  let palette = false;
  let data = false;
  for (let index = 0; ; index++) {
    if (at + 12 > bytes.length) return undefined;
    const length = u32be(bytes, at);
    if (length > 0x7fffffff || at + 12 + length > bytes.length) return undefined;
    const type = String.fromCharCode(bytes[at + 4]!, bytes[at + 5]!, bytes[at + 6]!, bytes[at + 7]!);
    if (!/^[A-Za-z]{4}$/.test(type)) return undefined;
    const critical = type.charCodeAt(0) < 0x61;
    if (critical && crc32(bytes, at + 4, at + 8 + length) !== u32be(bytes, at + 8 + length)) return undefined;
    const body = at + 8;
    if (index === 0) {
      if (type !== 'IHDR' || length !== 13) return undefined;
      const width = u32be(bytes, body);
      const height = u32be(bytes, body + 4);
      const depth = bytes[body + 8]!;
      colourType = bytes[body + 9]!;
      if (width === 0 || height === 0 || width > MAX_DIMENSION || height > MAX_DIMENSION) return undefined;
      if (!PNG_DEPTHS[colourType]?.includes(depth)) return undefined;
      if (bytes[body + 10] !== 0 || bytes[body + 11] !== 0 || bytes[body + 12]! > 1) return undefined;
      size = { width, height };
    } else if (type === 'IHDR') {
      return undefined;
    } else if (type === 'PLTE') {
      if (data || length === 0 || length % 3 !== 0 || length > 3 * 256) return undefined;
      palette = true;
    } else if (type === 'IDAT') {
      if (colourType === 3 && !palette) return undefined;
      data = true;
    } else if (type === 'IEND') {
      return data ? size : undefined;
    } else if (critical) {
      // An unknown critical chunk: no reader can display the image.
      return undefined;
    }
    at += 12 + length;
  }
}

// --- JPEG ---------------------------------------------------------------

/**
 * JPEG: SOI, then well-formed marker segments (each length inside the
 * file) up to the first start of scan, with one start-of-frame before it:
 * baseline, extended sequential or progressive Huffman (SOF0-SOF2, what
 * Word and LibreOffice display), 8-bit samples, 1-4 components, a segment
 * length that matches the component count, and a non-zero size.
 */
function jpegSize(bytes: Uint8Array): Size | undefined {
  if (bytes.length < 4 || bytes[0] !== 0xff || bytes[1] !== 0xd8) return undefined;
  let at = 2;
  let size: Size | undefined;
  while (at + 4 <= bytes.length) {
    if (bytes[at] !== 0xff) return undefined;
    const marker = bytes[at + 1]!;
    if (marker === 0xff) {
      // Fill byte before a marker.
      at++;
      continue;
    }
    if (marker === 0x01 || (marker >= 0xd0 && marker <= 0xd7)) {
      at += 2;
      continue;
    }
    if (marker === 0x00 || marker === 0xd8 || marker === 0xd9) return undefined;
    const length = u16be(bytes, at + 2);
    if (length < 2 || at + 2 + length > bytes.length) return undefined;
    const body = at + 4;
    if (marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc) {
      // A start of frame. Only one, and only the kinds readers display.
      if (size || marker > 0xc2) return undefined;
      if (length < 8) return undefined;
      const precision = bytes[body]!;
      const height = u16be(bytes, body + 1);
      const width = u16be(bytes, body + 3);
      const components = bytes[body + 5]!;
      if (precision !== 8 || width === 0 || height === 0 || components < 1 || components > 4 || length !== 8 + 3 * components) return undefined;
      size = { width, height };
    } else if (marker === 0xda) {
      // Start of scan: the frame must be known, and the scan header complete.
      if (!size || length < 6 || length !== 6 + 2 * bytes[body]!) return undefined;
      return at + 2 + length < bytes.length ? size : undefined;
    }
    at += 2 + length;
  }
  return undefined;
}

// --- GIF ----------------------------------------------------------------

/** Skips a chain of data sub-blocks from `at`; the index after its terminator, or -1 when it runs off the end. */
function skipSubBlocks(bytes: Uint8Array, at: number): number {
  while (at < bytes.length) {
    const length = bytes[at]!;
    if (length === 0) return at + 1;
    at += 1 + length;
  }
  return -1;
}

/**
 * GIF: `GIF87a`/`GIF89a`, a non-zero logical screen size, the global colour
 * table inside the file, then extension and image blocks (each image with
 * its descriptor inside the screen, colour table, LZW code size 2-8 and
 * complete data) up to the trailer or the end of the data, with at least one image.
 */
function gifSize(bytes: Uint8Array): Size | undefined {
  if (bytes.length < 13 + 10 + 2) return undefined;
  const signature = String.fromCharCode(...bytes.subarray(0, 6));
  if (signature !== 'GIF87a' && signature !== 'GIF89a') return undefined;
  const width = u16le(bytes, 6);
  const height = u16le(bytes, 8);
  if (width === 0 || height === 0) return undefined;
  const flags = bytes[10]!;
  let at = 13 + (flags & 0x80 ? 3 * (2 << (flags & 7)) : 0);
  let images = 0;
  while (at < bytes.length) {
    const block = bytes[at]!;
    if (block === 0x3b) break;
    if (block === 0x21) {
      if (at + 2 > bytes.length) return undefined;
      at = skipSubBlocks(bytes, at + 2);
      if (at === -1) return undefined;
    } else if (block === 0x2c) {
      if (at + 10 > bytes.length) return undefined;
      const left = u16le(bytes, at + 1);
      const top = u16le(bytes, at + 3);
      const imageWidth = u16le(bytes, at + 5);
      const imageHeight = u16le(bytes, at + 7);
      if (imageWidth === 0 || imageHeight === 0 || left + imageWidth > 0xffff || top + imageHeight > 0xffff) return undefined;
      const local = bytes[at + 9]!;
      at += 10 + (local & 0x80 ? 3 * (2 << (local & 7)) : 0);
      if (at >= bytes.length) return undefined;
      const codeSize = bytes[at]!;
      if (codeSize < 2 || codeSize > 8) return undefined;
      at = skipSubBlocks(bytes, at + 1);
      if (at === -1) return undefined;
      images++;
    } else {
      return undefined;
    }
  }
  return images > 0 ? { width, height } : undefined;
}

// --- BMP ----------------------------------------------------------------

/** DIB header sizes Windows writes: CORE, INFO, V2, V3, OS/2 2.x (64), V4, V5. */
const DIB_SIZES = new Set([12, 40, 52, 56, 64, 108, 124]);

/**
 * BMP: `BM`, a DIB header of a known size, one plane, a valid bit count and
 * compression for it, a non-zero size, and the pixel data (for
 * uncompressed bitmaps, all of its rows) inside the file.
 */
function bmpSize(bytes: Uint8Array): Size | undefined {
  if (bytes.length < 14 + 12 || bytes[0] !== 0x42 || bytes[1] !== 0x4d) return undefined;
  const fileSize = u32le(bytes, 2);
  const offset = u32le(bytes, 10);
  const dib = u32le(bytes, 14);
  if (!DIB_SIZES.has(dib) || 14 + dib > bytes.length) return undefined;
  if (fileSize !== 0 && fileSize < 14 + dib) return undefined;
  let width: number;
  let height: number;
  let planes: number;
  let bits: number;
  let compression = 0;
  if (dib === 12) {
    width = u16le(bytes, 18);
    height = u16le(bytes, 20);
    planes = u16le(bytes, 22);
    bits = u16le(bytes, 24);
    if (![1, 4, 8, 24].includes(bits)) return undefined;
  } else {
    width = i32le(bytes, 18);
    height = i32le(bytes, 22);
    planes = u16le(bytes, 26);
    bits = u16le(bytes, 28);
    compression = u32le(bytes, 30);
    if (![1, 4, 8, 16, 24, 32].includes(bits)) return undefined;
    // BI_RGB, BI_RLE8 (8-bit), BI_RLE4 (4-bit), BI_BITFIELDS / BI_ALPHABITFIELDS (16/32-bit).
    const allowed = compression === 0 || (compression === 1 && bits === 8) || (compression === 2 && bits === 4) || ((compression === 3 || compression === 6) && (bits === 16 || bits === 32));
    if (!allowed) return undefined;
    // Top-down bitmaps (negative height) cannot be compressed.
    if (height < 0 && compression !== 0 && compression !== 3 && compression !== 6) return undefined;
  }
  if (planes !== 1 || width <= 0 || height === 0 || height === -0x80000000) return undefined;
  const rows = Math.abs(height);
  if (offset < 14 + dib || offset >= bytes.length) return undefined;
  if (compression === 0 || compression === 3 || compression === 6) {
    const rowBytes = Math.floor((bits * width + 31) / 32) * 4;
    if (offset + rowBytes * rows > bytes.length) return undefined;
  }
  return { width, height: rows };
}

// --- detection ------------------------------------------------------------

/** Detects the format and size; undefined when the bytes are not a well-formed PNG, JPEG, GIF or BMP. */
export function readImageInfo(data: Uint8Array): ImageInfo | undefined {
  let type: ImageFormat | undefined;
  let size: Size | undefined;
  if (data[0] === 0x89) {
    type = 'png';
    size = pngSize(data);
  } else if (data[0] === 0xff) {
    type = 'jpg';
    size = jpegSize(data);
  } else if (data[0] === 0x47) {
    type = 'gif';
    size = gifSize(data);
  } else if (data[0] === 0x42) {
    type = 'bmp';
    size = bmpSize(data);
  }
  if (!type || !size || size.width <= 0 || size.height <= 0) return undefined;
  return { data, type, width: size.width, height: size.height };
}

/** Scales an image down (never up) to fit a box, in pixels at 96 per inch; integers, at least 1. */
export function fitImage(info: { width: number; height: number }, maxWidth: number, maxHeight: number): { width: number; height: number } {
  const scale = Math.min(1, maxWidth / info.width, maxHeight / info.height);
  return { width: Math.max(1, Math.floor(info.width * scale)), height: Math.max(1, Math.floor(info.height * scale)) };
}

// --- which files may be read ----------------------------------------------

/** A lexical path: its root (`''` relative, `/`, a drive `c:`, a UNC share `//host/share`) and normalized segments. */
type LexicalPath = { root: string; segments: string[] };

/** Splits a path on `/` and `\`; `.` dropped, `..` resolved (never above a root; kept in front of a relative path). */
function parsePath(text: string): LexicalPath {
  let root = '';
  let rest = text;
  const unc = /^[\\/]{2}([^\\/]+)[\\/]+([^\\/]+)/.exec(text);
  const drive = /^([a-z]):(?=[\\/]|$)/i.exec(text);
  if (unc) {
    root = `//${unc[1]!.toLowerCase()}/${unc[2]!.toLowerCase()}`;
    rest = text.slice(unc[0].length);
  } else if (drive) {
    root = `${drive[1]!.toLowerCase()}:`;
    rest = text.slice(2);
  } else if (/^[\\/]/.test(text)) {
    root = '/';
  }
  const segments: string[] = [];
  for (const segment of rest.split(/[\\/]+/)) {
    if (segment === '' || segment === '.') continue;
    if (segment === '..') {
      if (segments.length > 0 && segments[segments.length - 1] !== '..') segments.pop();
      else if (root === '') segments.push('..');
      continue;
    }
    segments.push(segment);
  }
  return { root, segments };
}

/** `base` joined with a relative path (absolute paths stand on their own). */
function joinPath(base: LexicalPath, relative: LexicalPath): LexicalPath {
  if (relative.root !== '') return relative;
  const segments = base.segments.slice();
  for (const segment of relative.segments) {
    if (segment === '..') {
      if (segments.length > 0 && segments[segments.length - 1] !== '..') segments.pop();
      else if (base.root === '') segments.push('..');
    } else segments.push(segment);
  }
  return { root: base.root, segments };
}

/** Windows roots compare without case (drive letters and UNC names are lower-cased already). */
function sameSegment(root: string, a: string, b: string): boolean {
  return root === '/' || root === '' || root === VIRTUAL_ROOT ? a === b : a.toLowerCase() === b.toLowerCase();
}

function isInside(path: LexicalPath, folder: LexicalPath): boolean {
  if (path.root !== folder.root || path.segments.length < folder.segments.length) return false;
  return folder.segments.every((segment, index) => segment !== '..' && sameSegment(folder.root, segment, path.segments[index]!));
}

/** `path` relative to `folder` (same root), `/`-separated. */
function relativePath(path: LexicalPath, folder: LexicalPath): string {
  let common = 0;
  while (common < folder.segments.length && common < path.segments.length && sameSegment(folder.root, folder.segments[common]!, path.segments[common]!)) common++;
  return [...new Array<string>(folder.segments.length - common).fill('..'), ...path.segments.slice(common)].join('/');
}

/**
 * Stand-in for the document's folder when its real path is not known: a
 * root no absolute path has, deep enough that `..` never reaches it.
 */
const VIRTUAL_ROOT = '<document>';
const VIRTUAL_FOLDER: LexicalPath = { root: VIRTUAL_ROOT, segments: Array.from({ length: 64 }, (_, index) => `<${index}>`) };

function isAbsolute(text: string): boolean {
  return /^[\\/]|^[a-z]:/i.test(text);
}

/** Where images may come from: the document's folder (real or stand-in) and the image root folder. */
export type ImagePolicy = { document: LexicalPath; root: LexicalPath };

/**
 * The image policy for an export.
 * @param documentFolder absolute path of the document's folder, when known
 * @param imageRoot folder images may come from: absolute, or relative to the document's folder; default the document's folder
 * @throws RangeError when imageRoot is absolute and documentFolder is not given, or either is not a folder path
 */
export function imagePolicy(documentFolder: string | undefined, imageRoot: string | undefined): ImagePolicy {
  if (documentFolder !== undefined && (documentFolder === '' || !isAbsolute(documentFolder) || documentFolder.includes('\0'))) {
    throw new RangeError(`documentFolder must be an absolute path, got "${documentFolder}"`);
  }
  if (imageRoot !== undefined && (imageRoot.trim() === '' || imageRoot.includes('\0'))) throw new RangeError('imageRoot must name a folder');
  const document = documentFolder !== undefined ? parsePath(documentFolder) : VIRTUAL_FOLDER;
  if (imageRoot === undefined) return { document, root: document };
  if (isAbsolute(imageRoot) && documentFolder === undefined) {
    throw new RangeError(`imageRoot "${imageRoot}" is absolute: documentFolder (the document's own folder) is needed with it`);
  }
  return { document, root: joinPath(document, parsePath(imageRoot)) };
}

/** Why an image URL is not read. */
export type ImageRefusal = 'remote' | 'outside-root';

/**
 * The path to read for an image URL, relative to the document's folder
 * (`/`-separated, percent-decoded, normalized; absolute only when the image
 * root is on another drive than the document), or why it is refused:
 * `remote` for URLs with a scheme other than `file:` (http, data, …) and
 * network paths, `outside-root` for files outside the image root folder.
 */
export function resolveImagePath(url: string, policy: ImagePolicy): { path: string } | { refused: ImageRefusal } {
  let text = url.trim();
  if (text === '') return { refused: 'outside-root' };
  const scheme = /^([a-z][a-z0-9+.-]*):/i.exec(text);
  if (scheme && scheme[1]!.length > 1) {
    if (scheme[1]!.toLowerCase() !== 'file') return { refused: 'remote' };
    // file:///abs/path, file://localhost/abs/path, file:///C:/path, file:/abs/path; other hosts are network shares.
    let rest = text.slice(scheme[0].length);
    if (rest.startsWith('//')) {
      const slash = rest.indexOf('/', 2);
      const host = rest.slice(2, slash === -1 ? rest.length : slash);
      if (host !== '' && host.toLowerCase() !== 'localhost') return { refused: 'remote' };
      rest = slash === -1 ? '/' : rest.slice(slash);
    }
    rest = rest.replace(/[?#].*$/, '');
    text = decodePercent(rest).replace(/^\/([a-z]:)/i, '$1');
  } else {
    // Protocol-relative URLs (//host/x) and UNC paths (\\host\x) name other machines.
    if (/^[\\/]{2}/.test(text)) return { refused: 'remote' };
    text = decodePercent(text);
    // A drive-relative Windows path (C:x) depends on that drive's current folder: never inside a known folder.
    if (/^[a-z]:(?![\\/])/i.test(text)) return { refused: 'outside-root' };
  }
  if (text.includes('\0') || /^[\\/]{2}/.test(text)) return { refused: /^[\\/]{2}/.test(text) ? 'remote' : 'outside-root' };
  const target = joinPath(policy.document, parsePath(text));
  if (target.segments.length === 0 || !isInside(target, policy.root)) return { refused: 'outside-root' };
  // An image root on another drive than the document: only an absolute path can name the file.
  if (target.root !== policy.document.root) return { path: formatPath(target) };
  return { path: relativePath(target, policy.document) };
}

/** An absolute lexical path as text, `/`-separated. */
function formatPath(path: LexicalPath): string {
  const root = path.root === '/' ? '/' : `${path.root}/`;
  return root + path.segments.join('/');
}

/** Percent-decoding of a URL path; the text as written when it is not valid percent-encoding. */
function decodePercent(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}
