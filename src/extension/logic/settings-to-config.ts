/**
 * Turns the `reportMarkdown.*` settings into the core's Config shape, and
 * resolves the message language. Kept free of `vscode` for unit tests.
 */
import { unsafePatternReason } from '../core-api.js';

/** Structural copy of the core's Config (rules keyed by rule id). */
export type RulesConfig = { rules?: Record<string, unknown> };

export type RuleSetting = 'off' | 'error' | 'warning' | 'info' | boolean | { severity?: string; [option: string]: unknown };

export type LintSettings = {
  rules: Record<string, unknown>;
  /** Terms added to the placeholder rule's own allow list (which the core's `allow` option replaces). */
  placeholderAllow: readonly string[];
  /** Extra regular expressions for the placeholder rule (its `extra` option). */
  placeholderExtraPatterns: readonly string[];
  /** The placeholder rule's default allow list, kept when terms are added. */
  placeholderDefaultAllow?: readonly string[];
};

const SEVERITIES = new Set(['off', 'error', 'warning', 'info']);

/** Builds a Config from settings (severity, true/false or an options object per rule); invalid entries are dropped and reported through `warn`. */
export function configFromSettings(settings: LintSettings, warn: (message: string) => void = () => {}): RulesConfig {
  const rules: Record<string, RuleSetting> = {};
  for (const [ruleId, value] of Object.entries(settings.rules ?? {})) {
    if (typeof value === 'string' && SEVERITIES.has(value)) rules[ruleId] = value as RuleSetting;
    else if (typeof value === 'boolean') rules[ruleId] = value; // true: the rule's default severity; false: off.
    else if (value !== null && typeof value === 'object' && !Array.isArray(value)) rules[ruleId] = { ...(value as object) };
    else warn(`reportMarkdown.rules.${ruleId}: ${JSON.stringify(value)}`);
  }
  const allow = settings.placeholderAllow.filter((entry) => typeof entry === 'string' && entry.length > 0);
  const patterns = settings.placeholderExtraPatterns.filter((entry) => {
    if (typeof entry !== 'string') return false;
    try {
      new RegExp(entry, 'u');
    } catch {
      warn(`reportMarkdown.placeholder.extraPatterns: ${entry}`);
      return false;
    }
    // Patterns that could hang the linter (nested quantifiers, backreferences, overlong) are dropped, with the reason.
    const unsafe = unsafePatternReason(entry);
    if (unsafe) {
      warn(`reportMarkdown.placeholder.extraPatterns: "${entry}" is refused: ${unsafe}`);
      return false;
    }
    return true;
  });
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
