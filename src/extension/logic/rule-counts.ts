/** Findings per rule, for the compact overview of a draft with hundreds of findings (the status bar's tooltip). */

export type RuleCount = { ruleId: string; errors: number; warnings: number; infos: number; total: number };

/** Counts per rule, the rule with most findings first (ties by id). */
export function countByRule(findings: ReadonlyArray<{ ruleId: string; severity: string }>): RuleCount[] {
  const counts = new Map<string, RuleCount>();
  for (const finding of findings) {
    let entry = counts.get(finding.ruleId);
    if (!entry) counts.set(finding.ruleId, (entry = { ruleId: finding.ruleId, errors: 0, warnings: 0, infos: 0, total: 0 }));
    if (finding.severity === 'error') entry.errors++;
    else if (finding.severity === 'warning') entry.warnings++;
    else entry.infos++;
    entry.total++;
  }
  return [...counts.values()].sort((left, right) => right.total - left.total || (left.ruleId < right.ruleId ? -1 : 1));
}
