/** Configuration: `.reportmdrc.json` and editor settings, normalised for the runner. */
import type { Lang, Severity } from '../types.js';
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
  /** The document will be sealed: 落款 per GB/T 9704 7.3.5.1 (default false: 7.3.5.2). */
  seal?: boolean;
  /** Font profile name (windows, gb2312) or explicit faces; validated by the exporter. */
  fonts?: string | Record<string, unknown>;
  /** Page of the 版记: `last` (default, the bottom of the page where the text ends) or `even` (an even page of its own). */
  imprintPage?: 'last' | 'even';
  /** Unit defaults of 版头 and 版记 fields by name (发文机关标志, 印发机关 …), as in the front matter. */
  fields?: Record<string, string>;
};

export type Config = {
  rules?: Record<string, RuleSetting>;
  export?: ExportConfig;
};

/** A configuration problem, with a message that names the file and the setting. */
export class ConfigError extends Error {
  /** The problem without the file name in front (`rules.placeholder.extra must be an array, got string`). */
  readonly detail: string;
  constructor(message: string, detail: string = message) {
    super(message);
    this.name = 'ConfigError';
    this.detail = detail;
  }
}

function configError(source: string, detail: string): ConfigError {
  return new ConfigError(`${source}: ${detail}`, detail);
}

const SEVERITIES = ['off', 'error', 'warning', 'info'];

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

/** Parses and validates the text of a `.reportmdrc.json` file; messages in `lang`. */
export function parseConfig(jsonText: string, fileName: string, knownRules: RuleCatalog, lang: Lang = 'en'): Config {
  let value: unknown;
  try {
    value = JSON.parse(jsonText.replace(/^\uFEFF/, ''));
  } catch (error) {
    throw configError(fileName, lang === 'zh-CN' ? `JSON 格式有误（${(error as Error).message}）` : `invalid JSON (${(error as Error).message})`);
  }
  return validateConfig(value, fileName, knownRules, lang);
}

/** Rule ids with their option defaults: what a configuration may name, and the type of each option. */
export type RuleCatalog = Readonly<Record<string, Readonly<Record<string, unknown>>>>;

function kind(value: unknown): string {
  return Array.isArray(value) ? 'array' : value === null ? 'null' : typeof value;
}

const KIND_ZH: Record<string, string> = { array: '数组', null: 'null', string: '字符串', number: '数字', boolean: 'true/false', object: '对象' };

