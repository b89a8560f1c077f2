/** The "Report Markdown" output channel; repeated errors are logged once per key. */
import * as vscode from 'vscode';

export class Log implements vscode.Disposable {
  private readonly channel = vscode.window.createOutputChannel('Report Markdown', { log: true });
  private readonly reported = new Set<string>();

  info(message: string): void {
    this.channel.info(message);
  }

  error(message: string, error?: unknown): void {
    this.channel.error(error === undefined ? message : `${message}: ${describe(error)}`);
  }

  /** Logs an error only the first time `key` is seen (until `forget(key)`); true when it was logged now. */
  errorOnce(key: string, message: string, error?: unknown): boolean {
    if (this.reported.has(key)) return false;
    this.reported.add(key);
    this.error(message, error);
    return true;
  }

  forget(key: string): void {
    this.reported.delete(key);
  }

  show(): void {
    this.channel.show(true);
  }

  dispose(): void {
    this.channel.dispose();
  }
}

export function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
