/**
 * `npm run bench`: Report Markdown beside its peer tools, in one run, on the
 * same text (the five seeds concatenated, ×10 and ×100; ×100 ≈ 2.1 M characters).
 * This is a report, not a gate: it prints a table with PASS/MISS per target and
 * exits 0 unless a measurement itself crashed (then 1). Results are recorded in
 * BENCHMARKS.md. Speed and memory targets live here only, never in unit tests.
 *
 *   npm run bench [-- --no-build] [--quick] [--profile] [--json FILE]
 *
 *   --no-build   skip `npm run build` (use the current out/ and dist/)
 *   --quick      fewer repetitions (smoke test of the script; numbers are noisier)
 *   --profile    also CPU-profile our lint on ×100 and print the hot spots
 *   --json FILE  also write the raw measurements as JSON
 *
 * After the build, out/src and dist are copied to a temporary snapshot and
 * everything of ours is measured from there, so a rebuild in the working tree
 * during the run cannot change or break what is measured.
 *
 * Sections (each tool in its own fresh Node process, run one after another):
 * 1. Library lint: our core lint() vs markdownlint (sync API, default config)
 *    vs zhlint (default preset); warmup, then the median of several runs, in
 *    rounds that alternate the tools. Wall time is judged; the ratio of CPU
 *    time (user + system) is shown too because it suffers less from other load.
 * 2. Whole-process CLI on ×100: `node dist/cli.cjs lint FILE --format json`
 *    vs markdownlint-cli2 (its bin run with node directly, without npx's own
 *    start-up): median wall time, peak RSS (GNU time when present).
 * 3. DOCX export on ×100: ours vs `pandoc -f markdown -t docx` (bench-export.mjs).
 * 5. Word import (bench-import.mjs): a 100-page report with Word numbering imported
 *    in a fresh Node process (target < 1 s), beside mammoth and pandoc; and how many
 *    of Word's automatic numbers (一、 （一） 1. （1）) each tool writes out as Word shows them.
 * 4. Extension: require + activate() of the bundle with a fake `vscode` module
 *    (bench-activation.mjs), VSIX size and contents (`vsce package`, `vsce ls`).
 *    `vsce package` runs the production build (vscode:prepublish), so the
 *    activation target is judged on the shipped bundle; afterwards the
 *    development bundles of `npm run build` are restored.
 */
import { spawnSync } from 'node:child_process';
import { copyFileSync, cpSync, mkdtempSync, readFileSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { cpus, freemem, loadavg, platform, release, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { benchExport } from './bench-export.mjs';
import { benchImport } from './bench-import.mjs';
import { median } from './bench-lib.mjs';
import { gnuTime, measureProcess } from './bench-process.mjs';
import { formatProfile, profileCli, profileLint } from './bench-profile.mjs';
import { seedsText } from './bench-seeds.mjs';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const args = process.argv.slice(2);
const flag = (name) => args.includes(name);
const jsonOut = args.includes('--json') ? args[args.indexOf('--json') + 1] : undefined;
const QUICK = flag('--quick');

const VSIX_LIMIT_BYTES = 1.5 * 1024 * 1024;
const FORBIDDEN_IN_VSIX = ['src/', 'test/', 'out/', 'node_modules/'];
const ZHLINT_TIMEOUT_MS = 60_000;

/** Progress goes to stderr; the report to stdout. */
const log = (message) => process.stderr.write(`[bench] ${message}\n`);
const round = (value, digits = 0) => (value === undefined || Number.isNaN(value) ? undefined : +value.toFixed(digits));
const mb = (kb) => (kb === undefined ? undefined : kb / 1024);

let crashed = false;
const results = { started: new Date().toISOString(), sections: {} };
const rows = [];

/** Runs one section; a throw becomes an ERROR row instead of ending the run. */
async function section(name, body) {
  const start = performance.now();
  log(`${name} …`);
  try {
    results.sections[name] = await body();
  } catch (error) {
    crashed = true;
    results.sections[name] = { error: String(error?.message ?? error) };
    rows.push({ name, error: String(error?.message ?? error).split('\n')[0].slice(0, 160) });
  }
  log(`${name} done in ${((performance.now() - start) / 1000).toFixed(1)} s`);
}

function run(command, argv, options = {}) {
  return spawnSync(command, argv, { cwd: ROOT, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024, ...options });
}

function versionOf(pkg) {
  try {
    return JSON.parse(readFileSync(join(ROOT, 'node_modules', pkg, 'package.json'), 'utf8')).version;
  } catch {
    return undefined;
  }
}

function environment() {
  const pandoc = run('pandoc', ['--version']);
  const git = run('git', ['rev-parse', '--short', 'HEAD']);
  const dirty = run('git', ['status', '--porcelain', '--', 'src']);
  let os = `${platform()} ${release()}`;
  try {
    os = /PRETTY_NAME="([^"]+)"/.exec(readFileSync('/etc/os-release', 'utf8'))?.[1] + ` (kernel ${release()})`;
  } catch {
    // keep the generic name
  }
  return {
    cpu: cpus()[0]?.model?.trim(),
    cores: cpus().length,
    memoryGb: round(totalmem() / 2 ** 30, 1),
    loadAverageAtStart: loadavg().map((value) => round(value, 1)),
    freeMemoryGb: round(freemem() / 2 ** 30, 1),
    os,
    node: process.version,
    commit: git.status === 0 ? git.stdout.trim() + (dirty.stdout.trim() ? ' (src/ has uncommitted changes)' : '') : undefined,
    markdownlint: versionOf('markdownlint'),
    markdownlintCli2: versionOf('markdownlint-cli2'),
    zhlint: versionOf('zhlint'),
    vsce: versionOf('@vscode/vsce'),
    pandoc: pandoc.status === 0 ? pandoc.stdout.split('\n')[0].replace(/^pandoc\s+/, '') : undefined,
    gnuTime: Boolean(gnuTime()),
  };
}

