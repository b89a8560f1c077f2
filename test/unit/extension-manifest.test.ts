import { strict as assert } from 'node:assert';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ruleList } from '../../src/core/index.js';
import { CommandIds } from '../../src/extension/commands/ids.js';

const readJson = (path: string) => JSON.parse(readFileSync(path, 'utf8'));
const manifest = readJson('package.json');
const nls = readJson('package.nls.json') as Record<string, string>;
const nlsZh = readJson('package.nls.zh-cn.json') as Record<string, string>;
const bundleZh = readJson('l10n/bundle.l10n.zh-cn.json') as Record<string, string>;

function sourceFiles(folder: string): string[] {
  return readdirSync(folder, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? sourceFiles(join(folder, entry.name)) : entry.name.endsWith('.ts') ? [join(folder, entry.name)] : [],
  );
}

describe('extension: manifest', () => {
  it('contributes exactly the command ids of commands/ids.ts, each with a category', () => {
    const contributed = manifest.contributes.commands.map((command: { command: string }) => command.command).sort();
    assert.deepEqual(contributed, Object.values(CommandIds).sort());
    for (const command of manifest.contributes.commands) assert.equal(command.category, '%command.category%');
  });

  it('has every %key% in both package.nls files, with the same keys', () => {
    const keys = [...JSON.stringify(manifest).matchAll(/"%([^%"]+)%"/g)].map((match) => match[1]!);
    for (const key of keys) {
      assert.ok(key in nls, `package.nls.json lacks ${key}`);
      assert.ok(key in nlsZh, `package.nls.zh-cn.json lacks ${key}`);
    }
    assert.deepEqual(Object.keys(nlsZh).sort(), Object.keys(nls).sort());
  });

  it('describes every core rule in the rules setting', () => {
    const properties = manifest.contributes.configuration.properties['reportMarkdown.rules'].properties;
    assert.deepEqual(Object.keys(properties).sort(), ruleList.map((rule) => rule.id).sort());
  });

  it('translates every runtime string into Chinese', () => {
    const strings = new Set<string>();
    for (const file of sourceFiles('src/extension')) {
      for (const match of readFileSync(file, 'utf8').matchAll(/l10n\.t\(\s*'((?:[^'\\]|\\.)*)'/g)) strings.add(match[1]!);
    }
    assert.ok(strings.size > 20);
    for (const text of strings) assert.ok(bundleZh[text], `l10n/bundle.l10n.zh-cn.json lacks "${text}"`);
    for (const key of Object.keys(bundleZh)) assert.ok(strings.has(key), `unused translation "${key}"`);
  });

  it('loads CommonJS bundles despite "type": "module", and declares its capabilities', () => {
    assert.equal(manifest.main, './dist/extension.cjs');
    // .cjs: the web worker extension host cannot load an ES module entry ("type": "module" makes a .js one).
    assert.equal(manifest.browser, './dist/web/extension.cjs');
    assert.equal(manifest.capabilities.untrustedWorkspaces.supported, 'limited');
    assert.deepEqual(manifest.capabilities.untrustedWorkspaces.restrictedConfigurations, [
      'reportMarkdown.placeholder.extraPatterns',
      'reportMarkdown.rules',
    ]);
    assert.equal(manifest.capabilities.virtualWorkspaces, true);
    assert.ok(manifest.activationEvents.includes('onLanguage:report-markdown'));
  });

  it('keeps the grammar, snippets and language configuration loadable', () => {
    const grammar = readJson('syntaxes/report-markdown.tmLanguage.json');
    assert.equal(grammar.scopeName, manifest.contributes.grammars[0].scopeName);
    const snippets = readJson('snippets/report-markdown.json') as Record<string, { prefix: unknown; body: string[] }>;
    assert.ok(Object.values(snippets).some((snippet) => snippet.body.join('\n').includes('特此报告')));
    const languageConfiguration = readJson('language-configuration.json');
    const pairs = languageConfiguration.autoClosingPairs.map((pair: { open: string; close: string }) => pair.open + pair.close);
    for (const pair of ['（）', '“”', '‘’', '《》', '【】']) assert.ok(pairs.includes(pair), pair);
  });

  it('only ships bundles and assets', () => {
    const ignore = readFileSync('.vscodeignore', 'utf8').split('\n');
    assert.equal(ignore.find((line) => line.trim() && !line.startsWith('#')), '**');
    for (const line of ignore.filter((entry) => entry.startsWith('!'))) assert.ok(!/src|test|node_modules|out\//.test(line), line);
  });
});
