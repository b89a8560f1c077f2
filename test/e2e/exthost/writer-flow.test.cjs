// The writer's flow (issue 13): the fill-in pass, rule docs bundled for offline use, the
// per-rule overview in the status bar — in VS Code's real extension host.
'use strict';
const assert = require('assert');
const fs = require('fs');
const path = require('path');
const vscode = require('vscode');
const h = require('./helpers.cjs');

const pkg = JSON.parse(fs.readFileSync(path.join(h.REPO, 'package.json'), 'utf8'));
const EXT_ID = `${pkg.publisher}.${pkg.name}`;

/** Resolves when `predicate(tabs)` holds for the open tabs (checked now and on every tab change). */
function waitForTabs(predicate, what, ms = 20000) {
  return new Promise((resolve, reject) => {
    const all = () => vscode.window.tabGroups.all.flatMap((group) => group.tabs);
    let sub;
    const timer = setTimeout(() => {
      if (sub) { sub.dispose(); }
      reject(new Error(`timed out waiting for ${what}; tabs: ${all().map((t) => t.label).join(', ')}`));
    }, ms);
    const check = () => {
      const found = predicate(all());
      if (found) { clearTimeout(timer); if (sub) { sub.dispose(); } resolve(found); }
    };
    sub = vscode.window.tabGroups.onDidChangeTabs(check);
    check();
  });
}

