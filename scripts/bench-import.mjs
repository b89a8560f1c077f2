/**
 * Word import benchmark, used by scripts/bench.mjs (section 5) and runnable alone
 * (`node scripts/bench-import.mjs`, after `npx tsc -b`):
 *
 * 1. Numbering fidelity: Word documents whose outline numbers are Word's automatic
 *    numbering (built with the `docx` library from real Word definitions: chineseCounting
 *    `%1、` `（%2）`, decimal `%3.` `（%4）`), and the real documents of
 *    test/fixtures/docx, through our importer, mammoth (convertToMarkdown) and pandoc
 *    (`-f docx -t markdown`). Counted: how many of the numbers Word shows come out as
 *    that text (一、 （一） 1. （1）) at the start of the paragraph's line.
 * 2. Speed: a 100-page report (about 62 000 characters, 22 lines × 28 characters a page)
 *    with Word numbering, imported in a fresh Node process: median of 5 whole-process
 *    runs and of the importDocx() call alone (target < 1 s), beside mammoth and pandoc.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { median } from './bench-lib.mjs';

const ROOT = fileURLToPath(new URL('..', import.meta.url));

const WORD_LEVELS = (docx) => [
  { level: 0, format: docx.LevelFormat.CHINESE_COUNTING, text: '%1、', start: 1, suffix: docx.LevelSuffix.NOTHING },
  { level: 1, format: docx.LevelFormat.CHINESE_COUNTING, text: '（%2）', start: 1, suffix: docx.LevelSuffix.NOTHING },
  { level: 2, format: docx.LevelFormat.DECIMAL, text: '%3.', start: 1, suffix: docx.LevelSuffix.NOTHING },
  { level: 3, format: docx.LevelFormat.DECIMAL, text: '（%4）', start: 1, suffix: docx.LevelSuffix.NOTHING },
];

const CHINESE = ['', '一', '二', '三', '四', '五', '六', '七', '八', '九', '十', '十一', '十二', '十三', '十四', '十五', '十六', '十七', '十八', '十九', '二十'];

/**
 * A report with Word-numbered headings: `sections` 一、 each with (一)…, each with 1. …, each with (1) …,
 * body paragraphs taken from the seeds between them. Returns the .docx bytes and the labels Word shows.
 */
async function numberedReport(sections, { children2 = 3, children3 = 2, children4 = 2, paragraphs = 2 } = {}) {
  const docx = await import('docx');
  const body = readFileSync(join(ROOT, 'test/fixtures/seeds/004_f3dca378b1e453c1.txt'), 'utf8')
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line.length > 60);
  let next = 0;
  const text = () => body[next++ % body.length];
  const children = [new docx.Paragraph({ children: [new docx.TextRun('关于2025年上半年工作情况的报告')] })];
  const expected = [];
  const heading = (title, level, label) => {
    children.push(new docx.Paragraph({ numbering: { reference: 'outline', level }, children: [new docx.TextRun(title)] }));
    expected.push(label + title);
  };
  for (let a = 1; a <= sections; a++) {
    heading(`第${a}方面工作`, 0, `${CHINESE[a] ?? a}、`);
    for (let b = 1; b <= children2; b++) {
      heading(`第${b}项重点任务`, 1, `（${CHINESE[b]}）`);
      for (let p = 0; p < paragraphs; p++) children.push(new docx.Paragraph({ children: [new docx.TextRun(text())] }));
      for (let c = 1; c <= children3; c++) {
        heading(`具体措施${c}`, 2, `${c}.`);
        for (let d = 1; d <= children4; d++) {
          heading(`工作要求${d}：${text().slice(0, 40)}`, 3, `（${d}）`);
        }
      }
    }
  }
  const document = new docx.Document({ numbering: { config: [{ reference: 'outline', levels: WORD_LEVELS(docx) }] }, sections: [{ children }] });
  return { bytes: new Uint8Array(await docx.Packer.toBuffer(document)), expected, characters: children.length };
}

/** Lines of a tool's output, with Markdown list and emphasis marks and escapes removed, whitespace-normalised. */
function outputLines(text) {
  return text
    .split('\n')
    .map((line) => line.replace(/\\(.)/g, '$1').replace(/\*\*|__/g, '').replace(/\s+/g, '').trim())
    .filter((line) => line !== '');
}

/** How many expected numbered lines (label + text) start a line of the output. */
function countKept(output, expected) {
  const lines = outputLines(output);
  let kept = 0;
  for (const line of expected) {
    const wanted = line.replace(/\s+/g, '');
    if (lines.some((candidate) => candidate.startsWith(wanted.slice(0, Math.min(wanted.length, 12))))) kept++;
  }
  return kept;
}

function pandoc(file) {
  const run = spawnSync('pandoc', ['-f', 'docx', '-t', 'markdown', '--wrap=none', file], { encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 });
  if (run.error || run.status !== 0) return { error: run.error?.message ?? run.stderr.split('\n')[0] };
  return { text: run.stdout };
}

