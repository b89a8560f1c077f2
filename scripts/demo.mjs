// The README's main job: run the built CLI on the bundled example report.
// Shows the findings, the outline, the renumbered text and a DOCX export.
// Exits non-zero only when the CLI itself fails (exit code 2) or the export is missing.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const example = 'examples/work-report.report.md';
const out = mkdtempSync(join(tmpdir(), 'report-md-demo-'));
const docx = join(out, 'work-report.docx');

function run(title, args, expected) {
  process.stdout.write(`\n$ report-md ${args.join(' ')}    # ${title}\n`);
  const result = spawnSync(process.execPath, ['dist/cli.cjs', ...args], { stdio: 'inherit', env: { ...process.env, LANG: 'zh_CN.UTF-8' } });
  if (!expected.includes(result.status)) {
    process.stderr.write(`demo: report-md ${args[0]} exited ${result.status}, expected ${expected.join(' or ')}\n`);
    process.exit(1);
  }
}

run('findings (exit 1: errors remain)', ['lint', example], [1]);
run('outline', ['outline', example], [0]);
run('renumbered text (the file is not touched)', ['fix', '--stdout', example], [1]);
run('export to GB/T 9704 DOCX', ['export', example, '-o', docx], [0]);
if (!existsSync(docx) || statSync(docx).size < 5000) {
  process.stderr.write(`demo: ${docx} was not written\n`);
  process.exit(1);
}
process.stdout.write(`\ndemo: OK — DOCX written to ${docx} (${statSync(docx).size} bytes)\n`);
