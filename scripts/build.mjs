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

const common = {
  bundle: true,
  platform: 'node',
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
  });
}
if (existsSync('src/extension/web-entry.ts')) {
  // VS Code for the Web: one CommonJS file for the web worker extension host,
  // exporter included (evaluated only on first export).
  builds.push({
    ...common,
    platform: 'browser',
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
