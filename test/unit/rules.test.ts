// Drives every fixture under test/fixtures/rules/<rule-id>/: the lines that must
// fail carry <!-- expect RULE … --> markers; a sibling *.findings.txt lists the rule's
// findings exactly (`line:column-endLine:endColumn severity message`, 1-based UTF-16
// columns of the text as the CLI and the editor see it, i.e. without a BOM; messages
// in zh-CN, the default); a sibling *.fixed.md is the text after fix-all, a sibling
// *.suggested.md the text after taking the first suggestion (quick fix) of each finding.
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { applyEdits, decodeText, fixAll, lint, parseConfig, ruleList, type Finding } from '../../src/core/index.js';
import { repoRoot } from './helpers.js';

const fixturesRoot = join(repoRoot, 'test', 'fixtures', 'rules');
const EXPECT = /<!--\s*expect\s+([^>]*?)\s*-->/g;

/** The expected "line:rule" pairs of a fixture (0-based lines). */
function expectations(text: string): string[] {
  const out: string[] = [];
  text.split(/\r?\n/).forEach((line, index) => {
    for (const match of line.matchAll(EXPECT)) {
      for (const rule of match[1]!.split(/\s+/)) out.push(`${index + 1}:${rule}`);
    }
  });
  return [...new Set(out)].sort();
}

/** A finding as a *.findings.txt line. */
function describeFinding(finding: Finding): string {
  const { start, end } = finding.range;
  return `${start.line + 1}:${start.character + 1}-${end.line + 1}:${end.character + 1} ${finding.severity} ${finding.message}`;
}

describe('rule fixtures', () => {
  for (const ruleId of readdirSync(fixturesRoot).sort()) {
    describe(ruleId, () => {
      const folder = join(fixturesRoot, ruleId);
      const inputs = readdirSync(folder).filter((name) => name.endsWith('.md') && !name.endsWith('.fixed.md') && !name.endsWith('.suggested.md'));
      it('has a passing and a failing fixture', () => {
        assert.ok(inputs.some((name) => name.startsWith('pass')), `${ruleId}: no pass*.md fixture`);
        assert.ok(inputs.some((name) => name.startsWith('fail')), `${ruleId}: no fail*.md fixture`);
      });
      for (const name of inputs) {
        it(name, () => {
          const text = readFileSync(join(folder, name), 'utf8');
          const configPath = join(folder, name.replace(/\.md$/, '.json'));
          const config = existsSync(configPath) ? parseConfig(readFileSync(configPath, 'utf8'), configPath) : undefined;
          const findings = lint(text, config ? { config } : {}).filter((finding) => finding.ruleId === ruleId);
          const actual = [...new Set(findings.map((finding) => `${finding.range.start.line + 1}:${finding.ruleId}`))].sort();
          const expected = expectations(text).filter((entry) => entry.endsWith(`:${ruleId}`));
          assert.deepEqual(actual, expected);
          // Column, range, severity and message of every finding, on the text as the adapters decode it.
          const findingsPath = join(folder, name.replace(/\.md$/, '.findings.txt'));
          if (name.startsWith('fail')) assert.ok(existsSync(findingsPath), `${ruleId}/${name}: no ${name.replace(/\.md$/, '.findings.txt')}`);
          const decoded = decodeText(readFileSync(join(folder, name))).text;
          const described = lint(decoded, config ? { config } : {})
            .filter((finding) => finding.ruleId === ruleId)
            .map(describeFinding);
          const listed = existsSync(findingsPath) ? readFileSync(findingsPath, 'utf8').split('\n').filter((line) => line !== '') : [];
          assert.deepEqual(described, listed, `${ruleId}/${name}: findings differ from ${findingsPath}`);
          const fixedPath = join(folder, name.replace(/\.md$/, '.fixed.md'));
          if (existsSync(fixedPath)) {
            const fixed = fixAll(text, config ? { config } : {});
            assert.equal(fixed, readFileSync(fixedPath, 'utf8'));
            const left = lint(fixed, config ? { config } : {}).filter((finding) => finding.ruleId === ruleId && finding.fix);
            assert.deepEqual(left, [], 'nothing fixable is left after fix-all');
          }
          const suggestedPath = join(folder, name.replace(/\.md$/, '.suggested.md'));
          if (existsSync(suggestedPath)) {
            const edits = findings.flatMap((finding) => finding.suggestions?.[0]?.fix ?? []);
            assert.ok(edits.length > 0, 'the fixture has suggestions');
            const suggested = applyEdits(text, edits);
            assert.equal(suggested, readFileSync(suggestedPath, 'utf8'));
            const left = lint(suggested, config ? { config } : {}).filter((finding) => finding.ruleId === ruleId && finding.suggestions);
            assert.deepEqual(left, [], 'no suggestion is left after taking them');
          }
        });
      }
    });
  }

  it('every rule has fixtures and a docs page', () => {
    for (const rule of ruleList) {
      assert.ok(existsSync(join(fixturesRoot, rule.id)), `fixtures for ${rule.id}`);
      assert.ok(existsSync(join(repoRoot, 'docs', 'rules', `${rule.id}.md`)), `docs/rules/${rule.id}.md`);
    }
  });

  it('fixable rules have a .fixed.md fixture', () => {
    for (const rule of ruleList.filter((entry) => entry.fixable)) {
      const files = readdirSync(join(fixturesRoot, rule.id));
      assert.ok(files.some((name) => name.endsWith('.fixed.md')), `${rule.id} has a .fixed.md`);
    }
  });
});
