/** The `report-md` command line: lint, fix, outline, export. Returns an exit code (0 ok, 1 findings, 2 failure). */
import * as path from 'node:path';
import { parseArgs } from 'node:util';
import { fixAll, lint, outline, type Lang, type OutlineNode } from '../core/index.js';
import { ConfigLoader } from './config.js';
import { toJson, toText, type FileFindings } from './formatters.js';
import { CliError, collectFiles, encodeDocument, readDocument, writeFileAtomic } from './io.js';

export type CliIo = {
  argv: string[];
  cwd: string;
  env: Record<string, string | undefined>;
  stdout: (text: string) => void;
  stderr: (text: string) => void;
};

export const VERSION = '0.1.0';

/** Picks the message language: --lang, else LANG/LC_ALL/LC_MESSAGES (zh* → Chinese), else English. */
export function detectLang(env: Record<string, string | undefined>): Lang {
  const value = env['LC_ALL'] || env['LC_MESSAGES'] || env['LANG'] || '';
  return /^zh/i.test(value) ? 'zh-CN' : 'en';
}

function usage(lang: Lang): string {
  if (lang === 'zh-CN') {
    return `用法：report-md <命令> [选项] 路径…

命令：
  lint [--format text|json] [--config 文件] 路径…   检查报告（路径可为文件夹：*.report.md、*.md、*.txt）
  fix [--stdout] 路径…                              自动修复（重新编号等），原子写回或输出到标准输出
  outline [--format text|json] 文件                 输出提纲（层级、序号、标题、行号）
  export 文件 [-o 输出] [--force] [--strict]         导出为 GB/T 9704 版式的 DOCX
  import 文件.docx [-o 输出] [--force]               把 Word 文档导入为报告 Markdown（保留自动编号）

通用选项：--lang zh-CN|en  --help  --version
输入：普通文件，不超过 32 MB；UTF-8（可带 BOM）、GB18030/GBK 或带 BOM 的 UTF-16
退出码：0 无错误；1 有错误级问题；2 用法或读写错误
`;
  }
  return `Usage: report-md <command> [options] PATH…

Commands:
  lint [--format text|json] [--config FILE] PATH…   check reports (a PATH may be a folder: *.report.md, *.md, *.txt)
  fix [--stdout] PATH…                              apply fixes (renumbering …) in place atomically, or print
  outline [--format text|json] FILE                 print the outline (level, marker, title, line)
  export FILE [-o OUT] [--force] [--strict]         export to DOCX in GB/T 9704 layout
  import FILE.docx [-o OUT] [--force]               import a Word document as report Markdown (numbering kept)

Common options: --lang zh-CN|en  --help  --version
Input: regular files up to 32 MB; UTF-8 (± BOM), GB18030/GBK or UTF-16 with a BOM
Exit codes: 0 no errors; 1 error findings; 2 usage or I/O error
`;
}

const COMMANDS = ['lint', 'fix', 'outline', 'export', 'import'];

