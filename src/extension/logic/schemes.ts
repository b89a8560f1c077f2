/**
 * URI schemes of documents the extension lints: real files (local, remote,
 * virtual workspaces) and untitled ones. Everything else — diff and history
 * views (git, gitlens, scm), output, chat edits, … — shows another version of
 * a document the writer already has open, and linting it would list its
 * problems twice in the Problems view.
 */
export const LINTED_SCHEMES: ReadonlySet<string> = new Set(['file', 'untitled', 'vscode-remote', 'vscode-vfs']);

export function isLintedScheme(scheme: string): boolean {
  return LINTED_SCHEMES.has(scheme);
}
