// The writer's flow in the workbench (issue 13): time to the first squiggle in a fresh
// window, the fill-in pass typed into its input, the export's question and notification.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {
  commandTitle, dismiss, env, isCompleteZip, launch, newestExtensionHostLogs, openWorkbench, readLog, runCommand, shot, waitForFile,
} from './workbench.mjs';

const WS = env.REPORT_MD_E2E_WS;
const SEED = '003_e01ac459bc9313ae.report.md';

/**
 * Records in the page, with Date.now() at each DOM change (a MutationObserver, no polling): the
 * mouse-down of the click, the editor showing `text` of the report `tab` (document shown), and the
 * first error squiggle in that editor. Read them with firstSquiggleMarks.
 */
async function markFirstSquiggle(page, tab, text) {
  await page.evaluate(({ tab, text }) => {
    const marks = { tab };
    window.__reportMdMarks = marks;
    document.addEventListener('mousedown', () => { marks.click ??= Date.now(); }, { capture: true, once: true });
    const editorShowing = () => [...document.querySelectorAll('.editor-instance .monaco-editor')]
      .find((editor) => [...editor.querySelectorAll('.view-line')].some((line) => line.textContent.includes(text)));
    const check = () => {
      if (marks.click === undefined) return;
      // The markers reached the workbench (its Problems status item counts errors; no other file has any).
      if (marks.markers === undefined && /[1-9]/.test(document.getElementById('status.problems')?.textContent || '')) marks.markers = Date.now();
      const active = [...document.querySelectorAll('.tabs-container .tab.active')].some((t) => t.textContent.includes(tab));
      const editor = active ? editorShowing() : undefined;
      if (!editor) return;
      marks.shown ??= Date.now();
      if (editor.querySelector('.squiggly-error')) {
        marks.squiggle = Date.now();
        marks.markers ??= marks.squiggle;
        observer.disconnect();
      }
    };
    const observer = new MutationObserver(check);
    observer.observe(document.body, { subtree: true, childList: true, attributes: true, characterData: true });
  }, { tab, text });
}

async function firstSquiggleMarks(page) {
  await page.waitForFunction(() => window.__reportMdMarks?.squiggle !== undefined, null, { timeout: 60000 });
  return page.evaluate(() => window.__reportMdMarks);
}

