/**
 * The extension host's side of the lint worker: one worker, one request at a
 * time, each with a time budget.
 *
 * - A request that overruns its budget ends as `timeout`: the worker is
 *   terminated (a run of the core cannot be interrupted any other way) and a
 *   fresh one is started for the next request.
 * - A request with a key (one document's lint) supersedes the earlier
 *   request with that key: a queued one is dropped; a running one ends as
 *   `cancelled` at once, and its worker is terminated too unless it has only
 *   just started (then its result is ignored; a restart would cost more).
 * - A worker that crashes or runs out of memory fails the running request and
 *   is replaced.
 * - When no worker can be started at all (two failed starts), requests run
 *   in-process through `fallback`, as the extension did before it had a worker.
 *
 * No `vscode` here: the worker itself comes from a factory (node
 * worker_threads or a Web Worker), so this is the same on desktop and web.
 */
import type { FromWorker, RequestKind, RequestOf, ResultOf, ToWorker } from './protocol.js';

export type Outcome<T> =
  | { status: 'done'; value: T; elapsedMs: number }
  | { status: 'cancelled' }
  | { status: 'timeout'; limitMs: number }
  | { status: 'failed'; reason: 'memory' | 'crash' | 'error'; message: string };

/** How the client sees one worker. */
export type WorkerChannel = {
  post(message: ToWorker): void;
  /** Stops the worker at once, also in the middle of a run. */
  terminate(): void;
};

export type ChannelEvents = {
  onMessage(message: FromWorker): void;
  /** The worker died: out of memory, an uncaught error, or it exited. */
  onExit(reason: { kind: 'memory' | 'crash'; message: string }): void;
};

/** Starts a worker (throws when workers are not available here). */
export type ChannelFactory = (events: ChannelEvents) => WorkerChannel;

export type ClientOptions = {
  /** In-process replacement used when no worker can be started. */
  fallback?: (message: ToWorker) => FromWorker;
  /**
   * Requests this accepts run in-process (through `fallback`) while the first worker is still
   * starting, instead of waiting for it: the first lint of a small document right after activation.
   * A restarted worker (after a timeout or a superseded run) is waited for as before.
   */
  inProcessWhileStarting?: (message: ToWorker) => boolean;
  /** A superseded run older than this is stopped by terminating the worker (default 100 ms). */
  cancelGraceMs?: number;
  /** A worker not ready after this long counts as a failed start (default 15 s). */
  startTimeoutMs?: number;
  /** Told about restarts and the fallback, for the log. */
  onEvent?: (message: string) => void;
  now?: () => number;
};

type Job = {
  id: number;
  message: ToWorker;
  key: string | undefined;
  budgetMs: number;
  priority: number;
  resolve: (outcome: Outcome<unknown>) => void;
  startedAt?: number;
  timer?: ReturnType<typeof setTimeout>;
  /** Already answered `cancelled`; whatever the worker says later is ignored. */
  settled?: boolean;
};

type Live = { channel: WorkerChannel; ready: boolean; startTimer?: ReturnType<typeof setTimeout> };

export class LintWorkerClient {
  private live: Live | undefined;
  private readonly queue: Job[] = [];
  private running: Job | undefined;
  private sequence = 0;
  private failedStarts = 0;
  private inProcess = false;
  private disposed = false;
  private readonly cancelGraceMs: number;
  private readonly startTimeoutMs: number;
  private readonly now: () => number;
  /** Workers started so far (a restart counts one more). */
  starts = 0;
  /** When (Date.now()) the first worker said it was ready; for the extension's timings. */
  firstReadyAt: number | undefined;
  /** Requests run in-process while the first worker was starting (`inProcessWhileStarting`). */
  ranWhileStarting = 0;

  constructor(
    private readonly factory: ChannelFactory,
    private readonly options: ClientOptions = {},
  ) {
    this.cancelGraceMs = options.cancelGraceMs ?? 100;
    this.startTimeoutMs = options.startTimeoutMs ?? 15_000;
    this.now = options.now ?? (() => Date.now());
  }

