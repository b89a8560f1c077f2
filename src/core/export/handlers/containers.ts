/** Lists and block quotes: nested content indented 2 字 per level; list markers stay literal text. */
import type { Blockquote, List, ListItem } from 'mdast';
import type { Blocks, ExportContext } from '../context.js';
import { RunSpec } from '../plain.js';
import { bodyParagraphOptions, isPageBreakDirective } from './paragraph.js';
import { collectPieces, piecesToRuns, trimPieces } from './inline.js';

const SOURCE_MARKER = /^[ \t]*([0-9]{1,9}[.)])/;

/** The marker of an item: ordered numbers as written in the source when available, else start + index. */
export function listMarker(list: List, item: ListItem, index: number, context: ExportContext): string {
  if (item.checked === true) return '☑ ';
  if (item.checked === false) return '☐ ';
  if (!list.ordered) return '• ';
  const offset = item.position?.start.offset;
  if (context.source !== undefined && offset !== undefined) {
    const match = SOURCE_MARKER.exec(context.source.slice(offset, offset + 16));
    if (match) return match[1]!;
  }
  return `${(list.start ?? 1) + index}.`;
}

function handleListItem(list: List, item: ListItem, index: number, context: ExportContext): Blocks {
  const marker = listMarker(list, item, index, context);
  const blocks: Blocks = [];
  let markerPending = true;
  for (const child of item.children) {
    if (markerPending && child.type === 'paragraph' && !isPageBreakDirective(child)) {
      const pieces = trimPieces(collectPieces(child.children, context));
      blocks.push(context.paragraph({ ...bodyParagraphOptions(context, pieces), children: [new RunSpec({ text: marker }), ...piecesToRuns(pieces, context)] }));
      markerPending = false;
      continue;
    }
    if (child.type === 'list') {
      context.nesting++;
      blocks.push(...context.convertBlocks([child], context));
      context.nesting--;
    } else {
      blocks.push(...context.convertBlocks([child], context));
    }
  }
  if (markerPending) blocks.unshift(context.paragraph({ ...bodyParagraphOptions(context, []), children: [new RunSpec({ text: marker.trim() })] }));
  return blocks;
}

export function handleList(node: List, context: ExportContext): Blocks {
  return node.children.flatMap((item, index) => handleListItem(node, item, index, context));
}

export function handleBlockquote(node: Blockquote, context: ExportContext): Blocks {
  context.quoteDepth++;
  try {
    return context.convertBlocks(node.children, context);
  } finally {
    context.quoteDepth--;
  }
}
