// The extension's promises, checked inside VS Code's real extension host, against the
// project's CLI as the reference: same findings, same fixes, same outline, same DOCX.
'use strict';
const assert = require('assert');
const fs = require('fs');
const path = require('path');
const vscode = require('vscode');
const h = require('./helpers.cjs');

const pkg = JSON.parse(fs.readFileSync(path.join(h.REPO, 'package.json'), 'utf8'));
const EXT_ID = `${pkg.publisher}.${pkg.name}`;
const SEVERITY = { error: vscode.DiagnosticSeverity.Error, warning: vscode.DiagnosticSeverity.Warning, info: vscode.DiagnosticSeverity.Information };
const SEEDS = () => fs.readdirSync(h.workspaceDir()).filter((f) => /^\d{3}_.*\.report\.md$/.test(f)).sort();

function key(rule, line, column, severity) { return `${rule} ${line}:${column} ${severity}`; }
function cliKeys(findings) { return findings.map((f) => key(f.rule, f.line, f.column, SEVERITY[f.severity])); }
function extKeys(diags) { return diags.map((d) => key(h.codeOf(d), d.range.start.line + 1, d.range.start.character + 1, d.severity)); }

/** Waits until the extension published diagnostics for `doc` that match the CLI's findings. */
async function expectSameAsCli(doc, label) {
  const expected = h.cliFindings(doc.uri.fsPath);
  const want = cliKeys(expected);
  let last = [];
  try {
    await h.waitForDiagnostics(doc.uri, (d) => { last = extKeys(d); return h.setEquals(last, want).ok; },
      `${label}: ${want.length} findings like the CLI`, 20000);
  } catch (e) {
    const diff = h.setEquals(last, want);
    assert.fail(`${label}: extension diagnostics differ from 'report-md lint'\n` +
      `  missing (CLI only): ${diff.missing.join(' | ') || '-'}\n  extra (extension only): ${diff.extra.join(' | ') || '-'}`);
  }
  return expected;
}

function cliFixed(file) {
  const r = h.cli(['fix', '--stdout', file]);
  return r.stdout;
}

function labelOf(item) { return typeof item.label === 'string' ? item.label : item.label.label; }
function insertOf(item) {
  const t = item.insertText === undefined ? labelOf(item) : item.insertText;
  return typeof t === 'string' ? t : t.value;
}

