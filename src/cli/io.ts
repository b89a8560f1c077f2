/**
 * File input/output for the CLI: reading regular files only (with a size limit),
 * encoding detection (UTF-8 ± BOM, GB18030, UTF-16 with BOM) and atomic writes
 * that never replace anything but a regular file.
 */
import { randomBytes } from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';
import iconv from 'iconv-lite';
import { DecodeError, decodeText, type LegacyDecoder, type TextEncodingName } from '../core/decode.js';

export type Encoding = TextEncodingName;

type Lang = 'zh-CN' | 'en';

/** The file as it was read: what `fix` checks is still there, unchanged, before replacing it. */
export type FileSnapshot = { dev: bigint; ino: bigint; size: bigint; mtimeNs: bigint; bytes: Uint8Array };

/** A decoded document and what is needed to write it back byte-compatibly. */
export type LoadedDocument = { path: string; text: string; encoding: Encoding; bom: boolean; snapshot?: FileSnapshot };

/** An error the CLI prints as one line and exits 2 on. */
export class CliError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'CliError';
  }
}

/** Largest report (and image) the CLI reads: 32 MiB. A real report is well under 1 MiB. */
export const MAX_REPORT_BYTES = 32 * 1024 * 1024;
/** Largest `.reportmdrc.json` the CLI reads: 1 MiB. */
export const MAX_CONFIG_BYTES = 1024 * 1024;

/** Describes a Node file-system error in one short phrase. */
export function describeFsError(error: unknown, lang: Lang): string {
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
    case 'ENXIO':
      return zh ? '不是普通文件（套接字或设备）' : 'not a regular file (a socket or device)';
    case 'ELOOP':
      return zh ? '符号链接循环' : 'too many levels of symbolic links';
    case 'ENAMETOOLONG':
      return zh ? '路径过长' : 'path too long';
    default:
      return oneLine((error as Error)?.message ?? String(error));
  }
}

function oneLine(text: string): string {
  return text.replace(/\s*\n\s*/g, ' ').trim();
}

/** What kind of file a non-regular `stat` is, in one phrase (“is a named pipe (FIFO), not a regular file”). */
export function describeNonRegular(stat: fs.Stats | fs.BigIntStats, lang: Lang): string {
  const zh = lang === 'zh-CN';
  if (stat.isDirectory()) return zh ? '这是一个文件夹' : 'is a folder';
  const kind = stat.isFIFO()
    ? zh ? '命名管道（FIFO）' : 'a named pipe (FIFO)'
    : stat.isSocket()
      ? zh ? '套接字' : 'a socket'
      : stat.isCharacterDevice() || stat.isBlockDevice()
        ? zh ? '设备文件' : 'a device'
        : zh ? '特殊文件' : 'a special file';
  return zh ? `是${kind}，不是普通文件` : `is ${kind}, not a regular file`;
}

function formatSize(bytes: number): string {
  return bytes % (1024 * 1024) === 0 ? `${bytes / (1024 * 1024)} MB` : `${bytes} bytes`;
}

function tooLarge(filePath: string, size: number | undefined, limit: number, zh: boolean): CliError {
  const shown = size === undefined ? '' : zh ? `${size} 字节，` : `${size} bytes, `;
  return new CliError(`${filePath}: ${zh ? `文件过大（${shown}上限 ${formatSize(limit)}）` : `file too large (${shown}limit ${formatSize(limit)})`}`);
}

const O_NONBLOCK = fs.constants.O_NONBLOCK ?? 0;
const O_NOCTTY = fs.constants.O_NOCTTY ?? 0;

/**
 * Reads a regular file (following symbolic links), at most `limit` bytes.
 * Folders, FIFOs, sockets and devices are refused before they are opened (opening a
 * device or a FIFO can block or have side effects) and checked again on the open
 * descriptor; a file that grows past the limit while being read is refused too.
 */
