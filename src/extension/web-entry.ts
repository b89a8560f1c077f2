/** Web entry (dist/web/extension.js): the same extension with the exporter bundled in but loaded lazily. */
import type * as vscode from 'vscode';
import { activateWith } from './extension.js';
import { webExporterLoader } from './exporter-loader-web.js';

export function activate(context: vscode.ExtensionContext): void {
  activateWith(context, { loadExporter: webExporterLoader });
}

export function deactivate(): void {
  // Everything is disposed through context.subscriptions.
}
