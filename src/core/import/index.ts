/** Word import: .docx bytes → report Markdown text, warnings and the images to write beside it. */
export { importDocx, type ImportOptions, type ImportResult, type ImportWarning, type ImportWarningKind, type ImportedImage } from './docx-reader.js';
export { DocxImportError, type ImportErrorCode } from './container.js';
export { formatNumber } from './number-format.js';