export function readRegularFile(filePath: string, lang: Lang, limit: number = MAX_REPORT_BYTES): { bytes: Buffer; stat: fs.BigIntStats } {
  const zh = lang === 'zh-CN';
  let before: fs.Stats;
  try {
    before = fs.statSync(filePath);
  } catch (error) {
    throw new CliError(`${filePath}: ${describeFsError(error, lang)}`);
  }
  if (!before.isFile()) throw new CliError(`${filePath}: ${describeNonRegular(before, lang)}`);
  if (before.size > limit) throw tooLarge(filePath, before.size, limit, zh);
  let descriptor: number;
  try {
    // O_NONBLOCK: should the path have become a FIFO since the stat, opening it does not hang.
    descriptor = fs.openSync(filePath, fs.constants.O_RDONLY | O_NONBLOCK | O_NOCTTY);
  } catch (error) {
    throw new CliError(`${filePath}: ${describeFsError(error, lang)}`);
  }
  try {
    const stat = fs.fstatSync(descriptor, { bigint: true });
    if (!stat.isFile()) throw new CliError(`${filePath}: ${describeNonRegular(stat, lang)}`);
    if (stat.size > BigInt(limit)) throw tooLarge(filePath, Number(stat.size), limit, zh);
    // Read until end of file, but never more than limit + 1 bytes.
    let buffer = Buffer.allocUnsafe(Math.min(limit + 1, Math.max(Number(stat.size) + 1, 64 * 1024)));
    let length = 0;
    for (;;) {
      if (length === buffer.length) {
        if (buffer.length > limit) throw tooLarge(filePath, undefined, limit, zh);
        const grown = Buffer.allocUnsafe(Math.min(limit + 1, buffer.length * 2));
        buffer.copy(grown, 0, 0, length);
        buffer = grown;
      }
      const read = fs.readSync(descriptor, buffer, length, buffer.length - length, null);
      if (read === 0) break;
      length += read;
    }
    if (length > limit) throw tooLarge(filePath, undefined, limit, zh);
    return { bytes: buffer.subarray(0, length), stat };
  } catch (error) {
    if (error instanceof CliError) throw error;
    throw new CliError(`${filePath}: ${describeFsError(error, lang)}`);
  } finally {
    fs.closeSync(descriptor);
  }
}

/** Reads and decodes a report file (regular files up to 32 MiB). Throws CliError naming the file. */
export function readDocument(filePath: string, lang: Lang = 'en'): LoadedDocument {
  const { bytes, stat } = readRegularFile(filePath, lang, MAX_REPORT_BYTES);
  const document = decodeDocument(filePath, bytes, lang);
  document.snapshot = { dev: stat.dev, ino: stat.ino, size: stat.size, mtimeNs: stat.mtimeNs, bytes };
  return document;
}

/** GB18030 through iconv-lite: the same tables that `encodeDocument` writes back with. */
const gb18030ByIconv: LegacyDecoder = (bytes) => iconv.decode(Buffer.from(bytes), 'gb18030');

/** Decodes bytes as UTF-8 (with or without BOM), UTF-16 with a BOM, or GB18030 (the core's `decodeText`); rejects binary data. */
export function decodeDocument(filePath: string, bytes: Uint8Array, lang: Lang = 'en'): LoadedDocument {
  try {
    return { path: filePath, ...decodeText(bytes, lang, gb18030ByIconv) };
  } catch (error) {
    if (error instanceof DecodeError) throw new CliError(`${filePath}: ${error.message}`);
    throw error;
  }
}

/** Encodes text back in the document's original encoding and BOM. */
export function encodeDocument(document: Pick<LoadedDocument, 'encoding' | 'bom'>, text: string): Buffer {
  switch (document.encoding) {
    case 'gb18030':
      return iconv.encode(text, 'gb18030');
    case 'utf-16le':
      return Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]);
    case 'utf-16be':
      return Buffer.concat([Buffer.from([0xfe, 0xff]), Buffer.from(text, 'utf16le').swap16()]);
    default: {
      const body = Buffer.from(text, 'utf8');
      return document.bom ? Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), body]) : body;
    }
  }
}

/** The owner, group and mode bits of a file, for the permission decision. */
type Ownership = { uid: number; gid: number; mode: number };

