/**
 * reportMarkdown.fillPlaceholders: the fill-in pass. Selects the next
 * placeholder, asks for its value, replaces it (or every identical
 * placeholder, as "Replace all" does), and moves on to the next one, until
 * none is left or the writer presses Escape. A date placeholder offers
 * today's date in its own shape. Arguments (optional, for tests and other
 * extensions): document URI, and a list of answers that stand in for the
 * writer's input, one per placeholder: a value, `{ value, all: true }`,
 * `{ today: true }` or `'skip'`. Returns the number of placeholders replaced.
 */
import * as vscode from 'vscode';
import type { Range } from '../core-api.js';
import { fromVsPosition, toVsRange, toWorkspaceEdit } from '../convert.js';
import { nextToFill, todayFor } from '../logic/fill-in.js';
import { placeholderOccurrences } from '../logic/placeholder-phrase.js';
import { replacePlaceholder } from './replace-placeholder.js';
import { editorFor, note, targetDocument, type Services } from './services.js';

type Answer = { kind: 'one' | 'all'; value: string } | { kind: 'skip' } | undefined;

type Scripted = string | 'skip' | { value?: string; all?: boolean; today?: boolean };

export async function fillPlaceholders(services: Services, uri?: unknown, answers?: unknown): Promise<number> {
  const document = await targetDocument(uri);
  if (!document) return 0;
  const editor = editorFor(document) ?? (await vscode.window.showTextDocument(document));
  const script = Array.isArray(answers) ? [...(answers as Scripted[])] : undefined;
  const skipped: Array<{ range: vscode.Range; text: string }> = [];
  let filled = 0;
  let from = editor.selection.start;
  for (;;) {
    if (document.isClosed) return filled;
    const version = document.version;
    const ranges = await services.lintService.placeholderRanges(document);
    if (document.version !== version) continue;
    const isSkipped = (range: Range): boolean =>
      skipped.some((entry) => entry.range.isEqual(toVsRange(range)) && entry.text === document.getText(entry.range));
    const next = nextToFill(ranges, fromVsPosition(from), isSkipped);
    if (!next) {
      note(ranges.length === 0 ? vscode.l10n.t('No placeholders left.') : vscode.l10n.t('{0} placeholders skipped.', ranges.length));
      return filled;
    }
    const range = toVsRange(next);
    const phrase = document.getText(range);
    editor.selection = new vscode.Selection(range.start, range.end);
    editor.revealRange(range, vscode.TextEditorRevealType.InCenterIfOutsideViewport);
    const identical = placeholderOccurrences(document.getText(), phrase, ranges).length;
    const today = todayFor(phrase, new Date());
    const answer = script ? scripted(script.shift(), today) : await ask(phrase, ranges.length, identical, today, range.start.line + 1);
    if (answer === undefined || document.isClosed) return filled;
    if (answer.kind === 'skip') {
      skipped.push({ range, text: phrase });
      from = range.end;
      continue;
    }
    if (document.version !== version) {
      // Changed while the question was open: find the placeholders again.
      from = range.start;
      continue;
    }
    if (answer.kind === 'all' && identical > 1) {
      if (await replacePlaceholder(services, document.uri, phrase, answer.value)) filled += identical;
      else return filled;
    } else {
      if (!(await vscode.workspace.applyEdit(toWorkspaceEdit(document.uri, [{ range: next, newText: answer.value }])))) return filled;
      filled += 1;
    }
    // Go on after the value just typed (the editor's selection moved with the edit).
    from = editor.selection.end;
  }
}

function scripted(entry: Scripted | undefined, today: string | undefined): Answer {
  if (entry === undefined) return undefined;
  if (entry === 'skip') return { kind: 'skip' };
  if (typeof entry === 'string') return { kind: 'one', value: entry };
  const value = entry.today ? today : entry.value;
  if (value === undefined || value.length === 0) return undefined;
  return { kind: entry.all ? 'all' : 'one', value };
}

type Item = vscode.QuickPickItem & { answer: Answer };

/**
 * Asks for one placeholder's value: the writer types it, Enter replaces this
 * placeholder; the second entry replaces every identical one; today's date
 * (for a date) and Skip are offered beside. Escape ends the pass.
 */
function ask(phrase: string, left: number, identical: number, today: string | undefined, line: number): Promise<Answer> {
  const input = vscode.window.createQuickPick<Item>();
  input.title = vscode.l10n.t('Fill in placeholders: “{0}” on line {1} ({2} left)', phrase, line, left);
  input.placeholder = vscode.l10n.t('Type the value for “{0}” and press Enter', phrase);
  input.ignoreFocusOut = true;
  const itemsFor = (value: string): Item[] => {
    const items: Item[] = [];
    const offer = (text: string, description: string): void => {
      items.push({ label: text, description, alwaysShow: true, answer: { kind: 'one', value: text } });
      if (identical > 1) {
        items.push({
          label: text,
          description: vscode.l10n.t('Replace all {0} “{1}”', identical, phrase),
          alwaysShow: true,
          answer: { kind: 'all', value: text },
        });
      }
    };
    if (value.length > 0) offer(value, vscode.l10n.t('Replace this placeholder'));
    if (today !== undefined && today !== value) offer(today, vscode.l10n.t('Today’s date'));
    items.push({ label: vscode.l10n.t('Skip'), description: vscode.l10n.t('Leave “{0}” and go to the next placeholder', phrase), alwaysShow: true, answer: { kind: 'skip' } });
    return items;
  };
  input.items = itemsFor('');
  return new Promise<Answer>((resolve) => {
    let answer: Answer;
    input.onDidChangeValue((value) => {
      input.items = itemsFor(value);
    });
    input.onDidAccept(() => {
      answer = input.selectedItems[0]?.answer ?? input.activeItems[0]?.answer;
      if (answer) input.hide();
    });
    input.onDidHide(() => {
      input.dispose();
      resolve(answer);
    });
    input.show();
  });
}
