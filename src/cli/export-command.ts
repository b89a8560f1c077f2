/**
 * `report-md export FILE [-o OUT] [--force] [--strict]`: writes FILE as a
 * GB/T 9704 DOCX. Exit codes: 0 written, 1 refused by --strict (placeholders
 * or error findings remain), 2 failure (bad arguments, unreadable input,
 * OUT exists without --force, OUT is a folder / unwritable / locked).
 * The file is written to a temporary file and renamed, so OUT is never
 * half-written; only a regular file is ever replaced (a device, FIFO or socket
 * at OUT is refused), and OUT may not be the input under another name (a
 * symbolic or hard link: compared by device and inode). An OUT ending in a path
 * separator is a folder: <name>.docx is written inside it, creating it (and
 * missing parents) when needed.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { existsSync, realpathSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { lintDocument, parseReport, type Finding } from '../core/index.js';
import { exportDocx, ImageOutsideRootError, lineBreaksFor, type FontSetting, type LayoutOverrides, type ReadImage } from '../core/export/index.js';
import { CONFIG_FILE_NAME, ConfigLoader } from './config.js';
import { CliError, MAX_REPORT_BYTES, describeFsError, describeNonRegular, readDocument, readRegularFile, writeFileAtomic } from './io.js';

export type ExportIo = {
  cwd: string;
  stdout: (s: string) => void;
  stderr: (s: string) => void;
  lang: 'zh-CN' | 'en';
};

/** Messages of this command, both languages side by side. */
const MESSAGES = {
  usage: {
    'zh-CN': '用法：report-md export 文件 [-o 输出] [--force] [--strict]\n',
    en: 'usage: report-md export FILE [-o OUT] [--force] [--strict]\n',
  },
  help: {
    'zh-CN':
      '用法：report-md export 文件 [-o 输出] [--force] [--strict]\n\n' +
      '按 GB/T 9704 版式导出 DOCX（默认写到源文件旁的 <名称>.docx）。\n\n' +
      '  -o, --output 输出   输出文件路径；以 / 结尾表示文件夹（不存在时创建），写入其中的 <名称>.docx\n' +
      '  --force             覆盖已存在的输出文件\n' +
      '  --strict            仍有占位符或错误时不导出（退出码 1）\n' +
      '  -h, --help          显示本帮助\n',
    en:
      'usage: report-md export FILE [-o OUT] [--force] [--strict]\n\n' +
      'Exports FILE as DOCX in the GB/T 9704 layout (default: <name>.docx beside the source).\n\n' +
      '  -o, --output OUT    output file; ending in / it is a folder (created when missing) that gets <name>.docx\n' +
      '  --force             overwrite an existing output file\n' +
      '  --strict            write nothing and exit 1 while placeholders or errors remain\n' +
      '  -h, --help          show this help\n',
  },
  oneFile: { 'zh-CN': '需要且只能指定一个输入文件', en: 'expects exactly one input FILE' },
  exists: { 'zh-CN': (out: string) => `${out}: 文件已存在（使用 --force 覆盖）`, en: (out: string) => `${out}: already exists (use --force to overwrite)` },
  folder: { 'zh-CN': (out: string) => `${out}: 输出路径是一个文件夹`, en: (out: string) => `${out}: the output path is a folder` },
  notFolder: { 'zh-CN': (out: string) => `${out}: 不是文件夹（以 / 结尾的输出路径表示文件夹）`, en: (out: string) => `${out}: not a folder (an output path ending in / names a folder)` },
  sameFile: { 'zh-CN': (out: string) => `${out}: 输出文件不能是输入文件本身`, en: (out: string) => `${out}: the output must not be the input file` },
  placeholders: {
    'zh-CN': (n: number) => `警告：仍有 ${n} 处占位符 (${n} placeholder${n === 1 ? '' : 's'} remain${n === 1 ? 's' : ''})`,
    en: (n: number) => `warning: ${n} placeholder${n === 1 ? '' : 's'} remain${n === 1 ? 's' : ''} (占位符)`,
  },
  errors: {
    'zh-CN': (n: number) => `警告：仍有 ${n} 个错误 (${n} error${n === 1 ? '' : 's'})`,
    en: (n: number) => `warning: ${n} error${n === 1 ? '' : 's'} remain${n === 1 ? 's' : ''} (错误)`,
  },
  strict: {
    'zh-CN': '--strict：存在占位符或错误，未导出。运行 report-md lint 查看问题',
    en: '--strict: placeholders or errors remain, nothing written. Run report-md lint to see them',
  },
  written: { 'zh-CN': (from: string, to: string) => `已导出：${from} → ${to}\n`, en: (from: string, to: string) => `exported: ${from} → ${to}\n` },
} as const;

/** `<name>.docx` beside the source: `报告.report.md` → `报告.docx`, `a.md` → `a.docx`. */
export function defaultOutputPath(input: string): string {
  const base = path.basename(input);
  const stem = base.endsWith('.report.md') ? base.slice(0, -'.report.md'.length) : base.includes('.', 1) ? base.slice(0, base.lastIndexOf('.')) : base;
  return path.join(path.dirname(input), `${stem}.docx`);
}

