// Helpers for the extension-host suite: event-driven waits, the CLI as the reference.
'use strict';
const { spawnSync } = require('child_process');
const fs = require('fs');
const path = require('path');
const vscode = require('vscode');

const REPO = process.env.REPORT_MD_E2E_REPO;
const CLI = process.env.REPORT_MD_E2E_CLI || (REPO && path.join(REPO, 'dist', 'cli.cjs'));
const SOURCE = 'report-md';

function workspaceDir() {
  const folders = vscode.workspace.workspaceFolders;
  if (!folders || folders.length === 0) { throw new Error('no workspace folder is open'); }
  return folders[0].uri.fsPath;
}

function wsUri(name) {
  return vscode.Uri.file(path.join(workspaceDir(), name));
}

/** Runs the project's CLI (the reference implementation) on the extension host's Node. */
function cli(args, options = {}) {
  const r = spawnSync(process.execPath, [CLI, ...args], {
    encoding: 'utf8', cwd: workspaceDir(), env: { ...process.env, LANG: 'en_US.UTF-8' }, ...options,
  });
  if (r.error) { throw r.error; }
  if (r.status === 2) { throw new Error(`report-md ${args.join(' ')} exited 2: ${r.stderr}`); }
  return r;
}

function cliFindings(file) {
  const r = cli(['lint', '--format', 'json', file]);
  try {
    return JSON.parse(r.stdout);
  } catch (e) {
    throw new Error(`report-md lint --format json printed no JSON: ${r.stdout.slice(0, 300)} ${r.stderr}`);
  }
}

function codeOf(d) {
  return d.code !== undefined && typeof d.code === 'object' ? String(d.code.value) : String(d.code);
}

function ours(uri) {
  return vscode.languages.getDiagnostics(uri).filter((d) => d.source === SOURCE);
}

/**
 * Resolves with our diagnostics for `uri` as soon as `predicate` holds, checking now and
 * on every onDidChangeDiagnostics event for that document. `ms` is a failure deadline,
 * not a delay: a passing run never waits for it.
 */
function waitForDiagnostics(uri, predicate, what, ms = 30000) {
  const key = uri.toString();
  return new Promise((resolve, reject) => {
    let sub;
    const check = () => {
      const d = ours(uri);
      if (predicate(d)) { clearTimeout(timer); if (sub) { sub.dispose(); } resolve(d); return true; }
      return false;
    };
    const timer = setTimeout(() => {
      if (sub) { sub.dispose(); }
      const now = ours(uri).map((d) => `${codeOf(d)}@${d.range.start.line + 1}`).join(', ');
      reject(new Error(`timed out after ${ms} ms waiting for diagnostics: ${what}; current: [${now}]`));
    }, ms);
    sub = vscode.languages.onDidChangeDiagnostics((e) => {
      if (e.uris.some((u) => u.toString() === key)) { check(); }
    });
    check();
  });
}

/** Resolves when `file` exists, using a file-system watcher (plus one check up front). */
function waitForFile(file, ms = 30000) {
  return new Promise((resolve, reject) => {
    const watcher = vscode.workspace.createFileSystemWatcher(
      new vscode.RelativePattern(vscode.Uri.file(path.dirname(file)), path.basename(file)));
    const done = (ok) => {
      clearTimeout(timer); watcher.dispose();
      if (ok) { resolve(file); } else { reject(new Error(`timed out after ${ms} ms waiting for ${file}`)); }
    };
    const timer = setTimeout(() => done(fs.existsSync(file)), ms);
    watcher.onDidCreate(() => done(true));
    watcher.onDidChange(() => done(true));
    if (fs.existsSync(file)) { done(true); }
  });
}

/** Resolves when the text of `doc` satisfies `predicate` (onDidChangeTextDocument). */
function waitForText(doc, predicate, what, ms = 30000) {
  return new Promise((resolve, reject) => {
    let sub;
    const timer = setTimeout(() => { if (sub) { sub.dispose(); } reject(new Error(`timed out waiting for text: ${what}`)); }, ms);
    const check = () => {
      if (predicate(doc.getText())) { clearTimeout(timer); if (sub) { sub.dispose(); } resolve(doc.getText()); }
    };
    sub = vscode.workspace.onDidChangeTextDocument((e) => { if (e.document === doc) { check(); } });
    check();
  });
}

async function open(name) {
  const doc = await vscode.workspace.openTextDocument(wsUri(name));
  await vscode.window.showTextDocument(doc, { preview: false });
  // A document changed on disk by an earlier test is reloaded by the workbench a little later:
  // start only once the editor holds what the file holds.
  const onDisk = fs.readFileSync(doc.uri.fsPath, 'utf8').replace(/^\uFEFF/, '');
  // Only UTF-8 fixtures can be compared this way (the GBK one decodes to replacement characters).
  if (!doc.isDirty && !onDisk.includes('\uFFFD') && doc.getText() !== onDisk) {
    // Reload it now rather than wait for the file watcher (slow on a loaded machine).
    await vscode.commands.executeCommand('workbench.action.files.revert');
    await waitForText(doc, (t) => t === onDisk, `${name} as it is on disk`, 20000);
  }
  return doc;
}

/** Applies a code action the way the editor does: its edit first, then its command. */
async function applyCodeAction(action) {
  if (action.edit) {
    const ok = await vscode.workspace.applyEdit(action.edit);
    if (!ok) { throw new Error(`workspace.applyEdit refused the edit of "${action.title}"`); }
  }
  if (action.command) {
    await vscode.commands.executeCommand(action.command.command, ...(action.command.arguments || []));
  }
}

/** Throws away unsaved edits of `doc` so the next test starts from the file on disk. */
async function revert(doc) {
  // The workbench may open another editor meanwhile (settings.json written by a configuration update):
  // showTextDocument then refuses once; the second try finds the editors settled.
  for (let attempt = 0; ; attempt++) {
    try {
      await vscode.window.showTextDocument(doc, { preview: false });
      break;
    } catch (error) {
      if (attempt >= 2) throw error;
      await new Promise((resolve) => setTimeout(resolve, 300));
    }
  }
  await vscode.commands.executeCommand('workbench.action.files.revert');
}

/** Reverts every dirty document, then closes all editors (no save prompt can appear). */
async function resetEditors() {
  for (const doc of vscode.workspace.textDocuments) {
    if (doc.isDirty && !doc.isUntitled) { await revert(doc); }
  }
  await vscode.commands.executeCommand('workbench.action.closeAllEditors');
}

function setEquals(actual, expected) {
  const a = [...actual].sort();
  const e = [...expected].sort();
  const missing = e.filter((x) => !a.includes(x));
  const extra = a.filter((x) => !e.includes(x));
  return { ok: missing.length === 0 && extra.length === 0, missing, extra };
}

module.exports = {
  REPO, CLI, SOURCE, workspaceDir, wsUri, cli, cliFindings, codeOf, ours,
  waitForDiagnostics, waitForFile, waitForText, open, applyCodeAction, revert, resetEditors, setEquals,
};
