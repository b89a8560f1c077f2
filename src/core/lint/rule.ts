/** The shape of a rule: metadata plus a check function that reports through its context. */
import type { Outline } from '../outline/build.js';
import type { ReportDocument, TextBlock } from '../parse/report.js';
import type { Lang, Severity } from '../types.js';

/** A message in every supported language. */
export type Message = Record<Lang, string>;

/** A replacement between two document offsets. */
export type OffsetEdit = { start: number; end: number; newText: string };

/**
 * A repair the writer may choose (an editor quick fix, never preferred): where the change is
 * likely but not certain, or one of several. Never applied by `fix` or fix-all.
 */
export type Suggestion = { title: Message; fix: OffsetEdit[] };

export type Report = {
  start: number;
  end: number;
  message: Message;
  fix?: OffsetEdit[];
  suggestions?: Suggestion[];
};

export type RuleContext = {
  readonly text: string;
  readonly document: ReportDocument;
  readonly outline: Outline;
  /** Options from the configuration, merged over the rule's defaults. */
  readonly options: Readonly<Record<string, unknown>>;
  /** The block's text with everything that is not literal prose (code, HTML, URLs, markup) replaced by U+0000; same length as the block. */
  maskedText(block: TextBlock): string;
  report(report: Report): void;
};

export type Rule = {
  /** Stable kebab-case id used in configuration, disable comments and output. */
  id: string;
  /** Short name for menus (`在此行停用“编号连续”（numbering-sequence）`). Every rule has one (a test checks). */
  name?: Message;
  severity: Severity;
  fixable: boolean;
  description: Message;
  tags: string[];
  /** Option defaults (documented on the rule's docs page). */
  defaultOptions?: Record<string, unknown>;
  check(context: RuleContext): void;
};
