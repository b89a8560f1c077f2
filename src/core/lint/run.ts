/** Runs the enabled rules over a parsed document and collects findings. */
import { buildOutline } from '../outline/build.js';
import { positionAt } from '../parse/lines.js';
import type { ReportDocument, TextBlock } from '../parse/report.js';
import type { Finding, Lang, TextEdit } from '../types.js';
import { resolveRule, type Config } from './config.js';
import { readDirectives } from './directives.js';
import type { OffsetEdit, Rule, RuleContext } from './rule.js';

export type RunOptions = {
  config?: Config;
  lang?: Lang;
  /** Only run these rule ids (e.g. for a quick placeholder count). */
  only?: readonly string[];
};

/** A finding with its fix kept as offset edits for the core's own fix application. */
export type InternalFinding = Finding & { offsetFix?: OffsetEdit[] };

const NUL = '\u0000';
/** The rule that owns residue lines. */
const RESIDUE_RULE = 'template-residue';

/** Lints a parsed document with the given rules. A crashing rule yields one internal finding instead of an exception. */
export function runRules(document: ReportDocument, rules: readonly Rule[], options: RunOptions = {}): InternalFinding[] {
  const lang = options.lang ?? 'zh-CN';
  let outline: ReturnType<typeof buildOutline> | undefined;
  const disabled = readDirectives(document);
  const maskCache = new Map<TextBlock, string>();
  const findings: InternalFinding[] = [];
  const text = document.text;
  // Findings of one group share one fix array; convert it once.
  const convertedFixes = new WeakMap<OffsetEdit[], TextEdit[]>();

  // Findings mostly come in document order: try the line of the previous lookup before searching.
  const starts = document.lines.starts;
  let lineHint = 0;
  const position = (offset: number): { line: number; character: number } => {
    const line = lineHint;
    if (starts[line]! <= offset && (line + 1 === starts.length || starts[line + 1]! > offset)) return { line, character: offset - starts[line]! };
    const found = positionAt(document.lines, offset);
    lineHint = found.line;
    return found;
  };

  const maskedText = (block: TextBlock): string => {
    let masked = maskCache.get(block);
    if (masked !== undefined) return masked;
    const ranges = block.textRanges;
    if (ranges.length === 1 && ranges[0]![0] === block.start && ranges[0]![1] === block.end) {
      masked = text.slice(block.start, block.end);
    } else {
      let out = '';
      let cursor = block.start;
      for (const [start, end] of ranges) {
        if (start < cursor) continue;
        out += NUL.repeat(start - cursor) + text.slice(start, end);
        cursor = end;
      }
      out += NUL.repeat(Math.max(0, block.end - cursor));
      masked = out;
    }
    maskCache.set(block, masked);
    return masked;
  };

  // Residue lines (page chrome, template-site ads) are template-residue's alone: no other rule reads them.
  const hasResidue = document.blocks.some((block) => block.node.type === 'residue');
  const proseDocument: ReportDocument = hasResidue ? { ...document, blocks: document.blocks.filter((block) => block.node.type !== 'residue') } : document;

  for (const rule of rules) {
    if (options.only && !options.only.includes(rule.id)) continue;
    const { severity, options: ruleOptions } = resolveRule(options.config, rule.id, rule.severity, rule.defaultOptions);
    if (!severity) continue;
    const context: RuleContext = {
      text,
      document: rule.id === RESIDUE_RULE ? document : proseDocument,
      // Built on first use: a placeholder-only run (status bar) needs no outline.
      get outline() {
        return (outline ??= buildOutline(document));
      },
      options: ruleOptions,
      maskedText,
      report(report) {
        const start = position(report.start);
        if (disabled(rule.id, start.line)) return;
        const end = position(report.end);
        const finding: InternalFinding = {
          ruleId: rule.id,
          severity,
          message: report.message[lang],
          range: { start, end },
          offset: report.start,
          endOffset: report.end,
        };
        if (report.fix && report.fix.length > 0) {
          finding.offsetFix = report.fix;
          let converted = convertedFixes.get(report.fix);
          if (!converted) {
            converted = report.fix.map((edit) => ({
              range: { start: positionAt(document.lines, edit.start), end: positionAt(document.lines, edit.end) },
              newText: edit.newText,
            }));
            convertedFixes.set(report.fix, converted);
          }
          finding.fix = converted;
        }
        if (report.suggestions && report.suggestions.length > 0) {
          finding.suggestions = report.suggestions.map((suggestion) => ({
            title: suggestion.title[lang],
            fix: suggestion.fix.map((edit) => ({
              range: { start: positionAt(document.lines, edit.start), end: positionAt(document.lines, edit.end) },
              newText: edit.newText,
            })),
          }));
        }
        findings.push(finding);
      },
    };
    try {
      rule.check(context);
    } catch (error) {
      findings.push({
        ruleId: rule.id,
        severity: 'error',
        message:
          lang === 'en'
            ? `Internal error in rule ${rule.id}: ${(error as Error).message}`
            : `规则 ${rule.id} 内部错误：${(error as Error).message}`,
        range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
        offset: 0,
        endOffset: 0,
      });
    }
  }
  findings.sort((left, right) => left.offset - right.offset || left.endOffset - right.endOffset || left.ruleId.localeCompare(right.ruleId));
  return findings;
}
