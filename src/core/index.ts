/**
 * Public API of the Report Markdown core. Pure: no `vscode`, no Node built-ins.
 * Positions are 0-based (line, UTF-16 character); see types.ts.
 */
import { applyOffsetEdits, dedupeEdits, toOffsetEdits } from './lint/apply-fixes.js';
import { ConfigError, findReservedKey, mergeConfig, parseConfig as parseConfigWith, validateConfig as validateConfigWith, type Config } from './lint/config.js';
import type { OffsetEdit } from './lint/rule.js';
import { runRules, type InternalFinding, type RunOptions } from './lint/run.js';
import { buildOutline, type OutlineEntry } from './outline/build.js';
import { planNumbering } from './outline/conventions.js';
import { markerWithOrdinal, runRenumberEdits } from './outline/renumber.js';
import { positionAt } from './parse/lines.js';
import { parseReport, type ReportDocument } from './parse/report.js';
import { findPlaceholders } from './rules/placeholder.js';
import { rules } from './rules/index.js';
import { levelSkipConversion } from './rules/numbering-level.js';
import type { Finding, Lang, Range, Severity, Suggestion, TextEdit } from './types.js';

export type { Config, RuleSetting } from './lint/config.js';
export type { Finding, Lang, Position, Range, Severity, Suggestion, TextEdit } from './types.js';
export type { ReportDocument, TextBlock } from './parse/report.js';
export type * from './parse/nodes.js';
export { ConfigError, findReservedKey, mergeConfig, parseReport };
export { DecodeError, decodeText, type DecodedText, type TextEncodingName } from './decode.js';
export { FRONT_MATTER_FIELDS } from './parse/parts.js';

/** Validates a configuration object (e.g. built from editor settings); throws ConfigError naming the setting. */
export function validateConfig(value: unknown, source: string, lang: Lang = 'en'): Config {
  return validateConfigWith(value, source, ruleCatalog, lang);
}

/** Where rule documentation lives; `docsUrl` appends `<id>.md`. */
export const DOCS_BASE_URL = 'https://github.com/report-markdown/report-markdown/blob/main/docs/rules/';

export type LintOptions = {
  config?: Config;
  lang?: Lang;
  /** Run only these rules. */
  only?: readonly string[];
};

/** Metadata of every rule, in registry order. */
export const ruleList: ReadonlyArray<{
  id: string;
  /** Short name in each language (the id when a rule has none). */
  name: Record<Lang, string>;
  severity: Severity;
  fixable: boolean;
  description: Record<Lang, string>;
  tags: readonly string[];
  docsUrl: string;
  defaultOptions: Readonly<Record<string, unknown>>;
}> = rules.map((rule) => ({
  id: rule.id,
  name: rule.name ?? { 'zh-CN': rule.id, en: rule.id },
  severity: rule.severity,
  fixable: rule.fixable,
  description: rule.description,
  tags: rule.tags,
  docsUrl: DOCS_BASE_URL + rule.id + '.md',
  defaultOptions: rule.defaultOptions ?? {},
}));

/** Rule ids with their option defaults, for configuration checks. */
const ruleCatalog: Record<string, Record<string, unknown>> = Object.fromEntries(rules.map((rule) => [rule.id, rule.defaultOptions ?? {}]));

function strip(findings: InternalFinding[]): Finding[] {
  // Most findings carry no fix: those are returned as they are (the same keys, in the same order).
  return findings.map((finding) => {
    if (finding.offsetFix === undefined) return finding;
    const { offsetFix: _unused, ...rest } = finding;
    return rest;
  });
}

/** Lints a report. Never throws for any input string. */
export function lint(text: string, options: LintOptions = {}): Finding[] {
  return strip(lintDocument(parseReport(text), options));
}

/** Lints an already parsed document (keeps offset fixes for the core). */
export function lintDocument(document: ReportDocument, options: RunOptions = {}): InternalFinding[] {
  return runRules(document, rules, options);
}

/** Applies LSP-shaped edits of `text` (non-overlapping; overlapping ones are skipped). */
export function applyEdits(text: string, edits: readonly TextEdit[]): string {
  return applyOffsetEdits(text, toOffsetEdits(parseReport(text).lines, edits));
}

