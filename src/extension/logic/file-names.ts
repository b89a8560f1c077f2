/** File names derived from a report's path ('/'-separated URI paths). */

/** `工作汇报.report.md` → `工作汇报.docx`, `a.md` → `a.docx`, `notes` → `notes.docx`. */
export function docxNameFor(path: string): string {
  const name = path.slice(path.lastIndexOf('/') + 1) || 'report';
  const stem = name.replace(/\.report\.md$/i, '').replace(/(.)\.[^.]+$/, '$1');
  return `${stem || 'report'}.docx`;
}
