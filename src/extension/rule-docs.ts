/** Where each rule's documentation lives (docs/rules/<id>.md in the repository). */
import { DOCS_BASE_URL, ruleList } from './core-api.js';

/** The docs URL of a rule: the core's own URL when it has one, else the page under the core's DOCS_BASE_URL. */
export function ruleDocsUrl(ruleId: string): string {
  const rule = ruleList.find((entry) => entry.id === ruleId);
  return rule?.docsUrl || `${DOCS_BASE_URL}${encodeURIComponent(ruleId)}.md`;
}
