/**
 * Messages between the extension host and the lint worker (node
 * worker_threads on the desktop, a Web Worker in the browser). Everything is
 * plain JSON-like data: findings with their fixes, outlines and edits cross
 * by structured clone. No `vscode` here.
 */
import type { Config, Finding, OutlineNode, Range, Suggestion, TextEdit } from '../core-api.js';

/** Options of one lint run (the extension's LintOptions). */
export type WorkerLintOptions = { config: Config; lang: 'zh-CN' | 'en' };

/** Name of the lint worker (node `workerData` marker, Web Worker `name`), so the shared bundle knows it is the worker. */
export const LINT_WORKER_NAME = 'report-markdown-lint';

/** Everything the editor shows for one version of a document, from one run of the core. */
export type AnalysisResult = {
  findings: Finding[];
  /** 字数 as Word/WPS count it. */
  characters: number;
  placeholderRanges: Range[];
  outline: OutlineNode[];
};

/**
 * The requests and their results. `optionsId` names an options object: the
 * worker keeps the first copy it receives under that id, so per-options
 * caches in the core (compiled patterns, the indexed allow list) keep hitting
 * although every message carries a fresh structured clone.
 */
export type WorkerRequests = {
  analyze: { request: { text: string; options: WorkerLintOptions; optionsId: number }; result: AnalysisResult };
  /** The edits of fix-all, as small edits of the changed spots (see logic/minimal-edit.ts). */
  fixAll: { request: { text: string; options: WorkerLintOptions; optionsId: number }; result: TextEdit[] };
  renumber: { request: { text: string }; result: TextEdit[] };
  nextMarkers: { request: { text: string; line: number }; result: string[] };
  /** Rewriting a group that skips a level (`1.` under `三、`) one level below its parent, when the heading at `line` is in one. */
  levelSkip: { request: { text: string; line: number; lang: 'zh-CN' | 'en' }; result: Suggestion | undefined };
};

export type RequestKind = keyof WorkerRequests;
export type RequestOf<K extends RequestKind> = WorkerRequests[K]['request'];
export type ResultOf<K extends RequestKind> = WorkerRequests[K]['result'];

/** Host → worker. */
export type ToWorker = { [K in RequestKind]: { id: number; kind: K } & RequestOf<K> }[RequestKind];

/** Worker → host: `ready` once at start, then one reply per request. */
export type FromWorker = { type: 'ready' } | { type: 'result'; id: number; value: unknown } | { type: 'error'; id: number; message: string };
