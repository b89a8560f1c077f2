/**
 * Starts the lint worker as a Web Worker (VS Code for the Web). The web
 * extension host wraps `new Worker(url)` so the script loads from the
 * extension's location; the worker runs the extension's own web bundle.
 */
import type { ChannelFactory } from './client.js';
import { LINT_WORKER_NAME, type FromWorker, type ToWorker } from './protocol.js';

type WebWorker = {
  postMessage(message: ToWorker): void;
  terminate(): void;
  onmessage: ((event: { data: FromWorker }) => void) | null;
  onerror: ((event: { message?: string; preventDefault?: () => void }) => void) | null;
};
type WebWorkerConstructor = new (url: string, options?: { name?: string }) => WebWorker;

export function webWorkerFactory(scriptUrl: string): ChannelFactory {
  return (events) => {
    const WorkerClass = (globalThis as unknown as { Worker?: WebWorkerConstructor }).Worker;
    if (typeof WorkerClass !== 'function') throw new Error('Web Workers are not available');
    const worker = new WorkerClass(scriptUrl, { name: LINT_WORKER_NAME });
    worker.onmessage = (event) => events.onMessage(event.data);
    worker.onerror = (event) => {
      event.preventDefault?.();
      events.onExit({ kind: 'crash', message: event.message ?? 'the lint worker failed' });
    };
    return {
      post: (message) => worker.postMessage(message),
      terminate: () => worker.terminate(),
    };
  };
}
