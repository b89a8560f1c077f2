/**
 * Decisions of the export command that need no editor: what the pre-flight
 * question counts, and which actions the "exported" notification offers.
 */

/** What still keeps a report from being finished: its placeholders, and its errors other than placeholders. */
export function unfinishedCounts(findings: ReadonlyArray<{ ruleId: string; severity: string }>): { placeholders: number; otherErrors: number } {
  let placeholders = 0;
  let otherErrors = 0;
  for (const finding of findings) {
    if (finding.ruleId === 'placeholder') placeholders++;
    else if (finding.severity === 'error') otherErrors++;
  }
  return { placeholders, otherErrors };
}

export type ExportedAction = 'open' | 'reveal' | 'download';

/**
 * The notification's actions after export. "Reveal in Explorer" always; "Open"
 * (the system's Word) only on a local desktop, where the file is on this
 * machine; "Download" where the file is not (VS Code for the Web, code-server,
 * a remote window).
 */
export function exportedActions(where: { web: boolean; remote: boolean; openedAlready: boolean }): ExportedAction[] {
  const local = !where.web && !where.remote;
  return [...(local && !where.openedAlready ? (['open'] as const) : []), 'reveal', ...(local ? [] : (['download'] as const))];
}
