/**
 * Composition root of the VS Code extension: builds the services, registers
 * providers and commands, and pushes every disposable. All language logic
 * lives in src/core and runs in the lint worker (worker/); this layer only
 * adapts it to the editor. The entries (desktop-entry.ts, web-entry.ts)
 * supply the platform's worker and exporter.
 */
import * as vscode from 'vscode';
import { ReportCodeActions } from './code-actions.js';
import { CommandIds } from './commands/ids.js';
import { disableRule } from './commands/disable-rule.js';
import { exportDocx } from './commands/export-docx.js';
import { fixAllCommand } from './commands/fix-all.js';
import { importWord } from './commands/import-word.js';
import { openExample } from './commands/open-example.js';
import { fillPlaceholders } from './commands/fill-placeholders.js';
import { goToPlaceholder } from './commands/placeholder-navigation.js';
import { renumberDocument } from './commands/renumber-document.js';
import { replacePlaceholder } from './commands/replace-placeholder.js';
import { targetDocument, type Services } from './commands/services.js';
import { showRuleDocs } from './commands/show-rule-docs.js';
import { useForFile } from './commands/use-for-file.js';
import { MARKER_TRIGGER_CHARACTERS, MarkerCompletionProvider } from './completion.js';
import { ConfigFiles, type LocalFileReader } from './config-files.js';
import { DiagnosticsController } from './diagnostics.js';
import type { ExporterLoader } from './exporter-loader.js';
import { LintService } from './lint-service.js';
import { Log } from './output.js';
import { RULE_DOCS_SCHEME, RuleDocsProvider } from './rule-docs.js';
import { LintWorkerClient, type ChannelFactory } from './worker/client.js';
import { handleRequest, OptionsCache } from './worker/handler.js';
import { DOCUMENT_SELECTOR, isReportDocument, watchSettings } from './settings.js';
import { StatsStatusBar } from './status-bar.js';
import { OutlineFoldingProvider, OutlineSymbolProvider } from './symbols.js';

/**
 * Largest document linted on the extension host's own thread while the lint worker starts (the
 * seeds and most reports are 2–15 k characters; a cold analysis of 30 k takes 100–150 ms).
 */
const IN_PROCESS_WHILE_STARTING_MAX_CHARS = 30_000;

/** Context key true when the active editor is served by the extension (menus use it). */
const ACTIVE_CONTEXT_KEY = 'reportMarkdown.active';

/** Platform-specific parts the entries (desktop, web) inject. */
export type Platform = {
  loadExporter: ExporterLoader;
  /** Starts the lint worker (node worker thread or Web Worker). */
  lintWorker: ChannelFactory;
  /** Reads local (`file:`) config files without a round trip through the workbench (desktop: node fs). */
  readLocalFile?: LocalFileReader;
};

/** Wires everything up; shared by the desktop and the web entry. */
/**
 * What `activate` returns (`vscode.extensions.getExtension(…).exports`): a read-only view of the
 * lint state, for the end-to-end tests and for other extensions that want to know.
 */
export type ReportMarkdownApi = {
  /** 'linted' (an analysis of the current version exists), 'paused' (too slow / too large) or 'pending'. */
  lintState(uri: vscode.Uri): { status: 'linted' | 'paused' | 'pending'; reason?: 'slow' | 'large'; version?: number };
  /** The status bar item's text and tooltip as shown now. */
  statusBar(): { text: string; tooltip: string; visible: boolean };
  /**
   * Milliseconds since activation began: when activation returned, when the first lint was
   * requested and when the first diagnostics were published (undefined until then).
   */
  timings(): { activated: number; firstLintRequested?: number; firstOptions?: number; workerReady?: number; firstPublished?: number };
  /** Lint workers started so far (restarts after a timeout or cancellation count), whether linting fell back to in-process, what the worker is busy with ("analyze <uri>"), and how many requests ran in-process while the first worker started. */
  worker(): { starts: number; inProcess: boolean; running: string | undefined; ranWhileStarting: number };
  /** The warnings about invalid `reportMarkdown.*` settings shown so far, oldest first. */
  settingWarnings(): readonly string[];
};

