/**
 * Offers the next outline marker at the start of a line: after `（二）…` a new
 * line offers `（三）`, right under a bare `二、抓生态治理` it offers `（一）` first.
 * The candidates, most likely first, come from the core (`nextMarkerAt`);
 * this provider only places them. Typing `（` or `(` opens the list: the
 * language's word pattern keeps punctuation out of words (VS Code ignores a
 * trigger character typed inside a word).
 */
import * as vscode from 'vscode';
import type { LintService } from './lint-service.js';
import { filterMarkers, markerCompletionSpot, markerFilterText } from './logic/marker-completion.js';
import { isReportDocument } from './settings.js';

export const MARKER_TRIGGER_CHARACTERS = ['（', '('];

export class MarkerCompletionProvider implements vscode.CompletionItemProvider {
  constructor(private readonly lintService: LintService) {}

  async provideCompletionItems(document: vscode.TextDocument, position: vscode.Position): Promise<vscode.CompletionItem[] | undefined> {
    if (!isReportDocument(document)) return undefined;
    const spot = markerCompletionSpot(document.lineAt(position.line).text, position.character);
    if (!spot) return undefined;
    // The candidates come from the lint worker (the whole document is parsed), with a short time limit.
    const markers = filterMarkers(await this.lintService.nextMarkers(document, position.line), spot.prefix);
    const range = new vscode.Range(position.line, spot.start, position.line, spot.replaceEnd);
    return markers.map((marker, index) => {
      const item = new vscode.CompletionItem(marker, vscode.CompletionItemKind.EnumMember);
      item.range = range;
      item.insertText = marker;
      item.filterText = markerFilterText(marker, spot.prefix);
      item.sortText = String(index).padStart(3, '0');
      item.detail = index === 0 ? vscode.l10n.t('Next outline marker') : vscode.l10n.t('Outline marker');
      item.preselect = index === 0;
      return item;
    });
  }
}
