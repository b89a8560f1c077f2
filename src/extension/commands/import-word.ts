/**
 * reportMarkdown.importWord: opens a Word document (.docx) as report
 * Markdown. Arguments (all optional): the .docx URI (the Explorer passes
 * it; otherwise an open dialog asks) and, for tests and other extensions, a
 * target: 'untitled' or 'besideDocument' overriding the
 * `reportMarkdown.import.target` setting. The text opens in a new
 * report-markdown editor, untitled (named `<name>.report.md` beside the Word
 * file, so Save puts it there) or written beside the Word file. Images go to
 * `<name>.assets/` beside the Word file. Warnings (what could not be kept)
 * are logged and shown. It only reads the Word file, so it runs in untrusted
 * workspaces too. Returns the URI of the opened document.
 */
import * as vscode from 'vscode';
import { assetsFolderFor, reportNameForWord } from '../logic/file-names.js';
import { describe } from '../output.js';
import type { Services } from './services.js';

type ImportTarget = 'untitled' | 'besideDocument';

function chosenTarget(target: unknown, source: vscode.Uri): ImportTarget {
  if (target === 'untitled' || target === 'besideDocument') return target;
  const setting = vscode.workspace.getConfiguration('reportMarkdown', source).get<string>('import.target');
  return setting === 'besideDocument' ? 'besideDocument' : 'untitled';
}

async function exists(uri: vscode.Uri): Promise<boolean> {
  try {
    await vscode.workspace.fs.stat(uri);
    return true;
  } catch {
    return false;
  }
}

async function pickWordFile(): Promise<vscode.Uri | undefined> {
  const picked = await vscode.window.showOpenDialog({
    canSelectMany: false,
    filters: { [vscode.l10n.t('Word document')]: ['docx'] },
    openLabel: vscode.l10n.t('Import'),
    title: vscode.l10n.t('Import Word Document'),
  });
  return picked?.[0];
}

export async function importWord(services: Services, uri?: unknown, target?: unknown): Promise<vscode.Uri | undefined> {
  const source = uri instanceof vscode.Uri ? uri : typeof uri === 'string' && uri !== '' ? vscode.Uri.parse(uri) : await pickWordFile();
  if (!source) return undefined;
  const fileName = source.path.slice(source.path.lastIndexOf('/') + 1);
  const reportName = reportNameForWord(source.path);
  const assets = assetsFolderFor(reportName);
  const folder = vscode.Uri.joinPath(source, '..');
  let result;
  try {
    const bytes = await vscode.workspace.fs.readFile(source);
    const importer = await services.loadExporter();
    result = importer.importWordDocument(bytes, { lang: vscode.env.language.toLowerCase().startsWith('zh') ? 'zh-CN' : 'en', fileName, assetsFolder: assets });
  } catch (error) {
    services.log.error(`Import of ${source.toString(true)} failed`, error);
    void vscode.window.showErrorMessage(vscode.l10n.t('Import failed: {0}', `${fileName}: ${describe(error)}`));
    return undefined;
  }
  if ('error' in result) {
    services.log.info(`${source.toString(true)}: ${result.error}`);
    void vscode.window.showErrorMessage(vscode.l10n.t('Cannot import {0}: {1}', fileName, result.error));
    return undefined;
  }
  const mode = chosenTarget(target, source);
  const reportUri = vscode.Uri.joinPath(folder, reportName);
  const replaceLabel = vscode.l10n.t('Replace');
  if (mode === 'besideDocument' && (await exists(reportUri))) {
    const choice = await vscode.window.showWarningMessage(vscode.l10n.t('{0} already exists. Replace it?', reportName), { modal: true }, replaceLabel);
    if (choice !== replaceLabel) return undefined;
  }
  try {
    // Images beside the Word file, where the report's relative links point; an existing different file is replaced only when confirmed.
    let confirmed = mode === 'besideDocument' && (await exists(reportUri));
    for (const image of result.images) {
      const imageUri = vscode.Uri.joinPath(folder, ...image.path.split('/'));
      if (!confirmed && (await exists(imageUri))) {
        const current = await vscode.workspace.fs.readFile(imageUri);
        if (current.length !== image.data.length || current.some((byte, index) => byte !== image.data[index])) {
          const choice = await vscode.window.showWarningMessage(vscode.l10n.t('Images in {0} already exist. Replace them?', assets), { modal: true }, replaceLabel);
          if (choice !== replaceLabel) return undefined;
          confirmed = true;
        }
      }
      await vscode.workspace.fs.writeFile(imageUri, image.data);
    }
    let document: vscode.TextDocument;
    if (mode === 'besideDocument') {
      await vscode.workspace.fs.writeFile(reportUri, new TextEncoder().encode(result.text));
      document = await vscode.workspace.openTextDocument(reportUri);
    } else {
      // An untitled document with the path it will be saved to.
      document = await vscode.workspace.openTextDocument(reportUri.with({ scheme: 'untitled' }));
      const edit = new vscode.WorkspaceEdit();
      // Importing the same file again replaces the untitled text rather than adding to it.
      edit.replace(document.uri, new vscode.Range(0, 0, document.lineCount, 0), result.text);
      await vscode.workspace.applyEdit(edit);
    }
    if (document.languageId !== 'report-markdown') document = await vscode.languages.setTextDocumentLanguage(document, 'report-markdown');
    await vscode.window.showTextDocument(document, { preview: false });
    for (const warning of result.warnings) services.log.info(`${source.toString(true)}: ${warning.message}`);
    void reportImported(services, fileName, result.warnings.map((warning) => warning.message));
    return document.uri;
  } catch (error) {
    services.log.error(`Import of ${source.toString(true)} failed`, error);
    void vscode.window.showErrorMessage(vscode.l10n.t('Import failed: {0}', `${fileName}: ${describe(error)}`));
    return undefined;
  }
}

/** A note after import: plain when everything was kept, a warning naming the first loss otherwise. */
async function reportImported(services: Services, fileName: string, warnings: string[]): Promise<void> {
  if (warnings.length === 0) {
    void vscode.window.showInformationMessage(vscode.l10n.t('Imported {0}.', fileName));
    return;
  }
  const showOutput = vscode.l10n.t('Show Output');
  const choice = await vscode.window.showWarningMessage(vscode.l10n.t('Imported {0} with {1} warnings: {2}', fileName, warnings.length, warnings[0]!), showOutput);
  if (choice === showOutput) services.log.show();
}
