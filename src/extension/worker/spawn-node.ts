/** Starts the lint worker as a node worker thread (desktop), running the extension bundle itself. */
import { Worker } from 'node:worker_threads';
import type { ChannelFactory } from './client.js';
import { LINT_WORKER_NAME, type FromWorker } from './protocol.js';

/** Heap limit of the worker: a pathological document ends the worker, not the extension host. */
export const WORKER_HEAP_LIMIT_MB = 768;

export function nodeWorkerFactory(script: string): ChannelFactory {
  return (events) => {
    const worker = new Worker(script, {
      name: LINT_WORKER_NAME,
      workerData: { [LINT_WORKER_NAME]: true },
      resourceLimits: { maxOldGenerationSizeMb: WORKER_HEAP_LIMIT_MB },
    });
    // The extension host decides when to exit; the worker never keeps it alive.
    worker.unref();
    worker.on('message', (message: FromWorker) => events.onMessage(message));
    worker.on('error', (error: Error & { code?: string }) =>
      events.onExit({ kind: error.code === 'ERR_WORKER_OUT_OF_MEMORY' ? 'memory' : 'crash', message: error.message }),
    );
    worker.on('exit', (code) => events.onExit({ kind: 'crash', message: `the lint worker exited with code ${code}` }));
    return {
      post: (message) => worker.postMessage(message),
      terminate: () => void worker.terminate(),
    };
  };
}