  /** True once the client gave up on workers and runs requests in-process. */
  get runsInProcess(): boolean {
    return this.inProcess;
  }

  /** The key of the request the worker is working on now (undefined when idle or unkeyed). */
  get runningKey(): string | undefined {
    return this.running && !this.running.settled ? this.running.key : undefined;
  }

  /**
   * Runs one request in the worker. `key` (e.g. "analyze <uri>") makes it
   * supersede the earlier request with the same key; `budgetMs` is the time
   * it may take once the worker starts on it. Requests of higher `priority`
   * (default 0) are started first (the document in view before hidden ones).
   */
  run<K extends RequestKind>(
    kind: K,
    request: RequestOf<K>,
    options: { key?: string; budgetMs: number; priority?: number },
  ): Promise<Outcome<ResultOf<K>>> {
    if (this.disposed) return Promise.resolve({ status: 'cancelled' });
    if (options.key !== undefined) this.supersede(options.key);
    return new Promise((resolve) => {
      const id = ++this.sequence;
      const job: Job = {
        id,
        message: { id, kind, ...request } as ToWorker,
        key: options.key,
        budgetMs: options.budgetMs,
        priority: options.priority ?? 0,
        resolve: resolve as (outcome: Outcome<unknown>) => void,
      };
      // After every queued request of the same or higher priority (first come, first served within one).
      let at = this.queue.length;
      while (at > 0 && this.queue[at - 1]!.priority < job.priority) at--;
      this.queue.splice(at, 0, job);
      this.pump();
    });
  }

  /**
   * Starts the worker now, before the first request: its start-up (loading the
   * bundle in a fresh thread) overlaps the activation and the config-file
   * search instead of delaying the first lint.
   */
  prestart(): void {
    if (this.disposed || this.inProcess || this.live) return;
    this.startWorker();
  }

  /** Ends the queued and running requests with `key` as cancelled. */
  cancel(key: string): void {
    this.supersede(key);
  }

  private supersede(key: string): void {
    for (let index = this.queue.length - 1; index >= 0; index--) {
      const job = this.queue[index]!;
      if (job.key !== key) continue;
      this.queue.splice(index, 1);
      job.resolve({ status: 'cancelled' });
    }
    const running = this.running;
    if (running?.key === key && !running.settled) {
      running.settled = true;
      running.resolve({ status: 'cancelled' });
      if (this.now() - (running.startedAt ?? this.now()) >= this.cancelGraceMs) {
        // Still busy with a version nobody wants: stop it so the new one starts now.
        this.finishRunning();
        this.stopWorker('a newer request superseded a run in progress');
        this.pump();
      }
    }
  }

  private pump(): void {
    if (this.disposed || this.running || this.queue.length === 0) return;
    if (this.inProcess) {
      this.runInProcess();
      return;
    }
    const live = this.live ?? this.startWorker();
    if (live && !live.ready && this.firstReadyAt === undefined && this.options.fallback && this.options.inProcessWhileStarting?.(this.queue[0]!.message)) {
      // Small enough to run here at once rather than wait for the worker's start-up.
      this.ranWhileStarting++;
      this.runInProcess();
      return;
    }
    if (!live || !live.ready) return; // Started, or in-process now: `ready` (or runInProcess) pumps again.
    const job = this.queue.shift()!;
    this.running = job;
    job.startedAt = this.now();
    job.timer = setTimeout(() => this.onTimeout(job), job.budgetMs);
    try {
      live.channel.post(job.message);
    } catch (error) {
      this.finishRunning();
      job.resolve({ status: 'failed', reason: 'error', message: String(error) });
      this.pump();
    }
  }

  private startWorker(): Live | undefined {
    let live: Live | undefined;
    try {
      const channel = this.factory({
        onMessage: (message) => {
          if (this.live === live) this.onMessage(message);
        },
        onExit: (reason) => {
          if (this.live === live) this.onExit(reason);
        },
      });
      live = { channel, ready: false };
    } catch (error) {
      this.startFailed(`could not start the lint worker: ${error instanceof Error ? error.message : String(error)}`);
      return undefined;
    }
    this.live = live;
    this.starts++;
    live.startTimer = setTimeout(() => {
      if (this.live !== live || live!.ready) return;
      this.stopWorker('the lint worker did not start in time');
      this.startFailed(`the lint worker was not ready after ${this.startTimeoutMs} ms`);
    }, this.startTimeoutMs);
    return live;
  }

