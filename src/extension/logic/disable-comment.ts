/**
 * Builds the edit that inserts an inline disable comment understood by the
 * core: `<!-- report-md-disable-next-line RULE -->` on its own line above the
 * finding, or `<!-- report-md-disable-file RULE -->` at the top of the file
 * (after YAML front matter, if any). An HTML comment line interrupts a
 * paragraph in CommonMark, so the line below keeps its meaning.
 */
import type { TextEdit } from '../../core/types.js';
import { lineTable, lineText, type LineTable } from './text-positions.js';

export type DisableScope = 'line' | 'file';

/** The comment text for a scope, without a line break. */
export function disableComment(ruleId: string, scope: DisableScope): string {
  const directive = scope === 'line' ? 'report-md-disable-next-line' : 'report-md-disable-file';
  return `<!-- ${directive} ${ruleId} -->`;
}

/** Line after a leading `---` front matter block, or 0. */
export function bodyStartLine(text: string): number {
  const table = lineTable(text);
  if (lineText(text, 0, table).trimEnd() !== '---') return 0;
  for (let line = 1; line < table.starts.length; line++) {
    const content = lineText(text, line, table).trimEnd();
    if (content === '---' || content === '...') return line + 1;
  }
  return 0;
}

/** A line holding only a directive: prefix up to the directive name, the rule list, the closing part. */
const DIRECTIVE_LINE = /^([ \t]*<!--\s*report-md-(disable-next-line|disable-file)\b)([^>]*?)(\s*-->[ \t]*)$/;

/**
 * The edit adding `ruleId` to the directive comment on `line` when that line
 * is a `scope` directive: [] when the rule (or every rule) is already listed,
 * undefined when the line is not such a directive.
 */
function extendDirective(text: string, line: number, ruleId: string, scope: DisableScope, table: LineTable): TextEdit[] | undefined {
  if (line < 0 || line >= table.starts.length) return undefined;
  const match = DIRECTIVE_LINE.exec(lineText(text, line, table));
  if (!match) return undefined;
  const kind = match[2] === 'disable-next-line' ? 'line' : 'file';
  if (kind !== scope) return undefined;
  const names = match[3]!.split(/[\s,，]+/).filter((name) => name.length > 0);
  // No names disables every rule; a listed rule needs nothing more.
  if (names.length === 0 || names.includes(ruleId)) return [];
  const character = match[1]!.length + match[3]!.trimEnd().length;
  const position = { line, character };
  return [{ range: { start: position, end: position }, newText: ` ${ruleId}` }];
}

/**
 * The edits that disable `ruleId` for the given line or for the whole file.
 * When the directive is already there (a disable-next-line comment right
 * above the line, a disable-file comment at the top) the rule is added to
 * its list instead of a second comment, which would come between the first
 * one and its line. Empty when the rule is already disabled there. `eol` is
 * the document's line break (TextDocument.eol).
 */
export function disableCommentEdits(text: string, line: number, ruleId: string, scope: DisableScope, eol: '\n' | '\r\n' = '\n'): TextEdit[] {
  const targetLine = scope === 'line' ? Math.max(0, line) : bodyStartLine(text);
  const table = lineTable(text);
  const existing = extendDirective(text, scope === 'line' ? targetLine - 1 : targetLine, ruleId, scope, table);
  if (existing) return existing;
  if (targetLine >= table.starts.length) {
    // Front matter that runs to the end of the file: append after it.
    const last = table.starts.length - 1;
    const end = lineText(text, last, table).length;
    return [
      {
        range: { start: { line: last, character: end }, end: { line: last, character: end } },
        newText: eol + disableComment(ruleId, scope),
      },
    ];
  }
  const position = { line: targetLine, character: 0 };
  return [{ range: { start: position, end: position }, newText: disableComment(ruleId, scope) + eol }];
}
