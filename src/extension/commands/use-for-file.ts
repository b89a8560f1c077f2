/** reportMarkdown.useForFile: switches a .md/.txt document to the Report Markdown language. */
import * as vscode from 'vscode';
import { LANGUAGE_ID } from '../settings.js';
import { note, targetDocument } from './services.js';

export async function useForFile(uri?: unknown): Promise<boolean> {
  const document = await targetDocument(uri);
  if (!document) return false;
  if (document.languageId === LANGUAGE_ID) {
    note(vscode.l10n.t('This file already uses Report Markdown.'));
    return true;
  }
  await vscode.languages.setTextDocumentLanguage(document, LANGUAGE_ID);
  return true;
}
