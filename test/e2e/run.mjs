#!/usr/bin/env node
// `npm run test:e2e`: the extension in a real VS Code (code-server), end to end.
//
//   1. test/e2e/setup.sh: pinned Node 24 + code-server + playwright-core (cached, idempotent)
//   2. build and package the VSIX with @vscode/vsce, as a user gets it
//   3. install it into an isolated code-server (own user-data/extensions dirs, HOME/XDG/TMPDIR
//      in a temp folder, 127.0.0.1 on a free port, auth none)
//   4. extension-host suite (test/e2e/exthost, mocha inside the real extension host)
//   5. UI suite (test/e2e/ui, Playwright + Debian chromium against the workbench;
//      screenshots in artifacts/e2e/)
//   6. stop every server by process group; exit 1 if anything failed
//
// Options: --suite exthost|ui (default both), --grep REGEX, --keep (keep the temp folder),
//          --no-build (reuse artifacts/e2e/report-markdown.vsix).
import fs from 'node:fs';
import path from 'node:path';
import { spawn } from 'node:child_process';
import {
  ARTIFACTS, E2E_DIR, REPO, buildLocalePack, buildVsix, installLocalePack, createState, createWorkspace, installVsix, isolatedEnv, log,
  setupToolchain, startServer, stopServer, tmpRoot,
} from './lib/harness.mjs';
import { runExtHostSuite } from './lib/exthost.mjs';

const argv = process.argv.slice(2);
const opt = (name) => { const i = argv.indexOf(name); return i >= 0 ? argv[i + 1] : undefined; };
const suites = opt('--suite') ? [opt('--suite')] : ['exthost', 'ui'];
const grep = opt('--grep');
const keep = argv.includes('--keep') || process.env.REPORT_MD_E2E_KEEP === '1';

const started = Date.now();
const summary = []; // { suite, passes, failures }

function suiteEnv(tc, extra) {
  return {
    REPORT_MD_E2E_REPO: REPO,
    REPORT_MD_E2E_CLI: path.join(REPO, 'dist', 'cli.cjs'),
    REPORT_MD_E2E_MOCHA: tc.mocha,
    REPORT_MD_E2E_ARTIFACTS: ARTIFACTS,
    ...(grep ? { REPORT_MD_E2E_GREP: grep } : {}),
    ...extra,
  };
}

async function extHostSuite(tc, root, vsix) {
  const state = createState(path.join(root, 'sx'));
  const installed = installVsix(tc, state, vsix);
  const workspace = createWorkspace(path.join(root, 'ws-exthost'));
  const resultsFile = path.join(root, 'exthost-results.json');
  const server = await startServer(tc, state, {
    testMode: true, name: 'exthost',
    env: suiteEnv(tc, { REPORT_MD_E2E_RESULTS: resultsFile, REPORT_MD_E2E_EXT_PATH: installed }),
  });
  log(`extension-host suite: code-server ${server.url} (smoke-test driver), workspace ${workspace}`);
  try {
    return await runExtHostSuite(tc, state, server, {
      workspace, extensionPath: installed, testsPath: path.join(E2E_DIR, 'exthost', 'index.cjs'), resultsFile,
    });
  } finally {
    await stopServer(server);
  }
}