/** Messages of the configuration checks, in both languages. */
function messages(lang: Lang) {
  const zh = lang === 'zh-CN';
  const kindName = (k: string): string => (zh ? (KIND_ZH[k] ?? k) : k === 'array' ? 'an array' : k === 'object' ? 'an object' : `a ${k}`);
  return {
    reserved: (where: string, key: string) => (zh ? `${where}：“${key}”是 JavaScript 保留名称，不能作为设置名` : `${where}: "${key}" is a reserved JavaScript name, not a setting`),
    notObject: () => (zh ? '配置必须是一个 JSON 对象' : 'the configuration must be a JSON object'),
    unknownSetting: (key: string, allowed: string) => (zh ? `未知设置“${key}”（可用：${allowed}）` : `unknown setting "${key}" (allowed: ${allowed})`),
    rulesNotObject: () => (zh ? '“rules”必须是以规则 ID 为键的对象' : '"rules" must be an object keyed by rule id'),
    unknownRule: (ruleId: string, known: string) => (zh ? `未知规则“${ruleId}”（已有规则：${known}）` : `unknown rule "${ruleId}" (known: ${known})`),
    badSeverity: (ruleId: string, got: string) =>
      zh ? `rules.${ruleId} 必须是 ${SEVERITIES.join('、')} 之一，实际为“${got}”` : `rules.${ruleId} must be one of ${SEVERITIES.join(', ')}, got "${got}"`,
    badObjectSeverity: (ruleId: string) => (zh ? `rules.${ruleId}.severity 必须是 ${SEVERITIES.join('、')} 之一` : `rules.${ruleId}.severity must be one of ${SEVERITIES.join(', ')}`),
    badSetting: (ruleId: string) => (zh ? `rules.${ruleId} 必须是严重级别、true/false 或对象` : `rules.${ruleId} must be a severity, true/false or an object`),
    noOption: (ruleId: string, option: string, known: string[]) =>
      zh
        ? `rules.${ruleId} 没有选项“${option}”${known.length > 0 ? `（可用选项：${known.join('、')}）` : ''}`
        : `rules.${ruleId} has no option "${option}"${known.length > 0 ? ` (options: ${known.join(', ')})` : ''}`,
    wrongKind: (where: string, expected: string, got: string) =>
      zh ? `${where} 必须是${kindName(expected)}，实际为${kindName(got)}` : `${where} must be ${kindName(expected)}, got ${got}`,
    wrongItem: (where: string, expected: string) => (zh ? `${where} 必须是${kindName(expected)}` : `${where} must be ${kindName(expected)}`),
    badPattern: (ruleId: string, pattern: string, reason: string) =>
      zh ? `rules.${ruleId}.extra：正则表达式“${pattern}”有误（${reason}）` : `rules.${ruleId}.extra: invalid regular expression "${pattern}" (${reason})`,
    unsafePattern: (ruleId: string, index: number, pattern: string, reason: string) =>
      zh
        ? `rules.${ruleId}.extra[${index}]：拒绝使用正则表达式“${pattern}”：${reason}`
        : `rules.${ruleId}.extra[${index}]: the pattern "${pattern}" is refused: ${reason}`,
    exportNotObject: () => (zh ? '“export”必须是对象' : '"export" must be an object'),
    authorString: () => (zh ? 'export.author 必须是字符串' : 'export.author must be a string'),
    tocBoolean: () => (zh ? 'export.tableOfContents 必须是 true 或 false' : 'export.tableOfContents must be true or false'),
    layoutObject: () => (zh ? 'export.layout 必须是对象' : 'export.layout must be an object'),
    imageRoot: () => (zh ? 'export.imageRoot 必须是文件夹路径' : 'export.imageRoot must be a folder path'),
    sealBoolean: () => (zh ? 'export.seal 必须是 true 或 false' : 'export.seal must be true or false'),
    imprintPage: () => (zh ? 'export.imprintPage 必须是 "last" 或 "even"' : 'export.imprintPage must be "last" or "even"'),
    fontsValue: () =>
      zh
        ? 'export.fonts 必须是字体方案名（windows、gb2312）或字体名对象'
        : 'export.fonts must be a profile name (windows, gb2312) or an object of font names',
    fieldsObject: () => (zh ? 'export.fields 必须是由字段名和文字组成的对象' : 'export.fields must be an object of field names and texts'),
    fieldsUnknown: (name: string, known: string) =>
      zh ? `export.fields 中没有字段“${name}”（可用字段：${known}）` : `export.fields has no field "${name}" (fields: ${known})`,
    fieldsText: (name: string) =>
      zh ? `export.fields.${name} 必须是不超过 200 个字符的文字` : `export.fields.${name} must be a text of at most 200 characters`,
  };
}

type Messages = ReturnType<typeof messages>;

/** Checks a rule's options against the types of its defaults; `extra`-style pattern lists must compile. */
function validateOptions(ruleId: string, setting: Record<string, unknown>, defaults: Readonly<Record<string, unknown>>, source: string, m: Messages): void {
  for (const [option, value] of Object.entries(setting)) {
    if (option === 'severity') continue;
    if (!Object.hasOwn(defaults, option)) throw configError(source, m.noOption(ruleId, option, Object.keys(defaults)));
    const expected = defaults[option];
    if (kind(value) !== kind(expected)) throw configError(source, m.wrongKind(`rules.${ruleId}.${option}`, kind(expected), kind(value)));
    if (Array.isArray(value) && Array.isArray(expected)) {
      const itemKind = expected.length > 0 ? kind(expected[0]) : 'string';
      value.forEach((item, index) => {
        if (kind(item) !== itemKind) throw configError(source, m.wrongItem(`rules.${ruleId}.${option}[${index}]`, itemKind));
      });
      if (option === 'extra') {
        (value as string[]).forEach((pattern, index) => {
          try {
            new RegExp(pattern, 'u');
          } catch (error) {
            throw configError(source, m.badPattern(ruleId, pattern, (error as Error).message));
          }
          // Patterns that could hang lint, fix and export (nested quantifiers, backreferences, overlong) are refused.
          const unsafe = unsafePatternReason(pattern);
          if (unsafe) throw configError(source, m.unsafePattern(ruleId, index, pattern, unsafe));
        });
      }
    }
  }
}