/** Runs scripts/bench-lib.mjs in a fresh process. */
async function libRun(tool, file, warmup, runs, timeoutMs = 180_000) {
  const outcome = await measureProcess(process.execPath, [join(ROOT, 'scripts/bench-lib.mjs'), tool, file, String(warmup), String(runs)], {
    keepStdout: true,
    timeoutMs,
    node: true,
  });
  if (outcome.timedOut) return { tool, timedOut: true, timeoutMs };
  if (!outcome.ok) throw new Error(`${tool} failed (exit ${outcome.code}): ${outcome.stderr.trim().split('\n').slice(-3).join(' ')}`);
  return { ...JSON.parse(outcome.stdout), warmup, processMaxRssKb: outcome.maxRssKb };
}

function verdict(ok) {
  return ok === undefined ? 'n/a' : ok ? 'PASS' : 'MISS';
}

/**
 * Copies the build (out/src, dist, package.json; node_modules linked) to `folder`, so
 * that a rebuild by someone else in the working tree during the run cannot change or
 * break what is measured. Returns the snapshot root.
 */
function snapshot(folder) {
  const root = join(folder, 'build');
  cpSync(join(ROOT, 'out/src'), join(root, 'out/src'), { recursive: true });
  cpSync(join(ROOT, 'dist'), join(root, 'dist'), { recursive: true });
  copyFileSync(join(ROOT, 'package.json'), join(root, 'package.json'));
  symlinkSync(join(ROOT, 'node_modules'), join(root, 'node_modules'), 'dir');
  return root;
}

