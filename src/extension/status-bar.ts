/**
 * Status bar item: 字数 (character count as Word/WPS counts it) and the
 * number of placeholders left; clicking it jumps to the next placeholder.
 * The counts come from the lint worker's analysis of the document (shared
 * with diagnostics); until the analysis of a new version arrives the item
 * keeps the previous counts. When the document's lint is paused (it took too
 * long or too much memory) the item says so; clicking it lints again.
 */
import * as vscode from 'vscode';
import { CommandIds } from './commands/ids.js';
import type { Finding } from './core-api.js';
import type { LintService } from './lint-service.js';
import { countByRule } from './logic/rule-counts.js';
import { isReportDocument, settingsFor } from './settings.js';

/**
 * The tooltip: the counts' explanation, then the findings per rule (most first) with a
 * link to each rule's documentation — a compact overview of a draft whose hundreds
 * of findings Problems lists one by one.
 */
function overview(summary: string, findings: readonly Finding[]): vscode.MarkdownString {
  const markdown = new vscode.MarkdownString(undefined, true);
  markdown.isTrusted = { enabledCommands: [CommandIds.showRuleDocs] };
  // Each rule links to its page bundled in the extension (offline), then to the web page.
  markdown.appendText(summary);
  const counts = countByRule(findings);
  if (counts.length === 0) return markdown;
  const cell = (count: number): string => (count > 0 ? String(count) : '');
  markdown.appendMarkdown(
    `\n\n**${vscode.l10n.t('Findings by rule')}**\n\n| ${vscode.l10n.t('Rule')} | $(error) | $(warning) | $(info) |\n|:--|--:|--:|--:|\n`,
  );
  for (const entry of counts) {
    const link = `command:${CommandIds.showRuleDocs}?${encodeURIComponent(JSON.stringify([entry.ruleId]))}`;
    const online = `command:${CommandIds.showRuleDocs}?${encodeURIComponent(JSON.stringify([entry.ruleId, 'online']))}`;
    markdown.appendMarkdown(
      `| [${entry.ruleId}](${link}) [$(link-external)](${online} "${vscode.l10n.t('Documentation on the web')}") | ${cell(entry.errors)} | ${cell(entry.warnings)} | ${cell(entry.infos)} |\n`,
    );
  }
  return markdown;
}

export class StatsStatusBar implements vscode.Disposable {
  private readonly item = vscode.window.createStatusBarItem('reportMarkdown.stats', vscode.StatusBarAlignment.Right, 100);
  private readonly disposables: vscode.Disposable[] = [this.item];
  private timer: ReturnType<typeof setTimeout> | undefined;
  private visible = false;

  constructor(private readonly lintService: LintService) {
    this.item.name = vscode.l10n.t('Report Markdown: character count');
    this.item.command = CommandIds.nextPlaceholder;
    this.disposables.push(
      vscode.window.onDidChangeActiveTextEditor(() => this.update()),
      vscode.workspace.onDidChangeTextDocument((event) => {
        if (event.document === vscode.window.activeTextEditor?.document) this.scheduleUpdate();
      }),
      vscode.workspace.onDidChangeConfiguration(() => this.update()),
      // A new analysis (or a pause) of the active document.
      lintService.onDidChange((uri) => {
        if (uri.toString() === vscode.window.activeTextEditor?.document.uri.toString()) this.update();
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

  /** Shows the counts (or the pause) for the active editor, or hides the item; asks for an analysis when the current one is missing. */
  update(): void {
    const document = vscode.window.activeTextEditor?.document;
    if (!document || !isReportDocument(document)) {
      this.hide();
      return;
    }
    const paused = this.lintService.pausedState(document);
    if (paused) {
      this.item.text = `$(debug-pause) ${paused.reason === 'large' ? vscode.l10n.t('Lint paused on this document (too large)') : vscode.l10n.t('Lint paused on this document (too slow)')}`;
      this.item.tooltip =
        paused.reason === 'large'
          ? vscode.l10n.t('Linting this document needed more memory than allowed, so it was stopped to keep the editor responsive. It is tried again when you save; click to try now.')
          : vscode.l10n.t(
              'Linting this document took longer than {0} ms (reportMarkdown.lintTimeLimit), so it was stopped to keep the editor responsive. It is tried again when you save; click to try now.',
              paused.limitMs,
            );
      this.item.command = CommandIds.lintAgain;
      this.item.accessibilityInformation = { label: this.item.text.replace(/^\$\([a-z-]+\)\s*/, ''), role: 'button' };
      this.show();
      return;
    }
    // While typing, diagnostics ask for the analysis (after reportMarkdown.lintDelay); the item asks
    // itself only for a document never analysed, or when lint runs on save only. It runs in the
    // worker, and onDidChange brings the result back here.
    if (!this.lintService.current(document) && (settingsFor(document).run === 'onSave' || !this.lintService.latest(document))) {
      void this.lintService.analyze(document);
    }
    const stats = this.lintService.latest(document);
    if (!stats) {
      this.hide();
      return;
    }
    const characters = stats.characters.toLocaleString(vscode.env.language);
    const placeholders = stats.placeholderRanges.length;
    let label: string;
    if (placeholders > 0) {
      label =
        placeholders === 1
          ? vscode.l10n.t('{0} chars · 1 placeholder', characters)
          : vscode.l10n.t('{0} chars · {1} placeholders', characters, placeholders);
      this.item.tooltip = overview(
        placeholders === 1
          ? vscode.l10n.t('Character count as in Word/WPS. 1 placeholder left; click to go to it.')
          : vscode.l10n.t('Character count as in Word/WPS. {0} placeholders left; click to go to the next one.', placeholders),
        stats.findings,
      );
      this.item.command = CommandIds.nextPlaceholder;
    } else {
      label = vscode.l10n.t('{0} chars', characters);
      this.item.tooltip = overview(vscode.l10n.t('Character count as in Word/WPS. No placeholders left.'), stats.findings);
      this.item.command = undefined;
    }
    this.item.text = `$(symbol-text) ${label}`;
    // Screen readers read the label, not the icon's name (`symbol-text`).
    this.item.accessibilityInformation = { label, role: this.item.command ? 'button' : 'status' };
    this.show();
  }

  private show(): void {
    this.visible = true;
    this.item.show();
  }

  private hide(): void {
    this.visible = false;
    this.item.hide();
  }

  /** What the item shows now (for the extension's API and its tests). */
  snapshot(): { text: string; tooltip: string; visible: boolean } {
    const tooltip = this.item.tooltip;
    return { text: this.item.text, tooltip: typeof tooltip === 'string' ? tooltip : (tooltip?.value ?? ''), visible: this.visible };
  }

  dispose(): void {
    if (this.timer !== undefined) clearTimeout(this.timer);
    for (const disposable of this.disposables) disposable.dispose();
  }
}
