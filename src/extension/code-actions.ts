/**
 * Code actions over our diagnostics: the finding's own fix, renumbering the
 * whole document, replacing a placeholder everywhere, the finding's
 * suggestions (never preferred, never in fix-all), converting a group that
 * skips a level (`1.` under `三、` → `（一）`, a rewrite the writer asks for),
 * disabling the rule for a line or the file, the rule's docs, and `source.fixAll.reportMarkdown`
 * for `editor.codeActionsOnSave`. Findings and their fixes are the lint
 * worker's analysis of the current version (plain JSON); renumbering and
 * fix-all are computed in the worker when applied.
 */
import * as vscode from 'vscode';
import { ruleList, type TextEdit } from './core-api.js';
import { ruleIdOf, sameProblem, toWorkspaceEdit } from './convert.js';
import { CommandIds } from './commands/ids.js';
import { disableRuleEdit } from './commands/disable-rule.js';
import { fixAllEdit } from './commands/fix-all.js';
import type { Services } from './commands/services.js';
import { mergeFixEdits, uniqueBy } from './logic/dedupe-actions.js';
import { skipsLevelAt } from './logic/level-skip.js';
import { placeholderPhrases } from './logic/placeholder-phrase.js';
import { isReportDocument } from './settings.js';

export const FIX_ALL_KIND = vscode.CodeActionKind.SourceFixAll.append('reportMarkdown');

/** Rules whose own fix is a renumbering (titled "Renumber"). */
export function isRenumberRule(ruleId: string): boolean {
  return ruleId === 'numbering-sequence' || ruleId === 'enumeration-sequence';
}

/** Rules for which "Renumber the whole document" (outline headings) is offered. */
function offersWholeDocumentRenumber(ruleId: string): boolean {
  return ruleId === 'numbering-sequence';
}

/** An action whose edit is computed only when it is applied (resolveCodeAction): renumbering and fix-all rewrite the whole document. */
class LazyEditAction extends vscode.CodeAction {
  constructor(
    title: string,
    kind: vscode.CodeActionKind,
    readonly document: vscode.TextDocument,
    readonly computeEdit: () => Promise<vscode.WorkspaceEdit | undefined>,
  ) {
    super(title, kind);
  }
}

export class ReportCodeActions implements vscode.CodeActionProvider<vscode.CodeAction> {
  static readonly metadata: vscode.CodeActionProviderMetadata = {
    providedCodeActionKinds: [vscode.CodeActionKind.QuickFix, vscode.CodeActionKind.RefactorRewrite, FIX_ALL_KIND],
  };

  constructor(private readonly services: Services) {}

  async provideCodeActions(
    document: vscode.TextDocument,
    range: vscode.Range | vscode.Selection,
    context: vscode.CodeActionContext,
  ): Promise<vscode.CodeAction[]> {
    if (!isReportDocument(document)) return [];
    const only = context.only;
    const actions: vscode.CodeAction[] = [];
    // Fix-all is offered only when asked for (Source Action menu,
    // codeActionsOnSave, Ctrl+.), and its edit is computed only when applied.
    const wantsFixAll = only
      ? only.contains(FIX_ALL_KIND) || FIX_ALL_KIND.contains(only)
      : context.triggerKind === vscode.CodeActionTriggerKind.Invoke;
    if (wantsFixAll) {
      const fixAll = await this.fixAllAction(document);
      if (fixAll) actions.push(fixAll);
    }
    // Converting a skipped level is a rewrite the writer asks for (Ctrl+., Refactor…): skips are allowed, so no lightbulb on every `1.` under `一、`.
    const wantsRewrite =
      context.triggerKind === vscode.CodeActionTriggerKind.Invoke &&
      (only ? only.contains(vscode.CodeActionKind.RefactorRewrite) || vscode.CodeActionKind.RefactorRewrite.contains(only) : true);
    const conversion = wantsRewrite ? await this.levelSkipAction(document, range.start.line) : undefined;
    if (conversion) actions.push(conversion);
    if (only !== undefined && !only.contains(vscode.CodeActionKind.QuickFix) && !vscode.CodeActionKind.QuickFix.contains(only)) {
      return actions;
    }
    const ours = context.diagnostics.filter((diagnostic) => ruleIdOf(diagnostic) !== undefined);
    if (ours.length === 0) return actions;
    const findings = await this.services.lintService.findings(document);
    const seenRules = new Set<string>();
    let renumberOffered = false;
    // Own fixes with the same title (the same problem at several places in the selection) become one action.
    const ownFixes = new Map<string, { fixes: TextEdit[][]; diagnostics: vscode.Diagnostic[] }>();
    const others: vscode.CodeAction[] = [];
    for (const diagnostic of ours) {
      const ruleId = ruleIdOf(diagnostic)!;
      const finding = findings.find((candidate) => sameProblem(candidate, diagnostic));
      if (finding?.fix && finding.fix.length > 0) {
        const title = isRenumberRule(finding.ruleId) ? vscode.l10n.t('Renumber') : vscode.l10n.t('Fix: {0}', finding.message);
        const group = ownFixes.get(title) ?? { fixes: [], diagnostics: [] };
        group.fixes.push(finding.fix);
        group.diagnostics.push(diagnostic);
        ownFixes.set(title, group);
      }
      // Repairs the writer may choose (the stated count changed, a missing closer): never preferred.
      for (const suggestion of finding?.suggestions ?? []) {
        const action = new vscode.CodeAction(suggestion.title, vscode.CodeActionKind.QuickFix);
        action.edit = toWorkspaceEdit(document.uri, suggestion.fix);
        action.diagnostics = [diagnostic];
        action.isPreferred = false;
        others.push(action);
      }
      if (offersWholeDocumentRenumber(ruleId) && !renumberOffered) {
        renumberOffered = true;
        others.push(this.renumberAction(document, diagnostic));
      }
      if (ruleId === 'placeholder' && !diagnostic.range.isEmpty && diagnostic.range.isSingleLine) {
        const line = document.lineAt(diagnostic.range.start.line).text;
        for (const phrase of placeholderPhrases(line, diagnostic.range.start.character, diagnostic.range.end.character)) {
          const action = new vscode.CodeAction(vscode.l10n.t('Replace all “{0}” with…', phrase), vscode.CodeActionKind.QuickFix);
          action.command = { command: CommandIds.replacePlaceholder, title: action.title, arguments: [document.uri, phrase] };
          action.diagnostics = [diagnostic];
          others.push(action);
        }
      }
      if (!seenRules.has(ruleId)) {
        seenRules.add(ruleId);
        others.push(...this.ruleActions(document, ruleId, diagnostic));
      }
    }
    for (const [title, group] of ownFixes) {
      const action = new vscode.CodeAction(title, vscode.CodeActionKind.QuickFix);
      action.edit = toWorkspaceEdit(document.uri, mergeFixEdits(group.fixes));
      action.diagnostics = group.diagnostics;
      action.isPreferred = true;
      actions.push(action);
    }
    // One entry per title: "Replace all “XX” with…" once for several XX in the selection.
    actions.push(...uniqueBy(others, (action) => action.title));
    // The skipped level's finding (allowSkip: false) offers the same conversion as a quick fix.
    if (conversion && others.some((action) => action.title === conversion.title)) actions.splice(actions.indexOf(conversion), 1);
    return actions;
  }

