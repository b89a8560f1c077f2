/**
 * Entry of the lazily loaded exporter bundle (dist/exporter.cjs): the core's
 * DOCX exporter behind a text-in, bytes-out function, so the extension
 * bundle never contains `docx`. No `vscode` here: images are read through
 * the `readImage` port the extension passes in.
 */
import { parseReport } from '../core/index.js';
import { exportDocx, type DocxExportOptions, type ExportWarning } from '../core/export/index.js';
import { DocxImportError, importDocx, type ImportOptions, type ImportResult } from '../core/import/index.js';

export type ReportExportOptions = Omit<DocxExportOptions, 'source'>;

/** Parses a report and exports it; returns the .docx bytes and any warnings. */
export async function exportReport(
  text: string,
  options: ReportExportOptions = {},
): Promise<{ data: Uint8Array; warnings: ExportWarning[] }> {
  const report = parseReport(text);
  return exportDocx(report.root, { ...options, source: text });
}

/**
 * Reads a Word document into report Markdown (the import command). A file the
 * importer refuses comes back as `{ error }` with its one-line reason, so the
 * message survives the bundle boundary.
 */
export function importWordDocument(bytes: Uint8Array, options: ImportOptions = {}): ImportResult | { error: string } {
  try {
    return importDocx(bytes, options);
  } catch (error) {
    if (error instanceof DocxImportError) return { error: error.message };
    throw error;
  }
}
