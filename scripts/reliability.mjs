/**
 * `npm run reliability`: runs every bad-input case of the CLI (devices, FIFOs,
 * sockets, links, permissions, concurrent edits, huge inputs, encodings,
 * reserved config keys) against the built CLI (`node dist/cli.cjs …`) and
 * regenerates RELIABILITY.md: case, command, exit code, wall time, peak memory,
 * held/failed. Exits 1 when a case failed (a safety property broke), else 0.
 *
 *   node scripts/reliability.mjs [--build] [--cli FILE] [--out FILE] [--json FILE] [--no-write]
 *
 *   --build      run `npm run build` first (npm run reliability does)
 *   --cli FILE   measure another build of the CLI (e.g. an old commit's dist/cli.cjs)
 *   --out FILE   write the table there instead of RELIABILITY.md
 *   --json FILE  also write the raw results as JSON
 *   --no-write   print only
 *
 * The cases live in test/fixtures/cli-safety/cases.mjs and are also the mocha
 * test test/unit/cli-safety.test.ts (there against out/src/cli/bin.js).
 * dist/cli.cjs is one self-contained bundle: it is copied to a temporary folder
 * first, so a rebuild in the working tree during the run cannot change what is
 * measured. Peak memory: GNU time (`/usr/bin/time -v`, maximum resident set
 * size) when present, else process.resourceUsage().maxRSS reported by the CLI
 * process itself through a preload (test/fixtures/cli-safety/report-usage.cjs).
 * Run as root to include the cases that need it (device nodes, other users);
 * otherwise they are listed as skipped.
 */
