/** reportMarkdown.renumberDocument: renumbers every outline level and enumeration in one undoable edit. */
import * as vscode from 'vscode';
import { toWorkspaceEdit } from '../convert.js';
import { note, targetDocument, type Services } from './services.js';

export async function renumberDocument(services: Services, uri?: unknown): Promise<boolean> {
  const document = await targetDocument(uri);
  if (!document) return false;
  const version = document.version;
  // Computed in the lint worker.
  const edits = await services.lintService.renumberEdits(document);
  if (edits === undefined) {
    note(vscode.l10n.t('This document takes too long to renumber automatically.'));
    return false;
  }
  if (document.version !== version) return false;
  if (edits.length === 0) {
    note(vscode.l10n.t('Numbering is already in sequence.'));
    return false;
  }
  return vscode.workspace.applyEdit(toWorkspaceEdit(document.uri, edits));
}