describe('The writer\'s flow: fill-in pass, offline docs, overview', function () {
  afterEach(async function () {
    await h.resetEditors();
  });

  it('Fill In Placeholders replaces one placeholder phrase after another (all identical ones, today\'s date, skip)', async function () {
    const doc = await h.open('fill-in.report.md');
    const before = await h.waitForDiagnostics(doc.uri, (d) => d.filter((x) => h.codeOf(x) === 'placeholder').length === 6,
      'six placeholder phrases: XX镇 ×3, x月x日, XXX, X亿元');
    const phrases = before.filter((x) => h.codeOf(x) === 'placeholder').map((x) => doc.getText(x.range)).sort();
    assert.deepStrictEqual(phrases, ['XXX', 'XX镇', 'XX镇', 'XX镇', 'X亿元', 'x月x日'].sort(), 'one finding per phrase');
    vscode.window.activeTextEditor.selection = new vscode.Selection(0, 0, 0, 0);
    const now = new Date();
    const today = `${now.getMonth() + 1}月${now.getDate()}日`;
    const filled = await vscode.commands.executeCommand('reportMarkdown.fillPlaceholders', doc.uri,
      [{ value: '城关镇', all: true }, { today: true }, 'skip', '3.5亿元']);
    assert.strictEqual(filled, 5, 'three XX镇, the date and X亿元 replaced; XXX skipped');
    assert.ok(doc.isDirty, 'the pass edits the document and leaves saving to the writer');
    assert.ok(fs.readFileSync(doc.uri.fsPath, 'utf8').includes('XX镇'), 'nothing written to disk');
    assert.strictEqual(doc.getText(), `关于城关镇工作的报告\n\n${today}，城关镇召开会议，XXX主持。\n\n城关镇完成投资3.5亿元。\n`);
    const left = await h.waitForDiagnostics(doc.uri, (d) => d.filter((x) => h.codeOf(x) === 'placeholder').length === 1,
      'only the skipped XXX left');
    assert.strictEqual(doc.getText(left.find((x) => h.codeOf(x) === 'placeholder').range), 'XXX');
  });

  it('the extension\'s share of the first squiggle: activation and the first lint take well under a second', async function () {
    const ext = vscode.extensions.getExtension(EXT_ID);
    const api = ext.isActive ? ext.exports : await ext.activate();
    if (api.timings().firstPublished === undefined) {
      const doc = await h.open('clean.report.md');
      await h.waitForDiagnostics(doc.uri, () => api.timings().firstPublished !== undefined, 'the first diagnostics');
    }
    const t = api.timings();
    console.log(`      activation ${t.activated} ms; first lint requested at +${t.firstLintRequested} ms, options (config search) at +${t.firstOptions} ms, ` +
      `worker ready at +${t.workerReady} ms, published at +${t.firstPublished} ms; ${api.worker().ranWhileStarting} lint(s) ran in-process while the worker started`);
    assert.ok(t.activated < 500, `activation took ${t.activated} ms`);
    assert.ok(t.firstPublished - t.firstLintRequested < 1000,
      `the first lint (worker start-up, config search, analysis) took ${t.firstPublished - t.firstLintRequested} ms`);
  });

  it('rule docs are bundled: diagnostics link the page in the extension, Show Documentation opens its Markdown preview', async function () {
    const doc = await h.open('003_e01ac459bc9313ae.report.md');
    const diagnostics = await h.waitForDiagnostics(doc.uri, (d) => d.some((x) => h.codeOf(x) === 'placeholder'), 'placeholders');
    const target = diagnostics.find((x) => h.codeOf(x) === 'placeholder').code.target;
    assert.ok(target instanceof vscode.Uri, 'the rule id links somewhere');
    assert.strictEqual(target.toString(), 'report-markdown-docs:/rules/placeholder.md', 'the link works offline (the page bundled in the extension)');
    const ext = vscode.extensions.getExtension(EXT_ID);
    const page = (await vscode.workspace.openTextDocument(target)).getText();
    const bundled = Buffer.from(await vscode.workspace.fs.readFile(vscode.Uri.joinPath(ext.extensionUri, 'docs', 'rules', 'placeholder.md'))).toString('utf8');
    assert.strictEqual(page, bundled, 'the linked page is docs/rules/placeholder.md of the installed extension');
    assert.ok(page.startsWith('# placeholder'), 'the bundled page is docs/rules/placeholder.md');
    // Opened as the workbench opens a link (the editor resolver): the Markdown preview, by the editor association package.json contributes.
    await vscode.commands.executeCommand('vscode.open', target);
    const linked = await waitForTabs((tabs) => tabs.find((t) => t.input instanceof vscode.TabInputCustom && t.input.uri.toString() === target.toString()),
      'the linked page in a custom editor');
    assert.strictEqual(linked.input.viewType, 'vscode.markdown.preview.editor', 'the link opens the Markdown preview, not the source text');
    const firstProse = page.split('\n').find((line) => line && !line.startsWith('#') && !line.startsWith('**'));
    assert.match(firstProse, /[\u4e00-\u9fff]{4}/, `the Chinese text comes first: ${firstProse}`);
    const shown = await vscode.commands.executeCommand('reportMarkdown.showRuleDocs', 'placeholder');
    assert.strictEqual(shown, true);
    const tab = await waitForTabs((tabs) => tabs.find((t) => t.input instanceof vscode.TabInputWebview && /markdown/i.test(t.input.viewType)),
      'a Markdown preview tab');
    assert.match(tab.label, /placeholder/, `the preview shows the rule's page: ${tab.label}`);
  });

  it('the status bar tooltip sums up the findings per rule', async function () {
    const name = '002_d3c5f8660d1dab73.report.md';
    const doc = await h.open(name);
    const expected = h.cliFindings(doc.uri.fsPath);
    const placeholders = expected.filter((f) => f.rule === 'placeholder').length;
    await h.waitForDiagnostics(doc.uri, (d) => d.length === expected.length, `${expected.length} findings like the CLI`);
    const api = vscode.extensions.getExtension(EXT_ID).exports;
    let tooltip = '';
    for (let i = 0; i < 100 && !new RegExp(`\\[placeholder\\][^\\n]*\\| ${placeholders} \\|`).test(tooltip); i++) {
      tooltip = api.statusBar().tooltip;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    assert.match(tooltip, new RegExp(`\\[placeholder\\][^\\n]*\\| ${placeholders} \\|`), `a row for placeholder with ${placeholders} errors:\n${tooltip}`);
    const rules = [...new Set(expected.map((f) => f.rule))];
    for (const rule of rules) assert.ok(tooltip.includes(`[${rule}]`), `a row for ${rule}`);
    assert.strictEqual((tooltip.match(/^\| \[/gm) || []).length, rules.length, 'one row per rule');
  });
});
