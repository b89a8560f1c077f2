/**
 * Turns the `reportMarkdown.*` settings into the core's Config shape, and
 * resolves the message language. Kept free of `vscode` for unit tests.
 */
import { ConfigError, ruleList, validateConfig } from '../core-api.js';

/** Structural copy of the core's Config (rules keyed by rule id). */
export type RulesConfig = { rules?: Record<string, unknown> };

export type RuleSetting = 'off' | 'error' | 'warning' | 'info' | boolean | { severity?: string; [option: string]: unknown };

export type LintSettings = {
  rules: unknown;
  /** Terms added to the placeholder rule's own allow list (which the core's `allow` option replaces). */
  placeholderAllow: unknown;
  /** Extra regular expressions for the placeholder rule (its `extra` option). */
  placeholderExtraPatterns: unknown;
  /** The placeholder rule's default allow list, kept when terms are added. */
  placeholderDefaultAllow?: readonly string[];
};

/**
 * The problem the core's configuration check (the one `.reportmdrc.json` goes
 * through) finds in `config`, or undefined when there is none.
 */
function problemOf(config: unknown, lang: 'zh-CN' | 'en'): string | undefined {
  try {
    validateConfig(config, 'settings', lang);
    return undefined;
  } catch (error) {
    if (error instanceof ConfigError) return error.detail;
    throw error;
  }
}

const isPlainObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * `reportMarkdown.rules.<ruleId>` as far as it is valid: the whole setting, or
 * (for an options object) the severity and options that pass the check.
 */
function validRuleSetting(ruleId: string, value: unknown, lang: 'zh-CN' | 'en', warn: (message: string) => void): RuleSetting | undefined {
  const setting = `reportMarkdown.rules`;
  // Problems read "rules.placeholder.extra must be …": name the setting in front of them.
  const report = (detail: string): void => warn(detail.startsWith('rules.') ? `reportMarkdown.${detail}` : `${setting}: ${detail}`);
  const whole = problemOf({ rules: { [ruleId]: value } }, lang);
  if (whole === undefined) return isPlainObject(value) ? { ...value } : (value as RuleSetting);
  if (!isPlainObject(value) || !ruleIds.has(ruleId)) {
    report(whole);
    return undefined;
  }
  // An options object: keep what is valid, drop (and name) each invalid part.
  const kept: Record<string, unknown> = {};
  for (const [option, optionValue] of Object.entries(value)) {
    const problem = problemOf({ rules: { [ruleId]: { [option]: optionValue } } }, lang);
    if (problem === undefined) kept[option] = optionValue;
    else report(problem);
  }
  return Object.keys(kept).length > 0 ? (kept as RuleSetting) : undefined;
}

const ruleIds: ReadonlySet<string> = new Set(ruleList.map((rule) => rule.id));

/** The entries of a list setting that are valid items, naming the setting for each one dropped. */
function validList(setting: string, value: unknown, lang: 'zh-CN' | 'en', warn: (message: string) => void, check: (item: string) => string | undefined): string[] {
  const zh = lang === 'zh-CN';
  if (value === undefined || value === null) return [];
  if (!Array.isArray(value)) {
    warn(`${setting}: ${zh ? `必须是字符串数组，实际为 ${JSON.stringify(value)}` : `must be an array of strings, got ${JSON.stringify(value)}`}`);
    return [];
  }
  return value.filter((item, index): item is string => {
    if (typeof item !== 'string') {
      warn(`${setting}[${index}]: ${zh ? `必须是字符串，实际为 ${JSON.stringify(item)}` : `must be a string, got ${JSON.stringify(item)}`}`);
      return false;
    }
    const problem = check(item);
    if (problem !== undefined) warn(`${setting}[${index}]: ${problem}`);
    return problem === undefined;
  });
}

/**
 * Builds a Config from settings (severity, true/false or an options object per rule),
 * checked by the same code as `.reportmdrc.json`: invalid parts are dropped and
 * each is reported through `warn`, naming the setting and the problem (in `lang`).
 */
export function configFromSettings(settings: LintSettings, warn: (message: string) => void = () => {}, lang: 'zh-CN' | 'en' = 'en'): RulesConfig {
  const rules: Record<string, RuleSetting> = {};
  if (isPlainObject(settings.rules)) {
    for (const [ruleId, value] of Object.entries(settings.rules)) {
      const kept = validRuleSetting(ruleId, value, lang, warn);
      if (kept !== undefined) rules[ruleId] = kept;
    }
  } else if (settings.rules !== undefined && settings.rules !== null) {
    warn(`reportMarkdown.rules: ${lang === 'zh-CN' ? '必须是以规则 ID 为键的对象' : 'must be an object keyed by rule id'}`);
  }
  const allow = validList('reportMarkdown.placeholder.allow', settings.placeholderAllow, lang, warn, () => undefined).filter((entry) => entry.length > 0);
  // Each pattern goes through the check of `rules.placeholder.extra` (it compiles, and cannot hang the linter).
  const patterns = validList('reportMarkdown.placeholder.extraPatterns', settings.placeholderExtraPatterns, lang, warn, (pattern) =>
    problemOf({ rules: { placeholder: { extra: [pattern] } } }, lang)?.replace(/^rules\.placeholder\.extra(?:\[0\])?[:：]\s*/, ''),
  );
  if (allow.length > 0 || patterns.length > 0) {
    const existing = rules['placeholder'];
    if (existing !== 'off' && existing !== false) {
      const base = typeof existing === 'object' ? existing : typeof existing === 'string' ? { severity: existing } : {}; // true: default severity
      rules['placeholder'] = {
        ...base,
        ...(allow.length > 0 ? { allow: [...new Set([...(settings.placeholderDefaultAllow ?? []), ...allow])] } : {}),
        ...(patterns.length > 0 ? { extra: [...patterns] } : {}),
      };
    }
  }
  return Object.keys(rules).length > 0 ? { rules } : {};
}

/** 'zh-CN' or 'en' from the setting ('auto' follows the UI language). */
export function resolveMessageLanguage(setting: string | undefined, uiLanguage: string): 'zh-CN' | 'en' {
  if (setting === 'zh-CN' || setting === 'en') return setting;
  return uiLanguage.toLowerCase().startsWith('zh') ? 'zh-CN' : 'en';
}
