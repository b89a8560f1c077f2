/** reportMarkdown.renumberDocument: renumbers every outline level and enumeration in one undoable edit. */
import * as vscode from 'vscode';
import { renumberEdits } from '../core-api.js';
import { toWorkspaceEdit } from '../convert.js';
import { note, targetDocument } from './services.js';

export async function renumberDocument(uri?: unknown): Promise<boolean> {
  const document = await targetDocument(uri);
  if (!document) return false;
  const edits = renumberEdits(document.getText());
  if (edits.length === 0) {
    note(vscode.l10n.t('Numbering is already in sequence.'));
    return false;
  }
  return vscode.workspace.applyEdit(toWorkspaceEdit(document.uri, edits));
}
