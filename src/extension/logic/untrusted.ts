/**
 * What an untrusted workspace may not configure: the placeholder rule's
 * `extra` regular expressions (a hostile pattern could hang the linter) and
 * its `allow` list (a list of any length is work the workspace imposes on
 * every lint). The `extraPatterns` setting is declared in
 * `restrictedConfigurations`, and settings.ts reads `placeholder.allow` from
 * the user's settings only; these strip the same options from a
 * `.reportmdrc.json` read in such a workspace.
 */

type RulesConfig = { rules?: Record<string, unknown> };

/** `config` without the placeholder rule's options named in `options`; the same object when it has none of them. */
function withoutPlaceholderOptions<C extends RulesConfig>(config: C, options: readonly string[]): C {
  const placeholder = config.rules?.['placeholder'];
  if (placeholder === null || typeof placeholder !== 'object' || !options.some((option) => option in placeholder)) return config;
  const rest = { ...(placeholder as Record<string, unknown>) };
  for (const option of options) delete rest[option];
  return { ...config, rules: { ...config.rules, placeholder: rest } };
}

/** `config` without `rules.placeholder.extra`; the same object when it has none. */
export function withoutExtraPatterns<C extends RulesConfig>(config: C): C {
  return withoutPlaceholderOptions(config, ['extra']);
}

/** `config` without `rules.placeholder.extra` and `rules.placeholder.allow` (what an untrusted workspace's config file may not set). */
export function untrustedConfig<C extends RulesConfig>(config: C): C {
  return withoutPlaceholderOptions(config, ['extra', 'allow']);
}
