/**
 * Resolves the effective options for a document (settings, then the nearest
 * `.reportmdrc.json` over them) and runs the core, caching per document
 * version: the findings (placeholder ranges and counts come from them), the
 * status-bar stats and the outline, so the providers that run after each
 * pause in typing share one parse each. Remembers the last options per
 * document so synchronous providers (code actions, fix-all on save) can lint
 * without waiting for the file system.
 */
import * as vscode from 'vscode';
import { characterCount, documentStats, lint, mergeConfig, outline, type Config, type Finding, type OutlineNode, type Range } from './core-api.js';
import type { ConfigFiles } from './config-files.js';
import type { Log } from './output.js';
import { settingsFor, type ExtensionSettings } from './settings.js';

export type LintOptions = { config: Config; lang: 'zh-CN' | 'en' };

export type DocumentStats = ReturnType<typeof documentStats>;

/** A value computed for one version of a document (and one options object, when it depends on them). */
type Cached<T> = { version: number; options?: LintOptions; value: T };

type ResolvedOptions = { settings: ExtensionSettings; fileConfig: Config | undefined; options: LintOptions };

export class LintService implements vscode.Disposable {
  private readonly options = new Map<string, ResolvedOptions>();
  private readonly findings = new Map<string, Cached<Finding[]>>();
  private readonly stats = new Map<string, Cached<DocumentStats>>();
  private readonly outlines = new Map<string, Cached<OutlineNode[]>>();

  constructor(
    private readonly configFiles: ConfigFiles,
    private readonly log: Log,
  ) {}

  /**
   * Effective options: settings merged with the nearest config file. The
   * same object is returned while neither changed, so the caches keyed on it
   * keep hitting.
   */
  async resolveOptions(document: vscode.TextDocument): Promise<LintOptions> {
    const settings = settingsFor(document, (message) => this.warnInvalidSetting(message));
    const fileConfig = await this.configFiles.configFor(document);
    const key = document.uri.toString();
    const known = this.options.get(key);
    if (known && known.settings === settings && known.fileConfig === fileConfig) return known.options;
    const config = fileConfig ? mergeConfig(settings.config as Config, fileConfig) : (settings.config as Config);
    const options: LintOptions = { config, lang: settings.lang };
    this.options.set(key, { settings, fileConfig, options });
    return options;
  }

  /** The last resolved options, resolving them first when there are none yet. */
  async optionsFor(document: vscode.TextDocument): Promise<LintOptions> {
    return this.options.get(document.uri.toString())?.options ?? this.resolveOptions(document);
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

  /** The last resolved options, or settings-only options when none were resolved yet. */
  optionsNow(document: vscode.TextDocument): LintOptions {
    const known = this.options.get(document.uri.toString());
    if (known) return known.options;
    const settings = settingsFor(document);
    return { config: settings.config as Config, lang: settings.lang };
  }

  /** Lints the current text with the given options; caches by document version. */
  lint(document: vscode.TextDocument, options: LintOptions = this.optionsNow(document)): Finding[] {
    return this.cached(this.findings, document, options, () => {
      const key = document.uri.toString();
      try {
        const findings = lint(document.getText(), options);
        this.log.forget(`lint:${key}`);
        return findings;
      } catch (error) {
        this.log.errorOnce(`lint:${key}`, `Linting ${document.uri.toString(true)} failed`, error);
        return [];
      }
    });
  }

  /** Ranges of the placeholders the core reports in the current text (placeholder findings). */
  placeholderRanges(document: vscode.TextDocument): Range[] {
    return this.lint(document)
      .filter((finding) => finding.ruleId === 'placeholder')
      .map((finding) => finding.range);
  }

  /** 字数 and placeholders of the current text (status bar); caches by document version. */
  documentStats(document: vscode.TextDocument): DocumentStats {
    const options = this.optionsNow(document);
    // Placeholders come from the cached lint of this version: no second parse.
    return this.cached(this.stats, document, options, () => {
      const placeholderRanges = this.placeholderRanges(document);
      return { characters: characterCount(document.getText()), placeholders: placeholderRanges.length, placeholderRanges };
    });
  }

  /** The outline tree of the current text (symbols, folding); caches by document version. */
  outline(document: vscode.TextDocument): OutlineNode[] {
    return this.cached(this.outlines, document, undefined, () => outline(document.getText()));
  }

  private cached<T>(cache: Map<string, Cached<T>>, document: vscode.TextDocument, options: LintOptions | undefined, compute: () => T): T {
    const key = document.uri.toString();
    const known = cache.get(key);
    if (known && known.version === document.version && known.options === options) return known.value;
    const value = compute();
    cache.set(key, { version: document.version, options, value });
    return value;
  }

  /** Drops everything known about a document. */
  forget(uri: vscode.Uri): void {
    const key = uri.toString();
    this.options.delete(key);
    this.findings.delete(key);
    this.stats.delete(key);
    this.outlines.delete(key);
  }

  /** Drops all resolved options (settings or config files changed). */
  reset(): void {
    this.options.clear();
    this.findings.clear();
    this.stats.clear();
  }

  dispose(): void {
    this.reset();
    this.outlines.clear();
  }
}