  private renumberAction(document: vscode.TextDocument, diagnostic: vscode.Diagnostic): vscode.CodeAction {
    const action = new LazyEditAction(vscode.l10n.t('Renumber the whole document'), vscode.CodeActionKind.QuickFix, document, async () => {
      const edits = await this.services.lintService.renumberEdits(document);
      return edits && edits.length > 0 ? toWorkspaceEdit(document.uri, edits) : undefined;
    });
    action.diagnostics = [diagnostic];
    return action;
  }

  /** Fills in the edit of a renumber or fix-all action when the writer (or codeActionsOnSave) applies it. */
  async resolveCodeAction(action: vscode.CodeAction): Promise<vscode.CodeAction> {
    if (action instanceof LazyEditAction && !action.document.isClosed) {
      const edit = await action.computeEdit();
      if (edit) action.edit = edit;
    }
    return action;
  }

  /** "Convert 1. … 3. to （一）…（三）" on a heading whose group skips a level; only when the analysis' outline shows one there. */
  private async levelSkipAction(document: vscode.TextDocument, line: number): Promise<vscode.CodeAction | undefined> {
    const outline = await this.services.lintService.outline(document);
    if (!outline || !skipsLevelAt(outline, line)) return undefined;
    const conversion = await this.services.lintService.levelSkipConversion(document, line);
    if (!conversion) return undefined;
    const action = new vscode.CodeAction(conversion.title, vscode.CodeActionKind.RefactorRewrite);
    action.edit = toWorkspaceEdit(document.uri, conversion.fix);
    return action;
  }

  private ruleActions(document: vscode.TextDocument, ruleId: string, diagnostic: vscode.Diagnostic): vscode.CodeAction[] {
    // The Chinese titles name the rule as 在此行停用“编号连续”（numbering-sequence）: {1} is the rule's Chinese name.
    const name = ruleList.find((rule) => rule.id === ruleId)?.name['zh-CN'] ?? ruleId;
    const line = new vscode.CodeAction(vscode.l10n.t('Disable {0} for this line', ruleId, name), vscode.CodeActionKind.QuickFix);
    line.edit = disableRuleEdit(document, diagnostic.range.start.line, ruleId, 'line');
    line.diagnostics = [diagnostic];
    const file = new vscode.CodeAction(vscode.l10n.t('Disable {0} for this file', ruleId, name), vscode.CodeActionKind.QuickFix);
    file.edit = disableRuleEdit(document, diagnostic.range.start.line, ruleId, 'file');
    file.diagnostics = [diagnostic];
    const docs = new vscode.CodeAction(vscode.l10n.t('Show documentation for {0}', ruleId, name), vscode.CodeActionKind.QuickFix);
    docs.command = { command: CommandIds.showRuleDocs, title: docs.title, arguments: [ruleId] };
    return [line, file, docs];
  }

  private async fixAllAction(document: vscode.TextDocument): Promise<vscode.CodeAction | undefined> {
    // Offered when a finding has a fix (the worker's analysis); the edit itself comes in resolveCodeAction.
    const findings = await this.services.lintService.findings(document);
    const fixable = findings.some((finding) => finding.fix !== undefined && finding.fix.length > 0);
    if (!fixable) return undefined;
    return new LazyEditAction(vscode.l10n.t('Fix all Report Markdown problems'), FIX_ALL_KIND, document, async () =>
      (await fixAllEdit(document, this.services)).edit,
    );
  }
}
