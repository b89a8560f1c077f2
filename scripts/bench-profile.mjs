/**
 * CPU profile of our library lint on a file (default: the seeds ×100), to see
 * where the time goes. Runs scripts/bench-lib.mjs under `node --cpu-prof` and
 * summarizes the .cpuprofile: self time per function, self time per source
 * file, and inclusive time of our own functions (out/src/…).
 *
 *   node scripts/bench-profile.mjs [FILE] [--top N] [--keep DIR]
 *
 * Also profiles one whole-process CLI lint of FILE (dist/cli.cjs).
 *
 * Used by `npm run bench -- --profile`; also runnable alone (needs `npm run build`).
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { SourceMap } from 'node:module';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const LIB = join(ROOT, 'scripts/bench-lib.mjs');

function shortUrl(url) {
  if (!url) return '';
  const path = url.startsWith('file://') ? fileURLToPath(url) : url;
  // Paths inside the repository or inside bench.mjs's build snapshot, relative to it.
  for (const root of [process.env.REPORT_MD_BENCH_ROOT, ROOT]) {
    if (root && path.startsWith(root)) return relative(root, path);
  }
  return path;
}

const sourceMaps = new Map();
/** Maps a position in our compiled code (out/src/*.js, dist/*.cjs, with their .map) back to the TypeScript source. */
function original(url, line, column) {
  if (!url.endsWith('.cjs') && !url.includes('/out/src/')) return undefined;
  if (!sourceMaps.has(url)) {
    let map;
    try {
      const file = fileURLToPath(url.startsWith('file://') ? url : `file://${url}`) + '.map';
      if (existsSync(file)) map = new SourceMap(JSON.parse(readFileSync(file, 'utf8')));
    } catch {
      map = undefined;
    }
    sourceMaps.set(url, map);
  }
  const entry = sourceMaps.get(url)?.findEntry(line, column);
  if (!entry?.originalSource) return undefined;
  const source = entry.originalSource.replace(/^(?:file:\/\/)?(?:\.\.\/)+/, '');
  return `${source}:${entry.originalLine + 1}`;
}

function keyOf(frame) {
  const name = frame.functionName || '(anonymous)';
  const url = shortUrl(frame.url);
  if (!url) return name;
  const mapped = original(frame.url, frame.lineNumber, frame.columnNumber);
  return mapped ? `${name} ${mapped}` : `${name} ${url}:${frame.lineNumber + 1}`;
}

/** Summarizes a V8 .cpuprofile object. */
export function summarize(profile, top = 15, ours = (url) => url.includes('/out/src/')) {
  const nodes = new Map(profile.nodes.map((node) => [node.id, node]));
  const self = new Map();
  for (let i = 0; i < profile.samples.length; i++) {
    const id = profile.samples[i];
    self.set(id, (self.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0) / 1000);
  }
  const total = [...self.values()].reduce((a, b) => a + b, 0);
  const idle = [...self].filter(([id]) => nodes.get(id).callFrame.functionName === '(idle)').reduce((a, [, ms]) => a + ms, 0);
  const busy = total - idle;

  const selfByFunction = new Map();
  const selfByFile = new Map();
  for (const [id, ms] of self) {
    const frame = nodes.get(id).callFrame;
    const fn = keyOf(frame);
    selfByFunction.set(fn, (selfByFunction.get(fn) ?? 0) + ms);
    const file = shortUrl(frame.url) || frame.functionName;
    selfByFile.set(file, (selfByFile.get(file) ?? 0) + ms);
  }

  // Inclusive time of our own functions; recursion counted once per stack.
  const inclusive = new Map();
  const parents = new Map();
  for (const node of profile.nodes) for (const child of node.children ?? []) parents.set(child, node.id);
  const subtree = new Map();
  const visit = (id) => {
    if (subtree.has(id)) return subtree.get(id);
    const node = nodes.get(id);
    let ms = self.get(id) ?? 0;
    for (const child of node.children ?? []) ms += visit(child);
    subtree.set(id, ms);
    return ms;
  };
  for (const node of profile.nodes) {
    if (!parents.has(node.id)) visit(node.id);
  }
  for (const node of profile.nodes) {
    if (!ours(node.callFrame.url)) continue;
    const key = keyOf(node.callFrame);
    let ancestor = parents.get(node.id);
    let nested = false;
    while (ancestor !== undefined) {
      if (keyOf(nodes.get(ancestor).callFrame) === key) {
        nested = true;
        break;
      }
      ancestor = parents.get(ancestor);
    }
    if (!nested) inclusive.set(key, (inclusive.get(key) ?? 0) + subtree.get(node.id));
  }

  const rank = (map) =>
    [...map]
      .sort((a, b) => b[1] - a[1])
      .slice(0, top)
      .map(([name, ms]) => ({ name, ms: Math.round(ms), share: +((100 * ms) / busy).toFixed(1) }));
  return { busyMs: Math.round(busy), selfByFunction: rank(selfByFunction), selfByFile: rank(selfByFile), inclusiveOurs: rank(inclusive) };
}