/** Runs the CLI. Never throws: every failure becomes a one-line message and exit code 2. */
export async function main(io: CliIo): Promise<number> {
  let lang = detectLang(io.env);
  const langIndex = io.argv.findIndex((argument) => argument === '--lang' || argument.startsWith('--lang='));
  if (langIndex >= 0) {
    const value = io.argv[langIndex]!.includes('=') ? io.argv[langIndex]!.split('=')[1] : io.argv[langIndex + 1];
    if (value === 'zh-CN' || value === 'zh' || value === 'zh-cn') lang = 'zh-CN';
    else if (value === 'en') lang = 'en';
    else {
      io.stderr(`report-md: --lang must be zh-CN or en\n`);
      return 2;
    }
  }
  const zh = lang === 'zh-CN';
  // --lang is a common option: it may stand before the command too.
  const langValueIndex = langIndex >= 0 && !io.argv[langIndex]!.includes('=') ? langIndex + 1 : -1;
  const argv = langIndex >= 0 ? io.argv.filter((_argument, index) => index !== langIndex && index !== langValueIndex) : io.argv;
  const [command, ...rest] = argv;
  if (command === undefined || command === '--help' || command === '-h' || command === 'help') {
    io.stdout(usage(lang));
    return command === undefined ? 2 : 0;
  }
  if (command === '--version' || command === '-v') {
    io.stdout(`${VERSION}\n`);
    return 0;
  }
  if (!COMMANDS.includes(command)) {
    io.stderr(`report-md: ${zh ? `未知命令“${command}”（可用：${COMMANDS.join('、')}）` : `unknown command "${command}" (use ${COMMANDS.join(', ')})`}\n`);
    return 2;
  }
  try {
    switch (command) {
      case 'lint':
        return runLint(rest, io, lang);
      case 'fix':
        return runFix(rest, io, lang);
      case 'outline':
        return runOutline(rest, io, lang);
      case 'import': {
        const { runImport } = await import('./import-command.js');
        return await runImport(rest, { cwd: io.cwd, env: io.env, stdout: io.stdout, stderr: io.stderr, lang });
      }
      default: {
        const { runExport } = await import('./export-command.js');
        return await runExport(rest, { cwd: io.cwd, stdout: io.stdout, stderr: io.stderr, lang });
      }
    }
  } catch (error) {
    if (error instanceof CliError) {
      io.stderr(`report-md: ${error.message}\n`);
      return 2;
    }
    const message = (error as Error)?.message ?? String(error);
    if ((error as { code?: string }).code?.startsWith('ERR_PARSE_ARGS')) {
      io.stderr(`report-md ${command}: ${message}\n`);
      return 2;
    }
    io.stderr(`report-md: ${zh ? '内部错误' : 'internal error'}: ${message}\n`);
    return 2;
  }
}

type OptionSpec = Record<string, { type: 'string' | 'boolean'; short?: string; default?: string | boolean }>;

function parse(argv: string[], options: OptionSpec): { values: Record<string, string | boolean | undefined>; positionals: string[] } {
  const parsed = parseArgs({ args: argv, options, allowPositionals: true, strict: true });
  return { values: parsed.values as Record<string, string | boolean | undefined>, positionals: parsed.positionals };
}

function resolvePath(io: CliIo, file: string): string {
  return path.isAbsolute(file) ? file : path.join(io.cwd, file);
}

/** Shows paths relative to the working directory when they are under it. */
function displayPath(io: CliIo, file: string): string {
  const relative = path.relative(io.cwd, file);
  return relative && !relative.startsWith('..') && !path.isAbsolute(relative) ? relative : file;
}

function runLint(argv: string[], io: CliIo, lang: Lang): number {
  const { values, positionals } = parse(argv, { format: { type: 'string', default: 'text' }, config: { type: 'string' } });
  const format = values['format'];
  if (format !== 'text' && format !== 'json') throw new CliError(lang === 'zh-CN' ? `--format 只能是 text 或 json` : `--format must be text or json`);
  if (positionals.length === 0) throw new CliError(lang === 'zh-CN' ? 'lint 需要至少一个路径' : 'lint needs at least one path');
  const configPath = values['config'] as string | undefined;
  const loader = new ConfigLoader(configPath === undefined ? undefined : resolvePath(io, configPath), lang);
  const { files, errors } = collectFiles(positionals.map((file) => resolvePath(io, file)), lang);
  const results: FileFindings[] = [];
  let failed = errors.length > 0;
  for (const error of errors) io.stderr(`report-md: ${error}\n`);
  for (const file of files) {
    try {
      const document = readDocument(file, lang);
      const findings = lint(document.text, { config: loader.forDocument(file), lang });
      results.push({ file: displayPath(io, file), findings });
    } catch (error) {
      if (!(error instanceof CliError)) throw error;
      io.stderr(`report-md: ${error.message}\n`);
      failed = true;
    }
  }
  io.stdout(format === 'json' ? toJson(results) : toText(results, lang));
  if (failed) return 2;
  return results.some((result) => result.findings.some((finding) => finding.severity === 'error')) ? 1 : 0;
}

