/** Finds and loads `.reportmdrc.json`: the nearest one above a document, or the one given with --config. */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { ConfigError, parseConfig, type Config } from '../core/index.js';
import { CliError, MAX_CONFIG_BYTES, decodeDocument, readRegularFile } from './io.js';

export const CONFIG_FILE_NAME = '.reportmdrc.json';

/** Loads configurations for documents, caching one lookup per folder. */
export class ConfigLoader {
  private readonly byFolder = new Map<string, Config>();
  private readonly explicit: Config | undefined;

  constructor(
    explicitPath: string | undefined,
    private readonly lang: 'zh-CN' | 'en',
  ) {
    this.explicit = explicitPath === undefined ? undefined : this.load(explicitPath);
  }

  /** The configuration that applies to a document. */
  forDocument(documentPath: string): Config {
    if (this.explicit) return this.explicit;
    return this.forFolder(path.dirname(path.resolve(documentPath)));
  }

  private forFolder(folder: string): Config {
    const cached = this.byFolder.get(folder);
    if (cached) return cached;
    const candidate = path.join(folder, CONFIG_FILE_NAME);
    let config: Config;
    if (fs.existsSync(candidate)) config = this.load(candidate);
    else {
      const parent = path.dirname(folder);
      config = parent === folder ? {} : this.forFolder(parent);
    }
    this.byFolder.set(folder, config);
    return config;
  }

  private load(file: string): Config {
    // Same rules as reports: a regular file, UTF-8 (± BOM), GB18030/GBK or UTF-16 with a BOM.
    const { bytes } = readRegularFile(file, this.lang, MAX_CONFIG_BYTES);
    const { text } = decodeDocument(file, bytes, this.lang);
    try {
      return parseConfig(text, file, this.lang);
    } catch (error) {
      if (error instanceof ConfigError) throw new CliError(error.message);
      throw error;
    }
  }
}
