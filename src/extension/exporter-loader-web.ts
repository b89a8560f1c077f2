/** Web loader: the exporter is part of the web bundle but evaluated only on first export. */
import type { ExporterLoader } from './exporter-loader.js';

export const webExporterLoader: ExporterLoader = () => import('./exporter-entry.js');
