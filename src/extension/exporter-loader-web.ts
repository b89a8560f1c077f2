/** Web loader: the exporter is part of the web bundle but evaluated only on first export. */
import type { ExporterLoader, ExporterModule } from './exporter-loader.js';

export const webExporterLoader: ExporterLoader = async () => (await import('./exporter-entry.js')) as ExporterModule;
