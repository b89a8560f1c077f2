// Runs the mocha suite in test/e2e/exthost inside code-server's real Node extension host.
//
// VS Code's server only starts an extension host when a workbench connects, and the test
// location is handed over by that client, so a headless chromium opens the workbench with
// extensionDevelopmentPath/extensionTestsPath in the URL `payload` (honoured only when the
// server runs with enable-smoke-test-driver). When the tests finish, the extension host
// exits and the workbench calls window.codeAutomationExit(code).
import fs from 'node:fs';
import path from 'node:path';
import util from 'node:util';
import { launchBrowser } from './browser.mjs';
import { ARTIFACTS, log } from './harness.mjs';

const MARK_START = '[report-md-e2e] suite start';
const MARK_END = '[report-md-e2e] suite end';

export async function runExtHostSuite(tc, state, server, { workspace, extensionPath, testsPath, resultsFile, timeoutMs = 900_000 }) {
  const payload = [
    ['extensionDevelopmentPath', server.remote(extensionPath)],
    ['extensionTestsPath', server.remote(testsPath)],
  ];
  const url = `${server.url}/?folder=${encodeURIComponent(workspace)}&payload=${encodeURIComponent(JSON.stringify(payload))}`;
  fs.rmSync(resultsFile, { force: true });
  const browser = await launchBrowser(tc, state);
  const { page } = browser;
  let resolveExit;
  const exited = new Promise((r) => { resolveExit = r; });
  await page.exposeFunction('codeAutomationExit', (code) => resolveExit(code));
  // The extension host's console (mocha's spec reporter) is forwarded to the page console
  // as printf-style arguments; print what lies between the suite's start and end marks.
  let echo = false;
  page.on('console', async (m) => {
    if (process.env.REPORT_MD_E2E_DEBUG) { console.log('  [console]', JSON.stringify(m.text()).slice(0, 300)); }
    if (!echo && !m.text().includes(MARK_START)) { return; }
    const args = await Promise.all(m.args().map((a) => a.jsonValue().catch(() => '?')));
    // workbench log lines look like ('%c INFO', 'color: #33f', format, ...values)
    const parts = typeof args[0] === 'string' && args[0].startsWith('%c') ? args.slice(2) : args;
    const line = util.format(...parts);
    if (line.includes(MARK_START)) { echo = true; return; }
    if (line.includes(MARK_END)) { echo = false; return; }
    if (echo) { console.log('  |', line); }
  });
  page.on('pageerror', (e) => log('[pageerror]', String(e).slice(0, 300)));
  let outcome;
  try {
    await page.goto(url, { waitUntil: 'domcontentloaded' });
    let timer;
    const timeout = new Promise((r) => { timer = setTimeout(() => r('timeout'), timeoutMs); });
    outcome = await Promise.race([exited, timeout]);
    clearTimeout(timer);
  } catch (e) {
    log('extension-host suite: ' + e.message);
    outcome = 'error';
  } finally {
    await page.screenshot({ path: path.join(ARTIFACTS, 'exthost-final.png') }).catch(() => {});
    await browser.close();
  }
  let results = { passes: [], failures: [], pending: [] };
  if (fs.existsSync(resultsFile)) {
    results = JSON.parse(fs.readFileSync(resultsFile, 'utf8'));
  } else {
    results.failures.push({ title: 'extension-host suite', error: `no results (${outcome === 'timeout' ? `timed out after ${timeoutMs / 1000} s` : `exit ${outcome}`}); server log: ${server.logFile}` });
  }
  if (typeof outcome === 'number' && outcome !== 0 && results.failures.length === 0) {
    results.failures.push({ title: 'extension-host suite', error: `extension host exited with code ${outcome}` });
  }
  if (outcome === 'timeout' || outcome === 'error') {
    results.failures.push({ title: 'extension-host suite', error: `run ended by ${outcome}` });
  }
  return results;
}
