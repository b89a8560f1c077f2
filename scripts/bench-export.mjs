/**
 * Export benchmark: our DOCX export of a text beside `pandoc -f markdown -t docx`
 * on the same text. Each side runs in its own child process; we report wall
 * time and peak resident memory (maxRSS) of each. Used by scripts/bench.mjs:
 *
 *   import { benchExport } from './bench-export.mjs';
 *   const result = await benchExport(text);
 *
 * Needs `npx tsc -b` first (imports the compiled core from out/).
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { gnuTime, peakFromProc } from './bench-process.mjs';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const ROOT = fileURLToPath(new URL('..', import.meta.url));

/** Child script: reads the input, parses + exports, writes the docx, prints timing and maxRSS as JSON. */
const child = (root) => `
import { readFileSync, writeFileSync } from 'node:fs';
const [input, output] = process.argv.slice(2);
const { parseReport } = await import(${JSON.stringify(pathToFileURL(join(root, 'out/src/core/index.js')).href)});
const { exportDocx } = await import(${JSON.stringify(pathToFileURL(join(root, 'out/src/core/export/index.js')).href)});
const text = readFileSync(input, 'utf8');
const start = performance.now();
const { data } = await exportDocx(parseReport(text).root, { source: text, date: new Date(0) });
const exportMs = performance.now() - start;
writeFileSync(output, data);
process.stdout.write(JSON.stringify({ exportMs, maxRssKb: process.resourceUsage().maxRSS, bytes: data.length }));
`;

/**
 * Runs a command, measuring wall time and peak RSS (kB): through GNU time when
 * available, else by sampling /proc/<pid>/status VmHWM every 2 ms (a lower bound).
 */
function measure(command, args) {
  const timer = gnuTime();
  const [file, argv] = timer ? [timer, ['-f', '%M', command, ...args]] : [command, args];
  return new Promise((resolve) => {
    const start = performance.now();
    const child = spawn(file, argv, { stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    let peak = 0;
    child.stdout.on('data', (chunk) => (stdout += chunk));
    child.stderr.on('data', (chunk) => (stderr += chunk));
    const sampler = timer
      ? undefined
      : setInterval(() => {
          const value = peakFromProc(child.pid);
          if (value !== undefined) peak = Math.max(peak, value);
        }, 2);
    child.on('error', (error) => {
      if (sampler) clearInterval(sampler);
      resolve({ ok: false, error: error.message });
    });
    child.on('close', (code) => {
      const ms = performance.now() - start;
      if (sampler) clearInterval(sampler);
      let maxRssKb = peak || undefined;
      if (timer) {
        // GNU time appends "%M\n" last; a child's unterminated last stderr line may precede it on the same line.
        const match = /(\d+)\s*$/.exec(stderr);
        maxRssKb = match ? Number(match[1]) : undefined;
        stderr = stderr.replace(/(\d+)\s*$/, '');
      }
      resolve({ ok: code === 0, code, ms, maxRssKb, stdout, stderr, method: timer ? 'gnu-time' : 'proc-sampling' });
    });
  });
}

/**
 * Times our export of `text` and pandoc's (`pandoc -f markdown -t docx`), each in a child process.
 * Returns milliseconds, peak memory in kB, and the ratios ours / pandoc (targets: time <= 0.5, memory <= 1).
 * `pandocMaxMemoryMb` caps pandoc's heap; beyond it pandoc fails and `pandoc.error` says so.
 * `root` is the folder whose out/ holds the compiled core (default: this repository;
 * scripts/bench.mjs passes a snapshot so that concurrent rebuilds cannot interfere).
 */
export async function benchExport(text, { pandocMaxMemoryMb = 8192, root = ROOT } = {}) {
  const folder = mkdtempSync(join(tmpdir(), 'report-md-bench-'));
  try {
    const input = join(folder, 'input.md');
    writeFileSync(input, text);
    const childScript = join(folder, 'export-child.mjs');
    writeFileSync(childScript, child(root));

    const oursRun = await measure(process.execPath, [childScript, input, join(folder, 'ours.docx')]);
    if (!oursRun.ok) throw new Error(`our export failed (${oursRun.code ?? oursRun.error}): ${oursRun.stderr ?? ''}`);
    const reported = JSON.parse(oursRun.stdout);
    const ours = {
      ms: Math.round(oursRun.ms),
      exportMs: Math.round(reported.exportMs),
      // The child's own getrusage figure is exact; prefer it over sampling.
      maxRssKb: reported.maxRssKb ?? oursRun.maxRssKb,
      bytes: reported.bytes,
    };

    // The heap cap keeps a runaway pandoc from taking the machine down (pandoc MANUAL: +RTS -M).
    const pandocRun = await measure('pandoc', ['+RTS', `-M${pandocMaxMemoryMb}m`, '-RTS', '-f', 'markdown', '-t', 'docx', '-o', join(folder, 'pandoc.docx'), input]);
    const pandoc = pandocRun.ok
      ? { ms: Math.round(pandocRun.ms), maxRssKb: pandocRun.maxRssKb, method: pandocRun.method }
      : { error: pandocRun.error ?? `exit ${pandocRun.code}: ${(pandocRun.stderr ?? '').trim().split('\n')[0]}` };

    return {
      characters: [...text].length,
      ours,
      pandoc,
      ratio:
        'ms' in pandoc
          ? { time: +(ours.ms / pandoc.ms).toFixed(3), memory: pandoc.maxRssKb ? +(ours.maxRssKb / pandoc.maxRssKb).toFixed(3) : undefined }
          : undefined,
    };
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
}

// `node scripts/bench-export.mjs FILE [TIMES]`: benchmark one file, optionally repeated.
if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const [file, times = '1'] = process.argv.slice(2);
  if (!file) {
    console.error('usage: node scripts/bench-export.mjs FILE [TIMES]');
    process.exit(2);
  }
  const text = Array.from({ length: Number(times) }, () => readFileSync(file, 'utf8')).join('\n\n');
  console.log(JSON.stringify(await benchExport(text), null, 2));
}