export function activateWith(context: vscode.ExtensionContext, platform: Platform): ReportMarkdownApi {
  const activationStart = Date.now();
  // First, so every later configuration listener reads fresh settings.
  context.subscriptions.push(watchSettings());
  const log = new Log();
  const configFiles = new ConfigFiles(log, platform.readLocalFile);
  // Without a worker (none can start here) the core runs in-process, as before: slow documents would block again.
  const fallbackCache = new OptionsCache();
  const worker = new LintWorkerClient(platform.lintWorker, {
    fallback: (message) => handleRequest(message, fallbackCache),
    // The first lint of a small document does not wait for the worker's start-up (200 ms to over a
    // second while the window's extension host starts): it runs here, bounded by the size.
    inProcessWhileStarting: (message) => message.kind === 'analyze' && message.text.length <= IN_PROCESS_WHILE_STARTING_MAX_CHARS,
    onEvent: (message) => log.info(`Lint worker: ${message}`),
  });
  // The worker starts right after activation returns (one timer tick later), so its start-up overlaps the
  // config-file search without lengthening activation; a lint requested sooner starts it at once.
  const prestart = setTimeout(() => worker.prestart(), 0);
  const lintService = new LintService(configFiles, log, worker);
  // The start-up timeline with wall-clock times: the output log's own timestamps are those of its
  // (late) flush, and the e2e suite lines these up with the workbench's and code-server's events.
  const at = (time: number | undefined): string => (time === undefined ? '?' : `${new Date(time).toISOString()} (+${time - activationStart} ms)`);
  const diagnostics = new DiagnosticsController(lintService, log, () =>
    log.info(
      `Start-up timeline: activation began ${at(activationStart)}; first lint requested ${at(diagnostics.firstRequestedAt)}, ` +
        `options resolved ${at(diagnostics.firstOptionsAt)}, worker ready ${at(worker.firstReadyAt)}, first diagnostics published ${at(diagnostics.firstPublishedAt)}` +
        ` (${worker.ranWhileStarting > 0 ? 'linted in-process while the worker started' : 'linted in the worker'})`,
    ),
  );
  const services: Services = { lintService, log, loadExporter: platform.loadExporter, extensionUri: context.extensionUri };
  const statusBar = new StatsStatusBar(lintService);

  const updateContextKey = (): void => {
    const document = vscode.window.activeTextEditor?.document;
    void vscode.commands.executeCommand('setContext', ACTIVE_CONTEXT_KEY, document !== undefined && isReportDocument(document));
  };

  context.subscriptions.push(
    log,
    configFiles,
    {
      dispose: () => {
        clearTimeout(prestart);
        worker.dispose();
      },
    },
    lintService,
    diagnostics,
    statusBar,
    configFiles.onDidChange(() => diagnostics.relintAll()),
    vscode.window.onDidChangeActiveTextEditor(updateContextKey),
    vscode.workspace.onDidOpenTextDocument(updateContextKey),
    vscode.workspace.onDidChangeConfiguration(updateContextKey),
    vscode.workspace.registerTextDocumentContentProvider(RULE_DOCS_SCHEME, new RuleDocsProvider(context.extensionUri)),
    vscode.languages.registerCodeActionsProvider(DOCUMENT_SELECTOR, new ReportCodeActions(services), ReportCodeActions.metadata),
    vscode.languages.registerCompletionItemProvider(DOCUMENT_SELECTOR, new MarkerCompletionProvider(lintService), ...MARKER_TRIGGER_CHARACTERS),
    vscode.languages.registerDocumentSymbolProvider(DOCUMENT_SELECTOR, new OutlineSymbolProvider(lintService), { label: 'Report Markdown' }),
    vscode.languages.registerFoldingRangeProvider(DOCUMENT_SELECTOR, new OutlineFoldingProvider(lintService)),
    vscode.commands.registerCommand(CommandIds.renumberDocument, (uri?: unknown) => renumberDocument(services, uri)),
    vscode.commands.registerCommand(CommandIds.fixAll, (uri?: unknown) => fixAllCommand(services, uri)),
    vscode.commands.registerCommand(CommandIds.exportDocx, (uri?: unknown, target?: unknown) => exportDocx(services, uri, target)),
    vscode.commands.registerCommand(CommandIds.importWord, (uri?: unknown, target?: unknown) => importWord(services, uri, target)),
    vscode.commands.registerCommand(CommandIds.nextPlaceholder, () => goToPlaceholder(services, 'next')),
    vscode.commands.registerCommand(CommandIds.previousPlaceholder, () => goToPlaceholder(services, 'previous')),
    vscode.commands.registerCommand(CommandIds.showRuleDocs, (ruleId?: unknown, where?: unknown) => showRuleDocs(context.extensionUri, ruleId, where)),
    vscode.commands.registerCommand(CommandIds.useForFile, (uri?: unknown) => useForFile(uri)),
    vscode.commands.registerCommand(CommandIds.replacePlaceholder, (uri?: unknown, placeholder?: unknown, replacement?: unknown) =>
      replacePlaceholder(services, uri, placeholder, replacement),
    ),
    vscode.commands.registerCommand(CommandIds.fillPlaceholders, (uri?: unknown, answers?: unknown) => fillPlaceholders(services, uri, answers)),
    vscode.commands.registerCommand(CommandIds.disableRule, (uri?: unknown, line?: unknown, ruleId?: unknown, scope?: unknown) =>
      disableRule(uri, line, ruleId, scope),
    ),
    vscode.commands.registerCommand(CommandIds.openExample, () => openExample(context.extensionUri)),
    vscode.commands.registerCommand(CommandIds.lintAgain, async (uri?: unknown) => {
      const document = await targetDocument(uri);
      if (document) diagnostics.lintAgain(document);
    }),
  );

  updateContextKey();
  diagnostics.relintAll();
  const activated = Date.now() - activationStart;
  log.info(`Activated in ${activated} ms (began ${new Date(activationStart).toISOString()})`);

  return {
    lintState(uri) {
      const document = vscode.workspace.textDocuments.find((candidate) => candidate.uri.toString() === uri.toString());
      if (!document) return { status: 'pending' };
      const paused = lintService.pausedState(document);
      if (paused) return { status: 'paused', reason: paused.reason, version: paused.version };
      const current = lintService.current(document);
      return current ? { status: 'linted', version: current.version } : { status: 'pending' };
    },
    statusBar: () => statusBar.snapshot(),
    timings: () => ({
      activated,
      ...(diagnostics.firstRequestedAt !== undefined ? { firstLintRequested: diagnostics.firstRequestedAt - activationStart } : {}),
      ...(diagnostics.firstOptionsAt !== undefined ? { firstOptions: diagnostics.firstOptionsAt - activationStart } : {}),
      ...(worker.firstReadyAt !== undefined ? { workerReady: worker.firstReadyAt - activationStart } : {}),
      ...(diagnostics.firstPublishedAt !== undefined ? { firstPublished: diagnostics.firstPublishedAt - activationStart } : {}),
    }),
    worker: () => ({ starts: worker.starts, inProcess: worker.runsInProcess, running: worker.runningKey, ranWhileStarting: worker.ranWhileStarting }),
    settingWarnings: () => [...lintService.shownWarnings],
  };
}
