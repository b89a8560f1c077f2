/**
 * Text decoding shared by the CLI (reports and `.reportmdrc.json`) and the
 * extension (`.reportmdrc.json`): UTF-8 with or without a BOM, UTF-16 with a
 * BOM, or GB18030/GBK when the bytes are not valid UTF-8; UTF-32 and binary
 * data are refused. Pure: it uses only the `TextDecoder` every JavaScript
 * host has (Node, browsers, workers).
 */
import type { Lang } from './types.js';

export type TextEncodingName = 'utf-8' | 'gb18030' | 'utf-16le' | 'utf-16be';

export type DecodedText = { text: string; encoding: TextEncodingName; bom: boolean };

/** Why bytes could not be read as text. */
export type DecodeProblem = 'utf-32' | 'utf-16' | 'nul' | 'binary' | 'encoding';

/** Bytes that are not a text this tool reads; the message (localized, one line) does not name the file. */
export class DecodeError extends Error {
  constructor(
    readonly problem: DecodeProblem,
    message: string,
  ) {
    super(message);
    this.name = 'DecodeError';
  }
}

/** A decoder for bytes that are not valid UTF-8 (GB18030); returns undefined when they are not valid GB18030 either. */
export type LegacyDecoder = (bytes: Uint8Array) => string | undefined;

type TextDecoderLike = { decode(input: Uint8Array): string };
type TextDecoderConstructor = new (label: string, options?: { fatal?: boolean; ignoreBOM?: boolean }) => TextDecoderLike;

function textDecoder(label: string): TextDecoderLike | undefined {
  // The core is type-checked without DOM or Node types; every host it runs in has TextDecoder.
  const Decoder = (globalThis as unknown as { TextDecoder?: TextDecoderConstructor }).TextDecoder;
  try {
    return Decoder ? new Decoder(label, { fatal: true, ignoreBOM: true }) : undefined;
  } catch {
    return undefined; // A host without this encoding (a Node built without full ICU).
  }
}

/** GB18030 through the host's TextDecoder (WHATWG gb18030); undefined when invalid or unsupported. */
export const gb18030ByTextDecoder: LegacyDecoder = (bytes) => {
  const decoder = textDecoder('gb18030');
  if (!decoder) return undefined;
  try {
    return decoder.decode(bytes);
  } catch {
    return undefined;
  }
};

const MESSAGES: Record<DecodeProblem, Record<Lang, string>> = {
  'utf-32': { 'zh-CN': 'UTF-32 编码不受支持，请另存为 UTF-8', en: 'UTF-32 text is not supported; save it as UTF-8' },
  'utf-16': { 'zh-CN': 'UTF-16 编码有误（字节数为奇数或代理项不成对）', en: 'invalid UTF-16 text (odd number of bytes or an unpaired surrogate)' },
  nul: { 'zh-CN': '文件含 NUL 字节，不是文本', en: 'contains NUL bytes, not text' },
  binary: { 'zh-CN': '看起来是二进制文件（含 NUL 字节），不是文本', en: 'looks like a binary file (contains NUL bytes), not text' },
  encoding: { 'zh-CN': '编码无法识别：既不是 UTF-8 也不是 GB18030/GBK 文本', en: 'unrecognised encoding: neither UTF-8 nor GB18030/GBK text' },
};

function fail(problem: DecodeProblem, lang: Lang): DecodeError {
  return new DecodeError(problem, MESSAGES[problem][lang]);
}

/**
 * Decodes a text file's bytes: UTF-16 by its BOM, else UTF-8 (± BOM), else
 * GB18030 through `legacy` (the host's TextDecoder unless given). Throws
 * DecodeError for UTF-32, invalid UTF-16, NUL bytes and undecodable bytes.
 */
export function decodeText(bytes: Uint8Array, lang: Lang = 'en', legacy: LegacyDecoder = gb18030ByTextDecoder): DecodedText {
  const b = (index: number): number | undefined => bytes[index];
  if (bytes.length >= 4 && ((b(0) === 0xff && b(1) === 0xfe && b(2) === 0 && b(3) === 0) || (b(0) === 0 && b(1) === 0 && b(2) === 0xfe && b(3) === 0xff))) {
    throw fail('utf-32', lang);
  }
  if (bytes.length >= 2 && ((b(0) === 0xff && b(1) === 0xfe) || (b(0) === 0xfe && b(1) === 0xff))) {
    // UTF-16 with a byte-order mark (Notepad's “Unicode” / “Unicode big endian”): unambiguous.
    const encoding = b(0) === 0xff ? 'utf-16le' : 'utf-16be';
    const decoder = textDecoder(encoding);
    let text: string;
    try {
      // Fatal: an odd byte count or an unpaired surrogate throws.
      text = decoder!.decode(bytes.subarray(2));
    } catch {
      throw fail('utf-16', lang);
    }
    if (text.includes('\u0000')) throw fail('nul', lang);
    return { text, encoding, bom: true };
  }
  if (bytes.subarray(0, 8192).includes(0)) throw fail('binary', lang);
  const bom = bytes.length >= 3 && b(0) === 0xef && b(1) === 0xbb && b(2) === 0xbf;
  const body = bom ? bytes.subarray(3) : bytes;
  let text: string | undefined;
  try {
    text = textDecoder('utf-8')!.decode(body);
  } catch {
    text = undefined;
  }
  if (text !== undefined) {
    if (text.includes('\u0000')) throw fail('nul', lang);
    return { text, encoding: 'utf-8', bom };
  }
  const legacyText = legacy(body);
  if (legacyText === undefined || legacyText.includes('\uFFFD') || legacyText.includes('\u0000')) throw fail('encoding', lang);
  return { text: legacyText, encoding: 'gb18030', bom: false };
}
