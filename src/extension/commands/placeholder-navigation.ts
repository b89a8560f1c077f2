/** reportMarkdown.nextPlaceholder / previousPlaceholder: select the next placeholder (XX, x月x日, 20XX …), wrapping around. */
import * as vscode from 'vscode';
import { fromVsPosition, toVsRange } from '../convert.js';
import { pickRange, type Direction } from '../logic/placeholder-navigation.js';
import { note, type Services } from './services.js';

export function goToPlaceholder(services: Services, direction: Direction): boolean {
  const editor = vscode.window.activeTextEditor;
  if (!editor) return false;
  const placeholderRanges = services.lintService.placeholderRanges(editor.document);
  const from = editor.selection.start;
  const picked = pickRange(placeholderRanges, fromVsPosition(from), direction);
  if (!picked) {
    note(vscode.l10n.t('No placeholders left.'));
    return false;
  }
  const range = toVsRange(picked.range);
  editor.selection = new vscode.Selection(range.start, range.end);
  editor.revealRange(range, vscode.TextEditorRevealType.InCenterIfOutsideViewport);
  if (picked.wrapped) note(vscode.l10n.t('Search wrapped around the document.'));
  return true;
}
