// Lint never runs on the extension host's thread: a slow document lints in the lint worker
// (a worker thread here), within reportMarkdown.lintTimeLimit, and a keystroke cancels the run
// in progress. Checked through the extension's API (exports: lintState, statusBar, worker),
// diagnostics, and the extension host's own timer lag while the worker is busy.
'use strict';
const assert = require('assert');
const fs = require('fs');
const path = require('path');
const vscode = require('vscode');
const h = require('./helpers.cjs');

const pkg = JSON.parse(fs.readFileSync(path.join(h.REPO, 'package.json'), 'utf8'));
const EXT_ID = `${pkg.publisher}.${pkg.name}`;
/** 600 000 characters of unclosed links and images: remark takes seconds on them (linear, no crash, one finding). */
const SLOW_TEXT = '工作报告\n\n' + 'x[a![b'.repeat(100000) + '\n';
const created = [];

/** A fresh slow document per test (a document model may outlive its editor). */
function slowFile(name) {
  const file = `slow-${name}.report.md`;
  fs.writeFileSync(path.join(h.workspaceDir(), file), SLOW_TEXT);
  created.push(file);
  return file;
}

/** Resolves when `predicate()` holds, checking every 50 ms; `ms` is a failure deadline. */
function waitUntil(predicate, what, ms = 60000) {
  return new Promise((resolve, reject) => {
    const started = Date.now();
    const timer = setInterval(() => {
      let value;
      try { value = predicate(); } catch (e) { clearInterval(timer); reject(e); return; }
      if (value) { clearInterval(timer); resolve(value); } else if (Date.now() - started > ms) {
        clearInterval(timer); reject(new Error(`timed out after ${ms} ms waiting for ${what}`));
      }
    }, 50);
  });
}

/** The largest delay of a 20 ms timer on this thread (the extension host's) until stop(). */
function lagMonitor() {
  let last = Date.now();
  let max = 0;
  const timer = setInterval(() => {
    const now = Date.now();
    max = Math.max(max, now - last - 20);
    last = now;
  }, 20);
  return { stop() { clearInterval(timer); return max; } };
}

async function setLimit(ms) {
  await vscode.workspace.getConfiguration('reportMarkdown').update('lintTimeLimit', ms, vscode.ConfigurationTarget.Workspace);
}

