/**
 * Where each rule's documentation lives: docs/rules/<id>.md, shipped in the
 * extension (read offline, inside VS Code), and the same page on the web
 * (the secondary link).
 *
 * Diagnostics link the page as `report-markdown-docs:/rules/<id>.md`, a
 * read-only document served from the bundled file. The rule-id link in a hover
 * or the Problems view is opened by the workbench as an editor (command URIs
 * are not run from there); the `workbench.editorAssociations` default in
 * package.json maps this scheme to the built-in Markdown preview, so the link
 * opens the rendered page instead of its source text.
 */
import * as vscode from 'vscode';
import { DOCS_BASE_URL, ruleList } from './core-api.js';

/** The scheme of the rule pages linked from diagnostics (package.json associates it with the Markdown preview). */
export const RULE_DOCS_SCHEME = 'report-markdown-docs';

/** The docs URL of a rule: the core's own URL when it has one, else the page under the core's DOCS_BASE_URL. */
export function ruleDocsUrl(ruleId: string): string {
  const rule = ruleList.find((entry) => entry.id === ruleId);
  return rule?.docsUrl || `${DOCS_BASE_URL}${encodeURIComponent(ruleId)}.md`;
}

/** The rule's page bundled in the extension (docs/rules/<id>.md beside package.json). */
export function bundledRuleDocs(extensionUri: vscode.Uri, ruleId: string): vscode.Uri {
  return vscode.Uri.joinPath(extensionUri, 'docs', 'rules', `${ruleId}.md`);
}

/** The link a diagnostic carries to its rule's page: opens as a Markdown preview. */
export function ruleDocsLink(ruleId: string): vscode.Uri {
  return vscode.Uri.from({ scheme: RULE_DOCS_SCHEME, path: `/rules/${ruleId}.md` });
}

/** Serves `report-markdown-docs:/rules/<id>.md` from the bundled docs/rules/<id>.md (read-only). */
export class RuleDocsProvider implements vscode.TextDocumentContentProvider {
  constructor(private readonly extensionUri: vscode.Uri) {}

  async provideTextDocumentContent(uri: vscode.Uri): Promise<string> {
    const match = /^\/rules\/([a-z0-9-]+)\.md$/.exec(uri.path);
    if (!match) throw new Error(`${uri.toString(true)}: no such rule page`);
    const bytes = await vscode.workspace.fs.readFile(bundledRuleDocs(this.extensionUri, match[1]!));
    return new TextDecoder('utf-8').decode(bytes);
  }
}
