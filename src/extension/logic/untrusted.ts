/**
 * What an untrusted workspace may not configure: the placeholder rule's
 * `extra` regular expressions (a hostile pattern could hang the extension
 * host). The settings are declared in `restrictedConfigurations`; this strips
 * the same option from a `.reportmdrc.json` read in such a workspace.
 */

type RulesConfig = { rules?: Record<string, unknown> };

/** `config` without `rules.placeholder.extra`; the same object when it has none. */
export function withoutExtraPatterns<C extends RulesConfig>(config: C): C {
  const placeholder = config.rules?.['placeholder'];
  if (placeholder === null || typeof placeholder !== 'object' || !('extra' in placeholder)) return config;
  const { extra: _ignored, ...rest } = placeholder as Record<string, unknown>;
  return { ...config, rules: { ...config.rules, placeholder: rest } };
}
