/**
 * Web entry (dist/web/extension.cjs): the same extension with the exporter
 * bundled in but loaded lazily. The same file is the lint Web Worker's
 * script: loaded in the worker named LINT_WORKER_NAME it serves lint
 * requests; the extension proper (which needs `vscode`) is required only on
 * activation.
 */
import type * as vscode from 'vscode';
import { isWebLintWorker, serveWebWorker } from './worker/host-web.js';

if (isWebLintWorker()) serveWebWorker();

export function activate(context: vscode.ExtensionContext): import('./extension.js').ReportMarkdownApi {
  const { activateWith } = require('./extension.js') as typeof import('./extension.js');
  const { webExporterLoader } = require('./exporter-loader-web.js') as typeof import('./exporter-loader-web.js');
  const { webWorkerFactory } = require('./worker/spawn-web.js') as typeof import('./worker/spawn-web.js');
  const { Uri } = require('vscode') as typeof vscode;
  return activateWith(context, {
    loadExporter: webExporterLoader,
    lintWorker: webWorkerFactory(Uri.joinPath(context.extensionUri, 'dist', 'web', 'extension.cjs').toString(true)),
  });
}

export function deactivate(): void {
  // Everything is disposed through context.subscriptions.
}