async function mammoth(bytes) {
  const { default: lib } = await import('mammoth');
  const result = await lib.convertToMarkdown({ buffer: Buffer.from(bytes) });
  return { text: result.value };
}

/** Child script timing our import in a fresh process. */
const child = (root) => `
import { readFileSync } from 'node:fs';
const { importDocx } = await import(${JSON.stringify(pathToFileURL(join(root, 'out/src/core/import/index.js')).href)});
const bytes = new Uint8Array(readFileSync(process.argv[2]));
const start = performance.now();
const result = importDocx(bytes, { assetsFolder: 'x.assets' });
process.stdout.write(JSON.stringify({ importMs: performance.now() - start, lines: result.text.split('\\n').length }));
`;

function timed(command, args) {
  const start = performance.now();
  const run = spawnSync(command, args, { encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 });
  return { ms: performance.now() - start, ok: run.status === 0, stdout: run.stdout, stderr: run.stderr };
}

export async function benchImport({ root = ROOT, repeats = 5 } = {}) {
  const { importDocx } = await import(pathToFileURL(join(root, 'out/src/core/import/index.js')).href);
  const folder = mkdtempSync(join(tmpdir(), 'report-md-bench-import-'));
  try {
    // 1. Fidelity.
    const fidelity = [];
    const generated = await numberedReport(3);
    const cases = [{ name: 'docx-built 一、（一）1.（1） report', bytes: generated.bytes, expected: generated.expected }];
    for (const [file, expected] of [
      ['07-customer-service-work-summary.docx', ['一、主要工作', '二、工作感悟', '三、成就与不足', '四、个人发展规划']],
      ['09-pandoc-gongwen-template-chushibiao.docx', ['一、一级标题a', '十、一级标题j', '十二、一级标题2', '（一）二级标题a', '（十一）二级标题k', '1.三级标题a', '（1）四级标题a']],
      ['01-qingshi-baogao-template.docx', ['一、使用方法', '（五）TODO', '（1）加盖公章', '四、图片', '一、图片们']],
    ]) {
      cases.push({ name: file, bytes: new Uint8Array(readFileSync(join(ROOT, 'test/fixtures/docx', file))), expected });
    }
    for (const entry of cases) {
      const path = join(folder, 'case.docx');
      writeFileSync(path, entry.bytes);
      const ours = importDocx(entry.bytes).text;
      const theirs = await mammoth(entry.bytes);
      const viaPandoc = pandoc(path);
      fidelity.push({
        name: entry.name,
        numbers: entry.expected.length,
        ours: countKept(ours, entry.expected),
        mammoth: countKept(theirs.text, entry.expected),
        pandoc: 'text' in viaPandoc ? countKept(viaPandoc.text, entry.expected) : undefined,
        mammothSample: outputLines(theirs.text).find((line) => /^1\./.test(line))?.slice(0, 20),
        pandocSample: 'text' in viaPandoc ? outputLines(viaPandoc.text).find((line) => /^1\./.test(line))?.slice(0, 20) : viaPandoc.error,
      });
    }

    // 2. Speed: 100 pages.
    const big = await numberedReport(16, { children2: 4, children3: 2, children4: 2, paragraphs: 3 });
    const bigFile = join(folder, 'hundred-pages.docx');
    writeFileSync(bigFile, big.bytes);
    const text = importDocx(big.bytes).text;
    const characters = [...text.replace(/\s/g, '')].length;
    const childScript = join(folder, 'import-child.mjs');
    writeFileSync(childScript, child(root));
    const ours = [];
    const inside = [];
    const mammothMs = [];
    const pandocMs = [];
    for (let index = 0; index < repeats; index++) {
      const run = timed(process.execPath, [childScript, bigFile]);
      if (!run.ok) throw new Error(`our import failed: ${run.stderr}`);
      ours.push(run.ms);
      inside.push(JSON.parse(run.stdout).importMs);
      const start = performance.now();
      await mammoth(big.bytes);
      mammothMs.push(performance.now() - start);
      const viaPandoc = timed('pandoc', ['-f', 'docx', '-t', 'markdown', '-o', join(folder, 'out.md'), bigFile]);
      if (viaPandoc.ok) pandocMs.push(viaPandoc.ms);
    }
    return {
      fidelity,
      speed: {
        pages: Math.round(characters / (22 * 28)),
        characters,
        numbered: big.expected.length,
        bytes: big.bytes.length,
        oursMs: median(ours),
        importMs: median(inside),
        mammothMs: median(mammothMs),
        pandocMs: pandocMs.length ? median(pandocMs) : undefined,
        oursKept: countKept(text, big.expected),
      },
    };
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  console.log(JSON.stringify(await benchImport(), null, 2));
}
