/**
 * reportMarkdown.exportDocx: exports the document to Word. Arguments (all
 * optional): document URI, target URI or URI string (skips the save dialog
 * and the unfinished-report question; anything else, such as the Explorer's
 * selection or the editor title's group, is ignored). Returns the
 * written URI. The exporter is loaded on first use; images are read through
 * vscode.workspace.fs relative to the document.
 */
import * as vscode from 'vscode';
import type { ExportConfig } from '../../core/lint/config.js';
import type { ReportExportOptions } from '../exporter-entry.js';
import { exportedActions, unfinishedCounts } from '../logic/export-flow.js';
import { explicitTarget } from '../logic/export-target.js';
import { docxNameFor } from '../logic/file-names.js';
import { describe } from '../output.js';
import { readSettings, type ExtensionSettings } from '../settings.js';
import { targetDocument, type Services } from './services.js';

/** Reads images referenced by the report: relative to its folder; remote URLs are not fetched. */
function imageReader(document: vscode.TextDocument): ReportExportOptions['readImage'] {
  if (document.isUntitled) return undefined;
  const folder = vscode.Uri.joinPath(document.uri, '..');
  return async (url) => {
    let target: vscode.Uri;
    if (/^file:/i.test(url)) target = vscode.Uri.parse(url);
    else if (/^[a-z][a-z0-9+.-]*:/i.test(url)) return undefined;
    else {
      let decoded = url;
      try {
        decoded = decodeURIComponent(url);
      } catch {
        // Keep the raw URL.
      }
      target = decoded.startsWith('/') ? folder.with({ path: decoded }) : vscode.Uri.joinPath(folder, decoded);
    }
    try {
      return await vscode.workspace.fs.readFile(target);
    } catch {
      return undefined;
    }
  };
}

/** Export options: the reportMarkdown.export.* settings, with the nearest .reportmdrc.json `export` section over them. */
function exportOptions(document: vscode.TextDocument, settings: ExtensionSettings, fileExport: ExportConfig | undefined): ReportExportOptions {
  const readImage = imageReader(document);
  const author = fileExport?.author ?? settings.export.author;
  const tableOfContents = fileExport?.tableOfContents ?? settings.export.tableOfContents;
  const layout = { ...settings.export.layout, ...(fileExport?.layout ?? {}) };
  const seal = fileExport?.seal ?? settings.export.seal;
  const fonts = fileExport?.fonts ?? settings.export.fonts;
  return {
    lang: settings.lang,
    ...(seal ? { seal: true } : {}),
    ...(fileExport?.imprintPage === 'even' ? { imprintPage: 'even' as const } : {}),
    ...(fonts !== 'windows' ? { fonts: fonts as ReportExportOptions['fonts'] } : {}),
    // A plain Markdown file joins its wrapped lines (CommonMark); a report keeps one paragraph per line.
    lineBreaks: document.languageId === 'markdown' ? 'markdown' : 'paragraph',
    ...(author ? { author } : {}),
    ...(tableOfContents ? { tableOfContents: true } : {}),
    ...(Object.keys(layout).length > 0 ? { layout: layout as ReportExportOptions['layout'] } : {}),
    ...(readImage ? { readImage } : {}),
    ...(fileExport?.fields ? { fields: fileExport.fields } : {}),
  };
}

async function chooseDestination(document: vscode.TextDocument, settings: ExtensionSettings): Promise<vscode.Uri | undefined> {
  const beside = document.isUntitled ? undefined : vscode.Uri.joinPath(document.uri, '..', docxNameFor(document.uri.path));
  if (beside && settings.export.saveLocation === 'besideDocument') return beside;
  const folder = vscode.workspace.workspaceFolders?.[0]?.uri;
  return vscode.window.showSaveDialog({
    defaultUri: beside ?? (folder ? vscode.Uri.joinPath(folder, 'report.docx') : undefined),
    filters: { [vscode.l10n.t('Word document')]: ['docx'] },
    saveLabel: vscode.l10n.t('Export'),
    title: vscode.l10n.t('Export to Word (DOCX)'),
  });
}

/** The destination a caller passed explicitly (a URI or a non-empty URI string), else undefined. */
function explicitDestination(target: unknown): vscode.Uri | undefined {
  const explicit = explicitTarget(target, (value): value is vscode.Uri => value instanceof vscode.Uri);
  return typeof explicit === 'string' ? vscode.Uri.parse(explicit) : explicit;
}

