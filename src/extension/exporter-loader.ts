/**
 * Lazy loading of the DOCX exporter. On desktop it is a separate bundle
 * (dist/exporter.cjs) required on first use, so activation never pays for
 * the `docx` library. The web entry supplies its own loader.
 */
import * as vscode from 'vscode';
import type * as Exporter from './exporter-entry.js';

/** What dist/exporter.cjs exports (see exporter-entry.ts): the DOCX exporter and the Word importer. */
export type ExporterModule = Pick<typeof Exporter, 'exportReport' | 'importWordDocument'>;

export type ExporterLoader = () => Promise<ExporterModule>;

/** Desktop loader: requires the exporter bundle next to the extension bundle, once. */
export function nodeExporterLoader(extensionUri: vscode.Uri): ExporterLoader {
  let loaded: ExporterModule | undefined;
  return async () => {
    if (!loaded) {
      const path = vscode.Uri.joinPath(extensionUri, 'dist', 'exporter.cjs').fsPath;
      // A computed path keeps esbuild from inlining the exporter into the extension bundle.
      loaded = require(path) as ExporterModule;
    }
    return loaded;
  };
}
