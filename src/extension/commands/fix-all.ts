/** reportMarkdown.fixAll: applies every available fix (renumbering included) as small edits of the changed spots. */
import * as vscode from 'vscode';
import { fixAll } from '../core-api.js';
import { toWorkspaceEdit } from '../convert.js';
import { minimalEdits } from '../logic/minimal-edit.js';
import { note, targetDocument, type Services } from './services.js';

/**
 * The edit that fixes everything fixable in `document`, or undefined when
 * nothing changes. One text edit per changed spot (not one edit from the
 * first fix to the last), so cursors and selections elsewhere stay put.
 * Options are resolved first when none are known yet, so the nearest
 * `.reportmdrc.json` applies even before the first lint finished.
 */
export async function fixAllEdit(document: vscode.TextDocument, services: Services): Promise<vscode.WorkspaceEdit | undefined> {
  const options = await services.lintService.optionsFor(document);
  const text = document.getText();
  const edits = minimalEdits(text, fixAll(text, options));
  return edits.length > 0 ? toWorkspaceEdit(document.uri, edits) : undefined;
}

export async function fixAllCommand(services: Services, uri?: unknown): Promise<boolean> {
  const document = await targetDocument(uri);
  if (!document) return false;
  await services.lintService.resolveOptions(document);
  const edit = await fixAllEdit(document, services);
  if (!edit) {
    note(vscode.l10n.t('Nothing to fix.'));
    return false;
  }
  return vscode.workspace.applyEdit(edit);
}
