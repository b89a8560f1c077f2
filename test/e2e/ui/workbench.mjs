// Page helpers for driving the VS Code workbench (code-server) with playwright-core.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';

const require = createRequire(import.meta.url);
export const env = process.env;
export const ARTIFACTS = env.REPORT_MD_E2E_ARTIFACTS;
export const REPO = env.REPORT_MD_E2E_REPO;

/** The CLI as the reference implementation. */
export function cli(args) {
  const r = spawnSync(process.execPath, [env.REPORT_MD_E2E_CLI, ...args], { encoding: 'utf8', env: { ...env, LANG: 'en_US.UTF-8' } });
  if (r.status === 2 || r.error) { throw new Error(`report-md ${args.join(' ')}: ${r.stderr || r.error}`); }
  return r;
}

export function manifest() {
  return JSON.parse(fs.readFileSync(path.join(REPO, 'package.json'), 'utf8'));
}

/** A command's title as the workbench shows it in a locale ('' = default), resolving %nls% keys. */
export function commandTitle(command, locale = '') {
  const pkg = manifest();
  const c = (pkg.contributes?.commands || []).find((x) => x.command === command);
  if (!c) { throw new Error(`package.json contributes no command ${command}`); }
  const resolve = (v) => {
    const m = /^%(.+)%$/.exec(v || '');
    if (!m) { return v; }
    const files = locale ? [`package.nls.${locale}.json`, 'package.nls.json'] : ['package.nls.json'];
    for (const f of files) {
      const p = path.join(REPO, f);
      if (fs.existsSync(p)) {
        const nls = JSON.parse(fs.readFileSync(p, 'utf8'));
        const val = nls[m[1]];
        if (val !== undefined) { return typeof val === 'string' ? val : val.message; }
      }
    }
    return v;
  };
  const title = resolve(c.title);
  const category = resolve(c.category);
  return { title, category, full: category ? `${category}: ${title}` : title };
}

export async function launch() {
  const { chromium } = require(env.REPORT_MD_E2E_PLAYWRIGHT);
  const profile = fs.mkdtempSync(path.join(env.REPORT_MD_E2E_STATE, 'chromium-ui-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: env.REPORT_MD_E2E_CHROMIUM,
    headless: true,
    viewport: { width: 1440, height: 900 },
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-dev-shm-usage',
      '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  return { context, async close() { await context.close().catch(() => {}); fs.rmSync(profile, { recursive: true, force: true }); } };
}

let shotNo = 0;
/** Saves artifacts/e2e/ui-NN-<name>.png. */
export async function shot(page, name) {
  shotNo += 1;
  const file = path.join(ARTIFACTS, `ui-${String(shotNo).padStart(2, '0')}-${name}.png`);
  await page.screenshot({ path: file });
  return file;
}

export async function openWorkbench(page, url, folder) {
  await page.goto(`${url}/?folder=${encodeURIComponent(folder)}`, { waitUntil: 'domcontentloaded' });
  await page.locator('.monaco-workbench').waitFor({ state: 'visible', timeout: 60000 });
  // the explorer is populated once the remote file system answered
  await page.locator('.explorer-folders-view .monaco-list-row').first().waitFor({ state: 'visible', timeout: 60000 });
}

export async function dismiss(page) {
  for (let i = 0; i < 3; i++) { await page.keyboard.press('Escape'); }
}

/** Runs a command through the command palette (F1), picking the row with `label`. */
export async function runCommand(page, label, { typed = label } = {}) {
  await dismiss(page);
  await page.keyboard.press('F1');
  const input = page.locator('.quick-input-widget input');
  await input.waitFor({ state: 'visible', timeout: 15000 });
  await input.fill('>' + typed);
  const row = page.locator('.quick-input-widget .monaco-list-row.focused', { hasText: label }).first();
  await row.waitFor({ state: 'visible', timeout: 15000 });
  await page.keyboard.press('Enter');
}

/** Opens a file by clicking it in the explorer, and waits for its editor tab. */
export async function openFromExplorer(page, name) {
  await dismiss(page);
  const item = page.locator('.explorer-folders-view .monaco-list-row', { hasText: name }).first();
  await item.waitFor({ state: 'visible', timeout: 30000 });
  await item.click();
  await page.locator('.tabs-container .tab.active', { hasText: name }).waitFor({ timeout: 30000 });
  await page.locator('.editor-instance .monaco-editor .view-lines').first().waitFor({ state: 'visible', timeout: 30000 });
}

/** Moves the cursor with the workbench's Go to Line (Ctrl+G). */
export async function goToLine(page, line, column = 1) {
  await dismiss(page);
  await page.locator('.editor-instance .monaco-editor .view-lines').first().click();
  await page.keyboard.press('Control+G');
  const input = page.locator('.quick-input-widget input');
  await input.waitFor({ state: 'visible', timeout: 15000 });
  await input.fill(`:${line}:${column}`);
  await page.keyboard.press('Enter');
  await page.locator('#status\\.editor\\.selection', { hasText: new RegExp(`\\b${line}\\D+${column}\\b`) }).waitFor({ timeout: 15000 });
}

/**
 * Resolves when `file` exists on disk and `complete(bytes)` holds (checked on every fs.watch
 * event of its folder), or fails after `ms`. The default accepts any non-empty file.
 */
export function waitForFile(file, { ms = 60000, complete = (b) => b.length > 0 } = {}) {
  return new Promise((resolve, reject) => {
    const ready = () => {
      try { return complete(fs.readFileSync(file)); } catch { return false; }
    };
    const watcher = fs.watch(path.dirname(file), () => { if (ready()) { done(true); } });
    const timer = setTimeout(() => done(ready()), ms);
    function done(ok) {
      clearTimeout(timer); watcher.close();
      if (ok) { resolve(file); } else { reject(new Error(`timed out after ${ms} ms waiting for ${file}`)); }
    }
    if (ready()) { done(true); }
  });
}

/** A whole zip file: local header at the start, end-of-central-directory record at the end. */
export function isCompleteZip(bytes) {
  return bytes.length > 22 && bytes.readUInt32LE(0) === 0x04034b50
    && bytes.subarray(Math.max(0, bytes.length - 65557)).lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06])) >= 0;
}

