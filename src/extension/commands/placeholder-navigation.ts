/** reportMarkdown.nextPlaceholder / previousPlaceholder: select the next placeholder (XX, x月x日, 20XX …), wrapping around. */
import * as vscode from 'vscode';
import { fromVsPosition, toVsRange } from '../convert.js';
import { pickRange, type Direction } from '../logic/placeholder-navigation.js';
import { note, type Services } from './services.js';

export async function goToPlaceholder(services: Services, direction: Direction): Promise<boolean> {
  const editor = vscode.window.activeTextEditor;
  if (!editor) return false;
  const placeholderRanges = await services.lintService.placeholderRanges(editor.document);
  if (vscode.window.activeTextEditor !== editor) return false;
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