/**
 * Applies every available fix, re-linting until the text is stable (at most 10 passes).
 * Only the characters named by fixes change: indentation, line endings and the BOM stay.
 */
export function fixAll(text: string, options: LintOptions = {}): string {
  let current = text;
  for (let pass = 0; pass < 10; pass++) {
    const findings = lintDocument(parseReport(current), options);
    const edits: OffsetEdit[] = [];
    const seen = new Set<OffsetEdit[]>();
    for (const finding of findings) {
      if (!finding.offsetFix || seen.has(finding.offsetFix)) continue;
      seen.add(finding.offsetFix);
      for (const edit of finding.offsetFix) edits.push(edit);
    }
    if (edits.length === 0) break;
    const next = applyOffsetEdits(current, dedupeEdits(edits));
    if (next === current) break;
    current = next;
  }
  return current;
}

/** Edits that renumber every outline sibling group of the document (the "Renumber document" command). */
export function renumberEdits(text: string): TextEdit[] {
  const document = parseReport(text);
  const outline = buildOutline(document);
  const edits: OffsetEdit[] = [];
  for (const plan of planNumbering(outline, text)) edits.push(...runRenumberEdits(plan.run.items, plan.expectedStart ?? plan.run.items[0]!.marker!.ordinal));
  return dedupeEdits(edits).map((edit) => ({
    range: { start: positionAt(document.lines, edit.start), end: positionAt(document.lines, edit.end) },
    newText: edit.newText,
  }));
}

/** An outline entry for editors and the CLI (0-based ranges). */
export type OutlineNode = {
  /** `masthead` / `imprint`: the 版头 / 版记 (a group with one child per element). */
  kind: 'title' | 'section' | 'heading' | 'masthead' | 'imprint';
  level: number;
  marker: string;
  title: string;
  /** The whole section (heading line through the line before the next sibling or shallower entry). */
  range: Range;
  /** The heading line's text. */
  selectionRange: Range;
  /** 0-based last line of the section. */
  sectionEnd: number;
  children: OutlineNode[];
};

/** The outline tree of a report: title, section titles and numbered headings. */
export function outline(text: string): OutlineNode[] {
  const document = parseReport(text);
  const tree = buildOutline(document);
  const convert = (entry: OutlineEntry): OutlineNode => {
    const endLine = entry.sectionEndLine;
    return {
      kind: entry.kind,
      level: entry.level,
      marker: entry.marker?.text ?? '',
      title: entry.title,
      range: {
        start: positionAt(document.lines, entry.start),
        end: { line: endLine, character: document.lines.ends[endLine]! - document.lines.starts[endLine]! },
      },
      selectionRange: { start: positionAt(document.lines, entry.start), end: positionAt(document.lines, entry.end) },
      sectionEnd: endLine,
      children: entry.children.map(convert),
    };
  };
  // Sections and the title are roots; headings under a section are its children.
  return tree.roots.map(convert);
}

/**
 * Candidate markers for a new paragraph at `line`, most likely first: the
 * next sibling at the current level and the first child (the child first
 * right under a bare heading, see `expectsFirstChild`), then the next marker
 * of each enclosing level.
 */
export function nextMarkerAt(text: string, line: number): string[] {
  const document = parseReport(text);
  const tree = buildOutline(document);
  let current: OutlineEntry | undefined;
  for (const heading of tree.headings) {
    if (heading.line < line) current = heading;
    else break;
  }
  // A section title between the last heading and the line restarts numbering.
  for (const root of tree.roots) {
    if (root.kind !== 'heading' && root.line < line && (!current || root.line > current.line)) current = undefined;
  }
  if (!current) return ['一、'];
  const candidates: string[] = [];
  const marker = current.marker!;
  const siblings = (current.parent?.children ?? tree.roots).filter((entry) => entry.kind === 'heading' && entry.level === current!.level && entry.line < line);
  const sibling = markerWithOrdinal(marker, siblings.length + 1);
  const child = current.level < 5 ? childMarker(marker.level + 1, marker) : undefined;
  if (child && expectsFirstChild(document, current, siblings[siblings.length - 2], line)) candidates.push(child, sibling);
  else candidates.push(sibling, ...(child ? [child] : []));
  for (let ancestor = current.parent; ancestor && ancestor.kind === 'heading'; ancestor = ancestor.parent) {
    const ancestorSiblings = (ancestor.parent?.children ?? tree.roots).filter((entry) => entry.kind === 'heading' && entry.level === ancestor!.level && entry.line < line);
    candidates.push(markerWithOrdinal(ancestor.marker!, ancestorSiblings.length + 1));
  }
  return [...new Set(candidates)];
}