/** The extension's start-up timeline (wall-clock times it logs with its first diagnostics), waiting for the log's flush. */
async function extensionTimeline(file) {
  const deadline = Date.now() + 30000;
  for (;;) {
    const line = readLog(file).find((l) => l.text.startsWith('Start-up timeline:'))?.text;
    if (line) {
      const time = (what) => { const m = new RegExp(`${what} (\\S+Z)`).exec(line); return m ? Date.parse(m[1]) : undefined; };
      return {
        activationBegan: time('activation began'), firstLintRequested: time('first lint requested'),
        optionsResolved: time('options resolved'), workerReady: time('worker ready'), published: time('first diagnostics published'),
      };
    }
    if (Date.now() > deadline) { throw new Error(`no start-up timeline in ${file}`); }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

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
    // This window's extension host is not up yet when the explorer lists the files: the first report opened here.
    // A retry would run in the same, by then warm, window and measure something else: no retry.
    this.retries(0);
    await dismiss(page);
    const item = page.locator('.explorer-folders-view .monaco-list-row', { hasText: SEED }).first();
    await item.waitFor({ state: 'visible', timeout: 30000 });
    const firstText = fs.readFileSync(path.join(WS, SEED), 'utf8').split('\n')[0].trim().slice(0, 6);
    await markFirstSquiggle(page, SEED, firstText);
    await item.click();
    const first = await firstSquiggleMarks(page);
    await shot(page, 'first-squiggle');
    // Where the time went, from code-server's and the extension's own logs (wall clock, same machine).
    const host = newestExtensionHostLogs(env.REPORT_MD_E2E_STATE);
    const hostLog = readLog(path.join(host, 'remoteexthost.log'));
    const agentLog = readLog(path.join(path.dirname(host), 'remoteagent.log'));
    const pid = /pid (\d+) started/.exec(hostLog.find((l) => /^Extension host with pid \d+ started/.test(l.text))?.text || '')?.[1];
    const launched = agentLog.find((l) => l.text.includes(`<${pid}> Launched Extension Host Process`));
    const connection = launched && /\]\[(\w+)\]\[ExtensionHostConnection\]/.exec(launched.text)?.[1];
    const starting = agentLog.find((l) => connection && l.text.includes(`[${connection}][ExtensionHostConnection] Starting extension host process`));
    const activation = hostLog.find((l) => /_doActivateExtension report-markdown\.report-markdown/.test(l.text));
    const timeline = await extensionTimeline(path.join(host, 'report-markdown.report-markdown', 'Report Markdown.log'));
    const rel = (t) => (t === undefined ? undefined : t - first.click);
    const phases = {
      documentShown: rel(first.shown),
      extensionHostRequested: rel(starting?.time),
      extensionHostProcessLaunched: rel(launched?.time),
      extensionHostStarted: rel(hostLog.find((l) => /^Extension host with pid/.test(l.text))?.time),
      activationEvent: /activationEvent: '([^']+)'/.exec(activation?.text || '')?.[1],
      activationBegan: rel(timeline.activationBegan),
      firstLintRequested: rel(timeline.firstLintRequested),
      optionsResolved: rel(timeline.optionsResolved),
      workerReady: rel(timeline.workerReady),
      diagnosticsPublished: rel(timeline.published),
      eagerExtensionsActivated: rel(hostLog.find((l) => l.text.startsWith('Eager extensions activated'))?.time),
      problemsCountShown: rel(first.markers),
      squiggleDrawn: rel(first.squiggle),
    };
    const fromShown = first.squiggle - first.shown;
    const fromClick = first.squiggle - first.click;
    const extensionShare = timeline.published - timeline.activationBegan;
    console.log(`      first squiggle: ${fromClick} ms after the click, ${fromShown} ms after the document was shown; ms after the click: ${JSON.stringify(phases)}`);
    // A second report, opened for the first time in the same window (the extension host is up):
    // the extension's own part — config search, first analysis of this text — and the workbench's drawing.
    const second = '004_f3dca378b1e453c1.report.md';
    await markFirstSquiggle(page, second, '2021年，XX镇将紧紧围绕');
    await page.locator('.explorer-folders-view .monaco-list-row', { hasText: second }).first().click();
    const marks2 = await firstSquiggleMarks(page);
    const secondFile = marks2.squiggle - marks2.shown;
    console.log(`      first squiggle of a second report in that window: ${secondFile} ms after it was shown (${marks2.squiggle - marks2.click} ms after the click)`);
    fs.writeFileSync(path.join(env.REPORT_MD_E2E_ARTIFACTS, 'first-squiggle.json'),
      JSON.stringify({ fromClick, fromShown, extensionShare, secondFile, secondFromClick: marks2.squiggle - marks2.click, phases, loadAverage: os.loadavg()[0] }, null, 2));
    assert.ok(secondFile < 1000, `a report's first squiggle came ${secondFile} ms after it was shown (budget 1000 ms)`);
    // The extension's share in the fresh window: from the start of activate() to the first diagnostics.
    assert.ok(extensionShare < 1000, `activation to first diagnostics took ${extensionShare} ms (budget 1000 ms)`);
    // The rest is code-server starting the window's extension host (phases above, BENCHMARKS.md); the test
    // fails only past REPORT_MD_E2E_FIRST_SQUIGGLE_MS (default 10 s, a deadline, not the claim).
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
    // Auto-save is off in the UI servers: revert (nothing reaches the disk), close, and keep the fixture as it was.
    await page.locator('.tabs-container .tab.active.dirty').waitFor({ state: 'visible', timeout: 15000 });
    await runCommand(page, 'File: Revert File');
    await page.locator('.tabs-container .tab.active.dirty').waitFor({ state: 'detached', timeout: 15000 });
    assert.equal(fs.readFileSync(file, 'utf8'), original, 'the pass leaves saving to the writer');
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
