/** reportMarkdown.fixAll: applies every available fix (renumbering included) as small edits of the changed spots. */
import * as vscode from 'vscode';
import { toWorkspaceEdit } from '../convert.js';
import { note, targetDocument, type Services } from './services.js';

/**
 * The edit that fixes everything fixable in `document` (no edit when nothing
 * changes; `stopped` when the worker could not compute it in time). One text
 * edit per changed spot (not one edit from the first fix to the last), so
 * cursors and selections elsewhere stay put. Options are resolved first when
 * none are known yet, so the nearest `.reportmdrc.json` applies even before
 * the first lint finished.
 */
export async function fixAllEdit(document: vscode.TextDocument, services: Services): Promise<{ edit?: vscode.WorkspaceEdit; stopped: boolean }> {
  const options = await services.lintService.optionsFor(document);
  const version = document.version;
  const edits = await services.lintService.fixAllEdits(document, options);
  // Computed for the text as it was; the writer typed since: apply nothing rather than the wrong spots.
  if (edits === undefined || document.version !== version) return { stopped: edits === undefined };
  return { edit: edits.length > 0 ? toWorkspaceEdit(document.uri, edits) : undefined, stopped: false };
}

export async function fixAllCommand(services: Services, uri?: unknown): Promise<boolean> {
  const document = await targetDocument(uri);
  if (!document) return false;
  await services.lintService.resolveOptions(document);
  const { edit, stopped } = await fixAllEdit(document, services);
  if (!edit) {
    note(stopped ? vscode.l10n.t('This document takes too long to fix automatically.') : vscode.l10n.t('Nothing to fix.'));
    return false;
  }
  return vscode.workspace.applyEdit(edit);
}