/**
 * For the heading at `line` when its sibling group skips a level (`1.` directly under `三、`):
 * the action that rewrites the group's markers one level below the parent (`（一）` `（二）` …).
 * Offered when the writer asks (skips are allowed by default), never part of fix-all.
 */
export function levelSkipConversionAt(text: string, line: number, lang: Lang = 'zh-CN'): Suggestion | undefined {
  const document = parseReport(text);
  const group = buildOutline(document).groups.find((candidate) => candidate.items.some((item) => item.line === line));
  const conversion = group && levelSkipConversion(group);
  if (!conversion) return undefined;
  return {
    title: conversion.title[lang],
    fix: conversion.fix.map((edit) => ({ range: { start: positionAt(document.lines, edit.start), end: positionAt(document.lines, edit.end) }, newText: edit.newText })),
  };
}

/** Sentence ends and clause breaks: a heading line holding one is a run-in heading with its body text. */
const SENTENCE_PUNCTUATION = /[。！？；!?;]/u;

/**
 * Whether a new paragraph at `line` more likely opens the first child of `heading` than its next
 * sibling: the heading is bare (a title alone on its line, no sentence after it, as `二、抓生态治理`)
 * and only blank lines lie between it and `line`. After body text, under a run-in heading
 * (`（一）加强领导。成立了…`), or in a list of bare headings (its previous sibling was directly
 * followed by it), the next sibling is more likely.
 */
export function expectsFirstChild(document: ReportDocument, heading: OutlineEntry, previousSibling: OutlineEntry | undefined, line: number): boolean {
  if (SENTENCE_PUNCTUATION.test(document.text.slice(heading.start, heading.end))) return false;
  const blankBetween = (from: number, to: number): boolean => {
    for (let between = from; between < to; between++) {
      if (document.text.slice(document.lines.starts[between]!, document.lines.ends[between]!).trim() !== '') return false;
    }
    return true;
  };
  const headingEnd = positionAt(document.lines, heading.end).line;
  if (line <= headingEnd || !blankBetween(headingEnd + 1, line)) return false;
  if (previousSibling && previousSibling.children.length === 0) {
    const previousEnd = positionAt(document.lines, previousSibling.end).line;
    if (blankBetween(previousEnd + 1, heading.line)) return false;
  }
  return true;
}

function childMarker(level: number, parent: { style: { numeral: string } }): string {
  const fullWidth = parent.style.numeral === 'fullwidth';
  switch (level) {
    case 2:
      return '（一）';
    case 3:
      return fullWidth ? '１．' : '1.';
    case 4:
      return fullWidth ? '（１）' : '（1）';
    default:
      return '①';
  }
}

const COUNTED = /[\u2e80-\u2fff\u3001-\u9fff\uf900-\ufaff\uff01-\uff5e“”‘’—…·]|[A-Za-z0-9]+(?:[.'’-][A-Za-z0-9]+)*/g;

/** 字数 as Word/WPS count it: CJK characters and full-width punctuation one each, a Latin word or digit run as one. */
export function characterCount(text: string): number {
  return text.match(COUNTED)?.length ?? 0;
}

/** Counts for the status bar: 字数 (see characterCount) and placeholders. */
export function documentStats(text: string, options: LintOptions = {}): { characters: number; placeholders: number; placeholderRanges: Range[] } {
  const document = parseReport(text);
  const findings = lintDocument(document, { ...options, only: ['placeholder'] });
  return { characters: characterCount(text), placeholders: findings.length, placeholderRanges: findings.map((finding) => finding.range) };
}

/** Parses `.reportmdrc.json` text; throws ConfigError with a message naming the file and the setting. */
export function parseConfig(jsonText: string, fileName: string, lang: Lang = 'en'): Config {
  return parseConfigWith(jsonText, fileName, ruleCatalog, lang);
}


export { findPlaceholders };
