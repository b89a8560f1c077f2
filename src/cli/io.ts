/** File input/output for the CLI: encoding detection (UTF-8 ± BOM, GB18030) and atomic writes. */
import { randomBytes } from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';
import iconv from 'iconv-lite';

export type Encoding = 'utf-8' | 'gb18030';

/** A decoded document and what is needed to write it back byte-compatibly. */
export type LoadedDocument = { path: string; text: string; encoding: Encoding; bom: boolean };

/** An error the CLI prints as one line and exits 2 on. */
export class CliError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'CliError';
  }
}

const MAX_BYTES = 64 * 1024 * 1024;

/** Describes a Node file-system error in one short phrase. */
export function describeFsError(error: unknown, lang: 'zh-CN' | 'en'): string {
  const code = (error as NodeJS.ErrnoException).code;
  const zh = lang === 'zh-CN';
  switch (code) {
    case 'ENOENT':
      return zh ? '文件不存在' : 'no such file or directory';
    case 'EACCES':
    case 'EPERM':
      return zh ? '没有权限（或文件被其他程序占用）' : 'permission denied (or the file is locked by another program)';
    case 'EBUSY':
      return zh ? '文件被其他程序占用' : 'the file is locked by another program';
    case 'EISDIR':
      return zh ? '这是一个文件夹' : 'is a folder';
    case 'ENOTDIR':
      return zh ? '路径中有一部分不是文件夹' : 'a part of the path is not a folder';
    case 'EROFS':
      return zh ? '只读文件系统' : 'read-only file system';
    case 'ENOSPC':
      return zh ? '磁盘已满' : 'no space left on device';
    default:
      return (error as Error).message ?? String(error);
  }
}

/** Reads and decodes a report file. Throws CliError naming the file. */
export function readDocument(filePath: string, lang: 'zh-CN' | 'en' = 'en'): LoadedDocument {
  const zh = lang === 'zh-CN';
  let bytes: Buffer;
  try {
    const stat = fs.statSync(filePath);
    if (stat.isDirectory()) throw Object.assign(new Error('is a directory'), { code: 'EISDIR' });
    if (stat.size > MAX_BYTES) {
      throw new CliError(`${filePath}: ${zh ? `文件过大（${stat.size} 字节，上限 ${MAX_BYTES}）` : `file too large (${stat.size} bytes, limit ${MAX_BYTES})`}`);
    }
    bytes = fs.readFileSync(filePath);
  } catch (error) {
    if (error instanceof CliError) throw error;
    throw new CliError(`${filePath}: ${describeFsError(error, lang)}`);
  }
  return decodeDocument(filePath, bytes, lang);
}

/** Decodes bytes as UTF-8 (with or without BOM) or GB18030; rejects binary data. */
export function decodeDocument(filePath: string, bytes: Uint8Array, lang: 'zh-CN' | 'en' = 'en'): LoadedDocument {
  const zh = lang === 'zh-CN';
  if (bytes.length >= 2 && ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff))) {
    throw new CliError(`${filePath}: ${zh ? 'UTF-16 编码（记事本“Unicode”）暂不支持，请另存为 UTF-8' : 'UTF-16 text (Notepad "Unicode") is not supported; save it as UTF-8'}`);
  }
  const probe = bytes.subarray(0, 8192);
  if (probe.includes(0)) {
    throw new CliError(`${filePath}: ${zh ? '看起来是二进制文件（含 NUL 字节），不是文本报告' : 'looks like a binary file (contains NUL bytes), not a text report'}`);
  }
  const bom = bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf;
  const body = bom ? bytes.subarray(3) : bytes;
  try {
    const text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(body);
    if (text.includes('\u0000')) throw new CliError(nulMessage(filePath, zh));
    return { path: filePath, text, encoding: 'utf-8', bom };
  } catch (error) {
    if (error instanceof CliError) throw error;
  }
  const text = iconv.decode(Buffer.from(body), 'gb18030');
  if (text.includes('\uFFFD') || text.includes('\u0000')) {
    throw new CliError(`${filePath}: ${zh ? '编码无法识别：既不是 UTF-8 也不是 GB18030/GBK 文本' : 'unrecognised encoding: neither UTF-8 nor GB18030/GBK text'}`);
  }
  return { path: filePath, text, encoding: 'gb18030', bom: false };
}

function nulMessage(filePath: string, zh: boolean): string {
  return `${filePath}: ${zh ? '文件含 NUL 字节，不是文本报告' : 'contains NUL bytes, not a text report'}`;
}

