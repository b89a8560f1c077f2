/**
 * The lint worker inside a node worker thread (desktop). The thread runs the
 * extension's own bundle (dist/extension.cjs), which calls `serveNodeWorker`
 * when `isNodeLintWorker()` says it is that thread.
 */
import { isMainThread, parentPort, workerData } from 'node:worker_threads';
import { LINT_WORKER_NAME, type ToWorker } from './protocol.js';

/** True inside the lint worker thread (marked through `workerData`). */
export function isNodeLintWorker(): boolean {
  return !isMainThread && parentPort !== null && (workerData as Record<string, unknown> | undefined)?.[LINT_WORKER_NAME] === true;
}

/** Answers requests until the extension host terminates the thread. */
export function serveNodeWorker(): void {
  // Required here, not imported: on the extension host's thread the bundle loads without it.
  const { handleRequest, OptionsCache } = require('./handler.js') as typeof import('./handler.js');
  const port = parentPort!;
  const cache = new OptionsCache();
  port.on('message', (message: ToWorker) => port.postMessage(handleRequest(message, cache)));
  port.postMessage({ type: 'ready' });
}
