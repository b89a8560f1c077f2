/**
 * Entry of the lazily loaded exporter bundle (dist/exporter.cjs): re-exports
 * the core's DOCX exporter so the extension bundle stays small.
 * TEMPORARY until src/core/export exposes exportDocx.
 */
export async function exportDocx(_text: string, _options?: Record<string, unknown>): Promise<Uint8Array> {
  throw new Error('DOCX export is not available in this build yet.');
}
