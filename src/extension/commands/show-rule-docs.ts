/**
 * reportMarkdown.showRuleDocs: opens a rule's documentation (the rule under the
 * cursor, or one picked from the list) from the copy bundled in the extension,
 * as a Markdown preview inside VS Code: it works offline. Arguments (optional):
 * the rule id, and 'online' to open the web page instead.
 */
import * as vscode from 'vscode';
import { ruleList } from '../core-api.js';
import { ruleIdOf } from '../convert.js';
import { bundledRuleDocs, ruleDocsUrl } from '../rule-docs.js';
import { readSettings } from '../settings.js';

export async function showRuleDocs(extensionUri: vscode.Uri, ruleId?: unknown, where?: unknown): Promise<boolean> {
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
  if (where === 'online') return vscode.env.openExternal(vscode.Uri.parse(ruleDocsUrl(id)));
  const page = bundledRuleDocs(extensionUri, id);
  try {
    await vscode.workspace.fs.stat(page);
  } catch {
    // Not bundled (an unknown rule id, a build without docs): the web page.
    return vscode.env.openExternal(vscode.Uri.parse(ruleDocsUrl(id)));
  }
  try {
    // The built-in Markdown extension's preview (desktop and web).
    await vscode.commands.executeCommand('markdown.showPreview', page);
  } catch {
    await vscode.window.showTextDocument(page, { preview: true });
  }
  return true;
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
