/**
 * The worker side: runs the pure core for one request. Shared by the node
 * and web worker hosts and by the in-process fallback (when no worker can be
 * started). No `vscode`, no Node built-ins.
 */
import { characterCount, fixAll, levelSkipConversionAt, lint, nextMarkerAt, outline, renumberEdits, type Config } from '../core-api.js';
import { minimalEdits } from '../logic/minimal-edit.js';
import type { AnalysisResult, FromWorker, ToWorker, WorkerLintOptions } from './protocol.js';

/** Options objects by id (the first copy received), the most recent few. */
export class OptionsCache {
  private readonly known = new Map<number, WorkerLintOptions>();

  constructor(private readonly capacity = 16) {}

  get(id: number, sent: WorkerLintOptions): WorkerLintOptions {
    const known = this.known.get(id);
    if (known) return known;
    this.known.set(id, sent);
    if (this.known.size > this.capacity) this.known.delete(this.known.keys().next().value!);
    return sent;
  }
}

function analyze(text: string, options: WorkerLintOptions): AnalysisResult {
  const findings = lint(text, { config: options.config as Config, lang: options.lang });
  return {
    findings,
    characters: characterCount(text),
    placeholderRanges: findings.filter((finding) => finding.ruleId === 'placeholder').map((finding) => finding.range),
    outline: outline(text),
  };
}

/** Computes the reply to one request; errors become an `error` reply, never an exception. */
export function handleRequest(message: ToWorker, cache: OptionsCache): FromWorker {
  try {
    let value: unknown;
    switch (message.kind) {
      case 'analyze':
        value = analyze(message.text, cache.get(message.optionsId, message.options));
        break;
      case 'fixAll': {
        const options = cache.get(message.optionsId, message.options);
        value = minimalEdits(message.text, fixAll(message.text, { config: options.config as Config, lang: options.lang }));
        break;
      }
      case 'renumber':
        value = renumberEdits(message.text);
        break;
      case 'nextMarkers':
        value = nextMarkerAt(message.text, message.line);
        break;
      case 'levelSkip':
        value = levelSkipConversionAt(message.text, message.line, message.lang);
        break;
      default:
        throw new Error(`unknown request ${(message as { kind: string }).kind}`);
    }
    return { type: 'result', id: message.id, value };
  } catch (error) {
    return { type: 'error', id: message.id, message: error instanceof Error ? (error.stack ?? error.message) : String(error) };
  }
}
