// The writer's flow in the workbench (issue 13), typed on the keyboard: （ and ( open the marker
// list, Enter between （） keeps the indentation, NBSP indentation shows no boxes, the status
// bar item has a readable accessible name, the zh-cn quick fixes name the rule in Chinese.
// Screenshots in artifacts/e2e/ui-NN-*.png.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import {
  dismiss, env, extensionHostStarted, goToLine, launch, openFromExplorer, openQuickFixMenu, openWorkbench, runCommand, shot,
} from './workbench.mjs';

const TYPING = 'typing.report.md'; // 7 lines ending with 二、抓生态治理, then an empty line 8
const NBSP_SEED = '004_f3dca378b1e453c1'; // every paragraph indented with NBSP

const selection = (page) => page.locator('#status\\.editor\\.selection');
const suggestRows = (page) => page.locator('.editor-widget.suggest-widget.visible .monaco-list-row');
/** Rows of our marker items (their detail), not the snippets whose description shows a marker too. */
const markerRows = (page, marker) => suggestRows(page).filter({ hasText: marker }).filter({ hasText: /Next outline marker|Outline marker/ });

/**
 * Every test types into a copy of its own, written before the workbench opens (the explorer lists
 * it), so no test sees another's edits (the UI servers run with files.autoSave off; nothing is saved).
 */
const COPIES = {
  'typing-fullwidth.report.md': ['test', 'e2e', 'fixtures', TYPING],
  'typing-ascii.report.md': ['test', 'e2e', 'fixtures', TYPING],
  'typing-enter.report.md': ['test', 'e2e', 'fixtures', TYPING],
  'nbsp-seed-004.report.md': ['test', 'fixtures', 'seeds', `${NBSP_SEED}.txt`],
};

function writeCopies() {
  for (const [name, source] of Object.entries(COPIES)) {
    fs.writeFileSync(path.join(env.REPORT_MD_E2E_WS, name), fs.readFileSync(path.join(env.REPORT_MD_E2E_REPO, ...source)));
  }
}