  private startFailed(message: string): void {
    this.failedStarts++;
    this.options.onEvent?.(message);
    if (this.failedStarts >= 2) {
      if (this.options.fallback) {
        this.inProcess = true;
        this.options.onEvent?.('linting in-process from now on (no time limit)');
      } else {
        // Nothing can run: fail what waits; a later request tries to start a worker again.
        this.failedStarts = 0;
        for (const job of this.queue.splice(0)) job.resolve({ status: 'failed', reason: 'crash', message });
        return;
      }
    }
    // Try again (or run in-process) on the next turn, not in a tight loop.
    setTimeout(() => this.pump(), 0);
  }

  private onMessage(message: FromWorker): void {
    const live = this.live!;
    if (message.type === 'ready') {
      live.ready = true;
      this.firstReadyAt ??= Date.now();
      this.failedStarts = 0;
      if (live.startTimer !== undefined) clearTimeout(live.startTimer);
      this.pump();
      return;
    }
    const job = this.running;
    if (!job || job.id !== message.id) return; // A reply to a request that timed out or was superseded.
    const elapsedMs = this.now() - (job.startedAt ?? this.now());
    this.finishRunning();
    if (!job.settled) {
      job.resolve(
        message.type === 'result'
          ? { status: 'done', value: message.value, elapsedMs }
          : { status: 'failed', reason: 'error', message: message.message },
      );
    }
    this.pump();
  }

  private onTimeout(job: Job): void {
    if (this.running !== job) return;
    this.finishRunning();
    if (!job.settled) job.resolve({ status: 'timeout', limitMs: job.budgetMs });
    this.stopWorker(`a request ran over its ${job.budgetMs} ms budget`);
    this.pump();
  }

  private onExit(reason: { kind: 'memory' | 'crash'; message: string }): void {
    const wasReady = this.live?.ready === true;
    const job = this.running;
    this.finishRunning();
    this.stopWorker(undefined);
    if (job && !job.settled) job.resolve({ status: 'failed', reason: reason.kind, message: reason.message });
    if (!wasReady) this.startFailed(`the lint worker stopped before it was ready: ${reason.message}`);
    else this.pump();
  }

  private finishRunning(): void {
    const job = this.running;
    if (job?.timer !== undefined) clearTimeout(job.timer);
    this.running = undefined;
  }

  /** Terminates the current worker (if any); the next request starts a fresh one. */
  private stopWorker(why: string | undefined): void {
    const live = this.live;
    this.live = undefined;
    if (!live) return;
    if (live.startTimer !== undefined) clearTimeout(live.startTimer);
    if (why) this.options.onEvent?.(`restarting the lint worker: ${why}`);
    try {
      live.channel.terminate();
    } catch {
      // Already gone.
    }
  }

  /** Without a worker (or while it starts): run the queue's head here, one request per turn so the host can breathe in between. */
  private runInProcess(): void {
    const job = this.queue.shift()!;
    this.running = job;
    setTimeout(() => {
      if (job.settled || this.disposed) {
        if (this.running === job) this.running = undefined;
        this.pump();
        return;
      }
      const started = this.now();
      const reply = this.options.fallback!(job.message);
      if (this.running === job) this.running = undefined;
      if (!job.settled) {
        job.resolve(
          reply.type === 'result'
            ? { status: 'done', value: reply.value, elapsedMs: this.now() - started }
            : { status: 'failed', reason: 'error', message: reply.type === 'error' ? reply.message : 'no reply' },
        );
      }
      this.pump();
    }, 0);
  }

  dispose(): void {
    this.disposed = true;
    for (const job of this.queue.splice(0)) job.resolve({ status: 'cancelled' });
    const running = this.running;
    this.finishRunning();
    if (running && !running.settled) running.resolve({ status: 'cancelled' });
    this.stopWorker(undefined);
  }
}
