/** Finds and loads `.reportmdrc.json`: the nearest one above a document, or the one given with --config. */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { ConfigError, parseConfig, type Config } from '../core/index.js';
import { CliError, MAX_CONFIG_BYTES, decodeDocument, readRegularFile } from './io.js';

export const CONFIG_FILE_NAME = '.reportmdrc.json';

/**
 * Names no setting may have: `__proto__`, `prototype` and everything on Object.prototype
 * (`constructor`, `toString`, `hasOwnProperty` …). Lookups such as `name in defaults`
 * would find them on every object, so they are refused wherever they appear.
 */
const RESERVED_KEYS: ReadonlySet<string> = new Set(['__proto__', 'prototype', ...Object.getOwnPropertyNames(Object.prototype)]);

/** The dotted path of the first reserved key in a parsed JSON value, or undefined. */
export function findReservedKey(value: unknown, at = ''): string | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  if (Array.isArray(value)) {
    for (let index = 0; index < value.length; index++) {
      const found = findReservedKey(value[index], `${at}[${index}]`);
      if (found !== undefined) return found;
    }
    return undefined;
  }
  for (const key of Object.keys(value)) {
    const where = at === '' ? key : `${at}.${key}`;
    if (RESERVED_KEYS.has(key)) return where;
    const found = findReservedKey((value as Record<string, unknown>)[key], where);
    if (found !== undefined) return found;
  }
  return undefined;
}

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
    let json: unknown;
    try {
      json = JSON.parse(text.replace(/^\uFEFF/, ''));
    } catch {
      json = undefined; // parseConfig reports invalid JSON.
    }
    const reserved = findReservedKey(json);
    if (reserved !== undefined) {
      const key = reserved.slice(reserved.lastIndexOf('.') + 1);
      throw new CliError(
        this.lang === 'zh-CN'
          ? `${file}: ${reserved}：“${key}”是 JavaScript 保留名称，不能作为设置名`
          : `${file}: ${reserved}: "${key}" is a reserved JavaScript name, not a setting`,
      );
    }
    try {
      return parseConfig(text, file);
    } catch (error) {
      if (error instanceof ConfigError) throw new CliError(error.message);
      throw error;
    }
  }
}
