/**
 * Resolves the effective options for a document (settings, then the nearest
 * `.reportmdrc.json` over them) and runs the core. Remembers the last
 * options per document so synchronous providers (code actions, fix-all on
 * save) can lint without waiting for the file system.
 */
import * as vscode from 'vscode';
import { lint, mergeConfig, type Config, type Finding, type Range } from './core-api.js';
import type { ConfigFiles } from './config-files.js';
import type { Log } from './output.js';
import { readSettings } from './settings.js';

export type LintOptions = { config: Config; lang: 'zh-CN' | 'en' };

type CachedFindings = { version: number; options: LintOptions; findings: Finding[] };

export class LintService implements vscode.Disposable {
  private readonly options = new Map<string, LintOptions>();
  private readonly findings = new Map<string, CachedFindings>();

  constructor(
    private readonly configFiles: ConfigFiles,
    private readonly log: Log,
  ) {}

  /** Effective options: settings merged with the nearest config file. */
  async resolveOptions(document: vscode.TextDocument): Promise<LintOptions> {
    const settings = readSettings(document, (message) => this.warnInvalidSetting(message));
    const fileConfig = await this.configFiles.configFor(document);
    const config = fileConfig ? mergeConfig(settings.config as Config, fileConfig) : (settings.config as Config);
    const options: LintOptions = { config, lang: settings.lang };
    this.options.set(document.uri.toString(), options);
    return options;
  }

  /** Logs an invalid setting and shows it once as a warning (it is ignored, so the writer should know). */
  private warnInvalidSetting(message: string): void {
    if (!this.log.errorOnce(`setting:${message}`, `Invalid setting ${message}`)) return;
    const open = vscode.l10n.t('Open Settings');
    void vscode.window
      .showWarningMessage(vscode.l10n.t('Report Markdown ignores an invalid setting: {0}', message), open)
      .then((choice) => {
        const setting = /^reportMarkdown\.(?:placeholder\.\w+|\w+)/.exec(message)?.[0] ?? 'reportMarkdown';
        if (choice === open) void vscode.commands.executeCommand('workbench.action.openSettings', setting);
      });
  }

  /** The last resolved options, resolving them first when there are none yet. */
  async optionsFor(document: vscode.TextDocument): Promise<LintOptions> {
    return this.options.get(document.uri.toString()) ?? this.resolveOptions(document);
  }

  /** The last resolved options, or settings-only options when none were resolved yet. */
  optionsNow(document: vscode.TextDocument): LintOptions {
    const known = this.options.get(document.uri.toString());
    if (known) return known;
    const settings = readSettings(document);
    return { config: settings.config as Config, lang: settings.lang };
  }

  /** Lints the current text with the given options; caches by document version. */
  lint(document: vscode.TextDocument, options: LintOptions = this.optionsNow(document)): Finding[] {
    const key = document.uri.toString();
    const cached = this.findings.get(key);
    if (cached && cached.version === document.version && cached.options === options) return cached.findings;
    let findings: Finding[];
    try {
      findings = lint(document.getText(), options);
      this.log.forget(`lint:${key}`);
    } catch (error) {
      this.log.errorOnce(`lint:${key}`, `Linting ${document.uri.toString(true)} failed`, error);
      findings = [];
    }
    this.findings.set(key, { version: document.version, options, findings });
    return findings;
  }

  /** Ranges of the placeholders the core reports in the current text (placeholder findings). */
  placeholderRanges(document: vscode.TextDocument): Range[] {
    return this.lint(document)
      .filter((finding) => finding.ruleId === 'placeholder')
      .map((finding) => finding.range);
  }

  /** Drops everything known about a document. */
  forget(uri: vscode.Uri): void {
    this.options.delete(uri.toString());
    this.findings.delete(uri.toString());
  }

  /** Drops all resolved options (settings or config files changed). */
  reset(): void {
    this.options.clear();
    this.findings.clear();
  }

  dispose(): void {
    this.reset();
  }
}
