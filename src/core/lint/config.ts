/** Configuration: `.reportmdrc.json` and editor settings, normalised for the runner. */
import type { Severity } from '../types.js';
import { FRONT_MATTER_FIELDS } from '../parse/parts.js';
import { unsafePatternReason } from './safe-pattern.js';

export type RuleSetting = 'off' | Severity | boolean | ({ severity?: Severity | 'off' } & Record<string, unknown>);

/** Export settings: passed to the DOCX exporter (layout is validated there, naming the bad setting). */
export type ExportConfig = {
  author?: string;
  tableOfContents?: boolean;
  layout?: Record<string, unknown>;
  /** Folder images may be embedded from (absolute, or relative to the .reportmdrc.json's folder); default the document's folder. */
  imageRoot?: string;
  /** Unit defaults of 版头 and 版记 fields by name (发文机关标志, 印发机关 …), as in the front matter. */
  fields?: Record<string, string>;
};

export type Config = {
  rules?: Record<string, RuleSetting>;
  export?: ExportConfig;
};

/** A configuration problem, with a message that names the file and the setting. */
export class ConfigError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ConfigError';
  }
}

const SEVERITIES = ['off', 'error', 'warning', 'info'];

/** Parses and validates the text of a `.reportmdrc.json` file. */
export function parseConfig(jsonText: string, fileName: string, knownRules: RuleCatalog): Config {
  let value: unknown;
  try {
    value = JSON.parse(jsonText.replace(/^\uFEFF/, ''));
  } catch (error) {
    throw new ConfigError(`${fileName}: invalid JSON (${(error as Error).message})`);
  }
  return validateConfig(value, fileName, knownRules);
}

/** Checks a configuration object; unknown rules and bad severities are errors naming the setting. */
/** Rule ids with their option defaults: what a configuration may name, and the type of each option. */
export type RuleCatalog = Readonly<Record<string, Readonly<Record<string, unknown>>>>;

function kind(value: unknown): string {
  return Array.isArray(value) ? 'array' : value === null ? 'null' : typeof value;
}

/** Checks a rule's options against the types of its defaults; `extra`-style pattern lists must compile. */
function validateOptions(ruleId: string, setting: Record<string, unknown>, defaults: Readonly<Record<string, unknown>>, source: string): void {
  for (const [option, value] of Object.entries(setting)) {
    if (option === 'severity') continue;
    if (!Object.hasOwn(defaults, option)) {
      const known = Object.keys(defaults);
      throw new ConfigError(`${source}: rules.${ruleId} has no option "${option}"${known.length > 0 ? ` (options: ${known.join(', ')})` : ''}`);
    }
    const expected = defaults[option];
    if (kind(value) !== kind(expected)) {
      throw new ConfigError(`${source}: rules.${ruleId}.${option} must be ${kind(expected) === 'array' ? 'an array' : `a ${kind(expected)}`}, got ${kind(value)}`);
    }
    if (Array.isArray(value) && Array.isArray(expected)) {
      const itemKind = expected.length > 0 ? kind(expected[0]) : 'string';
      value.forEach((item, index) => {
        if (kind(item) !== itemKind) throw new ConfigError(`${source}: rules.${ruleId}.${option}[${index}] must be a ${itemKind}`);
      });
      if (option === 'extra') {
        (value as string[]).forEach((pattern, index) => {
          try {
            new RegExp(pattern, 'u');
          } catch (error) {
            throw new ConfigError(`${source}: rules.${ruleId}.extra: invalid regular expression "${pattern}" (${(error as Error).message})`);
          }
          // Patterns that could hang lint, fix and export (nested quantifiers, backreferences, overlong) are refused.
          const unsafe = unsafePatternReason(pattern);
          if (unsafe) throw new ConfigError(`${source}: rules.${ruleId}.extra[${index}]: the pattern "${pattern}" is refused: ${unsafe}`);
        });
      }
    }
  }
}