export async function exportDocx(services: Services, uri?: unknown, target?: unknown): Promise<vscode.Uri | undefined> {
  const document = await targetDocument(uri);
  if (!document) {
    void vscode.window.showWarningMessage(vscode.l10n.t('Open a report to export it.'));
    return undefined;
  }
  const settings = readSettings(document);
  const explicit = explicitDestination(target);
  // Only a caller that names the destination (a test, another extension) skips the question;
  // menus pass other things here (the Explorer its selection, the editor title its group).
  if (!explicit && !(await confirmUnfinished(services, document))) return undefined;
  const destination = explicit ?? (await chooseDestination(document, settings));
  if (!destination) return undefined;
  const text = document.getText();
  let warnings: Array<{ message: string; line?: number }> = [];
  try {
    await vscode.window.withProgress(
      { location: vscode.ProgressLocation.Notification, title: vscode.l10n.t('Exporting to Word…') },
      async () => {
        const exporter = await services.loadExporter();
        const fileExport = (await services.lintService.resolveOptions(document)).config?.export;
        const result = await exporter.exportReport(text, exportOptions(document, settings, fileExport));
        warnings = result.warnings;
        await vscode.workspace.fs.writeFile(destination, result.data);
      },
    );
  } catch (error) {
    services.log.error(`Export of ${document.uri.toString(true)} failed`, error);
    void vscode.window.showErrorMessage(vscode.l10n.t('Export failed: {0}', describe(error)));
    return undefined;
  }
  for (const warning of warnings) {
    services.log.info(`${document.uri.toString(true)}${warning.line ? `:${warning.line}` : ''}: ${warning.message}`);
  }
  void reportExported(services, destination, settings, warnings.length, (await services.lintService.placeholderRanges(document)).length);
  return destination;
}

/** Documents (URIs) whose writer chose to export unfinished without being asked again, for this session. */
const exportWithoutAsking = new Set<string>();

/**
 * Asks before exporting a report that still has placeholders or errors
 * (sample data must not reach the final document). A finished report is not
 * asked about; the writer may skip the question for this document for the
 * rest of the session. Returns true to go on.
 */
async function confirmUnfinished(services: Services, document: vscode.TextDocument): Promise<boolean> {
  const key = document.uri.toString();
  if (exportWithoutAsking.has(key)) return true;
  const analysis = await services.lintService.analyze(document, { options: await services.lintService.resolveOptions(document), retry: true });
  const { placeholders, otherErrors } = unfinishedCounts(analysis?.findings ?? []);
  if (placeholders === 0 && otherErrors === 0) return true;
  const exportAnyway = vscode.l10n.t('Export Anyway');
  const dontAskAgain = vscode.l10n.t('Export, Do Not Ask Again for This Document');
  const question =
    placeholders > 0 && otherErrors > 0
      ? vscode.l10n.t('The report still has {0} placeholders and {1} other errors. Export anyway?', placeholders, otherErrors)
      : placeholders > 0
        ? vscode.l10n.t('The report still has {0} placeholders. Export anyway?', placeholders)
        : vscode.l10n.t('The report still has {0} errors. Export anyway?', otherErrors);
  const choice = await vscode.window.showWarningMessage(question, { modal: true }, exportAnyway, dontAskAgain);
  if (choice === dontAskAgain) exportWithoutAsking.add(key);
  return choice === exportAnyway || choice === dontAskAgain;
}

/** A non-blocking note after export: open the file, show warnings, placeholders still in the text. */
async function reportExported(
  services: Services,
  written: vscode.Uri,
  settings: ExtensionSettings,
  warningCount: number,
  placeholders: number,
): Promise<void> {
  const web = vscode.env.uiKind === vscode.UIKind.Web;
  const remote = vscode.env.remoteName !== undefined;
  // Opening the file with the system's Word works only where the file is on this machine.
  const openedAlready = settings.export.openAfterExport && !web && !remote;
  if (openedAlready) void vscode.env.openExternal(written);
  const fileName = written.path.slice(written.path.lastIndexOf('/') + 1);
  const notes = [vscode.l10n.t('Exported {0}.', fileName)];
  if (placeholders > 0) notes.push(vscode.l10n.t('{0} placeholders remain.', placeholders));
  if (warningCount > 0) notes.push(vscode.l10n.t('{0} warnings (see the output).', warningCount));
  const titles = {
    open: vscode.l10n.t('Open'),
    reveal: vscode.l10n.t('Reveal in Explorer'),
    download: vscode.l10n.t('Download'),
  };
  const showOutput = vscode.l10n.t('Show Output');
  const actions = [...exportedActions({ web, remote, openedAlready }).map((action) => titles[action]), ...(warningCount > 0 ? [showOutput] : [])];
  const show = placeholders > 0 || warningCount > 0 ? vscode.window.showWarningMessage : vscode.window.showInformationMessage;
  const choice = await show(notes.join(' '), ...actions);
  if (choice === titles.open) void vscode.env.openExternal(written);
  else if (choice === titles.reveal) await vscode.commands.executeCommand('revealInExplorer', written);
  else if (choice === titles.download) {
    // explorer.download downloads the Explorer's selection (it takes no argument): select the file first.
    await vscode.commands.executeCommand('revealInExplorer', written);
    await vscode.commands.executeCommand('explorer.download');
  } else if (choice === showOutput) services.log.show();
}
