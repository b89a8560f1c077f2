// What a writer sees: the real VS Code workbench (code-server) with the packaged
// extension, driven through its UI. Each step leaves a screenshot in artifacts/e2e/.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import {
  cli, commandTitle, dismiss, env, extensionHostStarted, goToLine, isCompleteZip, launch, openFromExplorer, openWorkbench, runCommand, shot,
  waitForFile, waitForSquiggleOnLine,
} from './workbench.mjs';

const SEED = '000_df5cec23351b02f9.report.md';
const SEED_OUTLINE = '001_2c8569aa8bc409e8.report.md';
const WS = env.REPORT_MD_E2E_WS;

describe('UI: the workbench with Report Markdown (en)', function () {
  let browser;
  let page;

  before(async function () {
    browser = await launch();
    page = browser.context.pages()[0] || await browser.context.newPage();
    await openWorkbench(page, env.REPORT_MD_E2E_URL, WS);
    await shot(page, 'workbench');
  });

  after(async function () {
    if (this.currentTest && this.currentTest.state === 'failed') { await shot(page, 'failure').catch(() => {}); }
    // No editors left for the next window of this workspace to restore (the first-squiggle window must be fresh).
    await runCommand(page, 'View: Close All Editors').catch(() => {});
    await browser?.close();
  });

  afterEach(async function () {
    if (this.currentTest.state === 'failed') {
      await shot(page, `failed-${this.currentTest.title.replace(/[^a-z0-9]+/gi, '-').slice(0, 40)}`).catch(() => {});
    }
  });

  it('opens a seed from the explorer as Report Markdown', async function () {
    await openFromExplorer(page, SEED);
    await page.locator('#status\\.editor\\.mode', { hasText: 'Report Markdown' }).waitFor({ timeout: 30000 });
    await shot(page, 'seed-opened');
  });

  it('shows squiggles and Problems entries with rule ids', async function () {
    const findings = JSON.parse(cli(['lint', '--format', 'json', path.join(WS, SEED)]).stdout);
    const placeholders = findings.filter((f) => f.rule === 'placeholder');
    assert.ok(placeholders.length > 0, 'the CLI finds placeholders in the seed');
    await page.locator('.editor-instance .monaco-editor .squiggly-error').first().waitFor({ state: 'attached', timeout: 30000 });
    await runCommand(page, 'View: Focus Problems');
    const rows = page.locator('.markers-panel .monaco-list-row');
    await rows.filter({ hasText: 'placeholder' }).first().waitFor({ state: 'visible', timeout: 30000 });
    const row = rows.filter({ hasText: 'placeholder' }).first();
    const text = (await row.innerText()).replace(/\s+/g, ' ');
    assert.match(text, /report-md\W*placeholder/, `Problems rows name the source and the rule id: ${text}`);
    // the Problems view badge counts the findings of the open file
    const badge = page.locator('.markers-panel-action-filter-badge, .panel .badge-content').first();
    await shot(page, 'problems');
    console.log(`      Problems: ${text.slice(0, 120)} (badge ${await badge.innerText().catch(() => '?')}); CLI: ${findings.length} findings`);
  });

  it('the rule id in Problems opens the rule\'s page as a Markdown preview (bundled, not its source text)', async function () {
    await openFromExplorer(page, SEED);
    await runCommand(page, 'View: Focus Problems');
    const row = page.locator('.markers-panel .monaco-list-row', { hasText: 'placeholder' }).first();
    await row.waitFor({ state: 'visible', timeout: 30000 });
    const link = row.locator('.monaco-link', { hasText: 'placeholder' }).first();
    await link.waitFor({ state: 'visible', timeout: 15000 });
    await link.click();
    await page.locator('.tabs-container .tab.active', { hasText: 'placeholder' }).waitFor({ timeout: 30000 });
    // The rendered page is in a webview frame; no text editor shows its Markdown source.
    const deadline = Date.now() + 30000;
    let rendered;
    while (!rendered && Date.now() < deadline) {
      for (const frame of page.frames()) {
        const text = await frame.evaluate(() => document.body?.innerText || '').catch(() => '');
        if (text.includes('占位符未替换') && !text.includes('**Severity:**')) { rendered = text; break; }
      }
      if (!rendered) { await new Promise((resolve) => setTimeout(resolve, 100)); }
    }
    await shot(page, 'rule-docs-preview');
    assert.ok(rendered, 'a Markdown preview renders docs/rules/placeholder.md');
    assert.equal(await page.locator('.editor-instance .view-line', { hasText: '# placeholder' }).count(), 0, 'the page is not opened as text');
    await runCommand(page, 'View: Close All Editors');
  });

  it('the status bar shows the placeholder count', async function () {
    await openFromExplorer(page, SEED);
    const findings = JSON.parse(cli(['lint', '--format', 'json', path.join(WS, SEED)]).stdout);
    const n = findings.filter((f) => f.rule === 'placeholder').length;
    // the accessible name (accessibilityInformation) sits on the item itself or on its label
    const item = page.locator('.statusbar-item:is([aria-label*="laceholder"], [aria-label*="占位"], :has([aria-label*="laceholder"], [aria-label*="占位"]))',
      { hasText: new RegExp(`(^|\\D)${n}(\\D|$)`) });
    const any = page.locator('.statusbar .statusbar-item').filter({ hasText: new RegExp(`(^|\\D)${n}(\\D|$)`) });
    await item.first().waitFor({ state: 'visible', timeout: 30000 }).catch(() => {});
    const loose = await any.count();
    const candidate = (await item.count()) > 0 ? item.first() : any.first();
    await candidate.waitFor({ state: 'visible', timeout: 30000 });
    const label = await candidate.getAttribute('aria-label').catch(() => '') || '';
    const visible = (await candidate.innerText()).trim();
    assert.match(`${visible} ${label}`, /placeholder|占位/i, `a status bar item with ${n} placeholders: "${visible}" / "${label}" (${loose} items show ${n})`);
    await candidate.hover();
    await shot(page, 'status-bar-placeholders');
  });

  it('the lightbulb quick fix renumbers a broken sequence', async function () {
    const file = path.join(WS, 'broken-numbering.report.md');
    const expected = cli(['fix', '--stdout', file]).stdout;
    const original = fs.readFileSync(file, 'utf8');
    assert.notEqual(original, expected, 'the fixture needs renumbering');
    await openFromExplorer(page, 'broken-numbering.report.md');
    await extensionHostStarted(env.REPORT_MD_E2E_STATE);
    await goToLine(page, 5, 1);
    await waitForSquiggleOnLine(page, 5);
    // VS Code 1.139 draws the lightbulb in the gutter of the cursor line
    const bulb = page.locator('.editor-instance .lightBulbWidget [class*="codicon-"], .editor-instance [class*="codicon-gutter-lightbulb"]')
      .filter({ visible: true }).first();
    await bulb.waitFor({ state: 'visible', timeout: 30000 });
    await shot(page, 'lightbulb');
    await bulb.click();
    const menu = page.locator('.action-widget:not(.action-list-submenu-panel)');
    await menu.waitFor({ state: 'visible', timeout: 15000 });
    const item = menu.locator('.monaco-list-row', { hasText: /^\s*(Renumber|重新编号)\s*$/ }).first();
    await item.waitFor({ state: 'visible', timeout: 15000 });
    await shot(page, 'quick-fix-menu');
    await item.click();
    // The edit is in the document (the tab is dirty: auto-save is off) and nothing was written yet.
    await page.locator('.editor-instance .view-line', { hasText: /^二、/ }).first().waitFor({ timeout: 15000 });
    await page.locator('.tabs-container .tab.active.dirty').waitFor({ state: 'visible', timeout: 15000 });
    assert.equal(fs.readFileSync(file, 'utf8'), original, 'nothing saved before Ctrl+S');
    await page.keyboard.press('Control+S');
    await page.locator('.tabs-container .tab.active.dirty').waitFor({ state: 'detached', timeout: 15000 });
    await shot(page, 'renumbered');
    // The server writes the file; wait for its content (fs events), failing after 15 s with what is on disk.
    await waitForFile(file, { ms: 15000, complete: (bytes) => bytes.toString('utf8') === expected }).catch(() => {});
    assert.equal(fs.readFileSync(file, 'utf8'), expected, 'the saved file equals report-md fix output');
  });

  it('"Export to DOCX" from the command palette writes the file', async function () {
    const out = path.join(WS, 'clean.docx');
    fs.rmSync(out, { force: true });
    await openFromExplorer(page, 'clean.report.md');
    const written = waitForFile(out, { complete: isCompleteZip });
    const { full } = commandTitle('reportMarkdown.exportDocx');
    await runCommand(page, full);
    // reportMarkdown.export.saveLocation defaults to "ask": a save dialog proposes clean.docx
    const dialog = page.waitForFunction(() => {
      const input = document.querySelector('.quick-input-widget input');
      return input && input.offsetParent !== null && input.value.endsWith('.docx');
    }, null, { timeout: 30000 }).then(() => 'dialog');
    if (await Promise.race([written.then(() => 'file'), dialog]) === 'dialog') {
      const proposed = await page.locator('.quick-input-widget input').inputValue();
      assert.ok(proposed.endsWith('/clean.docx'), `the save dialog proposes clean.docx beside the report: ${proposed}`);
      await shot(page, 'export-save-dialog');
      await page.keyboard.press('Enter');
    }
    await written;
    assert.ok(fs.readFileSync(out).includes('word/document.xml'), 'the export is a DOCX (zip with word/document.xml)');
    await page.locator('.explorer-folders-view .monaco-list-row', { hasText: 'clean.docx' }).waitFor({ timeout: 30000 });
    await page.locator('.notifications-toasts .notification-toast', { hasText: /clean\.docx|DOCX|导出/ }).first()
      .waitFor({ state: 'visible', timeout: 10000 }).catch(() => console.log('      (no export notification seen)'));
    await shot(page, 'exported');
  });

  it('the outline view lists the 一、/（一） headings', async function () {
    await openFromExplorer(page, SEED_OUTLINE);
    const outline = JSON.parse(cli(['outline', '--format', 'json', path.join(WS, SEED_OUTLINE)]).stdout);
    await runCommand(page, 'Explorer: Focus on Outline View', { typed: 'Focus on Outline' });
    const rows = page.locator('.outline-pane .monaco-list-row, [id="outline"] .monaco-list-row');
    await rows.filter({ hasText: '一、' }).first().waitFor({ state: 'visible', timeout: 30000 });
    await rows.filter({ hasText: '（一）' }).first().waitFor({ state: 'visible', timeout: 30000 });
    await shot(page, 'outline');
    const texts = await rows.allInnerTexts();
    console.log(`      outline rows: ${texts.slice(0, 6).map((t) => t.replace(/\s+/g, ' ').slice(0, 20)).join(' | ')} … (${texts.length}); CLI top level: ${(Array.isArray(outline) ? outline : []).length}`);
  });
});

