/**
 * Whether the outline heading on a line belongs to a group that skips a level (`1.` directly
 * under `三、`): then "Convert to （一）…" is offered when the writer asks for code actions.
 * Reads the outline tree of the analysis (plain data, no `vscode`).
 */
import type { OutlineNode } from '../core-api.js';

/** True when the heading starting on `line` is a numbered heading more than one level below its numbered parent. */
export function skipsLevelAt(roots: readonly OutlineNode[], line: number): boolean {
  const visit = (nodes: readonly OutlineNode[], parent: OutlineNode | undefined): boolean | undefined => {
    for (const node of nodes) {
      if (node.kind === 'heading' && node.selectionRange.start.line === line) {
        return parent !== undefined && parent.kind === 'heading' && node.level > parent.level + 1;
      }
      if (node.range.start.line <= line && line <= node.sectionEnd) {
        const found = visit(node.children, node);
        if (found !== undefined) return found;
      }
    }
    return undefined;
  };
  return visit(roots, undefined) ?? false;
}
