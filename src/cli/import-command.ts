/**
 * `report-md import FILE.docx [-o OUT] [--force]`: reads a Word document into
 * report Markdown (default `<name>.report.md` beside it) and its images into
 * `<name>.assets/`. Exit codes: 0 written, 1 written with warnings (something
 * in the Word file could not be kept: tracked changes, comments, text boxes …;
 * each is printed), 2 refused or failed (bad arguments, unreadable or
 * unsupported input, OUT or an image exists without --force, cannot write).
 * A .doc or .wps file is converted through LibreOffice when `soffice` is on
 * the PATH, and the command says so; otherwise it is refused with the reason.
 * Writes are atomic (temporary file and rename), as for `export`.
 */
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { DocxImportError, importDocx, type ImportResult } from '../core/import/index.js';
import { outputRefusal, printable, statOrUndefined } from './export-command.js';
import { CliError, MAX_REPORT_BYTES, describeFsError, readRegularFile, writeFileAtomic } from './io.js';

export type ImportIo = {
  cwd: string;
  env: Record<string, string | undefined>;
  stdout: (s: string) => void;
  stderr: (s: string) => void;
  lang: 'zh-CN' | 'en';
};

const MESSAGES = {
  usage: {
    'zh-CN': '用法：report-md import 文件.docx [-o 输出] [--force]\n',
    en: 'usage: report-md import FILE.docx [-o OUT] [--force]\n',
  },
  help: {
    'zh-CN':
      '用法：report-md import 文件.docx [-o 输出] [--force]\n\n' +
      '把 Word 文档导入为报告 Markdown（默认写到源文件旁的 <名称>.report.md，图片写入 <名称>.assets/）。\n' +
      'Word 的自动编号按 Word 显示的样子写出（一、（一）1.（1））。无法保留的内容（修订、批注、文本框等）逐项警告。\n\n' +
      '  -o, --output 输出   输出文件路径\n' +
      '  --force             覆盖已存在的输出文件和图片\n' +
      '  -h, --help          显示本帮助\n\n' +
      '退出码：0 已写入；1 已写入但有警告；2 未写入（参数、读取或写入错误，文件已存在）\n',
    en:
      'usage: report-md import FILE.docx [-o OUT] [--force]\n\n' +
      'Imports a Word document as report Markdown (default: <name>.report.md beside it, images in <name>.assets/).\n' +
      "Word's automatic numbers are written as Word shows them (一、 （一） 1. （1）). What cannot be kept (tracked changes, comments, text boxes …) is warned about.\n\n" +
      '  -o, --output OUT    output file\n' +
      '  --force             overwrite an existing output file and images\n' +
      '  -h, --help          show this help\n\n' +
      'Exit codes: 0 written; 1 written with warnings; 2 nothing written (arguments, reading or writing failed, file exists)\n',
  },
  oneFile: { 'zh-CN': '需要且只能指定一个输入文件', en: 'expects exactly one input FILE' },
  exists: { 'zh-CN': (out: string) => `${out}: 文件已存在（使用 --force 覆盖）`, en: (out: string) => `${out}: already exists (use --force to overwrite)` },
  noFolder: { 'zh-CN': (folder: string) => `${folder}: 输出文件夹不存在`, en: (folder: string) => `${folder}: the output folder does not exist` },
  converted: {
    'zh-CN': (file: string) => `${file}: 已通过 LibreOffice 转换为 .docx 后导入（请核对编号）\n`,
    en: (file: string) => `${file}: converted to .docx through LibreOffice, then imported (check the numbering)\n`,
  },
  conversionFailed: {
    'zh-CN': (file: string, reason: string) => `${file}: LibreOffice 转换失败（${reason}）；请在 Word 或 WPS 中另存为 .docx 后再导入`,
    en: (file: string, reason: string) => `${file}: conversion through LibreOffice failed (${reason}); save it as .docx in Word or WPS first`,
  },
  noSoffice: {
    'zh-CN': '（未找到 LibreOffice 的 soffice，无法自动转换）',
    en: ' (LibreOffice’s soffice is not on the PATH to convert it)',
  },
  warning: { 'zh-CN': '警告', en: 'warning' },
  written: {
    'zh-CN': (from: string, to: string, images: number) => `已导入：${from} → ${to}${images > 0 ? `（${images} 张图片）` : ''}\n`,
    en: (from: string, to: string, images: number) => `imported: ${from} → ${to}${images > 0 ? ` (${images} image${images === 1 ? '' : 's'})` : ''}\n`,
  },
} as const;

const WORD_EXTENSIONS = /\.(?:docx|docm|dotx|dotm|doc|wps|wpt)$/i;

/** `<name>.report.md` beside the input: `报告.docx` → `报告.report.md`. */
export function defaultImportPath(input: string): string {
  const base = path.basename(input);
  const stem = WORD_EXTENSIONS.test(base) ? base.replace(WORD_EXTENSIONS, '') : base;
  return path.join(path.dirname(input), `${stem}.report.md`);
}

/** The images folder for an output file: `报告.report.md` → `报告.assets`. */
export function assetsFolderName(output: string): string {
  const base = path.basename(output);
  const stem = base.endsWith('.report.md') ? base.slice(0, -'.report.md'.length) : base.includes('.', 1) ? base.slice(0, base.lastIndexOf('.')) : base;
  return `${stem}.assets`;
}

/** The `soffice` executable on the PATH, if any. */
export function findSoffice(env: Record<string, string | undefined>): string | undefined {
  const names = process.platform === 'win32' ? ['soffice.exe', 'soffice.com'] : ['soffice', 'libreoffice'];
  for (const folder of (env['PATH'] ?? '').split(path.delimiter)) {
    if (!folder) continue;
    for (const name of names) {
      const candidate = path.join(folder, name);
      try {
        fs.accessSync(candidate, fs.constants.X_OK);
        if (fs.statSync(candidate).isFile()) return candidate;
      } catch {
        // Not here.
      }
    }
  }
  return undefined;
}