export function validateConfig(value: unknown, source: string, catalog: RuleCatalog): Config {
  const knownRules = Object.keys(catalog);
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new ConfigError(`${source}: the configuration must be a JSON object`);
  }
  const record = value as Record<string, unknown>;
  for (const key of Object.keys(record)) {
    if (key !== 'rules' && key !== 'export' && key !== '$schema') throw new ConfigError(`${source}: unknown setting "${key}" (allowed: rules, export)`);
  }
  const exportConfig = validateExport(record['export'], source);
  const rules = record['rules'];
  if (rules === undefined) return exportConfig ? { export: exportConfig } : {};
  if (typeof rules !== 'object' || rules === null || Array.isArray(rules)) {
    throw new ConfigError(`${source}: "rules" must be an object keyed by rule id`);
  }
  const out: Record<string, RuleSetting> = {};
  for (const [ruleId, setting] of Object.entries(rules as Record<string, unknown>)) {
    if (!knownRules.includes(ruleId)) {
      throw new ConfigError(`${source}: unknown rule "${ruleId}" (known: ${knownRules.join(', ')})`);
    }
    if (typeof setting === 'boolean') out[ruleId] = setting;
    else if (typeof setting === 'string') {
      if (!SEVERITIES.includes(setting)) {
        throw new ConfigError(`${source}: rules.${ruleId} must be one of ${SEVERITIES.join(', ')}, got "${setting}"`);
      }
      out[ruleId] = setting as RuleSetting;
    } else if (typeof setting === 'object' && setting !== null && !Array.isArray(setting)) {
      const severity = (setting as Record<string, unknown>)['severity'];
      if (severity !== undefined && (typeof severity !== 'string' || !SEVERITIES.includes(severity))) {
        throw new ConfigError(`${source}: rules.${ruleId}.severity must be one of ${SEVERITIES.join(', ')}`);
      }
      validateOptions(ruleId, setting as Record<string, unknown>, catalog[ruleId]!, source);
      out[ruleId] = setting as RuleSetting;
    } else {
      throw new ConfigError(`${source}: rules.${ruleId} must be a severity, true/false or an object`);
    }
  }
  return exportConfig ? { rules: out, export: exportConfig } : { rules: out };
}

function validateExport(value: unknown, source: string): ExportConfig | undefined {
  if (value === undefined) return undefined;
  if (typeof value !== 'object' || value === null || Array.isArray(value)) throw new ConfigError(`${source}: "export" must be an object`);
  const record = value as Record<string, unknown>;
  for (const [key, setting] of Object.entries(record)) {
    if (key === 'author') {
      if (typeof setting !== 'string') throw new ConfigError(`${source}: export.author must be a string`);
    } else if (key === 'tableOfContents') {
      if (typeof setting !== 'boolean') throw new ConfigError(`${source}: export.tableOfContents must be true or false`);
    } else if (key === 'layout') {
      if (typeof setting !== 'object' || setting === null || Array.isArray(setting)) throw new ConfigError(`${source}: export.layout must be an object`);
    } else if (key === 'fields') {
      if (typeof setting !== 'object' || setting === null || Array.isArray(setting)) throw new ConfigError(`${source}: export.fields must be an object of field names and texts`);
      for (const [name, text] of Object.entries(setting as Record<string, unknown>)) {
        if (!Object.hasOwn(FRONT_MATTER_FIELDS, name)) throw new ConfigError(`${source}: export.fields has no field "${name}" (fields: ${Object.keys(FRONT_MATTER_FIELDS).join(', ')})`);
        if (typeof text !== 'string' || text.length > 200) throw new ConfigError(`${source}: export.fields.${name} must be a text of at most 200 characters`);
      }
    } else if (key === 'imageRoot') {
      if (typeof setting !== 'string' || setting.trim() === '' || setting.includes('\0')) throw new ConfigError(`${source}: export.imageRoot must be a folder path`);
    } else {
      throw new ConfigError(`${source}: unknown setting "export.${key}" (allowed: author, tableOfContents, layout, imageRoot, fields)`);
    }
  }
  return record as ExportConfig;
}

/** Layers `override` on top of `base` (per rule; object settings are merged). */
export function mergeConfig(base: Config, override: Config): Config {
  const rules: Record<string, RuleSetting> = { ...(base.rules ?? {}) };
  const exportConfig = base.export || override.export ? { ...base.export, ...override.export } : undefined;
  for (const [ruleId, setting] of Object.entries(override.rules ?? {})) {
    const previous = rules[ruleId];
    if (typeof setting === 'object' && typeof previous === 'object') rules[ruleId] = { ...previous, ...setting };
    else rules[ruleId] = setting;
  }
  return exportConfig ? { rules, export: exportConfig } : { rules };
}

/** Resolves one rule's effective severity (undefined = off) and options. */
export function resolveRule(
  config: Config | undefined,
  ruleId: string,
  defaultSeverity: Severity,
  defaultOptions: Record<string, unknown> | undefined,
): { severity: Severity | undefined; options: Record<string, unknown> } {
  const setting = config?.rules?.[ruleId];
  const options: Record<string, unknown> = { ...(defaultOptions ?? {}) };
  let severity: Severity | undefined = defaultSeverity;
  if (setting === false || setting === 'off') severity = undefined;
  else if (setting === true || setting === undefined) severity = defaultSeverity;
  else if (typeof setting === 'string') severity = setting;
  else {
    for (const [key, value] of Object.entries(setting)) if (key !== 'severity') options[key] = value;
    if (setting.severity === 'off') severity = undefined;
    else if (setting.severity) severity = setting.severity;
  }
  return { severity, options };
}
