/**
 * Lints report documents on open, on change (debounced) and on save, and
 * publishes the findings. Each request gets a generation; a run whose
 * generation is no longer the latest for its document (a newer edit, a
 * close) is dropped instead of published.
 */
import * as vscode from 'vscode';
import { toDiagnostic } from './convert.js';
import type { LintService } from './lint-service.js';
import { Generations } from './logic/generations.js';
import { isLintedScheme } from './logic/schemes.js';
import type { Log } from './output.js';
import { ruleDocsUrl } from './rule-docs.js';
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

  constructor(
    private readonly lintService: LintService,
    private readonly log: Log,
  ) {
    this.disposables.push(
      this.collection,
      vscode.workspace.onDidOpenTextDocument((document) => this.schedule(document, 0)),
      vscode.workspace.onDidChangeTextDocument((event) => {
        if (event.contentChanges.length === 0) return;
        const document = event.document;
        if (!shouldLint(document)) return;
        const settings = settingsFor(document);
        if (settings.run === 'onType') this.schedule(document, settings.lintDelay);
      }),
      vscode.workspace.onDidSaveTextDocument((document) => this.schedule(document, 0)),
      vscode.workspace.onDidCloseTextDocument((document) => this.clear(document.uri)),
      vscode.workspace.onDidChangeConfiguration((event) => {
        if (event.affectsConfiguration(SECTION)) this.relintAll();
      }),
    );
  }

  /** Lints every open report document (activation, settings or config file change). */
  relintAll(): void {
    this.lintService.reset();
    for (const document of vscode.workspace.textDocuments) {
      if (shouldLint(document)) this.schedule(document, 0);
      else this.clear(document.uri);
    }
  }

  /** Requests a lint of `document` after `delay` ms; supersedes earlier requests. */
  schedule(document: vscode.TextDocument, delay: number): void {
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
        void this.run(document, generation);
      }, delay),
    );
  }

  private async run(document: vscode.TextDocument, generation: number): Promise<void> {
    const key = document.uri.toString();
    try {
      const options = await this.lintService.resolveOptions(document);
      if (!this.generations.isCurrent(key, generation) || document.isClosed) return;
      const findings = this.lintService.lint(document, options);
      this.collection.set(
        document.uri,
        findings.map((finding) => toDiagnostic(finding, ruleDocsUrl(finding.ruleId))),
      );
    } catch (error) {
      this.log.errorOnce(`diagnostics:${key}`, `Could not lint ${document.uri.toString(true)}`, error);
    }
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