/** Counts placeholder findings and error findings (other rules) of a text. */
export function countProblems(findings: readonly Finding[]): { placeholders: number; errors: number } {
  let placeholders = 0;
  let errors = 0;
  for (const finding of findings) {
    if (finding.ruleId === 'placeholder') placeholders++;
    else if (finding.severity === 'error') errors++;
  }
  return { placeholders, errors };
}

/** Image port over the file system: URLs relative to the source's folder; remote URLs are not fetched. */
export function fileImageReader(sourcePath: string): ReadImage {
  const folder = path.dirname(sourcePath);
  return async (url) => {
    let target: string;
    if (/^file:/i.test(url)) target = fileURLToPath(url);
    else if (/^[a-z][a-z0-9+.-]*:/i.test(url) && !/^[a-z]:[\\/]/i.test(url)) return undefined;
    else {
      let decoded = url;
      try {
        decoded = decodeURIComponent(url);
      } catch {
        // Keep the URL as written when it is not valid percent-encoding.
      }
      target = path.resolve(folder, decoded);
    }
    const stat = fs.statSync(target, { throwIfNoEntry: false });
    if (!stat || stat.isDirectory()) return undefined;
    // Regular files only, up to 32 MiB: /dev/zero or a FIFO as an image is “unreadable”, not a hang.
    return new Uint8Array(readRegularFile(target, 'en', MAX_REPORT_BYTES).bytes);
  };
}

/**
 * The image folder for a document: `export.imageRoot` of its .reportmdrc.json
 * (relative to that file's folder), else the document's own folder.
 */
export function imageRootFor(input: string, setting: string | undefined): string {
  const documentFolder = path.dirname(input);
  if (setting === undefined) return documentFolder;
  if (path.isAbsolute(setting)) return path.resolve(setting);
  // The nearest .reportmdrc.json is the one whose export section applies (ConfigLoader).
  for (let folder = documentFolder; ; folder = path.dirname(folder)) {
    if (existsSync(path.join(folder, CONFIG_FILE_NAME))) return path.resolve(folder, setting);
    if (path.dirname(folder) === folder) return path.resolve(documentFolder, setting);
  }
}

/**
 * Wraps an image port so it reads only files whose real path (symbolic links
 * followed) is inside the image folder; the exporter has already refused
 * URLs that lead out of it lexically. The inner port gets a `file:` URL of
 * the real path, so it reads exactly the file that was checked.
 */
export function confinedImageReader(read: ReadImage, documentFolder: string, imageRoot: string): ReadImage {
  let realRoot: string | undefined;
  return async (relative) => {
    let real: string;
    try {
      real = realpathSync(path.resolve(documentFolder, relative));
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code === 'ENOENT' || code === 'ENOTDIR') return undefined;
      throw error;
    }
    if (realRoot === undefined) {
      try {
        realRoot = realpathSync(imageRoot);
      } catch {
        realRoot = path.resolve(imageRoot);
      }
    }
    const inside = path.relative(realRoot, real);
    if (inside === '' || inside === '..' || inside.startsWith(`..${path.sep}`) || path.isAbsolute(inside)) {
      throw new ImageOutsideRootError(`${relative}: ${real} is outside ${realRoot}`);
    }
    return read(pathToFileURL(real).href);
  };
}