/** Converts a .doc/.wps file to .docx with LibreOffice in a private temporary folder; returns the bytes. */
function convertWithLibreOffice(soffice: string, input: string, shown: string, lang: 'zh-CN' | 'en'): Uint8Array {
  const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'report-md-import-'));
  try {
    // Copy under a plain ASCII name with the right extension: LibreOffice picks its filter by content, names its output after the input.
    const source = path.join(folder, `input${path.extname(input).toLowerCase() === '.wps' ? '.wps' : '.doc'}`);
    fs.copyFileSync(input, source);
    execFileSync(
      soffice,
      [`-env:UserInstallation=${pathToFileURL(path.join(folder, 'profile')).href}`, '--headless', '--norestore', '--convert-to', 'docx:MS Word 2007 XML', '--outdir', folder, source],
      { stdio: 'ignore', timeout: 180_000 },
    );
    const converted = path.join(folder, 'input.docx');
    if (!fs.existsSync(converted)) throw new CliError(MESSAGES.conversionFailed[lang](shown, lang === 'zh-CN' ? '没有生成文件' : 'no file was produced'));
    return new Uint8Array(fs.readFileSync(converted));
  } catch (error) {
    if (error instanceof CliError) throw error;
    throw new CliError(MESSAGES.conversionFailed[lang](shown, (error as Error).message.split('\n')[0] ?? ''));
  } finally {
    fs.rmSync(folder, { recursive: true, force: true });
  }
}


/** Runs the import command; never throws, returns the exit code. */
export async function runImport(argv: string[], io: ImportIo): Promise<number> {
  const lang = io.lang;
  const fail = (message: string): number => {
    io.stderr(`report-md import: ${message}\n`);
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
        help: { type: 'boolean', short: 'h', default: false },
      },
    });
  } catch (error) {
    io.stderr(`report-md import: ${(error as Error).message}\n${MESSAGES.usage[lang]}`);
    return 2;
  }
  const { values, positionals } = parsed;
  if (values.help) {
    io.stdout(MESSAGES.help[lang]);
    return 0;
  }
  if (positionals.length !== 1) {
    io.stderr(`report-md import: ${MESSAGES.oneFile[lang]}\n${MESSAGES.usage[lang]}`);
    return 2;
  }
  const input = path.resolve(io.cwd, positionals[0]!);
  const output = values.output !== undefined ? path.resolve(io.cwd, values.output) : defaultImportPath(input);
  const shownInput = positionals[0]!;
  const shownOutput = values.output ?? path.relative(io.cwd, output);
  try {
    const refusal = outputRefusal(input, output, shownOutput, values.force ?? false, lang);
    if (refusal) return fail(refusal);
    const parent = statOrUndefined(path.dirname(output));
    if (!parent?.isDirectory()) return fail(MESSAGES.noFolder[lang](path.dirname(shownOutput)));

    const bytes = new Uint8Array(readRegularFile(input, lang, MAX_REPORT_BYTES * 8).bytes);
    const assets = assetsFolderName(output);
    const options = { lang, fileName: path.basename(input), assetsFolder: assets };
    let result: ImportResult;
    try {
      result = importDocx(bytes, options);
    } catch (error) {
      if (!(error instanceof DocxImportError)) throw error;
      if (error.code !== 'doc' && error.code !== 'wps') return fail(`${shownInput}: ${error.message}`);
      const soffice = findSoffice(io.env);
      if (!soffice) return fail(`${shownInput}: ${error.message}${MESSAGES.noSoffice[lang]}`);
      const converted = convertWithLibreOffice(soffice, input, shownInput, lang);
      io.stderr(`report-md import: ${MESSAGES.converted[lang](shownInput)}`);
      try {
        result = importDocx(converted, options);
      } catch (again) {
        if (again instanceof DocxImportError) return fail(`${shownInput}: ${again.message}`);
        throw again;
      }
    }

    // Refuse before writing anything when an image would replace a file without --force.
    const folder = path.join(path.dirname(output), assets);
    const imagePaths = result.images.map((image) => path.join(path.dirname(output), image.path));
    if (!values.force) {
      for (const imagePath of imagePaths) if (fs.existsSync(imagePath)) return fail(MESSAGES.exists[lang](path.relative(io.cwd, imagePath)));
    }
    if (result.images.length > 0) {
      try {
        fs.mkdirSync(folder, { recursive: true });
      } catch (error) {
        throw new CliError(`${path.relative(io.cwd, folder)}: ${lang === 'zh-CN' ? '无法创建文件夹' : 'cannot create the folder'}: ${describeFsError(error, lang)}`);
      }
    }
    result.images.forEach((image, index) => {
      writeFileAtomic(imagePaths[index]!, image.data, { overwrite: values.force, lang, shown: path.relative(io.cwd, imagePaths[index]!) });
    });
    writeFileAtomic(output, Buffer.from(result.text, 'utf8'), { overwrite: values.force, lang, shown: shownOutput });
    for (const warning of result.warnings) io.stderr(`report-md import: ${shownInput}: ${MESSAGES.warning[lang]}: ${printable(warning.message)}\n`);
    io.stdout(MESSAGES.written[lang](shownInput, shownOutput, result.images.length));
    return result.warnings.length > 0 ? 1 : 0;
  } catch (error) {
    if (error instanceof CliError) return fail(error.message);
    return fail((error as Error)?.message ?? String(error));
  }
}
