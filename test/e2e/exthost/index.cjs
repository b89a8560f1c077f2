// Entry point of the extension-host suite. The workbench passes this file as
// extensionTestsPath; VS Code's real (Node, server-side) extension host requires it and
// awaits run(). Mocha 11 (CommonJS) comes from the e2e toolchain cache, not from the
// repo, whose mocha 12 is ESM-only.
'use strict';
const fs = require('fs');
const path = require('path');

exports.run = function run() {
  const Mocha = require(process.env.REPORT_MD_E2E_MOCHA);
  const resultsFile = process.env.REPORT_MD_E2E_RESULTS;
  const mocha = new Mocha({
    ui: 'bdd', color: false, reporter: 'spec', timeout: 60000,
    grep: process.env.REPORT_MD_E2E_GREP || undefined,
  });
  for (const f of fs.readdirSync(__dirname).filter((n) => n.endsWith('.test.cjs')).sort()) {
    mocha.addFile(path.join(__dirname, f));
  }
  const results = { passes: [], failures: [], pending: [] };
  console.log('[report-md-e2e] suite start'); // the harness echoes what follows
  return new Promise((resolve, reject) => {
    const runner = mocha.run((failures) => {
      console.log('[report-md-e2e] suite end');
      if (resultsFile) {
        fs.writeFileSync(resultsFile, JSON.stringify(results, null, 2));
      }
      if (failures > 0) { reject(new Error(`${failures} extension-host test(s) failed`)); } else { resolve(); }
    });
    runner.on('pass', (t) => results.passes.push({ title: t.fullTitle(), ms: t.duration }));
    runner.on('pending', (t) => results.pending.push({ title: t.fullTitle() }));
    runner.on('fail', (t, err) => results.failures.push({
      title: t.fullTitle(), error: String((err && err.stack) || err),
    }));
  });
};