/** A line for the terminal: control characters (C0, DEL, C1, which could drive the terminal) shown as \uXXXX. */
export function printable(text: string): string {
  return text.replace(/[\u0000-\u001f\u007f-\u009f]/g, (character) => `\\u${character.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/**
 * Why OUT must not be written, checked before any work (shared by export and import): it is the
 * input itself, a folder, not a regular file, or exists without --force. Undefined: go ahead.
 */
export function outputRefusal(input: string, output: string, shownOutput: string, force: boolean, lang: 'zh-CN' | 'en'): string | undefined {
  if (output === input || sameFile(input, output)) return MESSAGES.sameFile[lang](shownOutput);
  const existing = statOrUndefined(output);
  if (existing?.isDirectory()) return MESSAGES.folder[lang](shownOutput);
  if (existing && !existing.isFile()) return `${shownOutput}: ${describeNonRegular(existing, lang)}${lang === 'zh-CN' ? '，只写入普通文件' : '; only regular files are written'}`;
  if (existing && !force) return MESSAGES.exists[lang](shownOutput);
  return undefined;
}

export function statOrUndefined(file: string): fs.Stats | undefined {
  try {
    return fs.statSync(file);
  } catch {
    return undefined;
  }
}

/** Whether two paths are one file (symbolic links followed, hard links included): same device and inode. */
export function sameFile(left: string, right: string): boolean {
  const identity = (file: string) => {
    try {
      return fs.statSync(file, { bigint: true });
    } catch {
      return undefined;
    }
  };
  const a = identity(left);
  const b = identity(right);
  return a !== undefined && b !== undefined && a.ino !== 0n && a.dev === b.dev && a.ino === b.ino;
}

/** Runs the export command; never throws, returns the exit code. */
export async function runExport(argv: string[], io: ExportIo): Promise<number> {
  const lang = io.lang;
  const fail = (message: string): number => {
    io.stderr(`report-md export: ${message}\n`);
    return 2;
  };
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      strict: true,
      options: {
        output: { type: 'string', short: 'o' },
        force: { type: 'boolean', default: false },
        strict: { type: 'boolean', default: false },
        help: { type: 'boolean', short: 'h', default: false },
      },
    });
  } catch (error) {
    io.stderr(`report-md export: ${(error as Error).message}\n${MESSAGES.usage[lang]}`);
    return 2;
  }
  const { values, positionals } = parsed;
  if (values.help) {
    io.stdout(MESSAGES.help[lang]);
    return 0;
  }
  if (positionals.length !== 1) {
    io.stderr(`report-md export: ${MESSAGES.oneFile[lang]}\n${MESSAGES.usage[lang]}`);
    return 2;
  }

  const input = path.resolve(io.cwd, positionals[0]!);
  // A trailing separator names a folder (as in `cp a b/`): the DOCX goes inside it.
  const folderOutput = values.output !== undefined && (values.output.endsWith('/') || (path.sep === '\\' && values.output.endsWith('\\')));
  const outputFolder = folderOutput ? path.resolve(io.cwd, values.output!) : undefined;
  const output = outputFolder !== undefined ? path.join(outputFolder, path.basename(defaultOutputPath(input))) : values.output !== undefined ? path.resolve(io.cwd, values.output) : defaultOutputPath(input);
  const shownInput = positionals[0]!;
  const shownOutput = outputFolder !== undefined ? values.output! + path.basename(output) : (values.output ?? path.relative(io.cwd, output));
  try {
    if (outputFolder !== undefined) {
      const folder = statOrUndefined(outputFolder);
      if (folder && !folder.isDirectory()) return fail(MESSAGES.notFolder[lang](values.output!));
    }
    const refusal = outputRefusal(input, output, shownOutput, values.force ?? false, lang);
    if (refusal) return fail(refusal);

    const document = readDocument(input, lang);
    const config = new ConfigLoader(undefined, lang).forDocument(input);
    // One parse serves both the checks and the export.
    const report = parseReport(document.text);
    const { placeholders, errors } = countProblems(lintDocument(report, { lang, config }));
    if (placeholders > 0) io.stderr(`report-md export: ${MESSAGES.placeholders[lang](placeholders)}\n`);
    if (errors > 0) io.stderr(`report-md export: ${MESSAGES.errors[lang](errors)}\n`);
    if (values.strict && (placeholders > 0 || errors > 0)) {
      io.stderr(`report-md export: ${MESSAGES.strict[lang]}\n`);
      return 1;
    }

    const settings = config.export ?? {};
    const documentFolder = path.dirname(input);
    const imageRoot = imageRootFor(input, settings.imageRoot);
    let result;
    try {
      result = await exportDocx(report.root, {
        source: document.text,
        readImage: confinedImageReader(fileImageReader(input), documentFolder, imageRoot),
        documentFolder,
        imageRoot,
        lang,
        ...(settings.layout ? { layout: settings.layout as LayoutOverrides } : {}),
        ...(settings.author !== undefined ? { author: settings.author } : {}),
        ...(settings.tableOfContents !== undefined ? { tableOfContents: settings.tableOfContents } : {}),
        ...(settings.seal !== undefined ? { seal: settings.seal } : {}),
        ...(settings.imprintPage !== undefined ? { imprintPage: settings.imprintPage } : {}),
        ...(settings.fonts !== undefined ? { fonts: settings.fonts as FontSetting } : {}),
        lineBreaks: lineBreaksFor(input),
        ...(settings.fields ? { fields: settings.fields } : {}),
      });
    } catch (error) {
      // A bad export.layout or export.fonts value: name the setting (the exporter's message does) and where it came from.
      if (error instanceof RangeError && /^export fonts/.test(error.message)) throw new CliError(`.reportmdrc.json ${error.message}`);
      if (error instanceof RangeError && settings.layout) throw new CliError(`.reportmdrc.json export.layout: ${error.message}`);
      throw error;
    }
    for (const warning of result.warnings) {
      io.stderr(`report-md export: ${shownInput}${warning.line !== undefined ? `:${warning.line}` : ''}: ${printable(warning.message)}\n`);
    }
    // The input and OUT may have become one file while the DOCX was being made.
    if (sameFile(input, output)) return fail(MESSAGES.sameFile[lang](shownOutput));
    if (outputFolder !== undefined) {
      try {
        fs.mkdirSync(outputFolder, { recursive: true });
      } catch (error) {
        throw new CliError(`${values.output}: ${lang === 'zh-CN' ? '无法创建文件夹' : 'cannot create the folder'}: ${describeFsError(error, lang)}`);
      }
    }
    writeFileAtomic(output, result.data, { overwrite: values.force, lang, shown: shownOutput });
    io.stdout(MESSAGES.written[lang](shownInput, shownOutput));
    return 0;
  } catch (error) {
    if (error instanceof CliError) return fail(error.message);
    return fail((error as Error)?.message ?? String(error));
  }
}
