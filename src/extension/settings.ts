/**
 * Reads the `reportMarkdown.*` settings for a document (one function) and
 * turns them into what the core and the adapters need.
 */
import * as vscode from 'vscode';
import { ruleList } from './core-api.js';
import { configFromSettings, resolveMessageLanguage, type RulesConfig } from './logic/settings-to-config.js';

export const SECTION = 'reportMarkdown';
export const LANGUAGE_ID = 'report-markdown';

export type RunMode = 'onType' | 'onSave';

/** Default of `reportMarkdown.lintTimeLimit` (ms): a 2 M-character report lints in well under a second. */
export const DEFAULT_LINT_TIME_LIMIT = 3000;

function clamp(value: unknown, min: number, max: number, fallback: number): number {
  return typeof value === 'number' && Number.isFinite(value) ? Math.min(max, Math.max(min, value)) : fallback;
}

export type ExportSettings = {
  /** 'ask' shows a save dialog; 'besideDocument' writes name.docx next to the source. */
  saveLocation: 'ask' | 'besideDocument';
  /** Open the DOCX with the system's default application after export. */
  openAfterExport: boolean;
  /** Author written into the document properties ('' for none). */
  author: string;
  /** Insert a table of contents after the title. */
  tableOfContents: boolean;
  /** Overrides of the exporter's GB/T 9704 layout table, passed as they are. */
  layout: Record<string, unknown>;
  /** The document will be sealed (落款 per GB/T 9704 7.3.5.1). */
  seal: boolean;
  /** Font profile. */
  fonts: 'windows' | 'gb2312';
};

export type ExtensionSettings = {
  languages: string[];
  run: RunMode;
  lintDelay: number;
  /** Time (ms) one lint may take in the worker before it is stopped and the document's lint is paused. */
  lintTimeLimit: number;
  lang: 'zh-CN' | 'en';
  /** Config from the settings alone; `.reportmdrc.json` is merged over it. */
  config: RulesConfig;
  export: ExportSettings;
};

/** Settings that apply to `scope` (a document or its URI). */
export function readSettings(
  scope: vscode.ConfigurationScope | undefined,
  warn: (message: string) => void = () => {},
): ExtensionSettings {
  const configuration = vscode.workspace.getConfiguration(SECTION, scope);
  const languages = configuration.get<string[]>('languages', [LANGUAGE_ID]);
  const run = configuration.get<string>('run', 'onType');
  const layout = configuration.get<Record<string, unknown>>('export.layout', {});
  const lang = resolveMessageLanguage(configuration.get<string>('messageLanguage', 'auto'), vscode.env.language);
  return {
    languages: Array.isArray(languages) ? languages : [LANGUAGE_ID],
    run: run === 'onSave' ? 'onSave' : 'onType',
    lintDelay: Math.max(0, configuration.get<number>('lintDelay', 300)),
    lintTimeLimit: clamp(configuration.get<number>('lintTimeLimit', DEFAULT_LINT_TIME_LIMIT), 200, 120_000, DEFAULT_LINT_TIME_LIMIT),
    lang,
    // Checked by the core like `.reportmdrc.json`; invalid parts are dropped and named through `warn`.
    config: configFromSettings(
      {
        rules: configuration.get<unknown>('rules', {}),
        placeholderAllow: trustedValue<unknown>(configuration, 'placeholder.allow', []),
        placeholderExtraPatterns: configuration.get<unknown>('placeholder.extraPatterns', []),
        placeholderDefaultAllow: defaultPlaceholderAllow(),
      },
      warn,
      lang,
    ),
    export: {
      saveLocation: configuration.get<string>('export.saveLocation', 'ask') === 'besideDocument' ? 'besideDocument' : 'ask',
      openAfterExport: configuration.get<boolean>('export.openAfterExport', false),
      author: configuration.get<string>('export.author', '') ?? '',
      tableOfContents: configuration.get<boolean>('export.tableOfContents', false) === true,
      layout: layout && typeof layout === 'object' && !Array.isArray(layout) ? layout : {},
      seal: configuration.get<boolean>('export.seal', false) === true,
      fonts: configuration.get<string>('export.fonts', 'windows') === 'gb2312' ? 'gb2312' : 'windows',
    },
  };
}

/**
 * A setting an untrusted workspace may not impose (the placeholder allow list:
 * any length is work on every lint): there, only the user's own value counts.
 * (`placeholder.extraPatterns` is in the manifest's `restrictedConfigurations`,
 * which VS Code applies itself.)
 */
function trustedValue<T>(configuration: vscode.WorkspaceConfiguration, key: string, fallback: T): T {
  if (vscode.workspace.isTrusted) return configuration.get<T>(key, fallback);
  const inspected = configuration.inspect<T>(key);
  return inspected?.globalLanguageValue ?? inspected?.globalValue ?? fallback;
}

type CachedSettings = { settings: ExtensionSettings; warnings: string[] };

/** Settings per document (URI and language), kept until the configuration changes or the document closes. */
const settingsCache = new Map<string, CachedSettings>();

const cacheKey = (document: vscode.TextDocument): string => `${document.languageId} ${document.uri.toString()}`;

/**
 * The settings of a document, read once and then cached until
 * onDidChangeConfiguration (see `watchSettings`); the problems of invalid
 * entries (dropped) are passed to `warn` on every call, all at once.
 */
export function settingsFor(document: vscode.TextDocument, warn?: (messages: readonly string[]) => void): ExtensionSettings {
  const key = cacheKey(document);
  let cached = settingsCache.get(key);
  if (!cached) {
    const warnings: string[] = [];
    cached = { settings: readSettings(document, (message) => warnings.push(message)), warnings };
    settingsCache.set(key, cached);
  }
  if (warn && cached.warnings.length > 0) warn(cached.warnings);
  return cached.settings;
}

/**
 * Drops cached settings when the configuration changes (registered before
 * every other listener, so they all read fresh settings) and when a document
 * closes.
 */
export function watchSettings(): vscode.Disposable {
  settingsCache.clear();
  return vscode.Disposable.from(
    vscode.workspace.onDidChangeConfiguration(() => settingsCache.clear()),
    // Trusting the workspace lets its placeholder allow list apply (config-files.ts relints).
    vscode.workspace.onDidGrantWorkspaceTrust(() => settingsCache.clear()),
    vscode.workspace.onDidCloseTextDocument((document) => settingsCache.delete(cacheKey(document))),
    { dispose: () => settingsCache.clear() },
  );
}

/** Whether the extension lints and serves this document. */
export function isReportDocument(document: vscode.TextDocument): boolean {
  if (document.languageId === LANGUAGE_ID) return true;
  return settingsFor(document).languages.includes(document.languageId);
}

/** Languages the extension may serve; providers check `isReportDocument` per document. */
export const SUPPORTED_LANGUAGES = [LANGUAGE_ID, 'markdown', 'plaintext'] as const;

/** Static document selector for providers (cheap to match; the per-document check decides). */
export const DOCUMENT_SELECTOR: vscode.DocumentFilter[] = SUPPORTED_LANGUAGES.map((language) => ({ language }));

/** The placeholder rule's built-in allow list (X光, X射线 …), from the core's rule metadata. */
function defaultPlaceholderAllow(): string[] {
  const allow = ruleList.find((rule) => rule.id === 'placeholder')?.defaultOptions['allow'];
  return Array.isArray(allow) ? allow.filter((entry): entry is string => typeof entry === 'string') : [];
}