describe('UI: writing a report (typing, indentation, unicode boxes, status bar)', function () {
  let browser;
  let page;

  before(async function () {
    writeCopies();
    browser = await launch();
    page = browser.context.pages()[0] || await browser.context.newPage();
    await openWorkbench(page, env.REPORT_MD_E2E_URL, env.REPORT_MD_E2E_WS);
  });

  after(async function () {
    // No editors left for the next window of this workspace to restore (the first-squiggle window must be fresh).
    await runCommand(page, 'View: Close All Editors').catch(() => {});
    await browser?.close();
  });

  afterEach(async function () {
    if (this.currentTest.state === 'failed') {
      await shot(page, `failed-${this.currentTest.title.replace(/[^a-z0-9]+/gi, '-').slice(0, 40)}`).catch(() => {});
    }
    // Auto-save is off: the typed edits are dropped, nothing reaches the disk.
    if (await page.locator('.tabs-container .tab.active.dirty').count() > 0) {
      await runCommand(page, 'File: Revert File').catch(() => {});
    }
  });

  it('typing （ under a bare heading opens the marker list with （一） preselected; Enter inserts it', async function () {
    await openFromExplorer(page, 'typing-fullwidth.report.md');
    // the extension is active and has analysed the file once the status bar shows its count
    await page.locator('.statusbar-item', { hasText: /\d+ chars/ }).first().waitFor({ state: 'visible', timeout: 30000 });
    await goToLine(page, 8, 1);
    await page.keyboard.type('（');
    const rows = suggestRows(page);
    await markerRows(page, '（一）').first().waitFor({ state: 'visible', timeout: 15000 });
    const labels = (await rows.allInnerTexts()).map((t) => t.replace(/\s+/g, ' ').trim());
    await shot(page, 'typed-fullwidth-bracket');
    assert.ok(labels.some((t) => t.startsWith('（一）')), `the list shows （一）: ${labels.join(' | ')}`);
    const focused = page.locator('.editor-widget.suggest-widget.visible .monaco-list-row.focused');
    assert.match(await focused.innerText(), /^\s*（一）[\s\S]*Next outline marker/, 'our （一） (the first child) is preselected right under 二、抓生态治理');
    await page.keyboard.press('Enter');
    await page.locator('.editor-instance .view-line', { hasText: /^（一）$/ }).waitFor({ timeout: 15000 });
    await selection(page).filter({ hasText: /Ln 8, Col 4\b/ }).waitFor({ timeout: 15000 });
    await shot(page, 'accepted-first-child');
  });

  it('typing an ASCII ( shows the marker items too', async function () {
    await openFromExplorer(page, 'typing-ascii.report.md');
    await goToLine(page, 8, 1);
    await page.keyboard.type('(');
    await markerRows(page, '（一）').first().waitFor({ state: 'visible', timeout: 15000 });
    await shot(page, 'typed-ascii-bracket');
    await dismiss(page);
  });

  it('Enter between （ and ） keeps the indentation (no code-like indent)', async function () {
    await openFromExplorer(page, 'typing-enter.report.md');
    await goToLine(page, 8, 1);
    // （） as the editor leaves it after auto-closing (an IME commit does not always auto-close: insert both)
    await page.keyboard.insertText('（）');
    await page.locator('.editor-instance .view-line', { hasText: /^（）$/ }).waitFor({ timeout: 15000 });
    await page.keyboard.press('ArrowLeft');
    await dismiss(page); // no suggest widget may take the Enter
    await selection(page).filter({ hasText: /Ln 8, Col 2\b/ }).waitFor({ timeout: 15000 });
    await page.keyboard.press('Enter');
    // VS Code's bracket rule would open an indented middle line (Ln 9, Col 5) with ） on line 10
    await selection(page).filter({ hasText: /Ln 9, Col 1\b/ }).waitFor({ timeout: 15000 });
    await page.locator('.editor-instance .view-line', { hasText: /^）$/ }).waitFor({ timeout: 15000 });
    await shot(page, 'enter-between-brackets');
  });

  it('NBSP indentation (seed 004) shows no unicode-highlight box; a zero-width space still does', async function () {
    await openFromExplorer(page, 'nbsp-seed-004.report.md');
    await page.locator('.editor-instance .monaco-editor .squiggly-error, .editor-instance .monaco-editor .squiggly-warning').first()
      .waitFor({ state: 'attached', timeout: 30000 });
    const boxes = page.locator('.editor-instance .monaco-editor .unicode-highlight');
    // A control: a zero-width space typed at the end of line 1 is highlighted, so the highlighter has run
    // over the visible NBSP-indented lines when exactly one box is shown.
    await goToLine(page, 1, 1);
    await page.keyboard.press('End');
    await page.keyboard.insertText('\u200b');
    await boxes.first().waitFor({ state: 'attached', timeout: 30000 });
    await shot(page, 'nbsp-indentation-no-boxes');
    const count = await boxes.count();
    assert.equal(count, 1, `only the zero-width space is boxed, no NBSP indentation (${count} boxes)`);
  });

  it('the status bar item reads its count to screen readers, not the icon name', async function () {
    await openFromExplorer(page, TYPING);
    const item = page.locator('.statusbar-item', { hasText: /\d+ chars/ }).first();
    await item.waitFor({ state: 'visible', timeout: 30000 });
    const labels = await item.evaluate((element) => [element, ...element.querySelectorAll('[aria-label]')]
      .map((node) => node.getAttribute('aria-label')).filter(Boolean));
    assert.ok(labels.length > 0, 'the item has an accessible name');
    for (const label of labels) {
      assert.doesNotMatch(label, /symbol-text/, `accessible name: ${label}`);
      assert.match(label, /^\d[\d,]* chars/, `accessible name: ${label}`);
    }
  });
});

describe('UI: quick fixes in zh-cn', function () {
  let browser;
  let page;

  before(async function () {
    browser = await launch();
    page = browser.context.pages()[0] || await browser.context.newPage();
    await openWorkbench(page, env.REPORT_MD_E2E_URL_ZH, env.REPORT_MD_E2E_WS_ZH);
  });

  after(async function () { await browser?.close(); });

  afterEach(async function () {
    if (this.currentTest.state === 'failed') { await shot(page, 'failed-zh-cn-quick-fix').catch(() => {}); }
  });

  it('name the rule by its Chinese name and its id', async function () {
    await openFromExplorer(page, 'broken-numbering.report.md');
    // The window's extension host has finished starting (built-in extensions activating keep it busy
    // and the code-action request waiting), and line 5 shows its diagnostics before Ctrl+.
    await extensionHostStarted(env.REPORT_MD_E2E_STATE_ZH);
    const menu = await openQuickFixMenu(page, 5);
    const row = menu.locator('.monaco-list-row', { hasText: '在此行停用“编号连续”（numbering-sequence）' }).first();
    await row.waitFor({ state: 'visible', timeout: 15000 });
    await shot(page, 'zh-cn-quick-fix-rule-name');
    await dismiss(page);
  });
});
