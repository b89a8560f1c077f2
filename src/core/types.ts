/**
 * Core data types. Positions are LSP-shaped: 0-based line and character,
 * characters counted in UTF-16 code units, ranges half-open.
 * Adapters (CLI, extension) convert at their edges only.
 */

export type Position = { line: number; character: number };
export type Range = { start: Position; end: Position };

/** A replacement of the text between two offsets of the original document. */
export type TextEdit = { range: Range; newText: string };

export type Severity = 'error' | 'warning' | 'info';

/** Supported message languages. */
export type Lang = 'zh-CN' | 'en';

/** A repair offered to the writer, with its title in the finding's language. */
export type Suggestion = { title: string; fix: TextEdit[] };

/** One problem reported by a rule. */
export type Finding = {
  ruleId: string;
  severity: Severity;
  message: string;
  range: Range;
  /** Edits that repair this finding; empty when the rule cannot fix it. */
  fix?: TextEdit[];
  /** Repairs the writer may choose instead (editor quick fixes); never applied by fix or fix-all. */
  suggestions?: Suggestion[];
  /** Start offset in the document (UTF-16); used for sorting and fixes. */
  offset: number;
  endOffset: number;
};
