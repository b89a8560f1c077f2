// Regression tests for mutants that survived the suite (issue 10 §6): each assertion fails when
// the behaviour it names is removed.
import assert from 'node:assert/strict';
import { lint } from '../../src/core/index.js';
import { applyOffsetEdits, dedupeEdits } from '../../src/core/lint/apply-fixes.js';
import type { Rule } from '../../src/core/lint/rule.js';
import { runRules } from '../../src/core/lint/run.js';
import { parseReport } from '../../src/core/index.js';

describe('surviving mutants', () => {
  it('count-mismatch reads 两 as 2', () => {
    const count = (text: string) => lint(text).filter((finding) => finding.ruleId === 'count-mismatch').length;
    assert.equal(count('报告\n主要抓了两个方面：一是抓项目；二是抓招商。'), 0);
    assert.equal(count('报告\n主要抓了两个方面：一是抓项目；二是抓招商；三是抓民生。'), 1);
  });

  it('a rule that throws gives one internal finding; the other rules still run', () => {
    const broken: Rule = {
      id: 'broken',
      severity: 'warning',
      fixable: false,
      tags: [],
      description: { 'zh-CN': '坏', en: 'broken' },
      check() {
        throw new Error('boom');
      },
    };
    const fine: Rule = {
      id: 'fine',
      severity: 'info',
      fixable: false,
      tags: [],
      description: { 'zh-CN': '好', en: 'fine' },
      check(context) {
        context.report({ start: 0, end: 1, message: { 'zh-CN': '好', en: 'fine' } });
      },
    };
    const findings = runRules(parseReport('正文。'), [broken, fine], { lang: 'en' });
    assert.deepEqual(
      findings.map((finding) => [finding.ruleId, finding.severity]),
      [
        ['broken', 'error'],
        ['fine', 'info'],
      ],
    );
    assert.match(findings[0]!.message, /Internal error in rule broken: boom/);
  });

  it('overlapping edits: the first wins, the overlapping one is not applied', () => {
    const text = 'abcdef';
    const edits = [
      { start: 1, end: 3, newText: 'X' },
      { start: 2, end: 4, newText: 'Y' },
      { start: 4, end: 5, newText: 'Z' },
    ];
    assert.equal(applyOffsetEdits(text, edits), 'aXdZf');
    assert.deepEqual(dedupeEdits(edits).map((edit) => edit.newText), ['X', 'Z']);
  });
});
