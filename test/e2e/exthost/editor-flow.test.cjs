// The writer's flow (issue 13) inside the real extension host: what completion preselects,
// the suggestions of count-mismatch and pairing (never preferred), converting a skipped level,
// the title's symbol, and the language's defaults.
'use strict';
const assert = require('assert');
const vscode = require('vscode');
const h = require('./helpers.cjs');

function labelOf(item) { return typeof item.label === 'string' ? item.label : item.label.label; }
function insertOf(item) {
  const t = item.insertText === undefined ? labelOf(item) : item.insertText;
  return typeof t === 'string' ? t : t.value;
}

/** Reverts the workspace's reports this suite edited and closes the editors (the workbench's own settings.json is left alone). */
async function cleanUp() {
  for (const doc of vscode.workspace.textDocuments) {
    if (doc.isDirty && doc.uri.scheme === 'file' && doc.uri.fsPath.startsWith(h.workspaceDir())) { await h.revert(doc); }
  }
  await vscode.commands.executeCommand('workbench.action.closeAllEditors');
}

describe('Editor flow: completion, suggestions, symbols', function () {
  afterEach(async function () {
    await cleanUp();
  });

  it('completion: right under a bare heading the first child is preselected; after body text the next sibling', async function () {
    const doc = await h.open('typing.report.md');
    const editor = vscode.window.activeTextEditor;
    const last = doc.lineCount - 1;
    const headingLine = doc.getText().split('\n').findIndex((l) => l.startsWith('二、抓生态治理'));
    assert.ok(headingLine > 0 && doc.lineAt(last).text === '', 'the fixture ends with 二、抓生态治理 and a new line');
    const ours = async (line, character, trigger) => {
      const list = await vscode.commands.executeCommand('vscode.executeCompletionItemProvider', doc.uri, new vscode.Position(line, character), trigger);
      return list.items.filter((item) => item.kind === vscode.CompletionItemKind.EnumMember)
        .sort((x, y) => String(x.sortText).localeCompare(String(y.sortText)));
    };
    const under = await ours(last, 0);
    assert.ok(under.length >= 2, `marker items under 二、; got ${under.map(insertOf).join(' ')}`);
    assert.strictEqual(insertOf(under[0]), '（一）', `（一） first under a bare 二、; got ${under.map(insertOf).join(' ')}`);
    assert.ok(under[0].preselect, 'and preselected');
    assert.ok(under.slice(1).every((item) => !item.preselect), 'only one item preselected');
    // After body text under 二、 the next sibling comes first.
    await editor.edit((e) => e.insert(new vscode.Position(last, 0), '全镇坚持生态优先。\n'));
    const after = await ours(last + 1, 0);
    assert.strictEqual(insertOf(after[0]), '三、', `三、 first after body text; got ${after.map(insertOf).join(' ')}`);
    // An ASCII ( typed (auto-closed to ()): the items filter by (, replace both brackets.
    await editor.edit((e) => e.insert(new vscode.Position(last + 1, 0), '()'));
    const ascii = await ours(last + 1, 1, '(');
    const first = ascii.find((item) => insertOf(item) === '（一）');
    assert.ok(first, `（一） offered after an ASCII (; got ${ascii.map(insertOf).join(' ')}`);
    assert.ok(first.filterText.startsWith('('), `its filter text starts with the typed ( (else VS Code hides it): ${first.filterText}`);
    const range = first.range instanceof vscode.Range ? first.range : first.range.replacing;
    assert.deepStrictEqual([range.start.character, range.end.character], [0, 2], 'the item replaces ( and the auto-closed )');
  });

  it('count-mismatch and pairing offer their suggestions as quick fixes, not preferred, not in fix-all', async function () {
    const doc = await h.open('suggestions.report.md');
    const diags = await h.waitForDiagnostics(doc.uri,
      (d) => d.some((x) => h.codeOf(x) === 'count-mismatch') && d.some((x) => h.codeOf(x) === 'pairing'), 'count-mismatch and pairing findings');
    const quickFixes = async (rule) => {
      const diag = diags.find((x) => h.codeOf(x) === rule);
      const actions = await vscode.commands.executeCommand('vscode.executeCodeActionProvider', doc.uri, diag.range, vscode.CodeActionKind.QuickFix.value);
      return actions.filter((a) => a.kind && a.kind.value === 'quickfix');
    };
    const count = (await quickFixes('count-mismatch')).find((a) => /两个方面/.test(a.title));
    assert.ok(count, 'a quick fix changes 三个方面 to 两个方面');
    assert.ok(!count.isPreferred, 'not preferred: the list may be what is wrong');
    const pair = (await quickFixes('pairing')).find((a) => /》/.test(a.title));
    assert.ok(pair, 'a quick fix adds the missing 》');
    assert.ok(!pair.isPreferred, 'not preferred');
    // Fix-all (the source action) changes neither.
    const fixAll = await vscode.commands.executeCommand('vscode.executeCodeActionProvider', doc.uri, new vscode.Range(0, 0, doc.lineCount, 0),
      'source.fixAll.reportMarkdown', 10);
    for (const action of fixAll || []) {
      for (const edit of action.edit ? action.edit.get(doc.uri) : []) {
        assert.ok(!/两|》/.test(edit.newText), `fix-all does not take a suggestion: ${edit.newText}`);
      }
    }
    await h.applyCodeAction(count);
    await h.applyCodeAction(pair);
    assert.match(doc.getText(), /工作主要有两个方面：/);
    assert.match(doc.getText(), /修订完善了《党委运行规则》，明确分工。/);
    await h.waitForDiagnostics(doc.uri, (d) => !d.some((x) => ['count-mismatch', 'pairing'].includes(h.codeOf(x))), 'both findings gone');
  });

  it('Ctrl+. on 1. directly under 三、 offers converting 1. 2. to （一）（二）; elsewhere it does not', async function () {
    const doc = await h.open('suggestions.report.md');
    await h.waitForDiagnostics(doc.uri, (d) => d.length > 0, 'the document is analysed');
    const lines = doc.getText().split('\n');
    const first = lines.findIndex((l) => l.startsWith('1.加强'));
    const rewrites = async (line) => {
      const actions = await vscode.commands.executeCommand('vscode.executeCodeActionProvider', doc.uri,
        new vscode.Range(line, 0, line, 0), vscode.CodeActionKind.RefactorRewrite.value);
      return (actions || []).filter((a) => a.kind && a.kind.value.startsWith('refactor.rewrite'));
    };
    const none = await rewrites(lines.findIndex((l) => l.startsWith('二、')));
    assert.deepStrictEqual(none.map((a) => a.title), [], 'nothing on a heading that skips no level');
    const [convert] = await rewrites(first);
    assert.ok(convert, 'a rewrite is offered on 1.');
    assert.match(convert.title, /1\..*2\..*（一）.*（二）/);
    await h.applyCodeAction(convert);
    assert.strictEqual(doc.lineAt(first).text, '（一）加强组织领导');
    assert.strictEqual(doc.lineAt(first + 1).text, '（二）落实工作责任');
  });

  it('the title symbol covers its own line, not the whole document (sticky scroll)', async function () {
    const doc = await h.open('typing.report.md');
    const symbols = await vscode.commands.executeCommand('vscode.executeDocumentSymbolProvider', doc.uri);
    const title = symbols.find((s) => s.name.startsWith('关于生态工作的报告'));
    assert.ok(title, `a title symbol; got ${symbols.map((s) => s.name).join(' | ')}`);
    assert.deepStrictEqual([title.range.start.line, title.range.end.line], [0, 0], 'the title symbol spans line 1 only');
    const second = symbols.find((s) => s.name.startsWith('二、'));
    assert.ok(second && second.range.end.line >= second.range.start.line, 'headings keep their sections');
  });

  it('the language turns off word-based suggestions and highlights neither NBSP nor U+3000', async function () {
    const doc = await h.open('typing.report.md');
    const config = vscode.workspace.getConfiguration('editor', { languageId: doc.languageId, uri: doc.uri });
    assert.strictEqual(doc.languageId, 'report-markdown');
    assert.strictEqual(config.get('wordBasedSuggestions'), 'off');
    const allowed = config.get('unicodeHighlight.allowedCharacters');
    assert.strictEqual(allowed['\u00a0'], true);
    assert.strictEqual(allowed['\u3000'], true);
  });
});
