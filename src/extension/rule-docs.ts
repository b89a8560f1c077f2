/** Where each rule's documentation lives (docs/rules/<id>.md in the repository). */
import { ruleList } from './core-api.js';

/** Base URL of the rule pages on GitHub; the single place to change it. */
export const RULE_DOCS_BASE_URL = 'https://github.com/report-markdown/report-markdown/blob/main/docs/rules/';

/** The docs URL of a rule: the core's own URL when it has one, else the page in this repository. */
export function ruleDocsUrl(ruleId: string): string {
  const rule = ruleList.find((entry) => entry.id === ruleId);
  return rule?.docsUrl || `${RULE_DOCS_BASE_URL}${encodeURIComponent(ruleId)}.md`;
}
