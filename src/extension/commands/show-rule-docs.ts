/** reportMarkdown.showRuleDocs: opens a rule's documentation (the rule under the cursor, or one picked from the list). */
import * as vscode from 'vscode';
import { ruleList } from '../core-api.js';
import { ruleIdOf } from '../convert.js';
import { ruleDocsUrl } from '../rule-docs.js';
import { readSettings } from '../settings.js';

export async function showRuleDocs(ruleId?: unknown): Promise<boolean> {
  let id = typeof ruleId === 'string' && ruleId.length > 0 ? ruleId : ruleAtCursor();
  if (id === undefined) {
    const lang = readSettings(vscode.window.activeTextEditor?.document).lang;
    const picked = await vscode.window.showQuickPick(
      ruleList.map((rule) => ({ label: rule.id, detail: rule.description[lang], id: rule.id })),
      { placeHolder: vscode.l10n.t('Select a rule to read about') },
    );
    id = picked?.id;
  }
  if (id === undefined) return false;
  return vscode.env.openExternal(vscode.Uri.parse(ruleDocsUrl(id)));
}

/** The rule of our diagnostic under the cursor, if any. */
function ruleAtCursor(): string | undefined {
  const editor = vscode.window.activeTextEditor;
  if (!editor) return undefined;
  const position = editor.selection.active;
  for (const diagnostic of vscode.languages.getDiagnostics(editor.document.uri)) {
    const id = ruleIdOf(diagnostic);
    if (id !== undefined && diagnostic.range.contains(position)) return id;
  }
  return undefined;
}
