/**
 * Placeholder phrases for "Replace all … with…": the placeholder token the
 * core reports (`XX`, `*`, `x`) plus the noun that follows it when it names a
 * place, office or body (`XX镇`, `*书记`, `x有限公司`), so replacing `XX镇`
 * does not also rewrite `XX县`. Occurrences match whole tokens only, and only
 * where the core reports a placeholder: the `X` of `XML` or `X光`, the `x` of
 * `max` are text, not placeholders.
 */
import type { Range } from '../../core/types.js';
import { lineTable, offsetAt, positionAt } from './text-positions.js';

/** Nouns that commonly follow a redacted name in reports, longest first when matched. */
const FOLLOWERS = [
  '有限公司', '街道', '社区', '书记', '县长', '镇长', '乡长', '区长', '市长', '主任', '小学', '中学', '公司', '同志', '项目',
  '镇', '乡', '村', '县', '区', '市', '省', '州', '局', '委', '办', '所', '站', '队', '校',
].sort((a, b) => b.length - a.length);

/** Characters placeholder tokens are made of. */
const TOKEN_CHAR = /[XxＸｘ×○□*＊]/;

/** A run of placeholder characters only (a blank without its unit or noun). */
const BLANK = /^[XxＸｘ×○□*＊]+$/;

/**
 * Candidate texts to replace for the placeholder at `start`–`end` in `line`.
 * The core reports whole phrases (`XX镇`, `x月x日`, `X亿元`): the phrase first,
 * then, for a name's noun (`XX镇`), the blank alone (`XX`, every redacted name).
 * A bare blank followed by such a noun gets the noun added.
 */
export function placeholderPhrases(line: string, start: number, end: number): string[] {
  const token = line.slice(start, end);
  if (token.length === 0) return [];
  if (!BLANK.test(token)) {
    const noun = FOLLOWERS.find((candidate) => token.endsWith(candidate) && BLANK.test(token.slice(0, -candidate.length)));
    return noun ? [token, token.slice(0, -noun.length)] : [token];
  }
  const rest = line.slice(end);
  const follower = FOLLOWERS.find((noun) => rest.startsWith(noun));
  return follower ? [token + follower, token] : [token];
}

/**
 * Ranges of `needle` in `text` that are whole placeholder tokens (not the tail
 * or head of a longer run such as XXX) and overlap one of `placeholders` (the
 * core's placeholder findings for the same text).
 */
export function placeholderOccurrences(text: string, needle: string, placeholders: readonly Range[]): Range[] {
  if (needle.length === 0 || placeholders.length === 0) return [];
  const checkBefore = TOKEN_CHAR.test(needle[0]!);
  const checkAfter = TOKEN_CHAR.test(needle[needle.length - 1]!);
  const table = lineTable(text);
  const spans = placeholders
    .map((range) => [offsetAt(text, range.start, table), offsetAt(text, range.end, table)] as const)
    .filter(([start, end]) => end > start)
    .sort((a, b) => a[0] - b[0]);
  const overlapsPlaceholder = (start: number, end: number): boolean => spans.some(([from, to]) => from < end && to > start);
  const ranges: Range[] = [];
  let previousEnd = 0;
  for (let index = text.indexOf(needle); index !== -1; index = text.indexOf(needle, index + 1)) {
    const end = index + needle.length;
    if (index < previousEnd) continue;
    if (checkBefore && index > 0 && TOKEN_CHAR.test(text[index - 1]!)) continue;
    if (checkAfter && end < text.length && TOKEN_CHAR.test(text[end]!)) continue;
    if (!overlapsPlaceholder(index, end)) continue;
    ranges.push({ start: positionAt(text, index, table), end: positionAt(text, end, table) });
    previousEnd = end;
  }
  return ranges;
}
