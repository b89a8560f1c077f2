/**
 * Extension activation benchmark (a benchmark, NOT a test): loads a bundled
 * extension (default dist/extension.cjs) in plain Node with a minimal fake
 * `vscode` module and times `require()` plus `activate()`. Prints one JSON line.
 *
 *   node scripts/bench-activation.mjs [dist/extension.cjs]
 *
 * The fake API is a catch-all stub: every property is another stub, every call
 * returns a stub, events return disposables, collections are empty. There are
 * no open documents and no workspace folders, so activate() does the wiring
 * only (the first lint of an open document is not included). What is missing
 * compared with a real VS Code: the extension host's own module loading
 * overhead, l10n bundle reading, and the real API objects. Use one fresh
 * process per sample: the require cost is a cold-start cost.
 */
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import Module from 'node:module';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('..', import.meta.url));

/** A callable, constructible object whose every property is another stub. */
function stub(name, overrides = {}) {
  const cache = new Map();
  const target = function () {};
  return new Proxy(target, {
    get(_target, property) {
      if (property in overrides) return overrides[property];
      if (property === 'then') return undefined; // not a thenable
      if (property === Symbol.iterator) return function* () {};
      if (property === Symbol.toPrimitive) return () => `[stub ${name}]`;
      if (property === 'toString' || property === 'toJSON') return () => `[stub ${name}]`;
      if (property === 'prototype') return target.prototype;
      if (!cache.has(property)) cache.set(property, stub(`${name}.${String(property)}`));
      return cache.get(property);
    },
    set(_target, property, value) {
      cache.set(property, value);
      return true;
    },
    has() {
      return true;
    },
    apply() {
      return stub(`${name}()`);
    },
    construct() {
      return stub(`new ${name}`);
    },
  });
}

/**
 * Top-level names of the `vscode` API. esbuild's CommonJS interop copies the
 * module's own keys, so the fake must be a plain object with every name the
 * bundle may touch; they are read from @types/vscode (fallback: a short list).
 */
function apiNames() {
  const dts = join(ROOT, 'node_modules/@types/vscode/index.d.ts');
  const names = new Set(['window', 'workspace', 'commands', 'languages', 'l10n', 'env', 'extensions', 'Uri', 'Range', 'Position']);
  if (existsSync(dts)) {
    for (const match of readFileSync(dts, 'utf8').matchAll(/^\t(?:export )?(?:class|enum|namespace|function|const|let|var) (\w+)/gm)) names.add(match[1]);
  }
  return names;
}

function fakeVscode() {
  const event = () => stub('event', { dispose: () => {} });
  const overrides = {
    window: stub('window', {
      activeTextEditor: undefined,
      visibleTextEditors: [],
      onDidChangeActiveTextEditor: event,
      onDidChangeVisibleTextEditors: event,
    }),
    workspace: stub('workspace', {
      textDocuments: [],
      workspaceFolders: undefined,
      isTrusted: true,
      onDidOpenTextDocument: event,
      onDidChangeTextDocument: event,
      onDidCloseTextDocument: event,
      onDidSaveTextDocument: event,
      onDidChangeConfiguration: event,
      onDidChangeWorkspaceFolders: event,
      getConfiguration: () => stub('configuration', { get: (_key, fallback) => fallback, has: () => false }),
    }),
    commands: stub('commands', {
      executeCommand: async () => undefined,
      registerCommand: () => stub('disposable', { dispose: () => {} }),
    }),
    l10n: stub('l10n', { t: (message) => (typeof message === 'string' ? message : String(message?.message ?? '')), bundle: undefined, uri: undefined }),
    env: stub('env', { language: 'en', appName: 'Fake VS Code' }),
  };
  const api = {};
  for (const name of apiNames()) api[name] = overrides[name] ?? stub(name);
  return api;
}

const file = resolve(ROOT, process.argv[2] ?? 'dist/extension.cjs');
const vscode = fakeVscode();
const FAKE_ID = '\0fake-vscode';
const originalResolve = Module._resolveFilename;
Module._resolveFilename = function (request, ...rest) {
  return request === 'vscode' ? FAKE_ID : originalResolve.call(this, request, ...rest);
};
const fakeModule = new Module(FAKE_ID);
fakeModule.exports = vscode;
fakeModule.loaded = true;
Module._cache[FAKE_ID] = fakeModule;

const require = createRequire(import.meta.url);
const context = {
  subscriptions: [],
  extensionUri: stub('extensionUri', { fsPath: ROOT, path: ROOT, scheme: 'file', toString: () => `file://${ROOT}` }),
  extensionPath: ROOT,
  extensionMode: 1,
  globalState: stub('globalState', { get: (_key, fallback) => fallback, update: async () => {} }),
  workspaceState: stub('workspaceState', { get: (_key, fallback) => fallback, update: async () => {} }),
  asAbsolutePath: (relative) => resolve(ROOT, relative),
};

try {
  const t0 = performance.now();
  const extension = require(file);
  const t1 = performance.now();
  await extension.activate(context);
  const t2 = performance.now();
  process.stdout.write(
    JSON.stringify({ file, requireMs: t1 - t0, activateMs: t2 - t1, totalMs: t2 - t0, subscriptions: context.subscriptions.length }) + '\n',
  );
} catch (error) {
  // Bundles are minified: keep the message, not the (huge) source line.
  process.stdout.write(JSON.stringify({ file, error: String(error?.message ?? error).slice(0, 300) }) + '\n');
  process.exitCode = 1;
}
