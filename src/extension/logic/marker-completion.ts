/**
 * Decides where a next-marker completion applies on a line: at the start of
 * the line's content, while what is typed so far could still become a marker
 * (nothing, `（`, `(`, a numeral, …). Candidate markers come from the core.
 */

/** Characters a marker can start with or contain while being typed. */
const PARTIAL_MARKER = /^[（(]?[一二三四五六七八九十百零〇0-9０-９]*[）)、.．]?$/u;

export type MarkerCompletionSpot = {
  /** Character where the marker would start (after indentation). */
  start: number;
  /** Character where the typed prefix ends (the cursor). */
  end: number;
  /**
   * Character where the replaced text ends: past the cursor when the editor
   * auto-closed the bracket being typed (`（|）`), so accepting `（三）` does
   * not leave `（三））`.
   */
  replaceEnd: number;
  /** What is typed between start and end. */
  prefix: string;
};

/** Where to offer markers on `line` with the cursor at `character`; undefined when not at a marker spot. */
export function markerCompletionSpot(line: string, character: number): MarkerCompletionSpot | undefined {
  const before = line.slice(0, character);
  const indentation = /^[ \t\u3000]*/u.exec(before)![0].length;
  const prefix = before.slice(indentation);
  if (!PARTIAL_MARKER.test(prefix)) return undefined;
  const opensBracket = /^[（(]/u.test(prefix) && !/[）)]/u.test(prefix);
  const replaceEnd = opensBracket && /^[）)]/u.test(line.slice(character)) ? character + 1 : character;
  return { start: indentation, end: character, replaceEnd, prefix };
}

/** Keeps the candidates that extend what was typed (all of them when nothing was typed). */
export function filterMarkers(candidates: readonly string[], prefix: string): string[] {
  const normalized = normalizeBrackets(prefix);
  const seen = new Set<string>();
  const result: string[] = [];
  for (const candidate of candidates) {
    if (seen.has(candidate)) continue;
    if (normalizeBrackets(candidate).startsWith(normalized)) {
      seen.add(candidate);
      result.push(candidate);
    }
  }
  return result;
}

/**
 * The text VS Code filters a marker item by: the marker written with the bracket the writer typed.
 * VS Code matches the typed prefix (`(`) against the filter text, so `（三）` is filtered as `(三）`
 * after an ASCII `(`, and `(1)` as `（1)` after a full-width `（`.
 */
export function markerFilterText(marker: string, prefix: string): string {
  const typed = /^[（(]/u.exec(prefix)?.[0];
  if (!typed || !/^[（(]/u.test(marker)) return marker;
  return typed + marker.slice(1);
}

function normalizeBrackets(text: string): string {
  return text.replace(/\(/g, '（').replace(/\)/g, '）');
}