import { spawnSync } from 'node:child_process';
import { chmodSync, copyFileSync, existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, release, tmpdir } from 'node:os';
import { join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { cases, runCase, TIME_LIMIT_MS } from '../test/fixtures/cli-safety/cases.mjs';

const root = resolve(fileURLToPath(new URL('..', import.meta.url)));
const args = process.argv.slice(2);
const option = (name) => {
  const index = args.indexOf(name);
  return index >= 0 ? args[index + 1] : undefined;
};

if (args.includes('--build')) {
  const build = spawnSync('npm', ['run', 'build'], { cwd: root, stdio: 'inherit', shell: process.platform === 'win32' });
  if (build.status !== 0) {
    console.error('reliability: npm run build failed');
    process.exit(2);
  }
}

const builtCli = resolve(root, option('--cli') ?? join('dist', 'cli.cjs'));
if (!existsSync(builtCli)) {
  console.error(`reliability: ${relative(root, builtCli)} is missing; run npm run build (or npm run reliability)`);
  process.exit(2);
}
const snapshot = mkdtempSync(join(tmpdir(), 'report-md-reliability-'));
const cli = join(snapshot, 'cli.cjs');
copyFileSync(builtCli, cli);
chmodSync(snapshot, 0o755); // the other-user case runs the CLI as another uid
chmodSync(cli, 0o644);

const gnuTime = existsSync('/usr/bin/time');
const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
const results = [];
try {
  for (const testCase of cases) {
    const result = await runCase(testCase, { cli, measure: true });
    results.push({ ...testCase, ...result });
    const line = [
      result.status.padEnd(7),
      testCase.id.padEnd(36),
      String(result.code ?? result.signal ?? '–').padStart(4),
      result.ms === undefined ? '' : `${Math.round(result.ms)} ms`.padStart(9),
      result.maxRssKb === undefined ? '' : `${(result.maxRssKb / 1024).toFixed(0)} MB`.padStart(7),
      result.status === 'held' ? '' : `  ${result.problems.join('; ')}`,
    ].join(' ');
    console.log(line);
  }
} finally {
  rmSync(snapshot, { recursive: true, force: true });
}

const held = results.filter((result) => result.status === 'held').length;
const failed = results.filter((result) => result.status === 'failed');
const skipped = results.filter((result) => result.status === 'skipped').length;
console.log(`\n${held} held, ${failed.length} failed, ${skipped} skipped`);

const commit = spawnSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: root, encoding: 'utf8' }).stdout?.trim() || 'unknown';
const dirty = spawnSync('git', ['status', '--porcelain', '--', 'src/cli'], { cwd: root, encoding: 'utf8' }).stdout?.trim() ? ' (src/cli with uncommitted changes)' : '';
const cell = (text) => String(text).replace(/\|/g, '\\|').replace(/\n/g, ' ');
const table = results
  .map((result) => {
    const exit = result.status === 'skipped' ? '–' : result.signal ? `killed (${result.signal})` : String(result.code);
    const time = result.ms === undefined ? '–' : `${Math.round(result.ms)} ms`;
    const memory = result.maxRssKb === undefined ? '–' : `${(result.maxRssKb / 1024).toFixed(0)} MB`;
    const verdict = result.status === 'held' ? 'held' : result.status === 'skipped' ? `skipped: ${result.problems.join('; ')}` : `**FAILED**: ${result.problems.join('; ')}`;
    return `| \`${result.id}\` | ${cell(result.title)} | ${result.command ? `\`${cell(result.command)}\`` : '–'} | ${exit} | ${time} | ${memory} | ${cell(verdict)} | ${cell(result.bug)} |`;
  })
  .join('\n');

const markdown = `# Reliability: bad input to the CLI

\`npm run reliability\` (scripts/reliability.mjs) builds the CLI and runs every bad-input case below
against \`node dist/cli.cjs …\`, each in a fresh temporary folder, and regenerates this file. It exits 1
when a case fails. The same cases (test/fixtures/cli-safety/cases.mjs) are the mocha test
test/unit/cli-safety.test.ts, which runs them against the \`tsc -b\` output on every \`npx mocha\`.

A case **held** when the CLI behaved as "What the CLI guarantees" below says, finished within
${TIME_LIMIT_MS / 1000} s (a refusal within 8 s), printed no stack trace and, when it failed (exit 2),
printed a one-line \`report-md…: FILE: problem\` message naming the file.

## What the CLI guarantees

- **Regular files only, both ways.** Reports, \`.reportmdrc.json\` and images are read only when they are
  regular files (symbolic links are followed): a folder, FIFO, socket or device is refused before it is
  opened (opening one can block or have side effects), and checked again on the open descriptor, which is
  opened non-blocking. Writes (\`fix\`, \`export\`) replace only a regular file: a device, FIFO or socket at
  the output path — also behind a symbolic link — is refused with exit 2, with or without \`--force\`.
- **Size limits.** A report (and an image embedded by \`export\`) may be at most **32 MB** (33 554 432
  bytes), a \`.reportmdrc.json\` at most **1 MB**; larger files, or files that grow past the limit while
  read, are refused ("file too large"). Real reports are far below 1 MB.
- **The output is never the input.** \`export\` compares the input and the output by device and inode,
  so a symbolic link or a hard link to the source report as \`-o\` is refused (exit 2), also with
  \`--force\`.
- **\`-o DIR/\`.** An output path ending in \`/\` (or \`\\\` on Windows) is a folder: the DOCX is written
  inside it as \`<name>.docx\`, and the folder (with missing parents) is created when it does not exist,
  like \`mkdir -p\`. If the path exists and is not a folder, exit 2. Without the trailing separator an
  existing folder is still refused ("the output path is a folder").
- **\`fix\` respects write permission like an editor.** Decided from the mode bits and the owner, not by
  trying to open the file (root would always succeed): the owner, group or other write bit that applies
  to you must be set; for root, any write bit (a 0444 report is read-only for root too, as in Vim).
  A report owned by another user is not replaced even when its bits and the folder allow it, because the
  rename would make it yours (exit 2, "owned by another user"). The rewritten file keeps its mode and,
  when root fixes someone's report, its owner and group. Extended attributes and ACLs are not copied.
  \`export --force\` overwrites a read-only DOCX, like an editor's forced write.
- **\`fix\` never loses a concurrent edit.** Just before the rename, the report must still be the file
  that was read — same device and inode, size, modification time (ns) and bytes. If another program
  changed it, it is left as that program wrote it; if it was deleted, it is not re-created (exit 2 naming
  the file; run \`fix\` again). The check and the rename are two steps, so an edit landing in the
  microseconds between them is still lost; no portable file lock closes that gap.
- **Encodings.** Reports and \`.reportmdrc.json\` are decoded alike: UTF-8 (with or without BOM),
  UTF-16 LE/BE with a BOM (Notepad's "Unicode"), else GB18030/GBK; \`fix\` writes a report back in its
  encoding, BOM and line endings. UTF-16 without a BOM, UTF-32, NUL bytes, broken UTF-16 and bytes that
  are neither UTF-8 nor GB18030 are refused with exit 2.
- **Reserved names in \`.reportmdrc.json\`.** A key \`__proto__\`, \`prototype\` or any name of
  \`Object.prototype\` (\`constructor\`, \`toString\`, \`hasOwnProperty\`, \`valueOf\` …) anywhere in the file is
  refused, naming the file and the key's path (\`rules.placeholder.toString\`).

## Results

- Commit ${commit}${dirty}, Node ${process.version}, ${process.platform} ${release()}, ${cpus().length} cores,
  load average ${loadavg()[0].toFixed(1)} at the end; run as ${isRoot ? 'root' : `uid ${process.getuid?.() ?? '?'} (root-only cases skipped)`}.
- Peak memory: ${gnuTime ? 'GNU time (`/usr/bin/time -v`), maximum resident set size of the CLI process' : 'process.resourceUsage().maxRSS of the CLI process (no /usr/bin/time)'}.
  Wall time includes Node start-up (about 0.1–0.3 s of every row).
- ${held} held, ${failed.length} failed, ${skipped} skipped.

| case | what | command | exit | time | peak RSS | result | the bug it guards against |
| --- | --- | --- | --- | --- | --- | --- | --- |
${table}

Before these fixes (the CLI of commit 64d4da6, same cases, \`--cli\`): all cases failed. The device,
FIFO and socket outputs were replaced by regular files; the source report was overwritten through
symbolic and hard links; \`fix\` rewrote 0444 and other users' reports (making them root's or the
writer's, mode 0644) and lost a concurrent edit or re-created a deleted report; \`/dev/zero\` and FIFOs as
report, config or image were killed at the ${TIME_LIMIT_MS / 1000} s limit; UTF-16 with a BOM was refused; the GB18030
config was misread (exit 1), an undecodable one accepted (exit 0); \`-o newdir/\` wrote a file named
\`newdir\`; \`__proto__\` keys were accepted silently and \`toString\`/\`constructor\` options were
reported as "must be a function". Five cases already exited 2 and failed only on their message:
\`-o FILE/\` ("already exists"), the 40 MB file ("binary file", after reading it), odd-length UTF-16
("UTF-16 not supported"), \`rules.constructor\` ("unknown rule") and a top-level \`__proto__\`
("unknown setting").
`;

if (!args.includes('--no-write')) {
  const out = resolve(root, option('--out') ?? 'RELIABILITY.md');
  writeFileSync(out, markdown);
  console.log(`wrote ${relative(root, out) || out}`);
}
const jsonFile = option('--json');
if (jsonFile) writeFileSync(resolve(jsonFile), JSON.stringify(results, null, 2));
process.exit(failed.length > 0 ? 1 : 0);
