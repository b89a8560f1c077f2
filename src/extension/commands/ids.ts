/** Command ids: the one table every registration, menu and test refers to. Keep them stable. */
export const CommandIds = {
  renumberDocument: 'reportMarkdown.renumberDocument',
  fixAll: 'reportMarkdown.fixAll',
  exportDocx: 'reportMarkdown.exportDocx',
  importWord: 'reportMarkdown.importWord',
  nextPlaceholder: 'reportMarkdown.nextPlaceholder',
  previousPlaceholder: 'reportMarkdown.previousPlaceholder',
  showRuleDocs: 'reportMarkdown.showRuleDocs',
  useForFile: 'reportMarkdown.useForFile',
  replacePlaceholder: 'reportMarkdown.replacePlaceholder',
  fillPlaceholders: 'reportMarkdown.fillPlaceholders',
  disableRule: 'reportMarkdown.disableRule',
  openExample: 'reportMarkdown.openExample',
  lintAgain: 'reportMarkdown.lintAgain',
} as const;

