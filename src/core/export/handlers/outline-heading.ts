/**
 * Numbered outline headings (一、 （一） 1. （1） ①). The marker stays literal
 * text. A stand-alone heading is a paragraph in the level's heading style; a
 * run-in heading is a body paragraph whose first sentence carries the
 * level's linked character style, with the level as direct outline level so
 * the navigation pane still lists it.
 */
import type { OutlineHeading } from '../../parse/nodes.js';
import type { Blocks, ExportContext } from '../context.js';
import { STYLE_IDS } from '../styles.js';
import { collectPieces, piecesToRuns, trimPieces } from './inline.js';

export function handleOutlineHeading(node: OutlineHeading, context: ExportContext): Blocks {
  const index = Math.min(Math.max(node.marker.level, 1), 5) - 1;
  const pieces = trimPieces(collectPieces(node.children, context));
  if (node.runIn) {
    const runs = piecesToRuns(pieces, context, STYLE_IDS.headingChar[index]);
    if (runs.length === 0) return [];
    return [context.paragraph({ style: STYLE_IDS.normal, outlineLevel: index, children: runs })];
  }
  const runs = piecesToRuns(pieces, context);
  if (runs.length === 0) return [];
  return [context.paragraph({ style: STYLE_IDS.heading[index], children: runs })];
}
