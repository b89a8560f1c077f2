// The web build (dist/web/extension.cjs) in a real browser extension host: code-server's
// web workbench runs the installed extension in its Web Worker extension host when the
// user setting remote.extensionKind says "web" for it — the way VS Code for the Web runs
// it. With "web" as the only kind it can run nowhere else, so every squiggle, fix and
// export below comes from the web build.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import {
  cli, commandTitle, dismiss, env, isCompleteZip, launch, manifest, openFromExplorer, openQuickFixMenu, openWorkbench, runCommand, shot, waitForFile,
} from './workbench.mjs';

const WS = env.REPORT_MD_E2E_WS;
const SETTINGS = path.join(env.REPORT_MD_E2E_STATE, 'user-data', 'User', 'settings.json');

describe('UI: the web build in the browser extension host', function () {
  let browser;
  let page;
  let saved;
  const consoleLines = [];

  before(async function () {
    const pkg = manifest();
    saved = fs.readFileSync(SETTINGS, 'utf8');
    const settings = JSON.parse(saved);
    settings['remote.extensionKind'] = { [`${pkg.publisher}.${pkg.name}`]: ['web'] };
    fs.writeFileSync(SETTINGS, JSON.stringify(settings, null, 2));
    browser = await launch();
    page = browser.context.pages()[0] || await browser.context.newPage();
    page.on('console', (message) => { if (/report|worker|extension|error/i.test(message.text())) consoleLines.push(`${message.type()}: ${message.text().slice(0, 400)}`); });
    page.on('pageerror', (error) => consoleLines.push(`pageerror: ${error.message}`));
    await openWorkbench(page, env.REPORT_MD_E2E_URL, WS);
  });

  after(async function () {
    await browser?.close();
    if (saved !== undefined) fs.writeFileSync(SETTINGS, saved);
  });

  afterEach(async function () {
    if (this.currentTest.state === 'failed') {
      console.log(`      browser console:\n        ${consoleLines.slice(-40).join('\n        ')}`);
      await shot(page, `failed-web-${this.currentTest.title.replace(/[^a-z0-9]+/gi, '-').slice(0, 40)}`).catch(() => {});
    }
  });

  it('lints in the web worker: squiggles and the status bar', async function () {
    await openFromExplorer(page, '000_df5cec23351b02f9.report.md');
    await page.locator('.editor-instance .monaco-editor .squiggly-error').first().waitFor({ state: 'attached', timeout: 60000 });
    const status = page.locator('.statusbar .statusbar-item', { hasText: /placeholders/ }).first();
    await status.waitFor({ state: 'visible', timeout: 30000 });
    await shot(page, 'web-squiggles');
    // The running extensions view names the host it runs in.
    await runCommand(page, 'Developer: Show Running Extensions');
    const row = page.locator('.runtime-extensions-editor .monaco-list-row', { hasText: 'Report Markdown' }).first();
    await row.waitFor({ state: 'visible', timeout: 30000 });
    const text = (await row.innerText()).replace(/\s+/g, ' ');
    await shot(page, 'web-running-extensions');
    assert.match(text, /Web Worker/i, `runs in the Web Worker extension host: ${text}`);
    const errors = consoleLines.filter((line) => /report-markdown|lint worker/i.test(line) && /^(error|pageerror)/.test(line));
    assert.deepEqual(errors, [], 'no errors of the extension or its lint worker in the browser console');
  });

  it('a quick fix renumbers in the web build', async function () {
    const name = 'broken-multi.report.md';
    const file = path.join(WS, name);
    const line = fs.readFileSync(file, 'utf8').split('\n').findIndex((l) => l.startsWith('五、')) + 1;
    assert.ok(line > 0, 'the fixture has the broken 五、');
    await openFromExplorer(page, name);
    await page.locator('.editor-instance .monaco-editor .squiggly-error').first().waitFor({ state: 'attached', timeout: 60000 });
    const menu = await openQuickFixMenu(page, line);
    const item = menu.locator('.monaco-list-row', { hasText: /^\s*Renumber\s*$/ }).first();
    await item.waitFor({ state: 'visible', timeout: 15000 });
    await item.click();
    await page.locator('.editor-instance .view-line', { hasText: /^三、/ }).first().waitFor({ timeout: 15000 });
    await shot(page, 'web-renumbered');
    await runCommand(page, 'File: Revert File');
  });

  it('exports a DOCX from the web build', async function () {
    const out = path.join(WS, 'clean.docx');
    fs.rmSync(out, { force: true });
    await openFromExplorer(page, 'clean.report.md');
    const written = waitForFile(out, { complete: isCompleteZip });
    await runCommand(page, commandTitle('reportMarkdown.exportDocx').full);
    await page.waitForFunction(() => {
      const input = document.querySelector('.quick-input-widget input');
      return input && input.offsetParent !== null && input.value.endsWith('.docx');
    }, null, { timeout: 30000 });
    await page.keyboard.press('Enter');
    await written;
    const ref = path.join(WS, 'clean.web-ref.docx');
    assert.equal(cli(['export', path.join(WS, 'clean.report.md'), '-o', ref, '--strict']).status, 0);
    assert.ok(fs.readFileSync(out).includes('word/document.xml'), 'a DOCX');
    await page.locator('.notifications-toasts .notification-toast', { hasText: /Exported/ }).first().waitFor({ state: 'visible', timeout: 30000 });
    await shot(page, 'web-exported');
    await dismiss(page);
  });
});
