// The core runs in the web build and in the lint worker: it imports neither `vscode` nor Node
// built-ins. A type check alone does not catch it (a dependency's types pull in @types/node), so
// every import specifier under src/core is read here.
import assert from 'node:assert/strict';
import { builtinModules } from 'node:module';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { repoRoot } from './helpers.js';

const IMPORT = /(?:^|\n)\s*(?:import|export)\s[^'"]*?from\s*['"]([^'"]+)['"]|(?:^|[^\w.])import\s*\(\s*['"]([^'"]+)['"]\s*\)|(?:^|[^\w.])require\s*\(\s*['"]([^'"]+)['"]\s*\)/g;
const NODE_BUILTINS = new Set(builtinModules.flatMap((name) => [name, `node:${name}`]));

function sources(folder: string): string[] {
  return readdirSync(folder).flatMap((name) => {
    const path = join(folder, name);
    return statSync(path).isDirectory() ? sources(path) : path.endsWith('.ts') ? [path] : [];
  });
}

/** Import specifiers of a source text. */
export function importsOf(text: string): string[] {
  return [...text.matchAll(IMPORT)].map((match) => (match[1] ?? match[2] ?? match[3])!);
}

describe('core purity', () => {
  it('the import reader sees static, dynamic and require imports', () => {
    assert.deepEqual(importsOf("import fs from 'node:fs';\nconst x = await import('vscode');\nconst p = require(\"path\");"), ['node:fs', 'vscode', 'path']);
  });

  it('nothing under src/core imports vscode or a Node built-in', () => {
    const offenders: string[] = [];
    for (const file of sources(join(repoRoot, 'src', 'core'))) {
      for (const specifier of importsOf(readFileSync(file, 'utf8'))) {
        if (specifier === 'vscode' || NODE_BUILTINS.has(specifier)) offenders.push(`${relative(repoRoot, file)}: ${specifier}`);
      }
    }
    assert.deepEqual(offenders, []);
  });
});
