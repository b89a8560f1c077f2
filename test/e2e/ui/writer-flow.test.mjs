// The writer's flow in the workbench (issue 13): time to the first squiggle in a fresh
// window, the fill-in pass typed into its input, the export's question and notification.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import {
  commandTitle, dismiss, env, isCompleteZip, launch, openWorkbench, runCommand, shot, waitForFile,
} from './workbench.mjs';

const WS = env.REPORT_MD_E2E_WS;
const SEED = '003_e01ac459bc9313ae.report.md';

describe('UI: the writer\'s flow', function () {
  let browser;
  let page;

  before(async function () {
    // A window that opened and closed before: the server is up and warm, as for a writer who
    // opens a new window (the issue measured 3.6–4.4 s there); this suite's window is fresh.
    const warm = await launch();
    const first = warm.context.pages()[0] || await warm.context.newPage();
    await openWorkbench(first, env.REPORT_MD_E2E_URL, WS);
    await warm.close();
    browser = await launch();
    page = browser.context.pages()[0] || await browser.context.newPage();
    await openWorkbench(page, env.REPORT_MD_E2E_URL, WS);
  });

  after(async function () { await browser?.close(); });

  afterEach(async function () {
    if (this.currentTest.state === 'failed') {
      await shot(page, `failed-${this.currentTest.title.replace(/[^a-z0-9]+/gi, '-').slice(0, 40)}`).catch(() => {});
    }
  });

  it('first squiggle in a fresh window: measured from the click and from the document shown', async function () {
    // This window's extension host has not activated the extension yet: the first report opened here.
    await dismiss(page);
    const item = page.locator('.explorer-folders-view .monaco-list-row', { hasText: SEED }).first();
    await item.waitFor({ state: 'visible', timeout: 30000 });
    const clicked = Date.now();
    await item.click();
    await page.locator('.tabs-container .tab.active', { hasText: SEED }).waitFor({ timeout: 30000 });
    await page.locator('.editor-instance .monaco-editor .view-line').first().waitFor({ state: 'visible', timeout: 30000 });
    const shown = Date.now();
    await page.locator('.editor-instance .monaco-editor .squiggly-error').first().waitFor({ state: 'attached', timeout: 30000 });
    const squiggle = Date.now();
    await shot(page, 'first-squiggle');
    const fromShown = squiggle - shown;
    const fromClick = squiggle - clicked;
    console.log(`      first squiggle: ${fromClick} ms after the click, ${fromShown} ms after the document was shown`);
    // A second report, opened for the first time in the same window (the extension host is up):
    // the extension's own part — lint worker, config search, first analysis of this text.
    const second = '004_f3dca378b1e453c1.report.md';
    await page.locator('.explorer-folders-view .monaco-list-row', { hasText: second }).first().click();
    await page.locator('.tabs-container .tab.active', { hasText: second }).waitFor({ timeout: 30000 });
    // Its own text on screen (not the first report's lines, nor their squiggles).
    await page.locator('.editor-instance .monaco-editor .view-line', { hasText: '2021年，XX镇将紧紧围绕' }).first().waitFor({ state: 'visible', timeout: 30000 });
    const shownSecond = Date.now();
    await page.locator('.editor-instance .monaco-editor .view-line', { hasText: '2021年，XX镇将紧紧围绕' })
      .locator('xpath=ancestor::div[contains(@class,"monaco-editor")][1]').locator('.squiggly-error').first()
      .waitFor({ state: 'attached', timeout: 30000 });
    const secondFile = Date.now() - shownSecond;
    console.log(`      first squiggle of a second report in that window: ${secondFile} ms after it was shown`);
    fs.writeFileSync(path.join(env.REPORT_MD_E2E_ARTIFACTS, 'first-squiggle.json'), JSON.stringify({ fromClick, fromShown, secondFile }, null, 2));
    assert.ok(secondFile < 1000, `a report's first squiggle came ${secondFile} ms after it was shown (budget 1000 ms)`);
    // The fresh window's figure includes code-server starting the window's extension host; recorded in
    // BENCHMARKS.md, failing only past REPORT_MD_E2E_FIRST_SQUIGGLE_MS (default 10 s, a deadline, not the claim).
    const budget = Number(env.REPORT_MD_E2E_FIRST_SQUIGGLE_MS || 10000);
    assert.ok(fromShown < budget, `the first squiggle came ${fromShown} ms after the document was shown (deadline ${budget} ms)`);
  });

  it('Fill In Placeholders: type a value, replace every identical one, today\'s date offered for a date', async function () {
    const file = path.join(WS, 'fill-in.report.md');
    const original = fs.readFileSync(file, 'utf8');
    await dismiss(page);
    await page.locator('.explorer-folders-view .monaco-list-row', { hasText: 'fill-in.report.md' }).first().click();
    await page.locator('.tabs-container .tab.active', { hasText: 'fill-in.report.md' }).waitFor({ timeout: 30000 });
    await page.locator('.editor-instance .monaco-editor .squiggly-error').first().waitFor({ state: 'attached', timeout: 30000 });
    await runCommand(page, commandTitle('reportMarkdown.fillPlaceholders').full);
    const widget = page.locator('.quick-input-widget');
    await widget.locator('.quick-input-title', { hasText: 'XX镇' }).waitFor({ state: 'visible', timeout: 15000 });
    await page.keyboard.type('城关镇');
    const all = widget.locator('.monaco-list-row', { hasText: /Replace all 3/ });
    await all.waitFor({ state: 'visible', timeout: 15000 });
    await shot(page, 'fill-in-typed');
    await all.click();
    // The next placeholder: the date, with today's date offered.
    await widget.locator('.quick-input-title', { hasText: 'x月x日' }).waitFor({ state: 'visible', timeout: 15000 });
    const now = new Date();
    const today = `${now.getMonth() + 1}月${now.getDate()}日`;
    const todayRow = widget.locator('.monaco-list-row', { hasText: today }).first();
    await todayRow.waitFor({ state: 'visible', timeout: 15000 });
    await shot(page, 'fill-in-date');
    await page.keyboard.press('Enter');
    await widget.locator('.quick-input-title', { hasText: 'XXX' }).waitFor({ state: 'visible', timeout: 15000 });
    await page.keyboard.press('Escape');
    await page.locator('.editor-instance .view-line', { hasText: `${today}，城关镇召开会议` }).first().waitFor({ timeout: 15000 });
    const lines = await page.locator('.editor-instance .view-lines').first().innerText();
    assert.equal((lines.match(/城关镇/g) || []).length, 3, `three XX镇 replaced: ${lines}`);
    assert.ok(lines.includes('XXX主持') && lines.includes('X亿元'), 'Escape ended the pass: the rest stays');
    // The web workbench saves after a delay by default (files.autoSave): once saved, close it and put the fixture back.
    await page.locator('.tabs-container .tab.active.dirty').waitFor({ state: 'detached', timeout: 15000 });
    await runCommand(page, 'View: Close All Editors');
    await page.locator('.tabs-container .tab', { hasText: 'fill-in.report.md' }).waitFor({ state: 'detached', timeout: 15000 });
    fs.writeFileSync(file, original);
  });

  it('export of an unfinished report: "other errors", do not ask again, then Reveal in Explorer and Download (no Open on the web)', async function () {
    const out = path.join(WS, `${SEED.replace(/\.report\.md$/, '')}.docx`);
    fs.rmSync(out, { force: true });
    await dismiss(page);
    await page.locator('.explorer-folders-view .monaco-list-row', { hasText: SEED }).first().click();
    await page.locator('.tabs-container .tab.active', { hasText: SEED }).waitFor({ timeout: 30000 });
    await page.locator('.editor-instance .monaco-editor .squiggly-error').first().waitFor({ state: 'attached', timeout: 30000 });
    const exportTitle = commandTitle('reportMarkdown.exportDocx').full;
    const exportOnce = async (expectQuestion) => {
      fs.rmSync(out, { force: true });
      await runCommand(page, exportTitle);
      const dialog = page.locator('.monaco-dialog-box');
      const saveInput = page.locator('.quick-input-widget input');
      if (expectQuestion) {
        await dialog.waitFor({ state: 'visible', timeout: 30000 });
        const message = (await dialog.innerText()).replace(/\s+/g, ' ');
        assert.match(message, /still has \d+ placeholders?/, message);
        await shot(page, 'export-question');
        await dialog.locator('.monaco-button', { hasText: 'Do Not Ask Again' }).click();
      }
      await page.waitForFunction(() => {
        const input = document.querySelector('.quick-input-widget input');
        return input && input.offsetParent !== null && input.value.endsWith('.docx');
      }, null, { timeout: 30000 });
      assert.equal(await dialog.count(), 0, 'no question when it was turned off for this document');
      assert.ok((await saveInput.inputValue()).endsWith('.docx'));
      await page.keyboard.press('Enter');
      await waitForFile(out, { complete: isCompleteZip });
      const toast = page.locator('.notifications-toasts .notification-toast', { hasText: /Exported/ }).first();
      await toast.waitFor({ state: 'visible', timeout: 30000 });
      return toast;
    };
    const toast = await exportOnce(true);
    const buttons = (await toast.locator('.monaco-button').allInnerTexts()).map((t) => t.trim()).filter(Boolean);
    await shot(page, 'export-notification');
    assert.ok(buttons.includes('Reveal in Explorer'), `Reveal in Explorer offered: ${buttons}`);
    assert.ok(buttons.includes('Download'), `Download offered in the web workbench: ${buttons}`);
    assert.ok(!buttons.includes('Open'), `no Open in the web workbench (it does nothing there): ${buttons}`);
    const download = page.waitForEvent('download', { timeout: 30000 });
    await toast.locator('.monaco-button', { hasText: 'Download' }).click();
    const file = await download;
    assert.equal(file.suggestedFilename(), path.basename(out), 'the browser downloads the exported DOCX');
    // Second export: no question for this document any more; Reveal in Explorer selects the file.
    const again = await exportOnce(false);
    await again.locator('.monaco-button', { hasText: 'Reveal in Explorer' }).click();
    await page.locator('.explorer-folders-view .monaco-list-row.selected', { hasText: path.basename(out) })
      .waitFor({ state: 'visible', timeout: 15000 });
    await shot(page, 'export-revealed');
  });
});
