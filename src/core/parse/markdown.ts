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
  try {
    root = processor.parse(source) as Root;
  } catch {
    // Pathological nesting (thousands of > or list levels) overflows remark's recursion: keep the text as one literal paragraph.
    root = literalParagraph(source);
  }
  shiftPositions(root, baseOffset, baseLine, baseColumn);
  return root.children;
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
