/**
 * The one place the extension imports the pure core from. If the core's
 * public API moves, only this file changes.
 */
export {
  lint,
  fixAll,
  applyEdits,
  renumberEdits,
  outline,
  nextMarkerAt,
  levelSkipConversionAt,
  documentStats,
  characterCount,
  parseConfig,
  validateConfig,
  decodeText,
  DecodeError,
  ConfigError,
  mergeConfig,
  ruleList,
  DOCS_BASE_URL,
} from '../core/index.js';
export type { Config, OutlineNode } from '../core/index.js';
export { unsafePatternReason } from '../core/lint/safe-pattern.js';
export type { Finding, Position, Range, Severity, Suggestion, TextEdit } from '../core/types.js';
