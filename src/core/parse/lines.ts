/** Line table of a document: offsets of line starts, content starts and ends (without the line break). */

export type LineTable = {
  /** Offset where each line starts. */
  starts: number[];
  /** Offset where each line's content ends (before \r\n, \n or \r). */
  ends: number[];
};

/** Characters that count as indentation in report Markdown: space, tab, NBSP, ideographic space, BOM. */
export function isIndentChar(code: number): boolean {
  return code === 0x20 || code === 0x09 || code === 0xa0 || code === 0x3000 || code === 0xfeff;
}

/** Splits a text into lines, recognising LF, CRLF and lone CR. */
export function buildLineTable(text: string): LineTable {
  const starts: number[] = [0];
  const ends: number[] = [];
  const length = text.length;
  for (let index = 0; index < length; index++) {
    const code = text.charCodeAt(index);
    if (code === 0x0a) {
      ends.push(index);
      starts.push(index + 1);
    } else if (code === 0x0d) {
      ends.push(index);
      if (text.charCodeAt(index + 1) === 0x0a) index++;
      starts.push(index + 1);
    }
  }
  ends.push(length);
  return { starts, ends };
}

/** Converts an offset to a 0-based line/character position. */
export function positionAt(table: LineTable, offset: number): { line: number; character: number } {
  const starts = table.starts;
  let low = 0;
  let high = starts.length - 1;
  while (low < high) {
    const middle = (low + high + 1) >> 1;
    if (starts[middle]! <= offset) low = middle;
    else high = middle - 1;
  }
  return { line: low, character: offset - starts[low]! };
}

/** Converts a 0-based line/character position to an offset, clamped to the document. */
export function offsetAt(table: LineTable, line: number, character: number): number {
  if (line < 0) return 0;
  if (line >= table.starts.length) return table.ends[table.ends.length - 1]!;
  const start = table.starts[line]!;
  return Math.min(start + Math.max(0, character), table.ends[line]!);
}
