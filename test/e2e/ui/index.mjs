// Runs the Playwright UI suite (test/e2e/ui/*.test.mjs) with mocha 11 from the e2e
// toolchain and writes a JSON summary for run.mjs. Started by run.mjs with the server
// URLs and workspace paths in REPORT_MD_E2E_* variables.
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const require = createRequire(import.meta.url);
const Mocha = require(process.env.REPORT_MD_E2E_MOCHA);
const here = path.dirname(fileURLToPath(import.meta.url));

const mocha = new Mocha({
  ui: 'bdd', color: false, reporter: 'spec', timeout: 180000,
  // One retry: a workbench widget (the quick-fix menu) sometimes fails to open within its wait on a
  // loaded 2-CPU machine (about one run in three). Retried tests are printed, so flakes stay visible.
  retries: 1, grep: process.env.REPORT_MD_E2E_GREP || undefined,
});
// Screenshots of the previous run go before any suite starts (a suite clearing them would delete
// the ones the suites before it took).
const artifacts = process.env.REPORT_MD_E2E_ARTIFACTS;
if (artifacts && fs.existsSync(artifacts)) {
  for (const f of fs.readdirSync(artifacts).filter((n) => /^ui-.*\.png$/.test(n))) fs.rmSync(path.join(artifacts, f));
}
for (const f of fs.readdirSync(here).filter((n) => n.endsWith('.test.mjs')).sort()) {
  mocha.addFile(path.join(here, f));
}
await mocha.loadFilesAsync();
const results = { passes: [], failures: [], pending: [] };
const runner = mocha.run((failures) => {
  if (process.env.REPORT_MD_E2E_RESULTS) {
    fs.writeFileSync(process.env.REPORT_MD_E2E_RESULTS, JSON.stringify(results, null, 2));
  }
  process.exitCode = failures > 0 ? 1 : 0;
});
runner.on('retry', (t, err) => console.log(`  [retried] ${t.fullTitle()}: ${String((err && err.message) || err).split('\n')[0]}`));
runner.on('pass', (t) => results.passes.push({ title: t.fullTitle(), ms: t.duration }));
runner.on('pending', (t) => results.pending.push({ title: t.fullTitle() }));
runner.on('fail', (t, err) => results.failures.push({ title: t.fullTitle(), error: String((err && err.stack) || err) }));
