/**
 * Library lint timing, one tool per fresh process (no shared JIT or heap
 * between tools):
 *
 *   node scripts/bench-lib.mjs ours|markdownlint|zhlint FILE [WARMUP] [RUNS]
 *
 * Reads FILE as UTF-8, runs the tool WARMUP times untimed, then RUNS times
 * timed, and prints one JSON line: { tool, characters, times, median, cpuTimes, cpuMedian, findings, maxRssKb }
 * (times in ms; cpu = user + system CPU time of the process during the run).
 * Each tool gets the same string and its default configuration:
 * - ours: lint(text) from out/src/core/index.js (needs `npm run build`);
 * - markdownlint: the sync API, lint({ strings: { doc: text } }), default config (all rules);
 * - zhlint: run(text, { rules: { preset: 'default' } }), what its CLI uses
 *   without a config file (with no `rules`, zhlint checks nothing).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

// scripts/bench.mjs points this at a snapshot of out/ (concurrent rebuilds cannot interfere).
const ROOT = process.env.REPORT_MD_BENCH_ROOT || fileURLToPath(new URL('..', import.meta.url));

/** Returns (text) => number of findings. */
async function loadTool(tool) {
  switch (tool) {
    case 'ours': {
      const { lint } = await import(pathToFileURL(join(ROOT, 'out/src/core/index.js')).href);
      return (text) => lint(text).length;
    }
    case 'markdownlint': {
      const { lint } = await import('markdownlint/sync');
      return (text) => lint({ strings: { doc: text } }).doc.length;
    }
    case 'zhlint': {
      const { run } = await import('zhlint');
      return (text) => run(text, { rules: { preset: 'default' } }).validations.length;
    }
    default:
      throw new Error(`unknown tool ${tool}`);
  }
}

export function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = sorted.length >> 1;
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const [tool, file, warmup = '1', runs = '5'] = process.argv.slice(2);
  if (!tool || !file) {
    console.error('usage: node scripts/bench-lib.mjs ours|markdownlint|zhlint FILE [WARMUP] [RUNS]');
    process.exit(2);
  }
  const text = readFileSync(file, 'utf8');
  const check = await loadTool(tool);
  let findings = 0;
  for (let i = 0; i < Number(warmup); i++) findings = check(text);
  const times = [];
  const cpuTimes = [];
  for (let i = 0; i < Number(runs); i++) {
    const cpu = process.cpuUsage();
    const start = performance.now();
    findings = check(text);
    times.push(performance.now() - start);
    const used = process.cpuUsage(cpu);
    // User + system CPU of the whole process (GC helper threads included): less sensitive than wall time to other load.
    cpuTimes.push((used.user + used.system) / 1000);
  }
  process.stdout.write(
    JSON.stringify({
      tool,
      characters: text.length,
      times,
      median: median(times),
      cpuTimes,
      cpuMedian: median(cpuTimes),
      findings,
      maxRssKb: process.resourceUsage().maxRSS,
    }) + '\n',
  );
}
