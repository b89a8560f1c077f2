/**
 * reportMarkdown.disableRule: inserts an inline disable comment for a rule,
 * for one line or for the whole file. Arguments (all optional): document
 * URI, 0-based line, rule id, scope ('line' | 'file').
 */
import * as vscode from 'vscode';
import { ruleList } from '../core-api.js';
import { ruleIdOf, toWorkspaceEdit } from '../convert.js';
import { disableCommentEdits, type DisableScope } from '../logic/disable-comment.js';
import { editorFor, targetDocument } from './services.js';

/** The WorkspaceEdit that inserts the comment or extends an existing one (also used by the quick fixes). */
export function disableRuleEdit(document: vscode.TextDocument, line: number, ruleId: string, scope: DisableScope): vscode.WorkspaceEdit {
  const eol = document.eol === vscode.EndOfLine.CRLF ? '\r\n' : '\n';
  return toWorkspaceEdit(document.uri, disableCommentEdits(document.getText(), line, ruleId, scope, eol));
}

export async function disableRule(uri?: unknown, line?: unknown, ruleId?: unknown, scope?: unknown): Promise<boolean> {
  const document = await targetDocument(uri);
  if (!document) return false;
  const targetLine = typeof line === 'number' ? line : (editorFor(document)?.selection.active.line ?? 0);
  let id = typeof ruleId === 'string' && ruleId.length > 0 ? ruleId : undefined;
  id ??= await pickRule(document, targetLine);
  if (id === undefined) return false;
  let where: DisableScope | undefined = scope === 'line' || scope === 'file' ? scope : undefined;
  where ??= (
    await vscode.window.showQuickPick(
      [
        { label: vscode.l10n.t('For this line'), scope: 'line' as const },
        { label: vscode.l10n.t('For this file'), scope: 'file' as const },
      ],
      { placeHolder: vscode.l10n.t('Disable “{0}”', id) },
    )
  )?.scope;
  if (where === undefined) return false;
  return vscode.workspace.applyEdit(disableRuleEdit(document, targetLine, id, where));
}

/** Rules reported on the line first, then every rule. */
async function pickRule(document: vscode.TextDocument, line: number): Promise<string | undefined> {
  const onLine = new Set<string>();
  for (const diagnostic of vscode.languages.getDiagnostics(document.uri)) {
    const id = ruleIdOf(diagnostic);
    if (id !== undefined && diagnostic.range.start.line <= line && diagnostic.range.end.line >= line) onLine.add(id);
  }
  const ids = [...onLine, ...ruleList.map((rule) => rule.id).filter((id) => !onLine.has(id))];
  const picked = await vscode.window.showQuickPick(
    ids.map((id) => ({ label: id, description: onLine.has(id) ? vscode.l10n.t('reported on this line') : undefined })),
    { placeHolder: vscode.l10n.t('Select the rule to disable') },
  );
  return picked?.label;
}
