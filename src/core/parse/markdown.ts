/** unified + remark-parse + remark-gfm → mdast, with positions shifted into the original document. */
import type { Root, RootContent } from 'mdast';
import type { Node } from 'unist';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import { unified } from 'unified';

// singleTilde off: Chinese text writes ranges as 3~5年, which must not become strikethrough.
const processor = unified().use(remarkParse).use(remarkGfm, { singleTilde: false });

/** Private-use character that stands in for a redaction `*` while remark parses (same UTF-16 length). */
export const REDACTION_MASK = '\uE000';

/**
 * Parses `source` (a slice of the document starting at `baseOffset`, on
 * 0-based line `baseLine`, column `baseColumn` of that line) and returns the
 * root's children with positions in document coordinates.
 */
export function parseMarkdownSlice(source: string, baseOffset: number, baseLine: number, baseColumn: number): RootContent[] {
  let root: Root;
  if (isBeyondRemark(source)) {
    root = literalParagraph(source);
  } else {
    try {
      root = processor.parse(source) as Root;
    } catch {
      // Pathological nesting (thousands of > or list levels) overflows remark's recursion: keep the text as one literal paragraph.
      root = literalParagraph(source);
    }
  }
  shiftPositions(root, baseOffset, baseLine, baseColumn);
  return root.children;
}

/**
 * Emphasis delimiter runs (`*`, `_`) in one slice beyond which remark is not
 * asked: micromark resolves emphasis by splicing its event list once per
 * delimiter, quadratic in the runs of one paragraph (80 KB of `*a**` took 13 s).
 * Real reports stay far below (a 1 000-item list with a **bold** word each has 2 000).
 */
export const MAX_DELIMITER_RUNS = 4096;
/** Table cells (`|`) on one line beyond which remark is not asked: a 50 000-column table took 1.3 GB. */
export const MAX_PIPES_PER_LINE = 1024;

/**
 * True for a slice remark would take seconds or gigabytes on: too many
 * emphasis delimiter runs, or a line with too many table cells. Such a slice is
 * kept as one literal paragraph (as for overflowing nesting). One linear scan.
 */
function isBeyondRemark(source: string): boolean {
  if (source.length <= Math.min(MAX_PIPES_PER_LINE, MAX_DELIMITER_RUNS)) return false;
  let runs = 0;
  let pipes = 0;
  let previous = 0;
  for (let index = 0; index < source.length; index++) {
    const code = source.charCodeAt(index);
    if (code === 0x2a /* * */ || code === 0x5f /* _ */) {
      if (code !== previous && ++runs > MAX_DELIMITER_RUNS) return true;
    } else if (code === 0x7c /* | */) {
      if (++pipes > MAX_PIPES_PER_LINE) return true;
    } else if (code === 0x0a /* \n */) {
      pipes = 0;
    }
    previous = code;
  }
  return false;
}

/** Moves every position of a tree from slice coordinates to document coordinates; restores masked redaction stars. */
function shiftPositions(node: Node, baseOffset: number, baseLine: number, baseColumn: number): void {
  const stack: Node[] = [node];
  while (stack.length > 0) {
    const current = stack.pop()!;
    const position = current.position;
    if (position) {
      for (const point of [position.start, position.end]) {
        if (point.line === 1) point.column += baseColumn;
        point.line += baseLine;
        if (point.offset !== undefined) point.offset += baseOffset;
      }
    }
    const withValue = current as Node & { value?: unknown };
    if (typeof withValue.value === 'string' && withValue.value.includes(REDACTION_MASK)) {
      withValue.value = withValue.value.split(REDACTION_MASK).join('*');
    }
    const children = (current as Node & { children?: Node[] }).children;
    if (children) for (let index = children.length - 1; index >= 0; index--) stack.push(children[index]!);
  }
}

/** A paragraph holding `source` as one text node (slice coordinates). */
function literalParagraph(source: string): Root {
  let line = 1;
  let lastBreak = -1;
  for (let index = 0; index < source.length; index++) {
    if (source.charCodeAt(index) === 0x0a) {
      line++;
      lastBreak = index;
    }
  }
  const end = { line, column: source.length - lastBreak, offset: source.length };
  const position = { start: { line: 1, column: 1, offset: 0 }, end };
  return {
    type: 'root',
    children: [{ type: 'paragraph', position: { start: { ...position.start }, end: { ...position.end } }, children: [{ type: 'text', value: source.replace(new RegExp(REDACTION_MASK, 'g'), '*'), position: { start: { ...position.start }, end: { ...position.end } } }] }],
  };
}
