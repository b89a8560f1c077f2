/**
 * Whole-process measurement for the benchmark: wall time, CPU time and peak
 * resident memory (maxRSS) of one child process.
 *
 * Peak memory comes from GNU time (`/usr/bin/time -f %M`, Debian package
 * `time`) when it is installed. Without it, Node children are started with a
 * preload (scripts/bench-rss-preload.cjs) that reports their own
 * process.resourceUsage().maxRSS at exit; other commands fall back to sampling
 * /proc/<pid>/status VmHWM every 2 ms (a lower bound).
 */
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const PRELOAD = fileURLToPath(new URL('./bench-rss-preload.cjs', import.meta.url));

let gnuTimeCache;
/** '/usr/bin/time' when GNU time works here, else undefined. */
export function gnuTime() {
  if (gnuTimeCache !== undefined) return gnuTimeCache || undefined;
  gnuTimeCache = '';
  if (existsSync('/usr/bin/time')) {
    const probe = spawnSync('/usr/bin/time', ['-f', '%M', 'true'], { encoding: 'utf8' });
    if (probe.status === 0 && /^\d+$/.test(probe.stderr.trim().split('\n').pop() ?? '')) gnuTimeCache = '/usr/bin/time';
  }
  return gnuTimeCache || undefined;
}

/** Reads VmHWM (peak RSS, kB) of a running process from /proc; undefined when gone or not Linux. */
export function peakFromProc(pid) {
  try {
    const match = /VmHWM:\s+(\d+)\s+kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return match ? Number(match[1]) : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Runs `command args` and resolves { ok, code, signal, ms, cpuMs, maxRssKb, method, stdout, stderr, timedOut }
 * (cpuMs: user + system CPU time of the child, when GNU time or the preload report it).
 * `ok` is true when the exit code is in `okCodes` (default [0]). stdout is
 * discarded unless `keepStdout` (a 30 MB JSON report would skew nothing, but
 * is not needed). `node: true` marks a Node command (enables the preload fallback).
 */
export function measureProcess(command, args, { cwd, okCodes = [0], timeoutMs = 120_000, keepStdout = false, node = false } = {}) {
  const timer = gnuTime();
  let file = command;
  let argv = args;
  let rssFile;
  const env = { ...process.env };
  let method = 'gnu-time';
  if (timer) {
    [file, argv] = [timer, ['-f', '%U %S %M', command, ...args]];
  } else if (node) {
    method = 'preload-resourceUsage';
    const folder = mkdtempSync(join(tmpdir(), 'report-md-rss-'));
    rssFile = join(folder, 'rss');
    env.REPORT_MD_BENCH_RSS_FILE = rssFile;
    env.NODE_OPTIONS = `${env.NODE_OPTIONS ?? ''} --require ${JSON.stringify(PRELOAD)}`.trim();
  } else {
    method = 'proc-sampling';
  }
  return new Promise((resolve) => {
    const start = performance.now();
    const child = spawn(file, argv, { cwd, env, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stdoutBytes = 0;
    let stderr = '';
    let peak = 0;
    let timedOut = false;
    child.stdout.on('data', (chunk) => {
      stdoutBytes += chunk.length;
      if (keepStdout) stdout += chunk;
    });
    child.stderr.on('data', (chunk) => {
      // Keep the tail only: markdownlint-cli2 prints every finding on stderr.
      stderr = (stderr + chunk).slice(-8192);
    });
    const sampler =
      method === 'proc-sampling'
        ? setInterval(() => {
            const value = peakFromProc(child.pid);
            if (value !== undefined) peak = Math.max(peak, value);
          }, 2)
        : undefined;
    const killer = setTimeout(() => {
      timedOut = true;
      child.kill('SIGKILL');
    }, timeoutMs);
    const finish = (result) => {
      clearTimeout(killer);
      if (sampler) clearInterval(sampler);
      resolve(result);
    };
    child.on('error', (error) => finish({ ok: false, error: error.message, method }));
    child.on('close', (code, signal) => {
      const ms = performance.now() - start;
      let maxRssKb = peak || undefined;
      let cpuMs;
      if (method === 'gnu-time') {
        // GNU time appends "%U %S %M\n" last; a child's unterminated stderr line may precede it.
        const pattern = /(\d+(?:\.\d+)?) (\d+(?:\.\d+)?) (\d+)\s*$/;
        const match = pattern.exec(stderr);
        if (match) {
          cpuMs = (Number(match[1]) + Number(match[2])) * 1000;
          maxRssKb = Number(match[3]);
        }
        stderr = stderr.replace(pattern, '').replace(/Command exited with non-zero status \d+\s*$/, '');
      } else if (rssFile) {
        try {
          const reported = JSON.parse(readFileSync(rssFile, 'utf8'));
          maxRssKb = reported.maxRssKb;
          cpuMs = reported.cpuMs;
        } catch {
          maxRssKb = undefined;
        }
        rmSync(join(rssFile, '..'), { recursive: true, force: true });
      }
      // GNU time exits with the child's status.
      finish({ ok: !timedOut && okCodes.includes(code), code, signal, timedOut, ms, cpuMs, maxRssKb, method, stdout, stdoutBytes, stderr });
    });
  });
}