/**
 * Whether the current user may change a file, decided from its mode bits and owner as
 * an editor does, not by trying to open it: root bypasses permission bits, yet a file
 * with no write bit at all (0444) is read-only for root too (as in Vim).
 */
export function writableByMode(file: Ownership, user: { uid: number; groups: readonly number[] } | undefined = currentUser()): boolean {
  if (!user) return (file.mode & 0o200) !== 0; // Windows: the read-only attribute clears the write bits.
  if (user.uid === 0) return (file.mode & 0o222) !== 0;
  if (user.uid === file.uid) return (file.mode & 0o200) !== 0;
  if (user.groups.includes(file.gid)) return (file.mode & 0o020) !== 0;
  return (file.mode & 0o002) !== 0;
}

function currentUser(): { uid: number; groups: number[] } | undefined {
  if (typeof process.geteuid !== 'function' || typeof process.getegid !== 'function') return undefined;
  const groups = new Set([process.getegid()]);
  for (const group of process.getgroups?.() ?? []) groups.add(group);
  return { uid: process.geteuid(), groups: [...groups] };
}

export type WriteOptions = {
  overwrite: boolean;
  lang?: Lang;
  /** How to name the file in messages (default: the resolved path). */
  shown?: string;
  /**
   * `fix`: the file as it was read. It is replaced only if it still exists, is
   * writable by its mode bits and owner, and is unchanged (identity, size, mtime and
   * content); its mode and owner are kept, or nothing is written.
   */
  expected?: FileSnapshot;
};

/**
 * Writes a file atomically: a temporary file in the same folder, then a rename
 * (or, without `overwrite`, a hard link that fails if the target exists).
 * Nothing half-written is ever left at `target`, and only a regular file is ever
 * replaced: folders, devices, FIFOs and sockets are refused.
 */
