/**
 * The lint worker inside a Web Worker (VS Code for the Web). The worker loads
 * the extension's own web bundle (dist/web/extension.cjs) with importScripts;
 * the bundle calls `serveWebWorker` when `isWebLintWorker()` recognises the
 * worker by its name.
 */
import { LINT_WORKER_NAME, type FromWorker, type ToWorker } from './protocol.js';

type WorkerScope = {
  name?: string;
  postMessage?: (message: FromWorker) => void;
  onmessage?: ((event: { data: ToWorker }) => void) | null;
};

const scope = globalThis as unknown as WorkerScope;

/** True inside the lint Web Worker (the extension host's own worker has another name). */
export function isWebLintWorker(): boolean {
  return scope.name === LINT_WORKER_NAME && typeof scope.postMessage === 'function';
}

/** Answers requests until the extension host terminates the worker. */
export function serveWebWorker(): void {
  // Required here, not imported: in the extension host the bundle loads without it.
  const { handleRequest, OptionsCache } = require('./handler.js') as typeof import('./handler.js');
  const cache = new OptionsCache();
  scope.onmessage = (event) => scope.postMessage!(handleRequest(event.data, cache));
  scope.postMessage!({ type: 'ready' });
}
