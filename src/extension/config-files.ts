/**
 * Finds and parses the nearest `.reportmdrc.json` through vscode.workspace.fs
 * (so it works in virtual and untrusted workspaces), from the document's
 * folder up to the file-system root as the CLI does, caching per folder and
 * dropping the cache when any such file in the workspace changes (files above
 * the workspace are not watched). The folders are looked up at once, not one
 * after another; on the desktop `file:` URIs are read with the platform's own
 * reader (node fs, no round trip through the workbench: in a remote window
 * each workspace.fs call crossed it, and four of them delayed the first lint
 * by two seconds).
 */
import * as vscode from 'vscode';
import { DecodeError, decodeText, parseConfig, type Config } from './core-api.js';
import { CONFIG_FILE_NAME, configSearchFolders } from './logic/config-search.js';
import { resolveMessageLanguage } from './logic/settings-to-config.js';
import { untrustedConfig } from './logic/untrusted.js';
import type { Log } from './output.js';
import { SECTION } from './settings.js';

type Found = { uri: vscode.Uri; config: Config } | { uri: vscode.Uri; error: string } | undefined;

/** Reads a local file's bytes, or undefined when there is none (the desktop's node fs). */
export type LocalFileReader = (uri: vscode.Uri) => Promise<Uint8Array | undefined>;

export class ConfigFiles implements vscode.Disposable {
  private readonly cache = new Map<string, Promise<Found>>();
  private readonly changed = new vscode.EventEmitter<void>();
  /** Problems of the config files themselves, shown in the Problems view. */
  private readonly problems = vscode.languages.createDiagnosticCollection('report-md-config');
  private readonly disposables: vscode.Disposable[] = [this.changed, this.problems];
  /** Fires when a `.reportmdrc.json` is created, changed or deleted. */
  readonly onDidChange = this.changed.event;

  constructor(
    private readonly log: Log,
    private readonly readLocal?: LocalFileReader,
  ) {
    const watcher = vscode.workspace.createFileSystemWatcher(`**/${CONFIG_FILE_NAME}`);
    const invalidate = (): void => {
      this.cache.clear();
      this.problems.clear();
      this.changed.fire();
    };
    this.disposables.push(
      watcher,
      watcher.onDidCreate(invalidate),
      watcher.onDidChange(invalidate),
      watcher.onDidDelete(invalidate),
      vscode.workspace.onDidChangeWorkspaceFolders(invalidate),
      // Trusting the workspace enables the `extra` patterns and `allow` lists of its config files.
      vscode.workspace.onDidGrantWorkspaceTrust(invalidate),
    );
  }

  /** The config of the nearest `.reportmdrc.json` for a document, or undefined when there is none or it is invalid. */
  async configFor(document: vscode.TextDocument): Promise<Config | undefined> {
    const config = await this.nearestConfig(document);
    // Regular expressions and allow lists from an untrusted workspace are not used.
    return config && !vscode.workspace.isTrusted ? untrustedConfig(config) : config;
  }

  private async nearestConfig(document: vscode.TextDocument): Promise<Config | undefined> {
    if (document.isUntitled) return undefined;
    const folders = configSearchFolders(document.uri.path);
    // Every folder at once; the nearest file found wins.
    const lookups = await Promise.all(folders.map((path) => this.lookup(document.uri.with({ path, query: '', fragment: '' }))));
    for (const found of lookups) {
      if (found === undefined) continue;
      if ('error' in found) {
        this.log.errorOnce(`config:${found.uri.toString()}`, found.error);
        return undefined;
      }
      return found.config;
    }
    return undefined;
  }

  private lookup(folder: vscode.Uri): Promise<Found> {
    const key = folder.toString();
    let pending = this.cache.get(key);
    if (!pending) {
      pending = this.read(vscode.Uri.joinPath(folder, CONFIG_FILE_NAME));
      this.cache.set(key, pending);
    }
    return pending;
  }

  private async read(uri: vscode.Uri): Promise<Found> {
    let bytes: Uint8Array | undefined;
    try {
      bytes = uri.scheme === 'file' && this.readLocal ? await this.readLocal(uri) : await vscode.workspace.fs.readFile(uri);
    } catch {
      bytes = undefined;
    }
    if (bytes === undefined) return undefined; // No config file in this folder.
    this.log.forget(`config:${uri.toString()}`);
    try {
      const lang = resolveMessageLanguage(vscode.workspace.getConfiguration(SECTION).get<string>('messageLanguage'), vscode.env.language);
      // Decoded as the CLI decodes it: UTF-8 (± BOM), UTF-16 with a BOM, or GB18030; anything else is refused.
      const name = uri.path.slice(uri.path.lastIndexOf('/') + 1);
      let text: string;
      try {
        text = decodeText(bytes, lang).text;
      } catch (error) {
        if (error instanceof DecodeError) throw new Error(`${name}: ${error.message}`);
        throw error;
      }
      const config = parseConfig(text, name, lang);
      this.problems.delete(uri);
      return { uri, config };
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      const diagnostic = new vscode.Diagnostic(new vscode.Range(0, 0, 0, 0), message, vscode.DiagnosticSeverity.Error);
      diagnostic.source = 'report-md';
      this.problems.set(uri, [diagnostic]);
      return { uri, error: `${uri.toString(true)}: ${message}` };
    }
  }

  dispose(): void {
    for (const disposable of this.disposables) disposable.dispose();
  }
}
