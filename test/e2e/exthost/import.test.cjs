// "Report Markdown: Import Word Document…" in the real extension host, with `report-md import` as the reference.
'use strict';
const assert = require('assert');
const fs = require('fs');
const path = require('path');
const vscode = require('vscode');
const h = require('./helpers.cjs');

const WORD = path.join(h.REPO, 'test', 'fixtures', 'docx', '01-qingshi-baogao-template.docx');
const DOC = path.join(h.REPO, 'test', 'fixtures', 'docx', 'word97-made-by-libreoffice.doc');

/** The CLI's import of the Word file, written into a sub-folder under the same name (so the image links agree). */
function cliImport(name) {
  const folder = path.join(h.workspaceDir(), 'cli-import');
  fs.rmSync(folder, { recursive: true, force: true });
  fs.mkdirSync(folder);
  const out = path.join(folder, name.replace(/\.docx$/, '.report.md'));
  const r = h.cli(['import', path.join(h.workspaceDir(), name), '-o', out]);
  assert.strictEqual(r.status, 0, `report-md import: ${r.stderr}`);
  return fs.readFileSync(out, 'utf8');
}

describe('Import Word Document in a real VS Code extension host', function () {
  afterEach(async function () {
    await h.resetEditors();
  });

  it('is contributed to the command palette and to the explorer menu of .docx files', function () {
    const pkg = JSON.parse(fs.readFileSync(path.join(h.REPO, 'package.json'), 'utf8'));
    const menus = pkg.contributes.menus;
    assert.ok(menus.commandPalette.some((m) => m.command === 'reportMarkdown.importWord' && m.when === 'true'));
    assert.ok(menus['explorer/context'].some((m) => m.command === 'reportMarkdown.importWord' && /resourceExtname == \.docx/.test(m.when)));
  });

  it('beside the document: writes <name>.report.md and <name>.assets/, opens it as report-markdown, same text as the CLI', async function () {
    const name = '请示模板.docx';
    fs.copyFileSync(WORD, path.join(h.workspaceDir(), name));
    const report = path.join(h.workspaceDir(), '请示模板.report.md');
    fs.rmSync(report, { force: true });
    fs.rmSync(path.join(h.workspaceDir(), '请示模板.assets'), { recursive: true, force: true });
    const uri = await vscode.commands.executeCommand('reportMarkdown.importWord', h.wsUri(name), 'besideDocument');
    assert.ok(uri && uri.fsPath === report, `the command returns the written report: ${uri && uri.toString()}`);
    const expected = cliImport(name);
    assert.strictEqual(fs.readFileSync(report, 'utf8'), expected, 'the written report equals report-md import');
    assert.match(expected, /^一、使用方法$/m, 'Word’s automatic numbers are text');
    assert.deepStrictEqual(fs.readdirSync(path.join(h.workspaceDir(), '请示模板.assets')).sort(), ['image1.png', 'image2.png', 'image3.png']);
    const editor = vscode.window.activeTextEditor;
    assert.ok(editor && editor.document.uri.fsPath === report, 'the report is open in the active editor');
    assert.strictEqual(editor.document.languageId, 'report-markdown');
    // the imported report is linted like any other
    await h.waitForDiagnostics(editor.document.uri, () => true, 'diagnostics of the imported report', 20000);
  });

  it('untitled (the default): a new report-markdown editor named after the Word file, with the CLI’s text', async function () {
    const name = '模板二.docx';
    fs.copyFileSync(WORD, path.join(h.workspaceDir(), name));
    fs.rmSync(path.join(h.workspaceDir(), '模板二.assets'), { recursive: true, force: true });
    const uri = await vscode.commands.executeCommand('reportMarkdown.importWord', h.wsUri(name));
    assert.ok(uri, 'the command returns the untitled document');
    assert.strictEqual(uri.scheme, 'untitled');
    assert.ok(uri.path.endsWith('/模板二.report.md'), `saved beside the Word file by default: ${uri.path}`);
    const doc = vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString());
    assert.ok(doc && doc.isUntitled);
    assert.strictEqual(doc.languageId, 'report-markdown');
    assert.strictEqual(doc.getText(), cliImport(name));
    assert.ok(!fs.existsSync(path.join(h.workspaceDir(), '模板二.report.md')), 'nothing is written until the writer saves');
    assert.ok(fs.existsSync(path.join(h.workspaceDir(), '模板二.assets', 'image1.png')), 'the images are where the links point');
    await vscode.window.showTextDocument(doc);
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
  });

  it('a Word 97–2003 .doc is refused with its reason and nothing is written', async function () {
    fs.copyFileSync(DOC, path.join(h.workspaceDir(), 'old.doc'));
    const before = fs.readdirSync(h.workspaceDir()).sort();
    const uri = await vscode.commands.executeCommand('reportMarkdown.importWord', h.wsUri('old.doc'), 'besideDocument');
    assert.strictEqual(uri, undefined);
    assert.deepStrictEqual(fs.readdirSync(h.workspaceDir()).sort(), before);
  });
});