export function writeFileAtomic(target: string, data: Uint8Array, options: WriteOptions): void {
  const lang = options.lang ?? 'en';
  const zh = lang === 'zh-CN';
  // Write through a symbolic link to the file it points at (a rename would replace the link itself).
  try {
    target = fs.realpathSync(target);
  } catch {
    // The target does not exist yet (or a part of its path is not a folder: reported below).
    let link = false;
    try {
      link = fs.lstatSync(target).isSymbolicLink();
    } catch {
      link = false;
    }
    if (link) {
      throw new CliError(`${options.shown ?? target}: ${zh ? '是指向不存在文件的符号链接' : 'is a symbolic link to a missing file'}`);
    }
  }
  const shown = options.shown ?? target;
  const directory = path.dirname(path.resolve(target));
  let existing: fs.BigIntStats | undefined;
  try {
    existing = fs.statSync(target, { bigint: true });
  } catch {
    existing = undefined;
  }
  const expected = options.expected;
  const deleted = () => new CliError(`${shown}: ${zh ? '运行期间文件被删除，未重新创建' : 'was deleted while report-md was running; not re-created'}`);
  if (expected && !existing) throw deleted();
  if (existing?.isDirectory()) throw new CliError(`${shown}: ${zh ? '输出路径是一个文件夹' : 'the output path is a folder'}`);
  if (existing && !existing.isFile()) throw new CliError(`${shown}: ${describeNonRegular(existing, lang)}${zh ? '，只写入普通文件' : '; only regular files are written'}`);
  if (existing && !options.overwrite) {
    throw new CliError(`${shown}: ${zh ? '文件已存在（使用 --force 覆盖）' : 'already exists (use --force to overwrite)'}`);
  }
  const owner = existing ? { uid: Number(existing.uid), gid: Number(existing.gid), mode: Number(existing.mode) & 0o7777 } : undefined;
  const user = currentUser();
  if (expected && owner) {
    if (!writableByMode(owner, user)) {
      const mode = (owner.mode & 0o777).toString(8).padStart(4, '0');
      throw new CliError(
        (owner.mode & 0o222) === 0
          ? `${shown}: ${zh ? `文件只读（权限 ${mode}），未修改` : `read-only file (mode ${mode}); not changed`}`
          : `${shown}: ${zh ? `没有写权限（属主 uid ${owner.uid}，权限 ${mode}），未修改` : `no write permission (owner uid ${owner.uid}, mode ${mode}); not changed`}`,
      );
    }
    if (user && user.uid !== 0 && user.uid !== owner.uid) {
      // The rename would hand another user's report over to us: refuse rather than change its owner.
      throw new CliError(
        `${shown}: ${zh ? `属于其他用户（uid ${owner.uid}），替换它会改变属主，未修改` : `owned by another user (uid ${owner.uid}); replacing it would change its owner, so it is not changed`}`,
      );
    }
  }
  const temporary = path.join(directory, `.${path.basename(target)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`);
  const removeTemporary = () => {
    try {
      fs.unlinkSync(temporary);
    } catch {
      // Nothing was created, or it is already gone.
    }
  };
  try {
    const descriptor = fs.openSync(temporary, 'wx', owner ? 0o600 : 0o644);
    try {
      fs.writeFileSync(descriptor, data);
      if (owner) {
        // Keep the replaced file's owner and mode (chown first: it clears set-id bits).
        const created = fs.fstatSync(descriptor);
        if (created.uid !== owner.uid || created.gid !== owner.gid) {
          try {
            fs.fchownSync(descriptor, owner.uid, owner.gid);
          } catch (error) {
            if (expected) {
              throw new CliError(`${shown}: ${zh ? `无法保留属主（uid ${owner.uid}，gid ${owner.gid}），未修改` : `cannot keep its owner (uid ${owner.uid}, gid ${owner.gid}): ${describeFsError(error, lang)}; not changed`}`);
            }
            // export --force: a new DOCX may belong to whoever wrote it.
          }
        }
        fs.fchmodSync(descriptor, owner.mode);
      }
      fs.fsyncSync(descriptor);
    } finally {
      fs.closeSync(descriptor);
    }
  } catch (error) {
    removeTemporary();
    if (error instanceof CliError) throw error;
    throw new CliError(`${shown}: ${zh ? '无法写入' : 'cannot write'}: ${describeFsError(error, lang)}`);
  }
  try {
    if (expected) assertUnchanged(target, shown, expected, lang, deleted);
    // Re-check just before replacing: only a regular file may be replaced.
    const now = fs.statSync(target, { throwIfNoEntry: false });
    if (now && !now.isFile()) throw new CliError(`${shown}: ${describeNonRegular(now, lang)}${zh ? '，只写入普通文件' : '; only regular files are written'}`);
  } catch (error) {
    removeTemporary();
    if (error instanceof CliError) throw error;
    throw new CliError(`${shown}: ${describeFsError(error, lang)}`);
  }
  try {
    if (options.overwrite) {
      fs.renameSync(temporary, target);
    } else {
      fs.linkSync(temporary, target);
      fs.unlinkSync(temporary);
    }
  } catch (error) {
    removeTemporary();
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'EEXIST') throw new CliError(`${shown}: ${zh ? '文件已存在（使用 --force 覆盖）' : 'already exists (use --force to overwrite)'}`);
    throw new CliError(`${shown}: ${zh ? '无法写入' : 'cannot write'}: ${describeFsError(error, lang)}`);
  }
}

/** Throws unless `target` is still the file of `expected`: same identity, size, mtime and bytes. */
function assertUnchanged(target: string, shown: string, expected: FileSnapshot, lang: Lang, deleted: () => CliError): void {
  const zh = lang === 'zh-CN';
  const changed = new CliError(
    `${shown}: ${zh ? '运行期间文件被其他程序修改，未覆盖（请重新运行 fix）' : 'was changed by another program while report-md was running; not overwritten (run fix again)'}`,
  );
  const stat = fs.statSync(target, { bigint: true, throwIfNoEntry: false });
  if (!stat) throw deleted();
  if (stat.dev !== expected.dev || stat.ino !== expected.ino || stat.size !== expected.size || stat.mtimeNs !== expected.mtimeNs) throw changed;
  let now: Buffer;
  try {
    now = readRegularFile(target, lang, Number(expected.size)).bytes;
  } catch {
    throw changed;
  }
  if (!now.equals(expected.bytes)) throw changed;
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