async function main() {
  const folder = mkdtempSync(join(tmpdir(), 'report-md-bench-'));
  try {
    if (!flag('--no-build')) {
      log('npm run build …');
      const build = run('npm', ['run', 'build'], { stdio: ['ignore', 'ignore', 'pipe'] });
      if (build.status !== 0) throw new Error(`npm run build failed:\n${build.stderr}`);
    }
    const build = snapshot(folder);
    // Children (bench-lib.mjs, the profiler) load our core from the snapshot.
    process.env.REPORT_MD_BENCH_ROOT = build;
    results.environment = environment();

    const texts = { 10: seedsText(10), 100: seedsText(100) };
    const files = {};
    for (const [times, text] of Object.entries(texts)) {
      files[times] = join(folder, `seeds-x${times}.report.md`);
      writeFileSync(files[times], text);
    }
    results.input = Object.fromEntries(Object.entries(texts).map(([times, text]) => [`x${times}`, { characters: text.length, bytes: Buffer.byteLength(text) }]));

    // 1. Library lint. Fresh process per tool and round; rounds alternate the
    // tools so that load from elsewhere on the machine hits both alike.
    await section('library lint', async () => {
      const plan = QUICK
        ? { 10: { rounds: 1, warmup: 1, runs: 3 }, 100: { rounds: 1, warmup: 1, runs: 2 } }
        : { 10: { rounds: 5, warmup: 6, runs: 3 }, 100: { rounds: 3, warmup: 2, runs: 2 } };
      const out = {};
      for (const times of [10, 100]) {
        const { rounds, warmup, runs } = plan[times];
        const rounds_ = { ours: [], markdownlint: [] };
        for (let round_ = 0; round_ < rounds; round_++) {
          for (const tool of ['ours', 'markdownlint']) rounds_[tool].push(await libRun(tool, files[times], warmup, runs));
        }
        const merge = (list) => {
          const all = list.flatMap((r) => r.times);
          const cpu = list.flatMap((r) => r.cpuTimes);
          return {
            median: median(all),
            times: all,
            cpuMedian: median(cpu),
            cpuTimes: cpu,
            findings: list[0].findings,
            maxRssKb: Math.max(...list.map((r) => r.maxRssKb)),
            rounds: list.length,
            warmup,
          };
        };
        const ours = merge(rounds_.ours);
        const markdownlint = merge(rounds_.markdownlint);
        // zhlint is slow (about 10 s per run at ×100): a single run there, capped by a timeout.
        const zhlint =
          times === 100
            ? await libRun('zhlint', files[times], 0, 1, ZHLINT_TIMEOUT_MS)
            : await libRun('zhlint', files[times], 1, QUICK ? 2 : 5, ZHLINT_TIMEOUT_MS);
        out[`x${times}`] = { ours, markdownlint, zhlint };
        const chars = `${round(texts[times].length / 1e6, 2)} M chars`;
        const ratio = ours.median / markdownlint.median;
        rows.push({
          name: `Library lint ×${times} (${chars}), median of ${ours.times.length}`,
          cpuRatio: ours.cpuMedian / markdownlint.cpuMedian,
          ours: `${round(ours.median)} ms`,
          peer: `markdownlint ${round(markdownlint.median)} ms`,
          ratio,
          target: '≤ 0.5×',
          result: verdict(ratio <= 0.5),
        });
        rows.push(
          zhlint.timedOut
            ? { name: `  … beside zhlint ×${times}`, ours: `${round(ours.median)} ms`, peer: `zhlint > ${ZHLINT_TIMEOUT_MS / 1000} s (timed out)`, target: '—', result: 'info' }
            : {
                name: `  … beside zhlint ×${times}, ${zhlint.times.length === 1 ? '1 run, no warmup' : `median of ${zhlint.times.length}`}`,
                ours: `${round(ours.median)} ms`,
                peer: `zhlint ${round(zhlint.median)} ms`,
                ratio: ours.median / zhlint.median,
                cpuRatio: ours.cpuMedian / zhlint.cpuMedian,
                target: '—',
                result: 'info',
              },
        );
      }
      return out;
    });

    // 2. Whole-process CLI on ×100.
    await section('cli', async () => {
      const name = 'seeds-x100.report.md';
      const commands = {
        ours: [process.execPath, [join(build, 'dist/cli.cjs'), 'lint', name, '--format', 'json']],
        markdownlintCli2: [process.execPath, [join(ROOT, 'node_modules/markdownlint-cli2/markdownlint-cli2-bin.mjs'), name]],
      };
      const samples = { ours: [], markdownlintCli2: [] };
      const repeats = QUICK ? 2 : 5;
      // One untimed run each (page cache, compile cache), then interleaved timed runs.
      for (let i = -1; i < repeats; i++) {
        for (const [tool, [command, argv]] of Object.entries(commands)) {
          // Exit 1 = "findings with error severity" for both tools.
          const outcome = await measureProcess(command, argv, { cwd: folder, okCodes: [0, 1], node: true });
          if (!outcome.ok) throw new Error(`${tool} CLI failed (exit ${outcome.code ?? outcome.error}): ${outcome.stderr.trim().split('\n').slice(-2).join(' ')}`);
          if (i >= 0) {
            samples[tool].push({ ms: outcome.ms, cpuMs: outcome.cpuMs, maxRssKb: outcome.maxRssKb, code: outcome.code, stdoutBytes: outcome.stdoutBytes, method: outcome.method });
          }
        }
      }
      const summary = (list) => ({
        ms: median(list.map((s) => s.ms)),
        cpuMs: list.every((s) => s.cpuMs !== undefined) ? median(list.map((s) => s.cpuMs)) : undefined,
        maxRssKb: Math.max(...list.map((s) => s.maxRssKb ?? 0)) || undefined,
        samples: list,
      });
      const ours = summary(samples.ours);
      const peer = summary(samples.markdownlintCli2);
      const ratio = ours.ms / peer.ms;
      rows.push({
        name: `CLI lint ×100, whole process, median of ${repeats}`,
        cpuRatio: ours.cpuMs / peer.cpuMs,
        ours: `${round(ours.ms)} ms`,
        peer: `markdownlint-cli2 ${round(peer.ms)} ms`,
        ratio,
        target: '≤ 0.5×',
        result: verdict(ratio <= 0.5),
      });
      rows.push({
        name: 'CLI lint ×100, peak RSS (max of runs)',
        ours: `${round(mb(ours.maxRssKb))} MB`,
        peer: `markdownlint-cli2 ${round(mb(peer.maxRssKb))} MB`,
        ratio: ours.maxRssKb / peer.maxRssKb,
        target: '< 300 MB',
        result: verdict(ours.maxRssKb === undefined ? undefined : mb(ours.maxRssKb) < 300),
      });
      return { ours, markdownlintCli2: peer };
    });

    // 3. DOCX export on ×100.
    await section('export', async () => {
      const repeats = QUICK ? 1 : 3;
      const runs = [];
      for (let i = 0; i < repeats; i++) runs.push(await benchExport(texts[100], { root: build }));
      const pandocRuns = runs.filter((r) => 'ms' in r.pandoc);
      const ours = {
        ms: median(runs.map((r) => r.ours.ms)),
        exportMs: median(runs.map((r) => r.ours.exportMs)),
        maxRssKb: Math.max(...runs.map((r) => r.ours.maxRssKb)),
        bytes: runs[0].ours.bytes,
      };
      const pandoc = pandocRuns.length
        ? { ms: median(pandocRuns.map((r) => r.pandoc.ms)), maxRssKb: Math.max(...pandocRuns.map((r) => r.pandoc.maxRssKb ?? 0)) || undefined }
        : { error: runs[0].pandoc.error };
      const timeRatio = pandoc.ms ? ours.ms / pandoc.ms : undefined;
      const memoryRatio = pandoc.maxRssKb ? ours.maxRssKb / pandoc.maxRssKb : undefined;
      rows.push({
        name: `Export ×100 to DOCX, whole process, median of ${repeats}`,
        ours: `${round(ours.ms)} ms (export() alone ${round(ours.exportMs)})`,
        peer: pandoc.ms ? `pandoc ${round(pandoc.ms)} ms` : `pandoc: ${pandoc.error}`,
        ratio: timeRatio,
        target: '≤ 0.5×',
        result: verdict(timeRatio === undefined ? undefined : timeRatio <= 0.5),
      });
      rows.push({
        name: 'Export ×100, peak RSS (max of runs)',
        ours: `${round(mb(ours.maxRssKb))} MB`,
        peer: pandoc.maxRssKb ? `pandoc ${round(mb(pandoc.maxRssKb))} MB` : 'pandoc n/a',
        ratio: memoryRatio,
        target: '≤ 1× pandoc',
        result: verdict(memoryRatio === undefined ? undefined : memoryRatio <= 1),
      });
      return { ours, pandoc, runs };
    });

    // 5. Word import: numbering kept, and speed on 100 pages.
    await section('import', async () => {
      const result = await benchImport({ root: build, repeats: QUICK ? 2 : 5 });
      const { speed } = result;
      rows.push({
        name: `Import a ${speed.pages}-page Word report (${speed.numbered} numbered headings), whole process, median of ${QUICK ? 2 : 5}`,
        ours: `${round(speed.oursMs)} ms (importDocx() alone ${round(speed.importMs)})`,
        peer: `mammoth ${round(speed.mammothMs)} ms, pandoc ${speed.pandocMs === undefined ? 'n/a' : `${round(speed.pandocMs)} ms`}`,
        ratio: undefined,
        target: '< 1 s',
        result: verdict(speed.oursMs < 1000),
      });
      for (const entry of result.fidelity) {
        rows.push({
          name: `Word numbers written as Word shows them: ${entry.name}`,
          ours: `${entry.ours}/${entry.numbers}`,
          peer: `mammoth ${entry.mammoth}/${entry.numbers}, pandoc ${entry.pandoc ?? 'n/a'}/${entry.numbers}`,
          ratio: undefined,
          target: 'all',
          result: verdict(entry.ours === entry.numbers),
        });
      }
      return result;
    });

    // 4. Extension: activation and VSIX.
    const activation = async (label, bundle) => {
      const samples = [];
      for (let i = 0; i < (QUICK ? 3 : 7); i++) {
        const result = run(process.execPath, [join(ROOT, 'scripts/bench-activation.mjs'), bundle]);
        const line = JSON.parse(result.stdout.trim().split('\n').pop() || '{}');
        if (line.error || result.status !== 0) throw new Error(`activation (${label}) failed: ${line.error ?? result.stderr}`);
        samples.push(line);
      }
      // The sample with the median total, so that its parts add up.
      const middle = [...samples].sort((a, b) => a.totalMs - b.totalMs)[samples.length >> 1];
      return {
        bundleBytes: statSync(bundle).size,
        requireMs: middle.requireMs,
        activateMs: middle.activateMs,
        totalMs: middle.totalMs,
        totals: samples.map((s) => s.totalMs),
        samples: samples.length,
      };
    };
    let devActivation;
    await section('activation (npm run build bundle)', async () => {
      devActivation = await activation('development bundle', join(build, 'dist/extension.cjs'));
      return devActivation;
    });
    await section('vsix', async () => {
      const vsix = join(folder, 'report-markdown.vsix');
      const pack = run('npx', ['--no', 'vsce', 'package', '--no-dependencies', '-o', vsix], { stdio: ['ignore', 'pipe', 'pipe'] });
      if (pack.status !== 0) throw new Error(`vsce package failed: ${(pack.stderr || pack.stdout).trim().split('\n').slice(-3).join(' ')}`);
      const shipped = await activation('production bundle', join(ROOT, 'dist/extension.cjs'));
      const size = statSync(vsix).size;
      const ls = run('npx', ['--no', 'vsce', 'ls', '--no-dependencies']);
      if (ls.status !== 0) throw new Error(`vsce ls failed: ${ls.stderr.trim()}`);
      const listed = ls.stdout.split('\n').map((l) => l.trim()).filter((l) => l && !l.startsWith('npm warn'));
      const forbidden = listed.filter((entry) => FORBIDDEN_IN_VSIX.some((prefix) => entry.startsWith(prefix)));
      rows.push({
        name: `Extension activation, shipped bundle (${round(shipped.bundleBytes / 1024)} KB): require + activate(), median of ${shipped.samples} processes`,
        ours: `${round(shipped.totalMs, 1)} ms`,
        peer: `(require ${round(shipped.requireMs, 1)} + activate ${round(shipped.activateMs, 1)})`,
        target: '< 50 ms',
        result: verdict(shipped.totalMs < 50),
      });
      if (devActivation) {
        rows.push({
          name: `  … development bundle of npm run build (${round(devActivation.bundleBytes / 1024)} KB)`,
          ours: `${round(devActivation.totalMs, 1)} ms`,
          peer: `(require ${round(devActivation.requireMs, 1)} + activate ${round(devActivation.activateMs, 1)})`,
          target: '—',
          result: 'info',
        });
      }
      rows.push({
        name: 'VSIX size (vsce package --no-dependencies)',
        ours: `${round(size / 1024)} KB`,
        peer: 'limit 1536 KB',
        ratio: size / VSIX_LIMIT_BYTES,
        target: '< 1.5 MB',
        result: verdict(size < VSIX_LIMIT_BYTES),
      });
      rows.push({
        name: 'VSIX contents (vsce ls): no src/ test/ out/ node_modules/',
        ours: `${listed.length} files`,
        peer: forbidden.length ? `found: ${forbidden.slice(0, 3).join(', ')}` : 'none found',
        target: 'none',
        result: verdict(forbidden.length === 0),
      });
      return { vsixBytes: size, files: listed, forbidden, shippedActivation: shipped };
    });
    // vsce package replaced dist/ with the minified production build: restore `npm run build`'s bundles.
    const restore = run(process.execPath, [join(ROOT, 'scripts/build.mjs')]);
    if (restore.status !== 0) log(`warning: restoring the development bundles failed: ${restore.stderr}`);

    if (flag('--profile')) {
      await section('profile', async () => {
        const lint = profileLint(files[100]);
        const cli = profileCli(files[100], { cli: join(build, 'dist/cli.cjs') });
        results.profileText = ['### Library lint()', '', formatProfile(lint), '', '### Whole CLI process', '', formatProfile(cli)].join('\n');
        return { lint, cli };
      });
    }
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
}

function report() {
  const env = results.environment ?? {};
  const lines = [];
  lines.push(`Report Markdown benchmark, ${results.started}`);
  lines.push(
    `Machine: ${env.cpu} × ${env.cores} cores, ${env.memoryGb} GB RAM, ${env.os}; Node ${env.node}; commit ${env.commit ?? '?'}`,
    `Peers: markdownlint ${env.markdownlint}, markdownlint-cli2 ${env.markdownlintCli2}, zhlint ${env.zhlint}, pandoc ${env.pandoc ?? 'not installed'}, @vscode/vsce ${env.vsce}; peak RSS via ${env.gnuTime ? 'GNU time' : 'process.resourceUsage() preload'}`,
    `Load average (1, 5, 15 min): ${env.loadAverageAtStart?.join(' ')} at start, ${results.loadAverageAtEnd?.join(' ')} at end (${env.cores} cores; above ${env.cores} means other work competed)`,
    `Input: seeds ×10 = ${results.input?.x10?.characters} characters, ×100 = ${results.input?.x100?.characters} characters`,
    '',
    '| Measurement | Ours | Peer | Ours / peer | Target | Result |',
    '|---|---:|---:|---:|---|---|',
  );
  for (const row of rows) {
    if (row.error) lines.push(`| ${row.name} | — | — | — | — | ERROR: ${row.error.replace(/\|/g, '/')} |`);
    else {
      const ratio = row.ratio === undefined || !Number.isFinite(row.ratio) ? '—' : `${row.ratio.toFixed(2)}×`;
      const cpu = row.cpuRatio !== undefined && Number.isFinite(row.cpuRatio) ? ` (CPU ${row.cpuRatio.toFixed(2)}×)` : '';
      lines.push(`| ${row.name} | ${row.ours} | ${row.peer} | ${ratio}${cpu} | ${row.target} | ${row.result} |`);
    }
  }
  const misses = rows.filter((row) => row.result === 'MISS').length;
  const passes = rows.filter((row) => row.result === 'PASS').length;
  lines.push(
    '',
    `${passes} PASS, ${misses} MISS${crashed ? ', some measurements crashed (ERROR)' : ''}. A report, not a gate.`,
    'Ratios are of wall-time medians (judged); "CPU" is the same ratio of user + system CPU time, less sensitive to other load on the machine.',
  );
  if (results.profileText) lines.push('', '## Where the time goes (lint ×100)', results.profileText);
  return lines.join('\n');
}

const started = performance.now();
try {
  await main();
} catch (error) {
  crashed = true;
  rows.push({ name: 'bench', error: String(error?.message ?? error) });
}
results.rows = rows;
results.loadAverageAtEnd = loadavg().map((value) => round(value, 1));
results.totalSeconds = round((performance.now() - started) / 1000, 1);
console.log(report());
console.log(`\n(total ${results.totalSeconds} s)`);
if (jsonOut) writeFileSync(jsonOut, JSON.stringify(results, null, 2));
process.exitCode = crashed ? 1 : 0;
