/** Inline directives: <!-- report-md-disable RULE --> … <!-- report-md-enable RULE -->, -line, -next-line, -file. */
import type { ReportDocument } from '../parse/report.js';

const DIRECTIVE = /<!--\s*report-md-(disable-next-line|disable-line|disable-file|disable|enable)\b([^>]*?)-->/g;

/** Answers whether a rule is switched off on a line by an inline comment. */
export type DisabledLines = (ruleId: string, line: number) => boolean;

/** Reads the directives of a document. Rule lists are separated by spaces or commas; none means every rule. */
export function readDirectives(document: ReportDocument): DisabledLines {
  type Event = { line: number; rules: string[] | '*'; kind: string };
  const events: Event[] = [];
  for (const comment of document.comments) {
    DIRECTIVE.lastIndex = 0;
    let match: RegExpExecArray | null;
    while ((match = DIRECTIVE.exec(comment.value))) {
      const names = match[2]!.split(/[\s,，]+/).filter((name) => name.length > 0);
      const before = comment.value.slice(0, match.index);
      const line = comment.line + (before.match(/\n/g)?.length ?? 0);
      events.push({ line, rules: names.length > 0 ? names : '*', kind: match[1]! });
    }
  }
  if (events.length === 0) return () => false;
  events.sort((left, right) => left.line - right.line);
  const applies = (event: Event, ruleId: string): boolean => event.rules === '*' || event.rules.includes(ruleId);
  const cache = new Map<string, (line: number) => boolean>();
  return (ruleId, line) => {
    let check = cache.get(ruleId);
    if (!check) {
      const ranges: Array<[number, number]> = [];
      const single = new Set<number>();
      let openSince: number | undefined;
      for (const event of events) {
        if (!applies(event, ruleId)) continue;
        if (event.kind === 'disable-file') ranges.push([0, Number.MAX_SAFE_INTEGER]);
        else if (event.kind === 'disable-line') single.add(event.line);
        else if (event.kind === 'disable-next-line') single.add(event.line + 1);
        else if (event.kind === 'disable') openSince ??= event.line;
        else if (event.kind === 'enable' && openSince !== undefined) {
          ranges.push([openSince, event.line]);
          openSince = undefined;
        }
      }
      if (openSince !== undefined) ranges.push([openSince, Number.MAX_SAFE_INTEGER]);
      check = (candidate) => single.has(candidate) || ranges.some(([from, to]) => candidate >= from && candidate <= to);
      cache.set(ruleId, check);
    }
    return check(line);
  };
}