async function uiSuite(tc, root, vsix) {
  // two independent servers: the default (English) UI and a zh-cn display language
  // No auto-save: the web workbench saves edits after a delay by default, so a test could read a
  // file saved at an arbitrary moment; UI tests save explicitly (Ctrl+S) when they mean to.
  const settings = { 'files.autoSave': 'off' };
  const en = createState(path.join(root, 'su'), { settings });
  const zh = createState(path.join(root, 'sz'), { settings });
  installVsix(tc, en, vsix);
  installVsix(tc, zh, vsix);
  installLocalePack(tc, zh, 'zh-cn', buildLocalePack(root, 'zh-cn', path.join(root, 'locale-zh-cn.vsix')));
  const wsEn = createWorkspace(path.join(root, 'ws-ui'));
  const wsZh = createWorkspace(path.join(root, 'ws-zh'));
  const servers = [];
  try {
    servers.push(await startServer(tc, en, { name: 'ui-en' }));
    servers.push(await startServer(tc, zh, { name: 'ui-zh', locale: 'zh-cn' }));
    log(`UI suite: ${servers[0].url} (en), ${servers[1].url} (zh-cn)`);
    const resultsFile = path.join(root, 'ui-results.json');
    const env = isolatedEnv(tc, en, suiteEnv(tc, {
      REPORT_MD_E2E_RESULTS: resultsFile,
      REPORT_MD_E2E_URL: servers[0].url, REPORT_MD_E2E_WS: wsEn,
      REPORT_MD_E2E_URL_ZH: servers[1].url, REPORT_MD_E2E_WS_ZH: wsZh,
      REPORT_MD_E2E_PLAYWRIGHT: tc.playwright, REPORT_MD_E2E_CHROMIUM: tc.chromium,
      REPORT_MD_E2E_STATE: en.root, REPORT_MD_E2E_STATE_ZH: zh.root,
    }));
    const code = await new Promise((resolve) => {
      const child = spawn(process.execPath, [path.join(E2E_DIR, 'ui', 'index.mjs')], { stdio: 'inherit', env, cwd: REPO });
      child.on('exit', (c, sig) => resolve(c ?? sig));
    });
    if (fs.existsSync(resultsFile)) {
      const r = JSON.parse(fs.readFileSync(resultsFile, 'utf8'));
      if (code !== 0 && r.failures.length === 0) { r.failures.push({ title: 'UI suite', error: `exit ${code}` }); }
      return r;
    }
    return { passes: [], failures: [{ title: 'UI suite', error: `no results (exit ${code})` }] };
  } finally {
    for (const s of servers) { await stopServer(s); }
  }
}

async function main() {
  fs.mkdirSync(ARTIFACTS, { recursive: true });
  const tc = setupToolchain();
  log(`toolchain: ${tc.dir}`);
  const root = tmpRoot('rmd-e2e-');
  // each run packages into its own temp folder (parallel runs must not share a VSIX);
  // a copy is left in artifacts/e2e/ for inspection and for --no-build
  const kept = path.join(ARTIFACTS, 'report-markdown.vsix');
  const vsix = path.join(root, 'report-markdown.vsix');
  if (argv.includes('--no-build') && fs.existsSync(kept)) {
    fs.copyFileSync(kept, vsix);
    log('reusing', path.relative(REPO, kept));
  } else {
    buildVsix(vsix);
    fs.copyFileSync(vsix, kept);
    log(`packaged ${path.relative(REPO, kept)} (${(fs.statSync(vsix).size / 1024).toFixed(0)} KiB)`);
  }
  try {
    for (const suite of suites) {
      const t = Date.now();
      let r;
      try {
        r = suite === 'exthost' ? await extHostSuite(tc, root, vsix) : await uiSuite(tc, root, vsix);
      } catch (e) {
        r = { passes: [], failures: [{ title: `${suite} suite`, error: String(e.stack || e) }] };
      }
      summary.push({ suite, ...r, secs: (Date.now() - t) / 1000 });
    }
  } finally {
    if (keep) { log('kept', root); } else { fs.rmSync(root, { recursive: true, force: true }); }
  }
}

let crashed;
try {
  await main();
} catch (e) {
  crashed = e;
  console.error(e.stack || e);
}

let passed = 0;
let failed = crashed ? 1 : 0;
console.log('\n=== e2e summary');
for (const s of summary) {
  passed += s.passes.length;
  failed += s.failures.length;
  console.log(`${s.suite}: ${s.passes.length} passing, ${s.failures.length} failing (${s.secs.toFixed(1)} s)`);
  for (const f of s.failures) {
    console.log(`  FAIL ${f.title}\n    ${String(f.error).split('\n').slice(0, 8).join('\n    ')}`);
  }
}
console.log(`e2e total time ${((Date.now() - started) / 1000).toFixed(1)} s; screenshots in ${path.relative(REPO, ARTIFACTS)}/`);
console.log(`e2e: ${passed} passed, ${failed} failed`);
process.exit(failed > 0 || passed === 0 ? 1 : 0);