function runFix(argv: string[], io: CliIo, lang: Lang): number {
  const { values, positionals } = parse(argv, { stdout: { type: 'boolean', default: false }, config: { type: 'string' } });
  if (positionals.length === 0) throw new CliError(lang === 'zh-CN' ? 'fix 需要至少一个路径' : 'fix needs at least one path');
  const configPath = values['config'] as string | undefined;
  const loader = new ConfigLoader(configPath === undefined ? undefined : resolvePath(io, configPath), lang);
  const { files, errors } = collectFiles(positionals.map((file) => resolvePath(io, file)), lang);
  if (values['stdout'] && files.length > 1) {
    throw new CliError(lang === 'zh-CN' ? 'fix --stdout 只能处理一个文件' : 'fix --stdout takes exactly one file');
  }
  let failed = errors.length > 0;
  let remainingErrors = 0;
  let changedFiles = 0;
  for (const error of errors) io.stderr(`report-md: ${error}\n`);
  for (const file of files) {
    try {
      const document = readDocument(file, lang);
      const config = loader.forDocument(file);
      const fixed = fixAll(document.text, { config, lang });
      remainingErrors += lint(fixed, { config, lang }).filter((finding) => finding.severity === 'error').length;
      if (values['stdout']) {
        io.stdout(fixed);
      } else if (fixed !== document.text) {
        writeFileAtomic(file, encodeDocument(document, fixed), { overwrite: true, lang, shown: file, ...(document.snapshot ? { expected: document.snapshot } : {}) });
        changedFiles++;
        io.stderr(`${lang === 'zh-CN' ? '已修复' : 'fixed'} ${displayPath(io, file)}\n`);
      }
    } catch (error) {
      if (!(error instanceof CliError)) throw error;
      io.stderr(`report-md: ${error.message}\n`);
      failed = true;
    }
  }
  if (!values['stdout']) {
    io.stderr(
      lang === 'zh-CN'
        ? `修复了 ${changedFiles} 个文件；仍有 ${remainingErrors} 个无法自动修复的错误\n`
        : `${changedFiles} file(s) fixed; ${remainingErrors} error(s) remain that need a human\n`,
    );
  }
  if (failed) return 2;
  return remainingErrors > 0 ? 1 : 0;
}

function runOutline(argv: string[], io: CliIo, lang: Lang): number {
  const { values, positionals } = parse(argv, { format: { type: 'string', default: 'text' } });
  const format = values['format'];
  if (format !== 'text' && format !== 'json') throw new CliError(lang === 'zh-CN' ? `--format 只能是 text 或 json` : `--format must be text or json`);
  if (positionals.length !== 1) throw new CliError(lang === 'zh-CN' ? 'outline 需要且只需要一个文件' : 'outline takes exactly one file');
  const document = readDocument(resolvePath(io, positionals[0]!), lang);
  const tree = outline(document.text);
  if (format === 'json') {
    const convert = (node: OutlineNode): object => ({
      kind: node.kind,
      level: node.level,
      marker: node.marker,
      title: node.title,
      line: node.selectionRange.start.line + 1,
      children: node.children.map(convert),
    });
    io.stdout(JSON.stringify(tree.map(convert), null, 2) + '\n');
    return 0;
  }
  let out = '';
  const walk = (node: OutlineNode, depth: number): void => {
    const label = node.kind === 'title' ? (lang === 'zh-CN' ? '【标题】' : '[title] ') : node.kind === 'section' ? (lang === 'zh-CN' ? '【部分】' : '[section] ') : node.marker;
    out += `${'  '.repeat(depth)}${label}${node.title}  (${lang === 'zh-CN' ? '第' : 'line '}${node.selectionRange.start.line + 1}${lang === 'zh-CN' ? '行' : ''})\n`;
    for (const child of node.children) walk(child, depth + 1);
  };
  for (const node of tree) walk(node, 0);
  io.stdout(out);
  return 0;
}
