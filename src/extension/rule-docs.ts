/**
 * Where each rule's documentation lives: docs/rules/<id>.md, shipped in the
 * extension (read offline, inside VS Code), and the same page on the web
 * (the secondary link).
 */
import * as vscode from 'vscode';
import { DOCS_BASE_URL, ruleList } from './core-api.js';

/** The docs URL of a rule: the core's own URL when it has one, else the page under the core's DOCS_BASE_URL. */
export function ruleDocsUrl(ruleId: string): string {
  const rule = ruleList.find((entry) => entry.id === ruleId);
  return rule?.docsUrl || `${DOCS_BASE_URL}${encodeURIComponent(ruleId)}.md`;
}

/** The rule's page bundled in the extension (docs/rules/<id>.md beside package.json). */
export function bundledRuleDocs(extensionUri: vscode.Uri, ruleId: string): vscode.Uri {
  return vscode.Uri.joinPath(extensionUri, 'docs', 'rules', `${ruleId}.md`);
}
