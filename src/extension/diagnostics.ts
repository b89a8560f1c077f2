/**
 * Lints report documents on open, on change (debounced) and on save, and
 * publishes the findings. The core runs in the lint worker (LintService); a
 * keystroke cancels the document's run in progress at once. Each request
 * gets a generation; a run whose generation is no longer the latest for its
 * document (a newer edit, a close) is dropped instead of published. A paused
 * document (its lint overran the time limit) is tried again on open, save,
 * a settings or config change and the Lint Again command, not while typing.
 */
import * as vscode from 'vscode';
import type { Finding } from './core-api.js';
import { toDiagnostic } from './convert.js';
import type { LintService } from './lint-service.js';
import { Generations } from './logic/generations.js';
import { isLintedScheme } from './logic/schemes.js';
import type { Log } from './output.js';
import { ruleDocsLink } from './rule-docs.js';
import { isReportDocument, SECTION, settingsFor } from './settings.js';

/** Only real documents (files, untitled) are linted, so Problems never lists a diff or history view. */
function shouldLint(document: vscode.TextDocument): boolean {
  return isLintedScheme(document.uri.scheme) && isReportDocument(document);
}

export class DiagnosticsController implements vscode.Disposable {
  readonly collection = vscode.languages.createDiagnosticCollection('report-md');
  private readonly generations = new Generations<string>();
  private readonly timers = new Map<string, ReturnType<typeof setTimeout>>();
  private readonly disposables: vscode.Disposable[] = [];
  /** When the first lint was requested and the first diagnostics published (Date.now(); for the extension's timings). */
  firstRequestedAt: number | undefined;
  firstPublishedAt: number | undefined;
  /** When the first document's options (settings and config-file search) were resolved. */
  firstOptionsAt: number | undefined;

  constructor(
    private readonly lintService: LintService,
    private readonly log: Log,
    /** Called once, right after the first diagnostics were published (the extension logs its start-up timeline). */
    private readonly onFirstPublish?: () => void,
  ) {
    this.disposables.push(
      this.collection,
      vscode.workspace.onDidOpenTextDocument((document) => this.schedule(document, 0, true)),
      vscode.workspace.onDidChangeTextDocument((event) => {
        if (event.contentChanges.length === 0) return;
        const document = event.document;
        if (!shouldLint(document)) return;
        // The run in progress is for a version nobody wants any more.
        this.lintService.cancelRun(document);
        const settings = settingsFor(document);
        if (settings.run === 'onType') this.schedule(document, settings.lintDelay);
      }),
      // Saving tries a paused document again (typing does not: each run would be stopped again).
      vscode.workspace.onDidSaveTextDocument((document) => this.schedule(document, 0, true)),
      vscode.workspace.onDidCloseTextDocument((document) => this.clear(document.uri)),
      vscode.workspace.onDidChangeConfiguration((event) => {
        if (event.affectsConfiguration(SECTION)) this.relintAll();
      }),
      // Whoever asked for it (this controller, the status bar, a quick fix), an analysis of a
      // document's current version is published: a run superseded by another caller's run of
      // the same version never leaves the document without diagnostics.
      lintService.onDidChange((uri) => this.publishCurrent(uri)),
    );
  }

  /** Lints every open report document (activation, settings or config file change). */
  relintAll(): void {
    this.lintService.reset();
    for (const document of vscode.workspace.textDocuments) {
      if (shouldLint(document)) this.schedule(document, 0, true);
      else this.clear(document.uri);
    }
  }

  /** Lints `document` now, also when its lint is paused (the Lint Again command). */
  lintAgain(document: vscode.TextDocument): void {
    this.schedule(document, 0, true);
  }

  /** Requests a lint of `document` after `delay` ms; supersedes earlier requests. `retry` also lints a paused document. */
  schedule(document: vscode.TextDocument, delay: number, retry = false): void {
    const key = document.uri.toString();
    if (!shouldLint(document)) {
      if (this.collection.has(document.uri)) this.clear(document.uri);
      return;
    }
    const generation = this.generations.next(key);
    const pending = this.timers.get(key);
    if (pending !== undefined) clearTimeout(pending);
    this.timers.set(
      key,
      setTimeout(() => {
        this.timers.delete(key);
        void this.run(document, generation, retry);
      }, delay),
    );
  }

  private async run(document: vscode.TextDocument, generation: number, retry: boolean): Promise<void> {
    const key = document.uri.toString();
    this.firstRequestedAt ??= Date.now();
    try {
      const options = await this.lintService.resolveOptions(document);
      this.firstOptionsAt ??= Date.now();
      if (!this.generations.isCurrent(key, generation) || document.isClosed) return;
      // The core runs in the lint worker; this thread only waits.
      const analysis = await this.lintService.analyze(document, { options, retry });
      if (!this.generations.isCurrent(key, generation) || document.isClosed) return;
      if (!analysis) {
        // Paused (too slow or too large): findings of an older version would point at the wrong text.
        if (this.lintService.pausedState(document)) this.collection.delete(document.uri);
        return;
      }
      this.publish(document, analysis.findings);
    } catch (error) {
      this.log.errorOnce(`diagnostics:${key}`, `Could not lint ${document.uri.toString(true)}`, error);
    }
  }

  /** Publishes the current analysis of an open document, or clears a paused one. */
  private publishCurrent(uri: vscode.Uri): void {
    const key = uri.toString();
    const document = vscode.workspace.textDocuments.find((candidate) => candidate.uri.toString() === key);
    if (!document || !shouldLint(document)) return;
    const analysis = this.lintService.current(document);
    if (analysis) this.publish(document, analysis.findings);
    else if (this.lintService.pausedState(document)) this.collection.delete(document.uri);
  }

  private publish(document: vscode.TextDocument, findings: readonly Finding[]): void {
    const first = this.firstPublishedAt === undefined;
    if (first) this.firstPublishedAt = Date.now();
    this.collection.set(
      document.uri,
      findings.map((finding) => toDiagnostic(finding, ruleDocsLink(finding.ruleId))),
    );
    if (first) this.onFirstPublish?.();
  }

  private clear(uri: vscode.Uri): void {
    const key = uri.toString();
    const pending = this.timers.get(key);
    if (pending !== undefined) clearTimeout(pending);
    this.timers.delete(key);
    this.generations.delete(key);
    this.collection.delete(uri);
    this.lintService.forget(uri);
  }

  dispose(): void {
    for (const timer of this.timers.values()) clearTimeout(timer);
    this.timers.clear();
    for (const disposable of this.disposables) disposable.dispose();
  }
}