/** The newest session log folder of a code-server state (one per server start). */
function serverLogDir(stateRoot) {
  const logs = path.join(stateRoot, 'user-data', 'logs');
  const dirs = fs.readdirSync(logs).filter((d) => fs.existsSync(path.join(logs, d, 'remoteagent.log'))).sort();
  if (dirs.length === 0) { throw new Error(`no code-server session log in ${logs}`); }
  return path.join(logs, dirs[dirs.length - 1]);
}

/**
 * The log folder of the newest remote extension host of a code-server state: the one of the
 * window opened last (a closed window's host lingers for its reconnection grace time).
 */
export function newestExtensionHostLogs(stateRoot) {
  const dir = serverLogDir(stateRoot);
  const hosts = fs.readdirSync(dir).filter((d) => /^exthost\d+$/.test(d)).sort((a, b) => Number(a.slice(7)) - Number(b.slice(7)));
  return hosts.length ? path.join(dir, hosts[hosts.length - 1]) : undefined;
}

/** Log lines `YYYY-MM-DD HH:MM:SS.mmm [level] text` as { time (ms since epoch, local time as logged), text }. */
export function readLog(file) {
  if (!fs.existsSync(file)) { return []; }
  return fs.readFileSync(file, 'utf8').split('\n').map((line) => {
    const m = /^(\d{4}-\d\d-\d\d) (\d\d:\d\d:\d\d\.\d{3}) \[\w+\] (.*)$/.exec(line);
    return m ? { time: new Date(`${m[1]}T${m[2]}`).getTime(), text: m[3] } : undefined;
  }).filter(Boolean);
}

/**
 * Resolves once the newest extension host of the server has finished starting: its log says the
 * eager (`*`) extensions are activated. Until then built-in extensions (git, github) keep the host's
 * thread busy for seconds on a loaded machine, and a request to it (the quick-fix menu) waits.
 */
export async function extensionHostStarted(stateRoot, ms = 120000) {
  const deadline = Date.now() + ms;
  for (;;) {
    const host = newestExtensionHostLogs(stateRoot);
    if (host && readLog(path.join(host, 'remoteexthost.log')).some((l) => l.text.startsWith('Eager extensions activated'))) { return host; }
    if (Date.now() > deadline) { throw new Error(`the extension host of ${stateRoot} did not finish starting within ${ms} ms`); }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/** Resolves when the active editor shows a squiggle (error, warning or info) on `line` (its first view line). */
export async function waitForSquiggleOnLine(page, line, ms = 30000) {
  await page.waitForFunction((n) => {
    for (const editor of document.querySelectorAll('.editor-instance .monaco-editor')) {
      const number = [...editor.querySelectorAll('.margin-view-overlays .line-numbers')].find((e) => e.textContent.trim() === String(n));
      const top = number?.parentElement?.style.top;
      if (top && [...editor.querySelectorAll('.view-overlays > div')].some((d) => d.style.top === top && d.querySelector('[class*="squiggly-"]'))) { return true; }
    }
    return false;
  }, line, { timeout: ms });
}

/**
 * Opens the quick-fix menu on `line` with Ctrl+.: first the cursor on the line, the line's
 * diagnostics drawn (the extension has linted it) and the editor focused. If the menu is not
 * there 5 s after the key (a key press lost while focus moved), and only then, it presses again.
 */
export async function openQuickFixMenu(page, line) {
  await goToLine(page, line, 1);
  await waitForSquiggleOnLine(page, line);
  const menu = page.locator('.action-widget:not(.action-list-submenu-panel)');
  for (let attempt = 1; ; attempt++) {
    await page.locator('.editor-instance .monaco-editor.focused').first().waitFor({ state: 'attached', timeout: 15000 });
    await page.keyboard.press('Control+.');
    try {
      await menu.waitFor({ state: 'visible', timeout: 5000 });
      return menu;
    } catch (error) {
      if (await menu.count() > 0) { await menu.waitFor({ state: 'visible', timeout: 15000 }); return menu; }
      if (attempt >= 3) { throw error; }
      console.log(`      [quick-fix menu absent 5 s after Ctrl+. (attempt ${attempt}): pressed again]`);
    }
  }
}
