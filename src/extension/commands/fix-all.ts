/** reportMarkdown.fixAll: applies every available fix (renumbering included) as one minimal edit. */
import * as vscode from 'vscode';
import { fixAll } from '../core-api.js';
import { toWorkspaceEdit } from '../convert.js';
import { minimalEdit } from '../logic/minimal-edit.js';
import { note, targetDocument, type Services } from './services.js';

/** The single edit that fixes everything fixable in `document`, or undefined when nothing changes. */
export function fixAllEdit(document: vscode.TextDocument, services: Services): vscode.WorkspaceEdit | undefined {
  const text = document.getText();
  const fixed = fixAll(text, services.lintService.optionsNow(document));
  const edit = minimalEdit(text, fixed);
  return edit ? toWorkspaceEdit(document.uri, [edit]) : undefined;
}

export async function fixAllCommand(services: Services, uri?: unknown): Promise<boolean> {
  const document = await targetDocument(uri);
  if (!document) return false;
  await services.lintService.resolveOptions(document);
  const edit = fixAllEdit(document, services);
  if (!edit) {
    note(vscode.l10n.t('Nothing to fix.'));
    return false;
  }
  return vscode.workspace.applyEdit(edit);
}
