/**
 * reportMarkdown.exportDocx: exports the document to Word. Arguments (all
 * optional): document URI, target URI (skips the save dialog). Returns the
 * written URI. The exporter is loaded on first use.
 */
import * as vscode from 'vscode';
import { describe } from '../output.js';
import { readSettings } from '../settings.js';
import { targetDocument, type Services } from './services.js';

/** `工作汇报.report.md` → `工作汇报.docx`, next to the source. */
export function docxNameFor(path: string): string {
  const name = path.slice(path.lastIndexOf('/') + 1) || 'report';
  const stem = name.replace(/\.report\.md$/i, '').replace(/\.(md|markdown|txt)$/i, '');
  return `${stem || 'report'}.docx`;
}

export async function exportDocx(services: Services, uri?: unknown, target?: unknown): Promise<vscode.Uri | undefined> {
  const document = await targetDocument(uri);
  if (!document) {
    void vscode.window.showWarningMessage(vscode.l10n.t('Open a report to export it.'));
    return undefined;
  }
  const settings = readSettings(document);
  let destination = target instanceof vscode.Uri ? target : typeof target === 'string' ? vscode.Uri.parse(target) : undefined;
  if (!destination) {
    const beside = document.isUntitled
      ? undefined
      : vscode.Uri.joinPath(document.uri, '..', docxNameFor(document.uri.path));
    if (beside && settings.export.saveLocation === 'besideDocument') destination = beside;
    else {
      destination = await vscode.window.showSaveDialog({
        defaultUri: beside ?? (vscode.workspace.workspaceFolders?.[0] ? vscode.Uri.joinPath(vscode.workspace.workspaceFolders[0].uri, 'report.docx') : undefined),
        filters: { [vscode.l10n.t('Word document')]: ['docx'] },
        saveLabel: vscode.l10n.t('Export'),
        title: vscode.l10n.t('Export to Word (DOCX)'),
      });
    }
  }
  if (!destination) return undefined;
  const written = destination;
  try {
    await vscode.window.withProgress(
      { location: vscode.ProgressLocation.Notification, title: vscode.l10n.t('Exporting to Word…') },
      async () => {
        const exporter = await services.loadExporter();
        const bytes = await exporter.exportDocx(document.getText(), { ...settings.export.options });
        await vscode.workspace.fs.writeFile(written, bytes);
      },
    );
  } catch (error) {
    services.log.error(`Export of ${document.uri.toString(true)} failed`, error);
    void vscode.window.showErrorMessage(vscode.l10n.t('Export failed: {0}', describe(error)));
    return undefined;
  }
  const fileName = written.path.slice(written.path.lastIndexOf('/') + 1);
  if (settings.export.openAfterExport) {
    void vscode.env.openExternal(written);
  } else {
    const open = vscode.l10n.t('Open');
    void vscode.window.showInformationMessage(vscode.l10n.t('Exported {0}.', fileName), open).then((choice) => {
      if (choice === open) void vscode.env.openExternal(written);
    });
  }
  return written;
}