/**
 * Checks a configuration object (a parsed `.reportmdrc.json`, or one built from editor
 * settings); the first problem is thrown as a ConfigError naming `source` and the setting.
 */
export function validateConfig(value: unknown, source: string, catalog: RuleCatalog, lang: Lang = 'en'): Config {
  const m = messages(lang);
  const knownRules = Object.keys(catalog);
  if (typeof value !== 'object' || value === null || Array.isArray(value)) throw configError(source, m.notObject());
  const reserved = findReservedKey(value);
  if (reserved !== undefined) throw configError(source, m.reserved(reserved, reserved.slice(reserved.lastIndexOf('.') + 1)));
  const record = value as Record<string, unknown>;
  for (const key of Object.keys(record)) {
    if (key !== 'rules' && key !== 'export' && key !== '$schema') throw configError(source, m.unknownSetting(key, 'rules, export'));
  }
  const exportConfig = validateExport(record['export'], source, m);
  const rules = record['rules'];
  if (rules === undefined) return exportConfig ? { export: exportConfig } : {};
  if (typeof rules !== 'object' || rules === null || Array.isArray(rules)) throw configError(source, m.rulesNotObject());
  const out: Record<string, RuleSetting> = {};
  for (const [ruleId, setting] of Object.entries(rules as Record<string, unknown>)) {
    if (!Object.hasOwn(catalog, ruleId)) throw configError(source, m.unknownRule(ruleId, knownRules.join(', ')));
    if (typeof setting === 'boolean') out[ruleId] = setting;
    else if (typeof setting === 'string') {
      if (!SEVERITIES.includes(setting)) throw configError(source, m.badSeverity(ruleId, setting));
      out[ruleId] = setting as RuleSetting;
    } else if (typeof setting === 'object' && setting !== null && !Array.isArray(setting)) {
      const severity = (setting as Record<string, unknown>)['severity'];
      if (severity !== undefined && (typeof severity !== 'string' || !SEVERITIES.includes(severity))) throw configError(source, m.badObjectSeverity(ruleId));
      validateOptions(ruleId, setting as Record<string, unknown>, catalog[ruleId]!, source, m);
      out[ruleId] = setting as RuleSetting;
    } else {
      throw configError(source, m.badSetting(ruleId));
    }
  }
  return exportConfig ? { rules: out, export: exportConfig } : { rules: out };
}

function validateExport(value: unknown, source: string, m: Messages): ExportConfig | undefined {
  if (value === undefined) return undefined;
  if (typeof value !== 'object' || value === null || Array.isArray(value)) throw configError(source, m.exportNotObject());
  const record = value as Record<string, unknown>;
  for (const [key, setting] of Object.entries(record)) {
    if (key === 'author') {
      if (typeof setting !== 'string') throw configError(source, m.authorString());
    } else if (key === 'tableOfContents') {
      if (typeof setting !== 'boolean') throw configError(source, m.tocBoolean());
    } else if (key === 'layout') {
      if (typeof setting !== 'object' || setting === null || Array.isArray(setting)) throw configError(source, m.layoutObject());
    } else if (key === 'fields') {
      if (typeof setting !== 'object' || setting === null || Array.isArray(setting)) throw configError(source, m.fieldsObject());
      for (const [name, text] of Object.entries(setting as Record<string, unknown>)) {
        if (!Object.hasOwn(FRONT_MATTER_FIELDS, name)) throw configError(source, m.fieldsUnknown(name, Object.keys(FRONT_MATTER_FIELDS).join(', ')));
        if (typeof text !== 'string' || text.length > 200) throw configError(source, m.fieldsText(name));
      }
    } else if (key === 'imageRoot') {
      if (typeof setting !== 'string' || setting.trim() === '' || setting.includes('\0')) throw configError(source, m.imageRoot());
    } else if (key === 'seal') {
      if (typeof setting !== 'boolean') throw configError(source, m.sealBoolean());
    } else if (key === 'imprintPage') {
      if (setting !== 'last' && setting !== 'even') throw configError(source, m.imprintPage());
    } else if (key === 'fonts') {
      if (typeof setting !== 'string' && (typeof setting !== 'object' || setting === null || Array.isArray(setting))) throw configError(source, m.fontsValue());
    } else {
      throw configError(source, m.unknownSetting(`export.${key}`, 'author, tableOfContents, layout, imageRoot, seal, fonts, fields, imprintPage'));
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