describe('UI: display language zh-cn', function () {
  let browser;
  let page;

  before(async function () {
    browser = await launch();
    page = browser.context.pages()[0] || await browser.context.newPage();
    await openWorkbench(page, env.REPORT_MD_E2E_URL_ZH, env.REPORT_MD_E2E_WS_ZH);
  });

  after(async function () { await browser?.close(); });

  afterEach(async function () {
    if (this.currentTest.state === 'failed') { await shot(page, 'failed-zh-cn').catch(() => {}); }
  });

  it('shows the extension in Chinese', async function () {
    await openFromExplorer(page, SEED);
    await page.locator('.editor-instance .monaco-editor .squiggly-error').first().waitFor({ state: 'attached', timeout: 30000 });
    const zh = commandTitle('reportMarkdown.exportDocx', 'zh-cn');
    const en = commandTitle('reportMarkdown.exportDocx');
    assert.notEqual(zh.full, en.full, 'package.nls.zh-cn.json translates the export command');
    assert.match(zh.full, /[\u4e00-\u9fff]/, `the zh-cn title is Chinese: ${zh.full}`);
    await dismiss(page);
    await page.keyboard.press('F1');
    await page.locator('.quick-input-widget input').fill('>' + zh.title);
    await page.locator('.quick-input-widget .monaco-list-row', { hasText: zh.title }).first().waitFor({ state: 'visible', timeout: 15000 });
    await shot(page, 'zh-cn-command-palette');
    await dismiss(page);
    const status = await page.locator('.statusbar').innerText();
    assert.match(status, /占位/, `the status bar speaks Chinese: ${status.replace(/\s+/g, ' ')}`);
    await runCommand(page, 'View: Focus Problems');
    const row = page.locator('.markers-panel .monaco-list-row', { hasText: 'placeholder' }).first();
    await row.waitFor({ state: 'visible', timeout: 30000 });
    const text = (await row.innerText()).replace(/\s+/g, ' ');
    assert.match(text, /[\u4e00-\u9fff]/, `problem messages are in Chinese: ${text}`);
    await shot(page, 'zh-cn-status-bar-problems');
  });
});
