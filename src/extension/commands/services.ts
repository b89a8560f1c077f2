/** What commands receive from the composition root, and helpers to find their target document. */
import * as vscode from 'vscode';
import type { ExporterLoader } from '../exporter-loader.js';
import type { LintService } from '../lint-service.js';
import type { Log } from '../output.js';

export type Services = {
  lintService: LintService;
  log: Log;
  loadExporter: ExporterLoader;
  extensionUri: vscode.Uri;
};

/** The document a command acts on: the given URI (from a code action or menu), else the active editor's. */
export async function targetDocument(uri?: unknown): Promise<vscode.TextDocument | undefined> {
  if (uri instanceof vscode.Uri) {
    return vscode.workspace.textDocuments.find((document) => document.uri.toString() === uri.toString())
      ?? vscode.workspace.openTextDocument(uri);
  }
  if (typeof uri === 'string' && uri.length > 0) return targetDocument(vscode.Uri.parse(uri));
  return vscode.window.activeTextEditor?.document;
}

/** The visible editor showing `document`, if any. */
export function editorFor(document: vscode.TextDocument): vscode.TextEditor | undefined {
  const active = vscode.window.activeTextEditor;
  if (active?.document === document) return active;
  return vscode.window.visibleTextEditors.find((editor) => editor.document === document);
}

/** A short, non-modal note in the status bar (no popups for routine outcomes). */
export function note(message: string): void {
  vscode.window.setStatusBarMessage(message, 4000);
}
