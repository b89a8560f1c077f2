/** reportMarkdown.openExample: opens the bundled example report (walkthrough) as an untitled document. */
import * as vscode from 'vscode';
import { LANGUAGE_ID } from '../settings.js';

export async function openExample(extensionUri: vscode.Uri): Promise<vscode.TextEditor> {
  const file = vscode.Uri.joinPath(extensionUri, 'media', 'example.report.md');
  const content = new TextDecoder('utf-8').decode(await vscode.workspace.fs.readFile(file));
  const document = await vscode.workspace.openTextDocument({ language: LANGUAGE_ID, content });
  return vscode.window.showTextDocument(document);
}
