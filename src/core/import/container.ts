/**
 * The package around a Word document: a ZIP (OOXML) is opened with fflate;
 * an OLE compound file (Word 97–2003 .doc, WPS .wps, or an encrypted .docx)
 * and anything else is refused with a one-line reason.
 */
import { unzipSync } from 'fflate';
import type { Lang } from '../types.js';

export type ImportErrorCode = 'doc' | 'wps' | 'encrypted' | 'macros' | 'not-docx' | 'corrupt' | 'too-large';

/** A file the importer cannot read, with the reason in one line (no file name: the adapter adds it). */
export class DocxImportError extends Error {
  constructor(
    readonly code: ImportErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'DocxImportError';
  }
}

const MESSAGES: Record<ImportErrorCode, Record<Lang, string>> = {
  doc: {
    'zh-CN': '这是 Word 97–2003 文档（.doc），无法直接导入：请在 Word 或 WPS 中另存为 .docx 后再导入',
    en: 'is a Word 97–2003 document (.doc), which cannot be imported: save it as .docx in Word or WPS first',
  },
  wps: {
    'zh-CN': '这是 WPS 文字文档（.wps），无法直接导入：请在 WPS 中另存为 .docx 后再导入',
    en: 'is a WPS Writer document (.wps), which cannot be imported: save it as .docx in WPS first',
  },
  encrypted: {
    'zh-CN': '文档有密码保护（已加密），无法导入：请在 Word 中取消密码后另存为 .docx',
    en: 'is password-protected (encrypted), which cannot be imported: remove the password in Word and save it again',
  },
  macros: {
    'zh-CN': '文档含宏（.docm），出于安全考虑不导入：请在 Word 中另存为不含宏的 .docx',
    en: 'contains macros (.docm) and is not imported for safety: save it as a macro-free .docx in Word first',
  },
  'not-docx': {
    'zh-CN': '不是 Word 文档（.docx）',
    en: 'is not a Word document (.docx)',
  },
  corrupt: {
    'zh-CN': 'Word 文档已损坏，无法读取',
    en: 'is a damaged Word document and cannot be read',
  },
  'too-large': {
    'zh-CN': '文档解压后过大（超过 256 MB），未导入',
    en: 'unpacks to more than 256 MB and is not imported',
  },
};

export function importError(code: ImportErrorCode, lang: Lang, detail?: string): DocxImportError {
  return new DocxImportError(code, MESSAGES[code][lang] + (detail ? `: ${detail}` : ''));
}

const OLE_MAGIC = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
const MAX_UNPACKED = 256 * 1024 * 1024;

/** Whether the bytes contain this ASCII name as UTF-16LE (an OLE directory entry name). */
function containsUtf16(bytes: Uint8Array, name: string): boolean {
  const first = name.charCodeAt(0);
  outer: for (let index = 0; index + name.length * 2 <= bytes.length; index++) {
    if (bytes[index] !== first || bytes[index + 1] !== 0) continue;
    for (let offset = 1; offset < name.length; offset++) {
      if (bytes[index + offset * 2] !== name.charCodeAt(offset) || bytes[index + offset * 2 + 1] !== 0) continue outer;
    }
    return true;
  }
  return false;
}

/** The XML parts and relationships of a .docx by path, every entry's name, and a reader for media files. */
export type DocxPackage = { files: Map<string, Uint8Array>; names: string[]; media: (paths: ReadonlySet<string>) => Map<string, Uint8Array> };

/** Opens a .docx; throws DocxImportError for .doc, .wps, encrypted files, macros and non-Word files. */
export function openPackage(bytes: Uint8Array, fileName: string | undefined, lang: Lang): DocxPackage {
  if (bytes.length >= 8 && OLE_MAGIC.every((value, index) => bytes[index] === value)) {
    if (containsUtf16(bytes, 'EncryptedPackage') || containsUtf16(bytes, 'EncryptionInfo')) throw importError('encrypted', lang);
    if (fileName !== undefined && /\.wps$/i.test(fileName)) throw importError('wps', lang);
    throw importError('doc', lang);
  }
  if (bytes.length < 4 || bytes[0] !== 0x50 || bytes[1] !== 0x4b) throw importError('not-docx', lang);
  const names: string[] = [];
  let total = 0;
  let files: Record<string, Uint8Array>;
  try {
    files = unzipSync(bytes, {
      filter: (file) => {
        names.push(file.name);
        // XML parts only here: media are inflated later, only those the text references.
        const wanted = file.name === '[Content_Types].xml' || file.name.endsWith('.rels') || (file.name.startsWith('word/') && file.name.endsWith('.xml'));
        if (!wanted) return false;
        total += file.originalSize;
        if (total > MAX_UNPACKED) throw importError('too-large', lang);
        return true;
      },
    });
  } catch (error) {
    if (error instanceof DocxImportError) throw error;
    throw importError('corrupt', lang, (error as Error).message);
  }
  const media = (paths: ReadonlySet<string>): Map<string, Uint8Array> => {
    if (paths.size === 0) return new Map();
    let size = total;
    try {
      return new Map(
        Object.entries(
          unzipSync(bytes, {
            filter: (file) => {
              if (!paths.has(file.name)) return false;
              size += file.originalSize;
              if (size > MAX_UNPACKED) throw importError('too-large', lang);
              return true;
            },
          }),
        ),
      );
    } catch (error) {
      if (error instanceof DocxImportError) throw error;
      throw importError('corrupt', lang, (error as Error).message);
    }
  };
  return { files: new Map(Object.entries(files)), names, media };
}