describe('Report Markdown in a real VS Code extension host', function () {
  before(function () {
    console.log(`vscode ${vscode.version}, node ${process.versions.node}, appName=${vscode.env.appName}, ` +
      `remoteName=${vscode.env.remoteName}, language=${vscode.env.language}`);
    assert.ok(fs.existsSync(h.CLI), `CLI not built: ${h.CLI}`);
  });

  afterEach(async function () {
    await h.resetEditors();
  });

  it('activates on a .report.md and runs the packaged VSIX', async function () {
    const ext = vscode.extensions.getExtension(EXT_ID);
    assert.ok(ext, `extension ${EXT_ID} is not installed`);
    if (process.env.REPORT_MD_E2E_EXT_PATH) {
      assert.strictEqual(fs.realpathSync(ext.extensionPath), fs.realpathSync(process.env.REPORT_MD_E2E_EXT_PATH),
        'the extension under test is the one installed from the VSIX');
    }
    const doc = await h.open(SEEDS()[0]);
    assert.strictEqual(doc.languageId, 'report-markdown');
    // the first published diagnostics prove that opening the document activated the extension
    await h.waitForDiagnostics(doc.uri, (d) => d.length > 0, 'first diagnostics after opening a seed');
    assert.ok(ext.isActive, 'extension is active');
  });

  it('diagnostics for every seed match report-md lint (same rules, same lines)', async function () {
    const seeds = SEEDS();
    assert.strictEqual(seeds.length, 5, 'five seeds in the workspace');
    let total = 0;
    for (const name of seeds) {
      const doc = await h.open(name);
      const findings = await expectSameAsCli(doc, name);
      total += findings.length;
      const placeholders = h.ours(doc.uri).filter((d) => h.codeOf(d) === 'placeholder');
      assert.ok(placeholders.length > 0, `${name}: the seeds' placeholders are reported`);
      await vscode.commands.executeCommand('workbench.action.closeActiveEditor');
    }
    console.log(`    ${total} findings across ${seeds.length} seeds, identical to the CLI`);
  });

  it('the renumber quick fix on a broken sequence gives the text of report-md fix', async function () {
    const doc = await h.open('broken-numbering.report.md');
    const expected = cliFixed(doc.uri.fsPath);
    assert.notStrictEqual(expected, doc.getText(), 'report-md fix changes the broken document');
    const diags = await h.waitForDiagnostics(doc.uri, (d) => d.some((x) => h.codeOf(x) === 'numbering-sequence'),
      'numbering-sequence finding');
    const diag = diags.find((x) => h.codeOf(x) === 'numbering-sequence');
    assert.strictEqual(diag.range.start.line, 4, 'the finding is on the broken 三、 line (line 5)');
    const actions = await vscode.commands.executeCommand('vscode.executeCodeActionProvider', doc.uri, diag.range,
      vscode.CodeActionKind.QuickFix.value);
    const quickFixes = (actions || []).filter((a) => a.kind && a.kind.value === 'quickfix');
    const fix = quickFixes.find((a) => a.isPreferred) || quickFixes.find((a) => /^(Renumber|重新编号)$/.test(a.title));
    assert.ok(fix, `a preferred "Renumber" quick fix is offered; got: ${(actions || []).map((a) => a.title).join(' | ')}`);
    await h.applyCodeAction(fix);
    assert.strictEqual(doc.getText(), expected, `"${fix.title}" gives the same text as report-md fix`);
    await h.waitForDiagnostics(doc.uri, (d) => !d.some((x) => h.codeOf(x) === 'numbering-sequence'),
      'numbering finding gone after the fix');
  });

  // The three tests below kill extension-side mutants that survived the suite (test/e2e/README.md, "Mutants").
  it('each severity is shown as the CLI reports it: error, warning and information', async function () {
    const doc = await h.open('severities.report.md');
    await expectSameAsCli(doc, 'severities.report.md');
    const shown = h.ours(doc.uri).map((d) => `${h.codeOf(d)} ${d.severity}`).sort();
    const S = vscode.DiagnosticSeverity;
    assert.deepStrictEqual(shown, [`date-style ${S.Information}`, `numbering-lone ${S.Warning}`, `placeholder ${S.Error}`, `punctuation-width ${S.Warning}`].sort());
  });

  it('a finding\'s own quick fix ("Fix: …") gives the text of report-md fix', async function () {
    const doc = await h.open('severities.report.md');
    const expected = cliFixed(doc.uri.fsPath);
    assert.notStrictEqual(expected, doc.getText(), 'report-md fix changes the document');
    const diags = await h.waitForDiagnostics(doc.uri, (d) => d.some((x) => h.codeOf(x) === 'punctuation-width'), 'punctuation-width finding');
    const diag = diags.find((x) => h.codeOf(x) === 'punctuation-width');
    const actions = await vscode.commands.executeCommand('vscode.executeCodeActionProvider', doc.uri, diag.range, vscode.CodeActionKind.QuickFix.value);
    const fix = (actions || []).find((a) => a.isPreferred && /^(Fix|修复)[:：]/.test(a.title));
    assert.ok(fix && fix.edit, `a preferred "Fix: …" quick fix with an edit; got: ${(actions || []).map((a) => a.title).join(' | ')}`);
    await h.applyCodeAction(fix);
    assert.strictEqual(doc.getText(), expected, `"${fix.title}" gives the same text as report-md fix`);
  });

  it('typing lints without saving: a placeholder typed into a linted document is reported, also when no editor shows it', async function () {
    const ext = vscode.extensions.getExtension(EXT_ID);
    const api = ext.isActive ? ext.exports : await ext.activate();
    const typed = '请XX镇于x月x日前报送。\n';
    const placeholderOn = (line) => (d) => d.some((x) => h.codeOf(x) === 'placeholder' && x.range.start.line === line);
    const doc = await h.open('clean.report.md');
    await h.waitForDiagnostics(doc.uri, () => api.lintState(doc.uri).status === 'linted', 'the opened version linted');
    assert.ok(!h.ours(doc.uri).some((d) => h.codeOf(d) === 'placeholder'), 'no placeholder before typing');
    const line = doc.lineCount - 1;
    await vscode.window.activeTextEditor.edit((e) => e.insert(new vscode.Position(line, 0), typed));
    await h.waitForDiagnostics(doc.uri, placeholderOn(line), 'the typed placeholders reported while typing (reportMarkdown.run = onType)', 20000);
    assert.ok(doc.isDirty, 'reported before any save');
    // In a shown editor, the outline and folding ask for the analysis too; an open document no
    // editor shows (edited by a replace across files) is linted on change by diagnostics alone.
    const name = 'typed-hidden.report.md';
    fs.copyFileSync(path.join(h.workspaceDir(), 'clean.report.md'), path.join(h.workspaceDir(), name));
    // The workbench may save a document no editor shows after a workspace edit
    // (files.refactoring.autoSave): the findings must come before any save.
    let saved = false;
    const onSave = vscode.workspace.onDidSaveTextDocument((d) => { if (d.uri.toString() === h.wsUri(name).toString()) { saved = true; } });
    try {
      const hidden = await vscode.workspace.openTextDocument(h.wsUri(name));
      await h.waitForDiagnostics(hidden.uri, () => api.lintState(hidden.uri).status === 'linted', 'the hidden document linted on open');
      const edit = new vscode.WorkspaceEdit();
      const last = hidden.lineCount - 1;
      edit.insert(hidden.uri, new vscode.Position(last, 0), typed);
      assert.ok(await vscode.workspace.applyEdit(edit, { isRefactoring: false }), 'the edit applied');
      assert.ok(!vscode.window.visibleTextEditors.some((e) => e.document === hidden), 'no editor shows the document');
      await h.waitForDiagnostics(hidden.uri, placeholderOn(last), 'the placeholders of an edit to a document no editor shows', 20000);
      assert.ok(!saved, 'reported before any save');
    } finally {
      onSave.dispose();
      await h.resetEditors();
      fs.rmSync(path.join(h.workspaceDir(), name), { force: true });
    }
  });

  it('source.fixAll.reportMarkdown gives the text of report-md fix', async function () {
    const doc = await h.open('broken-multi.report.md');
    const expected = cliFixed(doc.uri.fsPath);
    assert.notStrictEqual(expected, doc.getText(), 'report-md fix changes the document');
    await h.waitForDiagnostics(doc.uri, (d) => d.filter((x) => h.codeOf(x) === 'numbering-sequence').length >= 2,
      'at least two numbering-sequence findings');
    const whole = new vscode.Range(0, 0, doc.lineCount, 0);
    // the edit is computed in resolveCodeAction, as the editor does when the action is applied
    const actions = await vscode.commands.executeCommand('vscode.executeCodeActionProvider', doc.uri, whole,
      'source.fixAll.reportMarkdown', 10);
    const fixAll = (actions || []).filter((a) => a.kind && a.kind.value.startsWith('source.fixAll.reportMarkdown'));
    assert.strictEqual(fixAll.length, 1, `one source.fixAll.reportMarkdown action; got: ${(actions || []).map((a) => `${a.title} [${a.kind && a.kind.value}]`).join(' | ')}`);
    // one small edit per fixed spot, not one edit from the first fix to the last
    const edits = fixAll[0].edit.get(doc.uri);
    assert.ok(edits.length >= 2, `several text edits; got ${edits.length}`);
    const between = edits[0].range.end.line + 1;
    assert.ok(between < edits[edits.length - 1].range.start.line, 'the fixture has an untouched line between two fixes');
    const editor = vscode.window.activeTextEditor;
    editor.selection = new vscode.Selection(between, 1, between, 3);
    await h.applyCodeAction(fixAll[0]);
    assert.strictEqual(doc.getText(), expected, 'fix-all gives the same text as report-md fix');
    assert.deepStrictEqual([editor.selection.start.line, editor.selection.start.character, editor.selection.end.character], [between, 1, 3],
      'a selection between two fixes stays where it was');
  });

  it('editor.codeActionsOnSave runs source.fixAll.reportMarkdown on save', async function () {
    const doc = await h.open('broken-multi.report.md');
    const original = fs.readFileSync(doc.uri.fsPath, 'utf8');
    const expected = cliFixed(doc.uri.fsPath);
    const config = vscode.workspace.getConfiguration('editor', { languageId: 'report-markdown' });
    try {
      await config.update('codeActionsOnSave', { 'source.fixAll.reportMarkdown': 'explicit' }, vscode.ConfigurationTarget.Workspace, true);
      await h.waitForDiagnostics(doc.uri, (d) => d.some((x) => h.codeOf(x) === 'numbering-sequence'), 'numbering finding before saving');
      await vscode.window.activeTextEditor.edit((e) => e.insert(new vscode.Position(doc.lineCount, 0), ''));
      await vscode.commands.executeCommand('workbench.action.files.save');
      await h.waitForText(doc, (t) => t === expected, 'the text of report-md fix after saving', 20000);
    } finally {
      await config.update('codeActionsOnSave', undefined, vscode.ConfigurationTarget.Workspace, true);
      fs.writeFileSync(doc.uri.fsPath, original);
      // The next test must not see the saved (fixed) text that the workbench reloads from disk later.
      await h.waitForText(doc, (t) => t === original, 'the fixture restored on disk and reloaded', 20000);
    }
  });

  it('the Renumber Document command gives the text of report-md fix', async function () {
    const doc = await h.open('broken-multi.report.md');
    const expected = cliFixed(doc.uri.fsPath);
    await vscode.commands.executeCommand('reportMarkdown.renumberDocument');
    assert.strictEqual(doc.getText(), expected, 'reportMarkdown.renumberDocument gives the same text as report-md fix');
  });

  it('completion offers the next outline marker', async function () {
    const doc = await h.open('completion.report.md');
    const text = doc.getText().split('\n');
    // line index of the empty line after （二）, and of the empty line after the new 二、
    const afterSecond = text.findIndex((l, i) => i > 0 && l === '' && text[i - 1].startsWith('（二）'));
    const underNew = text.findIndex((l, i) => i > 0 && l === '' && text[i - 1].startsWith('二、'));
    assert.ok(afterSecond > 0 && underNew > 0, 'fixture has the two empty lines');
    // Only our provider's items (EnumMember, sorted, the first preselected): VS Code's word-based
    // suggestions would otherwise offer the fixture's own （一）… lines and hide a broken provider.
    const offered = async (line) => {
      const list = await vscode.commands.executeCommand('vscode.executeCompletionItemProvider', doc.uri, new vscode.Position(line, 0));
      const ours = list.items.filter((item) => item.kind === vscode.CompletionItemKind.EnumMember);
      ours.sort((x, y) => String(x.sortText).localeCompare(String(y.sortText)));
      assert.ok(ours.length > 0 && ours[0].preselect, 'our marker items come with the first one preselected');
      return ours.map(insertOf);
    };
    const a = await offered(afterSecond);
    assert.strictEqual(a[0], '（三）', `after （二） the next marker （三） comes first; got ${a.join(' ')}`);
    const b = await offered(underNew);
    assert.ok(b.includes('（一）'), `under a new 二、 our items offer （一）; got ${b.join(' ')}`);
    // Typing （ auto-closes to （|）: accepting （三） replaces the closing bracket too (no （三））).
    const editor = vscode.window.activeTextEditor;
    await editor.edit((e) => e.insert(new vscode.Position(afterSecond, 0), '（）'));
    const list = await vscode.commands.executeCommand('vscode.executeCompletionItemProvider', doc.uri, new vscode.Position(afterSecond, 1), '（');
    const third = list.items.find((item) => insertOf(item) === '（三）');
    assert.ok(third, `（三） is offered inside （）; got ${list.items.slice(0, 15).map(insertOf).join(' ')}`);
    const replacing = third.range instanceof vscode.Range ? third.range : third.range.replacing;
    assert.deepStrictEqual([replacing.start.character, replacing.end.character], [0, 2], 'the item replaces （ and the auto-closed ）');
    await editor.edit((e) => e.replace(replacing, insertOf(third)));
    assert.strictEqual(doc.lineAt(afterSecond).text, '（三）');
  });

  it('document symbols give the outline of report-md outline', async function () {
    const name = SEEDS().find((n) => n.startsWith('001_'));
    const doc = await h.open(name);
    const r = h.cli(['outline', '--format', 'json', doc.uri.fsPath]);
    const outline = JSON.parse(r.stdout);
    const flatCli = [];
    const walkCli = (nodes, depth) => {
      for (const n of nodes || []) {
        flatCli.push({ line: n.line, depth, marker: n.marker || '', title: n.title || '' });
        walkCli(n.children, depth + 1);
      }
    };
    walkCli(Array.isArray(outline) ? outline : (outline.children || outline.outline || outline.headings), 0);
    const cliHeadings = flatCli.filter((n) => n.marker);
    assert.ok(cliHeadings.length >= 10, `the CLI outline of ${name} has its 一、/（一） headings`);

    const symbols = await vscode.commands.executeCommand('vscode.executeDocumentSymbolProvider', doc.uri);
    assert.ok(symbols && symbols.length > 0, 'document symbols are provided');
    const flatSym = [];
    const walkSym = (nodes, depth) => {
      for (const s of nodes || []) {
        flatSym.push({ line: s.range ? s.range.start.line + 1 : s.location.range.start.line + 1, depth, text: `${s.name} ${s.detail || ''}` });
        walkSym(s.children, depth + 1);
      }
    };
    walkSym(symbols, 0);
    for (const n of cliHeadings) {
      const s = flatSym.find((x) => x.line === n.line);
      assert.ok(s, `a symbol on line ${n.line} for ${n.marker}${n.title}`);
      assert.ok(s.text.includes(n.title.slice(0, 6)), `symbol on line ${n.line} is named after "${n.title}": ${s.text}`);
    }
    // nesting: every （一） sits under a 一、 in both trees
    const depthOf = (line, list) => list.find((x) => x.line === line).depth;
    const l1 = cliHeadings.filter((n) => /^[一二三四五六七八九十]+、/.test(n.marker));
    const l2 = cliHeadings.filter((n) => /^（/.test(n.marker));
    assert.ok(l1.length >= 3 && l2.length >= 5, 'seed 001 has 一、 and （一） headings');
    for (const n of l2) {
      assert.strictEqual(depthOf(n.line, flatSym) - depthOf(l1[0].line, flatSym), 1, `${n.marker} is a child of a 一、 heading`);
    }
  });

  it('Export to DOCX writes a file the CLI export agrees with', async function () {
    const JSZip = require(path.join(h.REPO, 'node_modules', 'jszip'));
    const src = path.join(h.workspaceDir(), 'clean.report.md');
    const out = src.replace(/\.report\.md$/, '.docx');
    fs.rmSync(out, { force: true });
    const doc = await h.open('clean.report.md');
    await expectSameAsCli(doc, 'clean.report.md');
    assert.strictEqual(h.ours(doc.uri).filter((d) => d.severity === vscode.DiagnosticSeverity.Error).length, 0,
      'the clean fixture has no errors, so export asks no questions');
    const written = waitForCreated(out);
    // the target argument skips the save dialog (reportMarkdown.export.saveLocation = "ask")
    const result = await vscode.commands.executeCommand('reportMarkdown.exportDocx', doc.uri, vscode.Uri.file(out));
    await written;
    assert.ok(result && result.fsPath === out, `the command returns the written file: ${result && result.fsPath}`);
    const ref = path.join(h.workspaceDir(), 'clean.cli.docx');
    fs.rmSync(ref, { force: true });
    const r = h.cli(['export', src, '-o', ref, '--strict']);
    assert.strictEqual(r.status, 0, `report-md export --strict accepts the document: ${r.stderr}`);
    const [ours, theirs] = await Promise.all([out, ref].map(async (f) => JSZip.loadAsync(fs.readFileSync(f))));
    const xml = await ours.file('word/document.xml').async('string');
    assert.ok(xml.includes('关于开展示范测试的报告'), 'the title is in word/document.xml');
    for (const part of ['word/document.xml', 'word/styles.xml']) {
      const a = await ours.file(part).async('string');
      const b = await theirs.file(part).async('string');
      assert.strictEqual(a, b, `${part} of the extension's export equals the CLI's`);
    }
  });

  it('diff and history views (other URI schemes) are not linted twice', async function () {
    const name = SEEDS()[0];
    const text = fs.readFileSync(path.join(h.workspaceDir(), name), 'utf8');
    const scheme = 'report-md-e2e-history';
    const provider = vscode.workspace.registerTextDocumentContentProvider(scheme, { provideTextDocumentContent: () => text });
    try {
      const uri = vscode.Uri.from({ scheme, path: `/${name}` });
      const historic = await vscode.languages.setTextDocumentLanguage(await vscode.workspace.openTextDocument(uri), 'report-markdown');
      await vscode.window.showTextDocument(historic, { preview: false });
      // the real file is linted after the historic view was opened, so by then the view would have been too
      const doc = await h.open(name);
      await h.waitForDiagnostics(doc.uri, (d) => d.length > 0, 'the real file is linted');
      assert.strictEqual(h.ours(historic.uri).length, 0, `no diagnostics for ${historic.uri.toString()}`);
    } finally {
      provider.dispose();
    }
  });

  it('a GB18030 (GBK) report opens as Chinese text, not garbled', async function () {
    const iconv = require(path.join(h.REPO, 'node_modules', 'iconv-lite'));
    const text = fs.readFileSync(path.join(h.workspaceDir(), 'clean.report.md'), 'utf8');
    const file = path.join(h.workspaceDir(), 'gbk-encoded.report.md');
    fs.writeFileSync(file, iconv.encode(text, 'gb18030'));
    try {
      const doc = await h.open('gbk-encoded.report.md');
      assert.strictEqual(doc.languageId, 'report-markdown');
      assert.ok(vscode.workspace.getConfiguration('files', { languageId: 'report-markdown' }).get('autoGuessEncoding'),
        'files.autoGuessEncoding is on for report-markdown');
      assert.strictEqual(doc.getText(), text, 'the GB18030 bytes are decoded as Chinese');
    } finally {
      await h.resetEditors();
      fs.rmSync(file, { force: true });
    }
  });

  it('settings change what is reported', async function () {
    const name = SEEDS()[0];
    const doc = await h.open(name);
    await h.waitForDiagnostics(doc.uri, (d) => d.some((x) => h.codeOf(x) === 'placeholder' && x.severity === vscode.DiagnosticSeverity.Error),
      'placeholder errors by default');
    const config = vscode.workspace.getConfiguration('reportMarkdown');
    const before = config.inspect('rules');
    assert.ok(before, 'setting reportMarkdown.rules is contributed');
    try {
      await config.update('rules', { placeholder: 'warning' }, vscode.ConfigurationTarget.Workspace);
      await h.waitForDiagnostics(doc.uri, (d) => {
        const p = d.filter((x) => h.codeOf(x) === 'placeholder');
        return p.length > 0 && p.every((x) => x.severity === vscode.DiagnosticSeverity.Warning);
      }, 'placeholders downgraded to warnings by reportMarkdown.rules');
      await config.update('rules', { placeholder: false }, vscode.ConfigurationTarget.Workspace);
      await h.waitForDiagnostics(doc.uri, (d) => !d.some((x) => h.codeOf(x) === 'placeholder'),
        'placeholders gone with reportMarkdown.rules placeholder=false');
      await config.update('rules', { placeholder: true }, vscode.ConfigurationTarget.Workspace);
      await h.waitForDiagnostics(doc.uri, (d) => d.some((x) => h.codeOf(x) === 'placeholder' && x.severity === vscode.DiagnosticSeverity.Error),
        'placeholder errors (the default severity) with reportMarkdown.rules placeholder=true');
      await config.update('rules', { placeholder: 'off' }, vscode.ConfigurationTarget.Workspace);
      await h.waitForDiagnostics(doc.uri, (d) => !d.some((x) => h.codeOf(x) === 'placeholder'),
        'placeholders gone with reportMarkdown.rules placeholder=off');
    } finally {
      await config.update('rules', undefined, vscode.ConfigurationTarget.Workspace);
    }
    await h.waitForDiagnostics(doc.uri, (d) => d.some((x) => h.codeOf(x) === 'placeholder' && x.severity === vscode.DiagnosticSeverity.Error),
      'placeholder errors back after removing the setting');
  });

  it('.reportmdrc.json changes what is reported, as it does for the CLI', async function () {
    const name = SEEDS()[0];
    const rc = path.join(h.workspaceDir(), '.reportmdrc.json');
    const doc = await h.open(name);
    await h.waitForDiagnostics(doc.uri, (d) => d.some((x) => h.codeOf(x) === 'placeholder'), 'placeholders by default');
    try {
      await vscode.workspace.fs.writeFile(vscode.Uri.file(rc), Buffer.from(JSON.stringify({ rules: { placeholder: 'off' } })));
      await h.waitForDiagnostics(doc.uri, (d) => !d.some((x) => h.codeOf(x) === 'placeholder'),
        'placeholders gone after writing .reportmdrc.json {rules:{placeholder:"off"}}');
      await expectSameAsCli(doc, `${name} with .reportmdrc.json`);
    } finally {
      fs.rmSync(rc, { force: true });
    }
    await h.waitForDiagnostics(doc.uri, (d) => d.some((x) => h.codeOf(x) === 'placeholder'),
      'placeholders back after deleting .reportmdrc.json');
  });

  it('a .reportmdrc.json in GB18030 or UTF-16 is read as the CLI reads it; an undecodable one is refused, naming it', async function () {
    const iconv = require(path.join(h.REPO, 'node_modules', 'iconv-lite'));
    const rc = path.join(h.workspaceDir(), '.reportmdrc.json');
    const rcUri = vscode.Uri.file(rc);
    const name = 'pending-mark.report.md';
    fs.writeFileSync(path.join(h.workspaceDir(), name), '关于工作的报告\n\n一、情况\n\n会议定于【待定】召开。\n');
    // 【待定】 is no placeholder by default: only the config's extra pattern (Chinese text) makes it one.
    const pending = (d) => d.some((x) => h.codeOf(x) === 'placeholder' && x.range.start.line === 4 && x.severity === vscode.DiagnosticSeverity.Warning);
    const json = JSON.stringify({ rules: { placeholder: { severity: 'warning', extra: ['【待定】'] } } });
    try {
      const doc = await h.open(name);
      await h.waitForDiagnostics(doc.uri, (d) => d.length > 0 && !pending(d), 'linted, 【待定】 not reported without a config');
      await vscode.workspace.fs.writeFile(rcUri, iconv.encode(json, 'gb18030'));
      await h.waitForDiagnostics(doc.uri, pending, '【待定】 reported through the extra pattern of a GB18030 .reportmdrc.json');
      await expectSameAsCli(doc, `${name} with a GB18030 .reportmdrc.json`);
      // Neither UTF-8 nor GB18030: refused in the Problems view, naming the file, and not used.
      await vscode.workspace.fs.writeFile(rcUri, Buffer.concat([Buffer.from(json.slice(0, -3)), Buffer.from([0xe4, 0xb8, 0xff, 0xfe, 0x81, 0x30]), Buffer.from(json.slice(-3))]));
      const problems = await h.waitForDiagnostics(rcUri, (d) => d.length > 0, 'a problem reported on the undecodable .reportmdrc.json');
      assert.match(problems[0].message, /^\.reportmdrc\.json: (unrecognised encoding|编码无法识别)/);
      await h.waitForDiagnostics(doc.uri, (d) => d.length > 0 && !pending(d), 'the undecodable config is not used');
      await vscode.workspace.fs.writeFile(rcUri, Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(json, 'utf16le')]));
      await h.waitForDiagnostics(doc.uri, pending, '【待定】 reported through the extra pattern of a UTF-16 .reportmdrc.json');
      await h.waitForDiagnostics(rcUri, (d) => d.length === 0, 'no problem left on the UTF-16 .reportmdrc.json');
      await expectSameAsCli(doc, `${name} with a UTF-16 .reportmdrc.json`);
    } finally {
      fs.rmSync(rc, { force: true });
      await h.resetEditors();
      fs.rmSync(path.join(h.workspaceDir(), name), { force: true });
    }
  });

  it('invalid settings are dropped with one warning naming each; a string "extra" does not break the placeholder rule', async function () {
    const ext = vscode.extensions.getExtension(EXT_ID);
    const api = ext.isActive ? ext.exports : await ext.activate();
    const doc = await h.open(SEEDS()[0]);
    const placeholders = (d) => d.filter((x) => h.codeOf(x) === 'placeholder');
    await h.waitForDiagnostics(doc.uri, (d) => placeholders(d).some((x) => x.severity === vscode.DiagnosticSeverity.Error), 'placeholder errors by default');
    const config = vscode.workspace.getConfiguration('reportMarkdown');
    const before = api.settingWarnings().length;
    try {
      // A misspelt rule id, and a string where the placeholder rule expects a list of patterns.
      await config.update('rules', { placeholdr: 'off', placeholder: { severity: 'warning', extra: '【待定】' } }, vscode.ConfigurationTarget.Workspace);
      await h.waitForDiagnostics(doc.uri, (d) => placeholders(d).length > 0 && placeholders(d).every((x) => x.severity === vscode.DiagnosticSeverity.Warning),
        'placeholders as warnings: the valid part of reportMarkdown.rules.placeholder applies');
      const broken = h.ours(doc.uri).filter((d) => /internal error|内部错误/.test(d.message));
      assert.deepStrictEqual(broken.map((d) => d.message), [], 'no rule fails on the invalid setting');
      const shown = api.settingWarnings().slice(before);
      assert.strictEqual(shown.length, 1, `one warning for both problems; got:\n${shown.join('\n')}`);
      assert.match(shown[0], /^(Report Markdown ignores invalid settings|报告 Markdown 忽略了几项无效设置)/);
      assert.match(shown[0], /reportMarkdown\.rules: (unknown rule "placeholdr"|未知规则“placeholdr”)/);
      assert.match(shown[0], /reportMarkdown\.rules\.placeholder\.extra (must be an array, got string|必须是数组)/);
    } finally {
      await config.update('rules', undefined, vscode.ConfigurationTarget.Workspace);
    }
    await h.waitForDiagnostics(doc.uri, (d) => placeholders(d).some((x) => x.severity === vscode.DiagnosticSeverity.Error),
      'placeholder errors back after removing the setting');
  });
});

function waitForCreated(file) {
  return h.waitForFile(file, 60000);
}
