/**
 * Status bar item: 字数 (character count as Word/WPS counts it) and the
 * number of placeholders left; clicking it jumps to the next placeholder.
 * The counts are cached per document version in the LintService, so the
 * several events after an edit (text change, diagnostics) count once.
 */
import * as vscode from 'vscode';
import { CommandIds } from './commands/ids.js';
import type { LintService } from './lint-service.js';
import { isReportDocument } from './settings.js';

export class StatsStatusBar implements vscode.Disposable {
  private readonly item = vscode.window.createStatusBarItem('reportMarkdown.stats', vscode.StatusBarAlignment.Right, 100);
  private readonly disposables: vscode.Disposable[] = [this.item];
  private timer: ReturnType<typeof setTimeout> | undefined;

  constructor(private readonly lintService: LintService) {
    this.item.name = vscode.l10n.t('Report Markdown: character count');
    this.item.command = CommandIds.nextPlaceholder;
    this.disposables.push(
      vscode.window.onDidChangeActiveTextEditor(() => this.update()),
      vscode.workspace.onDidChangeTextDocument((event) => {
        if (event.document === vscode.window.activeTextEditor?.document) this.scheduleUpdate();
      }),
      vscode.workspace.onDidChangeConfiguration(() => this.update()),
      // Diagnostics are published once the document's config file is known: recount with it.
      vscode.languages.onDidChangeDiagnostics((event) => {
        const active = vscode.window.activeTextEditor?.document.uri.toString();
        if (active && event.uris.some((uri) => uri.toString() === active)) this.scheduleUpdate();
      }),
    );
    this.update();
  }

  private scheduleUpdate(): void {
    if (this.timer !== undefined) clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.timer = undefined;
      this.update();
    }, 250);
  }

  /** Recomputes the counts for the active editor, or hides the item. */
  update(): void {
    const document = vscode.window.activeTextEditor?.document;
    if (!document || !isReportDocument(document)) {
      this.item.hide();
      return;
    }
    const stats = this.lintService.documentStats(document);
    const characters = stats.characters.toLocaleString(vscode.env.language);
    if (stats.placeholders > 0) {
      this.item.text = `$(symbol-text) ${vscode.l10n.t('{0} chars · {1} placeholders', characters, stats.placeholders)}`;
      this.item.tooltip = vscode.l10n.t('Character count as in Word/WPS. {0} placeholders left; click to go to the next one.', stats.placeholders);
      this.item.command = CommandIds.nextPlaceholder;
    } else {
      this.item.text = `$(symbol-text) ${vscode.l10n.t('{0} chars', characters)}`;
      this.item.tooltip = vscode.l10n.t('Character count as in Word/WPS. No placeholders left.');
      this.item.command = undefined;
    }
    this.item.show();
  }

  dispose(): void {
    if (this.timer !== undefined) clearTimeout(this.timer);
    for (const disposable of this.disposables) disposable.dispose();
  }
}
