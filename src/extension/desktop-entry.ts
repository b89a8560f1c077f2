/**
 * Desktop entry (dist/extension.cjs). The same file is the lint worker's
 * script: started as a worker thread it serves lint requests and nothing
 * else. The extension proper (which needs `vscode`, unavailable in a worker
 * thread) is required only on activation, so the worker never loads it.
 */
import type * as vscode from 'vscode';
import { isNodeLintWorker, serveNodeWorker } from './worker/host-node.js';

if (isNodeLintWorker()) serveNodeWorker();

/** Activates with the exporter bundle loaded on first use and the lint worker as a worker thread running this file. */
export function activate(context: vscode.ExtensionContext): import('./extension.js').ReportMarkdownApi {
  const { activateWith } = require('./extension.js') as typeof import('./extension.js');
  const { nodeExporterLoader } = require('./exporter-loader.js') as typeof import('./exporter-loader.js');
  const { nodeWorkerFactory } = require('./worker/spawn-node.js') as typeof import('./worker/spawn-node.js');
  const { Uri } = require('vscode') as typeof vscode;
  const { readFile } = require('node:fs/promises') as typeof import('node:fs/promises');
  return activateWith(context, {
    loadExporter: nodeExporterLoader(context.extensionUri),
    lintWorker: nodeWorkerFactory(Uri.joinPath(context.extensionUri, 'dist', 'extension.cjs').fsPath),
    // A missing file (or a folder of that name, an unreadable one) is no config file.
    readLocalFile: async (uri) => readFile(uri.fsPath).catch(() => undefined),
  });
}

export function deactivate(): void {
  // Everything is disposed through context.subscriptions.
}
