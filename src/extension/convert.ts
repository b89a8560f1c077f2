/**
 * The single bridge between core types (LSP-shaped Range/TextEdit/Severity)
 * and vscode types. Both sides use 0-based UTF-16 positions, so the
 * conversion is one-to-one; nothing else in the extension builds a
 * vscode.Range from core data.
 */
import * as vscode from 'vscode';
import type { Finding, Position, Range, Severity, TextEdit } from './core-api.js';

export const DIAGNOSTIC_SOURCE = 'report-md';

export function toVsPosition(position: Position): vscode.Position {
  return new vscode.Position(position.line, position.character);
}

export function toVsRange(range: Range): vscode.Range {
  return new vscode.Range(toVsPosition(range.start), toVsPosition(range.end));
}

export function fromVsPosition(position: vscode.Position): Position {
  return { line: position.line, character: position.character };
}


export function toVsSeverity(severity: Severity): vscode.DiagnosticSeverity {
  switch (severity) {
    case 'error':
      return vscode.DiagnosticSeverity.Error;
    case 'warning':
      return vscode.DiagnosticSeverity.Warning;
    default:
      return vscode.DiagnosticSeverity.Information;
  }
}

export function toVsTextEdit(edit: TextEdit): vscode.TextEdit {
  return new vscode.TextEdit(toVsRange(edit.range), edit.newText);
}

/** A WorkspaceEdit applying core edits to one document (one undo step). */
export function toWorkspaceEdit(uri: vscode.Uri, edits: readonly TextEdit[], edit = new vscode.WorkspaceEdit()): vscode.WorkspaceEdit {
  edit.set(uri, edits.map(toVsTextEdit));
  return edit;
}

/** A core finding as a diagnostic: source 'report-md', code linking to the rule's docs (the page bundled in the extension). */
export function toDiagnostic(finding: Finding, docs: vscode.Uri): vscode.Diagnostic {
  const diagnostic = new vscode.Diagnostic(toVsRange(finding.range), finding.message, toVsSeverity(finding.severity));
  diagnostic.source = DIAGNOSTIC_SOURCE;
  diagnostic.code = { value: finding.ruleId, target: docs };
  return diagnostic;
}

/** The rule id carried by one of our diagnostics, or undefined for others'. */
export function ruleIdOf(diagnostic: vscode.Diagnostic): string | undefined {
  if (diagnostic.source !== DIAGNOSTIC_SOURCE) return undefined;
  const code = diagnostic.code;
  if (typeof code === 'object' && code !== null) return String(code.value);
  return code === undefined ? undefined : String(code);
}

/** Whether a finding and a diagnostic describe the same problem (same rule and range). */
export function sameProblem(finding: Finding, diagnostic: vscode.Diagnostic): boolean {
  return ruleIdOf(diagnostic) === finding.ruleId && toVsRange(finding.range).isEqual(diagnostic.range);
}
