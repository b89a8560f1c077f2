/**
 * Resolves the effective options for a document (settings, then the nearest
 * `.reportmdrc.json` over them) and has the lint worker analyse it: one run
 * of the core per document version gives the findings (with their fixes),
 * 字数, the placeholder ranges and the outline, which diagnostics, quick
 * fixes, the status bar, symbols and folding all share. Nothing of the core
 * runs on the extension host's thread: a slow document cannot freeze the
 * window.
 *
 * A run that overruns `reportMarkdown.lintTimeLimit` (or the worker's memory)
 * pauses the document's lint: its diagnostics are cleared, the status bar
 * says so, and typing does not start new runs (each would be stopped again);
 * saving, a settings or config-file change, reopening or the "Lint Again"
 * command try again.
 */
import * as vscode from 'vscode';
import { mergeConfig, type Config, type Finding, type OutlineNode, type Range, type Suggestion, type TextEdit } from './core-api.js';
import type { ConfigFiles } from './config-files.js';
import type { Log } from './output.js';
import { settingsFor, type ExtensionSettings } from './settings.js';
import type { LintWorkerClient, Outcome } from './worker/client.js';
import type { AnalysisResult, RequestKind, RequestOf, ResultOf } from './worker/protocol.js';

export type LintOptions = { config: Config; lang: 'zh-CN' | 'en' };

/** The worker's analysis of one version of a document. */
export type Analysis = AnalysisResult & { version: number; options: LintOptions; epoch: number };

/** Why a document's lint is paused. */
export type PauseReason = 'slow' | 'large';

export type Paused = { version: number; reason: PauseReason; limitMs: number };

type ResolvedOptions = { settings: ExtensionSettings; fileConfig: Config | undefined; options: LintOptions };

type InFlight = { version: number; options: LintOptions; promise: Promise<Analysis | undefined> };

export class LintService implements vscode.Disposable {
  private readonly options = new Map<string, ResolvedOptions>();
  /** The latest analysis per document (possibly of an older version). */
  private readonly analyses = new Map<string, Analysis>();
  private readonly inFlight = new Map<string, InFlight>();
  private readonly paused = new Map<string, Paused>();
  private readonly optionIds = new WeakMap<LintOptions, number>();
  private optionSequence = 0;
  /** Bumped when settings or config files change: analyses of earlier epochs are shown, but not current. */
  private epoch = 0;
  private readonly changed = new vscode.EventEmitter<vscode.Uri>();
  /** The invalid-settings warnings shown so far (the extension API exposes them for the e2e tests). */
  readonly shownWarnings: string[] = [];
  /** Fires when a document's analysis or pause state changes (status bar). */
  readonly onDidChange = this.changed.event;

  constructor(
    private readonly configFiles: ConfigFiles,
    private readonly log: Log,
    private readonly worker: LintWorkerClient,
  ) {}