describe('Lint beside the extension host: worker, time limit, cancellation', function () {
  this.timeout(240000);
  let api;

  before(async function () {
    const ext = vscode.extensions.getExtension(EXT_ID);
    api = ext.isActive ? ext.exports : await ext.activate();
    assert.ok(api && typeof api.lintState === 'function', 'the extension exports its lint state');
  });

  afterEach(async function () {
    await h.resetEditors();
    await setLimit(undefined);
  });

  after(function () {
    for (const file of created) fs.rmSync(path.join(h.workspaceDir(), file), { force: true });
  });

  it('quick fixes come from the worker\'s findings, with their fixes', async function () {
    const file = 'quick-fix-from-worker.report.md';
    fs.writeFileSync(path.join(h.workspaceDir(), file), '工作报告\n\n一、甲\n三、乙\n');
    created.push(file);
    const doc = await h.open(file);
    const diagnostics = await h.waitForDiagnostics(doc.uri, (d) => d.some((x) => h.codeOf(x) === 'numbering-sequence'), 'numbering-sequence reported');
    const target = diagnostics.find((x) => h.codeOf(x) === 'numbering-sequence');
    const actions = await vscode.commands.executeCommand('vscode.executeCodeActionProvider', doc.uri, target.range, vscode.CodeActionKind.QuickFix.value);
    const renumber = actions.find((action) => action.title === 'Renumber');
    assert.ok(renumber && renumber.edit, `a Renumber quick fix with an edit: ${actions.map((action) => action.title).join(' | ')}`);
    await h.applyCodeAction(renumber);
    assert.strictEqual(doc.getText(), '工作报告\n\n一、甲\n二、乙\n');
  });

  it('a slow document lints in the worker while the extension host stays responsive', async function () {
    await setLimit(120000);
    const lag = lagMonitor();
    const started = Date.now();
    const doc = await h.open(slowFile('responsive'));
    await waitUntil(() => api.lintState(doc.uri).status === 'linted', 'the slow document linted', 180000);
    const took = Date.now() - started;
    const maxLag = lag.stop();
    console.log(`      slow document: linted after ${took} ms; largest extension-host timer lag ${maxLag} ms`);
    assert.strictEqual(api.worker().inProcess, false, 'a worker runs the core (no in-process fallback)');
    assert.ok(took > 1500, `the document is slow to lint (${took} ms), or this test proves nothing`);
    assert.ok(maxLag < Math.max(1000, took / 3), `the extension host was blocked for ${maxLag} ms while linting took ${took} ms`);
    await h.waitForDiagnostics(doc.uri, (d) => d.length > 0, 'the findings of the slow document published');
  });

  it('a lint over reportMarkdown.lintTimeLimit is stopped: the document is paused, the status bar says so, other documents still lint', async function () {
    await setLimit(300);
    const before = api.worker().starts;
    const doc = await h.open(slowFile('paused'));
    await waitUntil(() => api.lintState(doc.uri).status === 'paused', 'the slow document paused', 60000);
    assert.strictEqual(api.lintState(doc.uri).reason, 'slow');
    await waitUntil(() => /Lint paused on this document \(too slow\)/.test(api.statusBar().text), 'the status bar saying lint is paused', 10000);
    assert.match(api.statusBar().tooltip, /300 ms/);
    assert.strictEqual(h.ours(doc.uri).length, 0, 'no stale findings on a paused document');

    // Typing does not start runs that would be stopped again.
    const editor = vscode.window.activeTextEditor;
    await editor.edit((edit) => edit.insert(new vscode.Position(0, 0), '一、'));
    await new Promise((resolve) => setTimeout(resolve, 1500));
    assert.strictEqual(api.lintState(doc.uri).status, 'paused', 'still paused after typing');

    // The stopped worker was replaced: another document lints (in a new worker).
    const seed = await h.open(fs.readdirSync(h.workspaceDir()).filter((f) => /^\d{3}_.*\.report\.md$/.test(f)).sort()[0]);
    await h.waitForDiagnostics(seed.uri, (d) => d.length > 0, 'a seed linted after the slow document was stopped');
    assert.ok(api.worker().starts > before, `a fresh worker started after the overrun (${before} → ${api.worker().starts})`);

    // A longer limit (a settings change tries paused documents again) lets it finish.
    await vscode.window.showTextDocument(doc);
    await setLimit(120000);
    await waitUntil(() => api.lintState(doc.uri).status === 'linted', 'the slow document linted with a longer limit', 180000);
    await waitUntil(() => !/Lint paused/.test(api.statusBar().text), 'the status bar back to counts', 10000);
  });

  it('the Lint Again command retries a paused document', async function () {
    await setLimit(300);
    const doc = await h.open(slowFile('again'));
    await waitUntil(() => api.lintState(doc.uri).status === 'paused', 'the slow document paused', 60000);
    const starts = api.worker().starts;
    await vscode.commands.executeCommand('reportMarkdown.lintAgain', doc.uri);
    // Tried again, and stopped again at the limit (a fresh worker each time).
    await waitUntil(() => api.worker().starts > starts && api.lintState(doc.uri).status === 'paused', 'a second attempt, paused again', 60000);
  });

  it('a keystroke cancels the run in progress; the newest version is linted', async function () {
    await setLimit(120000);
    const doc = await h.open(slowFile('typed'));
    // Once the worker is busy with the opened version (it takes seconds), type.
    await waitUntil(() => api.worker().running === `analyze ${doc.uri.toString()}`, 'the worker linting the opened version', 120000);
    await new Promise((resolve) => setTimeout(resolve, 300));
    assert.strictEqual(api.lintState(doc.uri).status, 'pending', 'the first run is still in progress');
    const starts = api.worker().starts;
    const editor = vscode.window.activeTextEditor;
    await editor.edit((edit) => edit.insert(new vscode.Position(0, 0), 'XX镇工作\n'));
    const typed = doc.version;
    // The busy worker was stopped at once rather than left to finish a version nobody wants.
    await waitUntil(() => api.worker().starts > starts, 'a fresh worker after the keystroke', 20000);
    await waitUntil(() => api.lintState(doc.uri).status === 'linted' && api.lintState(doc.uri).version === typed, 'the typed version linted', 180000);
    await h.waitForDiagnostics(doc.uri, (d) => d.some((x) => h.codeOf(x) === 'placeholder' && x.range.start.line === 0),
      'the placeholder typed on line 1 is reported');
  });

  it('a catastrophic placeholder.extra in .reportmdrc.json is refused with a message naming it; linting goes on', async function () {
    const rc = vscode.Uri.file(path.join(h.workspaceDir(), '.reportmdrc.json'));
    const name = fs.readdirSync(h.workspaceDir()).filter((f) => /^\d{3}_.*\.report\.md$/.test(f)).sort()[0];
    const doc = await h.open(name);
    await h.waitForDiagnostics(doc.uri, (d) => d.length > 0, 'the seed linted');
    try {
      await vscode.workspace.fs.writeFile(rc, Buffer.from(JSON.stringify({ rules: { placeholder: { extra: ['(a+)+$'] } } })));
      const problems = await waitUntil(() => {
        const found = vscode.languages.getDiagnostics(rc).filter((d) => d.source === h.SOURCE);
        return found.length > 0 ? found : undefined;
      }, 'a problem reported on .reportmdrc.json', 30000);
      assert.match(problems[0].message, /rules\.placeholder\.extra\[0\]: the pattern "\(a\+\)\+\$" is refused: .*nested quantifier/);
      // The invalid file is ignored (as for any invalid config): the seed is still linted.
      await h.waitForDiagnostics(doc.uri, (d) => d.some((x) => h.codeOf(x) === 'placeholder'), 'placeholders still reported');
    } finally {
      fs.rmSync(rc.fsPath, { force: true });
    }
  });
});
