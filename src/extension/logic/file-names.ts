/** File names derived from a report's path ('/'-separated URI paths). */

/** `工作汇报.report.md` → `工作汇报.docx`, `a.md` → `a.docx`, `notes` → `notes.docx`. */
export function docxNameFor(path: string): string {
  const name = path.slice(path.lastIndexOf('/') + 1) || 'report';
  const stem = name.replace(/\.report\.md$/i, '').replace(/(.)\.[^.]+$/, '$1');
  return `${stem || 'report'}.docx`;
}

/** `报告.docx` → `报告.report.md` (the imported report beside the Word document). */
export function reportNameForWord(path: string): string {
  const name = path.slice(path.lastIndexOf('/') + 1) || 'report';
  const stem = name.replace(/\.(?:docx|docm|dotx|dotm|doc|wps)$/i, '');
  return `${stem || 'report'}.report.md`;
}

/** `报告.report.md` → `报告.assets` (the folder the imported images go to). */
export function assetsFolderFor(reportName: string): string {
  return `${reportName.replace(/\.report\.md$/i, '').replace(/(.)\.[^.]+$/, '$1') || 'report'}.assets`;
}
