/**
 * reportMarkdown.replacePlaceholder: replaces every occurrence of a
 * placeholder (e.g. `XX镇`) with text the writer types, in one undoable edit.
 * Only occurrences the core reports as placeholders are replaced (not the X
 * of `XML`). Arguments (all optional): document URI, placeholder text,
 * replacement.
 */
import * as vscode from 'vscode';
import type { Range } from '../core-api.js';
import { toVsRange, toWorkspaceEdit } from '../convert.js';
import { placeholderOccurrences, placeholderPhrases } from '../logic/placeholder-phrase.js';
import { note, editorFor, targetDocument, type Services } from './services.js';

/** Occurrences of `needle` in the document's current text that are placeholders (ranges and text of one version). */
async function occurrences(services: Services, document: vscode.TextDocument, needle: string): Promise<Range[]> {
  for (let attempt = 0; attempt < 5; attempt++) {
    const version = document.version;
    const placeholderRanges = await services.lintService.placeholderRanges(document);
    if (document.version === version) return placeholderOccurrences(document.getText(), needle, placeholderRanges);
  }
  return [];
}

export async function replacePlaceholder(services: Services, uri?: unknown, placeholder?: unknown, replacement?: unknown): Promise<boolean> {
  const document = await targetDocument(uri);
  if (!document) return false;
  let needle = typeof placeholder === 'string' && placeholder.length > 0 ? placeholder : undefined;
  needle ??= await pickPlaceholder(services, document);
  if (needle === undefined) return false;
  let ranges = await occurrences(services, document, needle);
  if (ranges.length === 0) {
    note(vscode.l10n.t('“{0}” no longer occurs in this document.', needle));
    return false;
  }
  const version = document.version;
  const value =
    typeof replacement === 'string'
      ? replacement
      : await vscode.window.showInputBox({
          title: vscode.l10n.t('Replace placeholder'),
          prompt:
            ranges.length === 1
              ? vscode.l10n.t('Replace the one occurrence of “{0}” with:', needle)
              : vscode.l10n.t('Replace all {0} occurrences of “{1}” with:', ranges.length, needle),
          placeHolder: needle,
          validateInput: (input) => (input.length === 0 ? vscode.l10n.t('Type the text that replaces the placeholder.') : undefined),
        });
  if (value === undefined || value.length === 0 || document.isClosed) return false;
  // The document may have changed while the input box was open: find the occurrences again.
  if (document.version !== version) {
    ranges = await occurrences(services, document, needle);
    if (ranges.length === 0) {
      note(vscode.l10n.t('“{0}” no longer occurs in this document.', needle));
      return false;
    }
  }
  return vscode.workspace.applyEdit(toWorkspaceEdit(document.uri, ranges.map((range) => ({ range, newText: value }))));
}

/** The placeholder under the cursor, or one the writer picks from those in the document. */
async function pickPlaceholder(services: Services, document: vscode.TextDocument): Promise<string | undefined> {
  const placeholderRanges = await services.lintService.placeholderRanges(document);
  if (placeholderRanges.length === 0) {
    note(vscode.l10n.t('No placeholders left.'));
    return undefined;
  }
  const phraseOf = (range: vscode.Range): string =>
    placeholderPhrases(document.lineAt(range.start.line).text, range.start.character, range.isSingleLine ? range.end.character : range.start.character)[0] ??
    document.getText(range);
  const selection = editorFor(document)?.selection;
  if (selection) {
    const under = placeholderRanges.map(toVsRange).find((range) => range.contains(selection.active));
    if (under) return phraseOf(under);
  }
  const counts = new Map<string, number>();
  for (const range of placeholderRanges) {
    const phrase = phraseOf(toVsRange(range));
    counts.set(phrase, (counts.get(phrase) ?? 0) + 1);
  }
  const picked = await vscode.window.showQuickPick(
    [...counts].map(([label, count]) => ({ label, description: count === 1 ? vscode.l10n.t('1 occurrence') : vscode.l10n.t('{0} occurrences', count) })),
    { placeHolder: vscode.l10n.t('Select the placeholder to replace') },
  );
  return picked?.label;
}
