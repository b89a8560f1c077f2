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

describe('named X and a ％ house style', () => {
  const rule = (text: string, id: string) => lint(text).filter((finding) => finding.ruleId === id);

  it('an X that names something is no placeholder; a blank X still is', () => {
    for (const text of ['实施“415X”工程。', '构建“1+N+X”体系。', '推进1+X证书试点。', '实施“双尖双领+X”项目。', '代号用X代表消防救援。']) {
      assert.deepEqual(rule(`报告\n${text}`, 'placeholder'), [], text);
    }
    for (const text of ['投资X万元。', '20XX年完成。', '“X”项目。', 'X+X工程。']) {
      assert.ok(rule(`报告\n${text}`, 'placeholder').length > 0, text);
    }
  });

  it('three or more ％ and no %: a house style, no finding; fewer: one each with a fix', () => {
    const house = rule('报告\n增长5％，下降3％，持平0％。\n占比12％。', 'number-width');
    assert.deepEqual(house, []);
    // A full-width number is still reported in such a document.
    assert.equal(rule('报告\n增长5％，下降3％，持平0％。\n共１２个。', 'number-width').length, 1);
    const slips = rule('报告\n增长5％，下降3％。', 'number-width');
    assert.equal(slips.length, 2);
    assert.ok(slips.every((finding) => finding.fix));
    // Mixed with % the ％ are slips, each fixable.
    assert.ok(rule('报告\n增长5%，下降3％，持平0％，占比1％。', 'number-width').every((finding) => finding.fix));
  });
});