/** Runs `node --cpu-prof …argv` and returns the parsed profile and the child's stdout. */
function profileNode(argv, { keep, okCodes = [0], cwd } = {}) {
  const folder = keep ?? mkdtempSync(join(tmpdir(), 'report-md-prof-'));
  try {
    const result = spawnSync(process.execPath, ['--cpu-prof', '--cpu-prof-dir', folder, ...argv], {
      cwd,
      encoding: 'utf8',
      maxBuffer: 256 * 1024 * 1024,
      timeout: 180_000,
    });
    if (!okCodes.includes(result.status)) throw new Error(`profiled run failed (${result.status}): ${result.stderr || result.error}`);
    const name = readdirSync(folder).find((entry) => entry.endsWith('.cpuprofile'));
    return { profile: JSON.parse(readFileSync(join(folder, name), 'utf8')), stdout: result.stdout, profileFile: keep ? join(folder, name) : undefined };
  } finally {
    if (!keep) rmSync(folder, { recursive: true, force: true });
  }
}

/** Profiles our library lint on FILE (1 warmup + `runs` timed runs) and returns the summary. */
export function profileLint(file, { top = 15, runs = 3, keep } = {}) {
  const { profile, stdout, profileFile } = profileNode([LIB, 'ours', file, '1', String(runs)], { keep });
  const run = JSON.parse(stdout);
  return { ...summarize(profile, top), title: `1 warmup + ${run.times.length} runs of lint() on ${run.characters} characters`, run, profileFile };
}

/** Profiles one whole CLI run, `node dist/cli.cjs lint FILE --format json` (the bundle keeps function names). */
export function profileCli(file, { top = 15, keep, cli = join(ROOT, 'dist/cli.cjs') } = {}) {
  const { profile, profileFile } = profileNode([cli, 'lint', file, '--format', 'json'], { keep, okCodes: [0, 1] });
  return { ...summarize(profile, top, (url) => url.includes('/dist/cli.cjs')), title: 'one run of `node dist/cli.cjs lint FILE --format json`', profileFile };
}

export function formatProfile(summary) {
  const lines = [];
  const table = (title, rows) => {
    lines.push('', `${title}`, '', '| # | ms | % of busy | function / file |', '|---:|---:|---:|---|');
    rows.forEach((row, i) => lines.push(`| ${i + 1} | ${row.ms} | ${row.share} | \`${row.name}\` |`));
  };
  lines.push(`Profiled: ${summary.title}; busy CPU ${summary.busyMs} ms (whole process, including module loading).`);
  table('Self time by function', summary.selfByFunction);
  table('Self time by file', summary.selfByFile);
  table('Inclusive time of our functions', summary.inclusiveOurs);
  return lines.join('\n');
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const args = process.argv.slice(2);
  const option = (name) => {
    const index = args.indexOf(name);
    if (index === -1) return undefined;
    const [, value] = args.splice(index, 2);
    return value;
  };
  const top = Number(option('--top') ?? 15);
  const keep = option('--keep');
  let file = args[0];
  let cleanup;
  if (!file) {
    const { seedsText } = await import('./bench-seeds.mjs');
    const folder = mkdtempSync(join(tmpdir(), 'report-md-prof-in-'));
    file = join(folder, 'x100.report.md');
    writeFileSync(file, seedsText(100));
    cleanup = folder;
  }
  try {
    console.log('## Library lint\n');
    console.log(formatProfile(profileLint(file, { top, keep })));
    console.log('\n## Whole CLI process\n');
    console.log(formatProfile(profileCli(file, { top, keep })));
  } finally {
    if (cleanup) rmSync(cleanup, { recursive: true, force: true });
  }
}
