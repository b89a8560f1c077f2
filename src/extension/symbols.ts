/** Document symbols (Outline view, breadcrumbs, Go to Symbol) and folding ranges from the core's outline tree (the lint worker's analysis of the version). */
import * as vscode from 'vscode';
import type { OutlineNode } from './core-api.js';
import { toVsRange } from './convert.js';
import type { LintService } from './lint-service.js';
import { isReportDocument } from './settings.js';

function symbolKind(node: OutlineNode): vscode.SymbolKind {
  if (node.kind === 'title') return vscode.SymbolKind.File;
  if (node.kind === 'section') return vscode.SymbolKind.Namespace;
  // 版头 and 版记: a group with one field per element.
  if (node.kind === 'masthead' || node.kind === 'imprint') return node.level === 0 ? vscode.SymbolKind.Struct : vscode.SymbolKind.Field;
  return vscode.SymbolKind.String;
}

/** A symbol spanning the node's whole section, so breadcrumbs follow the cursor through the body. */
function toSymbol(document: vscode.TextDocument, node: OutlineNode): vscode.DocumentSymbol {
  const name = `${node.marker}${node.title}`.trim() || node.marker || '…';
  const own = toVsRange(node.range);
  const lastLine = Math.min(Math.max(node.sectionEnd, own.end.line), document.lineCount - 1);
  const range = own.union(document.lineAt(lastLine).range);
  const selection = toVsRange(node.selectionRange);
  const symbol = new vscode.DocumentSymbol(name, '', symbolKind(node), range, range.contains(selection) ? selection : own);
  symbol.children = node.children.map((child) => toSymbol(document, child));
  return symbol;
}

export class OutlineSymbolProvider implements vscode.DocumentSymbolProvider {
  constructor(private readonly lintService: LintService) {}

  async provideDocumentSymbols(document: vscode.TextDocument): Promise<vscode.DocumentSymbol[] | undefined> {
    if (!isReportDocument(document)) return undefined;
    const version = document.version;
    const outline = await this.lintService.outline(document);
    if (!outline || document.version !== version) return undefined;
    return outline.map((node) => toSymbol(document, node));
  }
}

export class OutlineFoldingProvider implements vscode.FoldingRangeProvider {
  constructor(private readonly lintService: LintService) {}

  async provideFoldingRanges(document: vscode.TextDocument): Promise<vscode.FoldingRange[] | undefined> {
    if (!isReportDocument(document)) return undefined;
    const version = document.version;
    const outline = await this.lintService.outline(document);
    if (!outline || document.version !== version) return undefined;
    const ranges: vscode.FoldingRange[] = [];
    const visit = (nodes: readonly OutlineNode[]): void => {
      for (const node of nodes) {
        const start = node.range.start.line;
        const end = Math.min(node.sectionEnd, document.lineCount - 1);
        if (node.kind !== 'title' && end > start) ranges.push(new vscode.FoldingRange(start, end));
        visit(node.children);
      }
    };
    visit(outline);
    return ranges;
  }
}