  /**
   * Effective options: settings merged with the nearest config file. The
   * same object is returned while neither changed, so the caches keyed on it
   * keep hitting.
   */
  async resolveOptions(document: vscode.TextDocument): Promise<LintOptions> {
    const settings = settingsFor(document, (messages) => this.warnInvalidSettings(messages));
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

  /**
   * Logs the problems of invalid settings (dropped from the configuration) and shows
   * them once, as one warning naming each setting, until they change.
   */
  private warnInvalidSettings(messages: readonly string[]): void {
    const joined = messages.join(vscode.env.language.toLowerCase().startsWith('zh') ? '；' : '; ');
    if (!this.log.errorOnce(`setting:${joined}`, `Invalid settings ignored: ${messages.join('; ')}`)) return;
    const open = vscode.l10n.t('Open Settings');
    const text =
      messages.length === 1
        ? vscode.l10n.t('Report Markdown ignores an invalid setting: {0}', joined)
        : vscode.l10n.t('Report Markdown ignores invalid settings: {0}', joined);
    this.shownWarnings.push(text);
    void vscode.window.showWarningMessage(text, open).then((choice) => {
      const setting = /^reportMarkdown\.(?:placeholder\.\w+|\w+)/.exec(messages[0] ?? '')?.[0] ?? 'reportMarkdown';
      if (choice === open) void vscode.commands.executeCommand('workbench.action.openSettings', setting);
    });
  }

  /**
   * The analysis of the document's current version: cached, already in
   * flight, or a new run in the worker (which supersedes the document's older
   * run). Undefined when the document's lint is paused (unless `retry`), when
   * a newer edit superseded this run, or when it failed.
   */
  async analyze(document: vscode.TextDocument, how: { options?: LintOptions; retry?: boolean } = {}): Promise<Analysis | undefined> {
    const key = document.uri.toString();
    const options = how.options ?? (await this.optionsFor(document));
    const version = document.version;
    if (document.isClosed) return undefined;
    const known = this.analyses.get(key);
    if (known && known.version === version && known.options === options) return known;
    const flying = this.inFlight.get(key);
    if (flying && flying.version === version && flying.options === options) return flying.promise;
    if (this.paused.has(key) && !how.retry) return undefined;
    const limitMs = settingsFor(document).lintTimeLimit;
    const epoch = this.epoch;
    // Documents in view first; hidden ones (kept open by VS Code, relinted after a settings change) wait.
    const visible = vscode.window.visibleTextEditors.some((editor) => editor.document === document);
    const promise = this.worker
      .run(
        'analyze',
        { text: document.getText(), options, optionsId: this.optionsId(options) },
        { key: `analyze ${key}`, budgetMs: limitMs, priority: visible ? 1 : 0 },
      )
      .then((outcome) => this.settle(document, key, { version, options, epoch }, limitMs, outcome));
    this.inFlight.set(key, { version, options, promise });
    return promise;
  }

  private settle(
    document: vscode.TextDocument,
    key: string,
    { version, options, epoch }: { version: number; options: LintOptions; epoch: number },
    limitMs: number,
    outcome: Outcome<AnalysisResult>,
  ): Analysis | undefined {
    const flying = this.inFlight.get(key);
    if (flying && flying.version === version && flying.options === options) this.inFlight.delete(key);
    if (document.isClosed) return undefined;
    switch (outcome.status) {
      case 'done': {
        const analysis: Analysis = { ...outcome.value, version, options, epoch };
        const latest = this.analyses.get(key);
        if (!latest || latest.version <= version) this.analyses.set(key, analysis);
        this.paused.delete(key);
        this.log.forget(`lint:${key}`);
        this.changed.fire(document.uri);
        return analysis;
      }
      case 'cancelled':
        return undefined;
      case 'timeout':
      case 'failed': {
        if (outcome.status === 'failed' && outcome.reason === 'error') {
          this.log.errorOnce(`lint:${key}`, `Linting ${document.uri.toString(true)} failed`, outcome.message);
          return undefined;
        }
        const reason: PauseReason = outcome.status === 'failed' && outcome.reason === 'memory' ? 'large' : 'slow';
        this.log.errorOnce(
          `lint:${key}`,
          outcome.status === 'timeout'
            ? `Lint of ${document.uri.toString(true)} paused: it took longer than ${limitMs} ms (reportMarkdown.lintTimeLimit)`
            : `Lint of ${document.uri.toString(true)} paused: the lint worker stopped (${outcome.message})`,
        );
        this.paused.set(key, { version, reason, limitMs });
        this.analyses.delete(key);
        this.changed.fire(document.uri);
        return undefined;
      }
    }
  }

  private optionsId(options: LintOptions): number {
    let id = this.optionIds.get(options);
    if (id === undefined) {
      id = ++this.optionSequence;
      this.optionIds.set(options, id);
    }
    return id;
  }

  /** The completed analysis of the document's current version, if there is one (no new run). */
  current(document: vscode.TextDocument): Analysis | undefined {
    const known = this.analyses.get(document.uri.toString());
    return known && known.version === document.version && known.epoch === this.epoch ? known : undefined;
  }

  /** The latest completed analysis, possibly of an older version (the status bar shows it until the next one). */
  latest(document: vscode.TextDocument): Analysis | undefined {
    return this.analyses.get(document.uri.toString());
  }

  /** Why the document's lint is paused, or undefined. */
  pausedState(document: vscode.TextDocument): Paused | undefined {
    return this.paused.get(document.uri.toString());
  }

  /** Findings of the current version (empty while paused). */
  async findings(document: vscode.TextDocument): Promise<Finding[]> {
    return (await this.analyze(document))?.findings ?? [];
  }

  /** Ranges of the placeholders the core reports in the current text. */
  async placeholderRanges(document: vscode.TextDocument): Promise<Range[]> {
    return (await this.analyze(document))?.placeholderRanges ?? [];
  }

  /** The outline tree of the current text (symbols, folding); undefined while paused. */
  async outline(document: vscode.TextDocument): Promise<OutlineNode[] | undefined> {
    return (await this.analyze(document))?.outline;
  }

  /** The edits that apply every fix (one per changed spot), computed in the worker; undefined when they could not be computed in time. */
  async fixAllEdits(document: vscode.TextDocument, options: LintOptions): Promise<TextEdit[] | undefined> {
    // Fix-all lints up to ten times: it gets a few budgets.
    return this.request(document, 'fixAll', { text: document.getText(), options, optionsId: this.optionsId(options) }, 4);
  }

  /** Edits that renumber the whole document, computed in the worker. */
  async renumberEdits(document: vscode.TextDocument): Promise<TextEdit[] | undefined> {
    return this.request(document, 'renumber', { text: document.getText() }, 1);
  }

  /** Candidate outline markers for a new line (completion); a short budget, completion must not wait long. */
  async nextMarkers(document: vscode.TextDocument, line: number): Promise<string[]> {
    return (await this.request(document, 'nextMarkers', { text: document.getText(), line }, 0.5)) ?? [];
  }

  /** The conversion of the skipping heading group at `line` (`1.` under `三、` → `（一）`), computed in the worker. */
  async levelSkipConversion(document: vscode.TextDocument, line: number): Promise<Suggestion | undefined> {
    return this.request(document, 'levelSkip', { text: document.getText(), line, lang: settingsFor(document).lang }, 0.5);
  }

  private async request<K extends RequestKind>(document: vscode.TextDocument, kind: K, request: RequestOf<K>, budgets: number): Promise<ResultOf<K> | undefined> {
    const limitMs = Math.max(200, settingsFor(document).lintTimeLimit * budgets);
    // Asked for by the writer (a command, a quick fix, completion): before any lint that waits.
    const outcome = await this.worker.run(kind, request, { key: `${kind} ${document.uri.toString()}`, budgetMs: limitMs, priority: 2 });
    if (outcome.status === 'done') return outcome.value;
    if (outcome.status !== 'cancelled') {
      this.log.error(`${kind} of ${document.uri.toString(true)} stopped: ${outcome.status === 'timeout' ? `over ${limitMs} ms` : outcome.message}`);
    }
    return undefined;
  }

  /** Cancels the document's analysis in progress (a newer edit makes it worthless). */
  cancelRun(document: vscode.TextDocument): void {
    const key = document.uri.toString();
    if (this.inFlight.get(key)?.version === document.version) return;
    this.worker.cancel(`analyze ${key}`);
  }

  /** Drops everything known about a document. */
  forget(uri: vscode.Uri): void {
    const key = uri.toString();
    this.options.delete(key);
    this.analyses.delete(key);
    this.inFlight.delete(key);
    this.paused.delete(key);
    this.worker.cancel(`analyze ${key}`);
  }

  /** Drops all resolved options (settings or config files changed); paused documents are tried again. */
  reset(): void {
    this.options.clear();
    this.paused.clear();
    this.epoch++;
  }

  dispose(): void {
    this.reset();
    this.analyses.clear();
    this.inFlight.clear();
    this.changed.dispose();
  }
}