/** Encodes text back in the document's original encoding and BOM. */
export function encodeDocument(document: LoadedDocument, text: string): Buffer {
  if (document.encoding === 'gb18030') return iconv.encode(text, 'gb18030');
  const body = Buffer.from(text, 'utf8');
  return document.bom ? Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), body]) : body;
}

/**
 * Writes a file atomically: a temporary file in the same folder, then a rename
 * (or, without `overwrite`, a hard link that fails if the target exists).
 * Nothing half-written is ever left at `target`.
 */
export function writeFileAtomic(target: string, data: Uint8Array, options: { overwrite: boolean; lang?: 'zh-CN' | 'en' }): void {
  const lang = options.lang ?? 'en';
  const zh = lang === 'zh-CN';
  // Write through a symbolic link to the file it points at (a rename would replace the link itself).
  try {
    target = fs.realpathSync(target);
  } catch {
    // The target does not exist yet.
  }
  const directory = path.dirname(path.resolve(target));
  let existing: fs.Stats | undefined;
  try {
    existing = fs.statSync(target);
  } catch {
    existing = undefined;
  }
  if (existing?.isDirectory()) throw new CliError(`${target}: ${zh ? '输出路径是一个文件夹' : 'the output path is a folder'}`);
  if (existing && !options.overwrite) {
    throw new CliError(`${target}: ${zh ? '文件已存在（使用 --force 覆盖）' : 'already exists (use --force to overwrite)'}`);
  }
  const temporary = path.join(directory, `.${path.basename(target)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`);
  try {
    const descriptor = fs.openSync(temporary, 'wx', existing ? existing.mode & 0o777 : 0o644);
    try {
      fs.writeFileSync(descriptor, data);
      fs.fsyncSync(descriptor);
    } finally {
      fs.closeSync(descriptor);
    }
  } catch (error) {
    try {
      fs.unlinkSync(temporary);
    } catch {
      // Nothing was created.
    }
    throw new CliError(`${target}: ${zh ? '无法写入' : 'cannot write'}: ${describeFsError(error, lang)}`);
  }
  try {
    if (options.overwrite) {
      fs.renameSync(temporary, target);
    } else {
      fs.linkSync(temporary, target);
      fs.unlinkSync(temporary);
    }
  } catch (error) {
    try {
      fs.unlinkSync(temporary);
    } catch {
      // The temporary file is already gone.
    }
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'EEXIST') throw new CliError(`${target}: ${zh ? '文件已存在（使用 --force 覆盖）' : 'already exists (use --force to overwrite)'}`);
    throw new CliError(`${target}: ${zh ? '无法写入' : 'cannot write'}: ${describeFsError(error, lang)}`);
  }
}

const REPORT_EXTENSIONS = ['.report.md', '.md', '.txt'];
const SKIPPED_FOLDERS = new Set(['node_modules', '.git', 'dist', 'out']);

/** Expands folders into the report files under them (*.report.md, *.md, *.txt), sorted; files are kept as given. */
export function collectFiles(paths: readonly string[], lang: 'zh-CN' | 'en'): { files: string[]; errors: string[] } {
  const files: string[] = [];
  const errors: string[] = [];
  const walk = (folder: string): void => {
    let entries: fs.Dirent[];
    try {
      entries = fs.readdirSync(folder, { withFileTypes: true });
    } catch (error) {
      errors.push(`${folder}: ${describeFsError(error, lang)}`);
      return;
    }
    entries.sort((left, right) => (left.name < right.name ? -1 : left.name > right.name ? 1 : 0));
    for (const entry of entries) {
      const full = path.join(folder, entry.name);
      if (entry.isDirectory()) {
        if (!SKIPPED_FOLDERS.has(entry.name) && !entry.name.startsWith('.')) walk(full);
      } else if (entry.isFile() && REPORT_EXTENSIONS.some((extension) => entry.name.endsWith(extension))) {
        files.push(full);
      }
    }
  };
  for (const given of paths) {
    let stat: fs.Stats;
    try {
      stat = fs.statSync(given);
    } catch (error) {
      errors.push(`${given}: ${describeFsError(error, lang)}`);
      continue;
    }
    if (stat.isDirectory()) {
      const before = files.length;
      walk(given);
      if (files.length === before) {
        errors.push(`${given}: ${lang === 'zh-CN' ? '文件夹中没有报告文件（*.report.md、*.md、*.txt）' : 'no report files (*.report.md, *.md, *.txt) in this folder'}`);
      }
    } else files.push(given);
  }
  return { files, errors };
}
