// Bundles what ships: the CLI (dist/cli.cjs) and, when present, the VS Code
// extension (dist/extension.cjs, the lazily loaded dist/exporter.cjs, and the
// web build dist/web/extension.cjs). Each extension bundle is also its own lint
// worker's script (a node worker thread / a Web Worker runs the same file and
// serves lint requests; see src/extension/desktop-entry.ts and web-entry.ts).
// Usage: node scripts/build.mjs [--production] [--watch]
import * as esbuild from 'esbuild';
import { existsSync } from 'node:fs';

const production = process.argv.includes('--production');
const watch = process.argv.includes('--watch');

/**
 * Every `import * as vscode from 'vscode'` of a CommonJS bundle becomes its own
 * `__toESM(require("vscode"))`, which copies all of the API's several hundred
 * names onto a new object: 25 copies, a third of activation. Routed through one
 * module that re-exports `vscode`, the names are copied once.
 */
const sharedVscode = {
  name: 'shared-vscode',
  setup(build) {
    build.onResolve({ filter: /^vscode$/ }, (args) =>
      args.namespace === 'shared-vscode' ? { path: 'vscode', external: true } : { path: 'vscode', namespace: 'shared-vscode' },
    );
    build.onLoad({ filter: /.*/, namespace: 'shared-vscode' }, () => ({ contents: 'export * from "vscode";', loader: 'js' }));
  },
};

/**
 * vfile imports `node:process` as a default import: a CommonJS bundle wraps it in
 * `__toESM(require("node:process"))`, which copies every property of `process`
 * (about 20 ms when the extension activates). In Node the module is the global
 * `process` itself.
 */
const globalProcess = {
  name: 'global-process',
  setup(build) {
    build.onResolve({ filter: /^node:process$/ }, () => ({ path: 'process', namespace: 'global-process' }));
    build.onLoad({ filter: /.*/, namespace: 'global-process' }, () => ({ contents: 'export default process;', loader: 'js' }));
  },
};

const common = {
  bundle: true,
  platform: 'node',
  plugins: [globalProcess],
  target: 'node20',
  format: 'cjs',
  sourcemap: !production,
  minify: production,
  logLevel: 'warning',
  legalComments: 'none',
};

const builds = [
  {
    ...common,
    entryPoints: { cli: 'src/cli/bin.ts' },
    outExtension: { '.js': '.cjs' },
    outdir: 'dist',
    banner: { js: '#!/usr/bin/env node' },
  },
];

if (existsSync('src/extension/desktop-entry.ts')) {
  builds.push({
    ...common,
    entryPoints: { extension: 'src/extension/desktop-entry.ts' },
    // .cjs: package.json says "type": "module", and VS Code would load a .js main as ESM.
    outExtension: { '.js': '.cjs' },
    outdir: 'dist',
    external: ['vscode'],
    plugins: [globalProcess, sharedVscode],
  });
}
if (existsSync('src/extension/web-entry.ts')) {
  // VS Code for the Web: one CommonJS file for the web worker extension host,
  // exporter included (evaluated only on first export).
  builds.push({
    ...common,
    platform: 'browser',
    // No global-process here: a browser has no `process`.
    plugins: [sharedVscode],
    target: 'es2022',
    mainFields: ['browser', 'module', 'main'],
    // Both the web extension host and the lint worker are Web Workers: no \`document\`. Without the
    // "worker" condition, decode-named-character-reference resolves to its DOM build, which calls
    // document.createElement when micromark loads and fails in any worker.
    conditions: ['worker'],
    entryPoints: { extension: 'src/extension/web-entry.ts' },
    // .cjs: with "type": "module" the web worker extension host takes a .js entry for an ES module,
    // which it cannot load ("ESM modules are not supported in the web worker extension host").
    outExtension: { '.js': '.cjs' },
    outdir: 'dist/web',
    external: ['vscode'],
    // The extension host loads this file as a CommonJS module (it provides \`module\`); the lint
    // Web Worker loads the same file with importScripts, where there is no \`module\`.
    banner: { js: '"use strict";\nvar module = typeof module === "object" && module ? module : { exports: {} };' },
    define: { 'process.env.NODE_ENV': production ? '"production"' : '"development"' },
    logOverride: { 'unsupported-require-call': 'silent' },
  });
}
if (existsSync('src/extension/exporter-entry.ts')) {
  // The DOCX exporter is a separate bundle the extension requires on first use.
  builds.push({
    ...common,
    entryPoints: { exporter: 'src/extension/exporter-entry.ts' },
    outExtension: { '.js': '.cjs' },
    outdir: 'dist',
    external: ['vscode'],
  });
}

if (watch) {
  for (const options of builds) {
    const context = await esbuild.context(options);
    await context.watch();
  }
} else {
  await Promise.all(builds.map((options) => esbuild.build(options)));
}
