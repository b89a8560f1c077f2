import assert from 'node:assert/strict';
import { lint } from '../../src/core/index.js';
import { exportedActions, unfinishedCounts } from '../../src/extension/logic/export-flow.js';
import { nextToFill, todayFor } from '../../src/extension/logic/fill-in.js';
import { countByRule } from '../../src/extension/logic/rule-counts.js';

const at = (line: number, character: number, length: number) => ({ start: { line, character }, end: { line, character: character + length } });

describe('extension: the fill-in pass', () => {
  const today = new Date(2026, 10, 6);

  it('writes today’s date the way the placeholder is written', () => {
    assert.equal(todayFor('x月x日', today), '11月6日');
    assert.equal(todayFor('xx年x月x日', today), '2026年11月6日');
    assert.equal(todayFor('20XX年', today), '2026年');
    assert.equal(todayFor('××年××月', today), '2026年11月');
    assert.equal(todayFor('19XX年', today), undefined, 'the given digits disagree with this year');
    assert.equal(todayFor('XX镇', today), undefined);
    assert.equal(todayFor('X亿元', today), undefined);
    assert.equal(todayFor('XX', today), undefined);
  });

  it('fills the placeholder under or after the cursor, wrapping, passing over skipped ones', () => {
    const ranges = [at(0, 0, 3), at(2, 4, 2), at(5, 1, 4)];
    assert.deepEqual(nextToFill(ranges, { line: 0, character: 1 }, () => false), ranges[0], 'the one under the cursor');
    assert.deepEqual(nextToFill(ranges, { line: 0, character: 3 }, () => false), ranges[1], 'after the cursor');
    assert.deepEqual(nextToFill(ranges, { line: 6, character: 0 }, () => false), ranges[0], 'wraps around');
    assert.deepEqual(nextToFill(ranges, { line: 0, character: 0 }, (range) => range === ranges[0]), ranges[1]);
    assert.equal(nextToFill(ranges, { line: 0, character: 0 }, () => true), undefined, 'all skipped: done');
    assert.equal(nextToFill([], { line: 0, character: 0 }, () => false), undefined);
  });
});

describe('extension: export pre-flight and notification', () => {
  it('counts placeholders and the errors other than placeholders (Problems shows their sum)', () => {
    const text = '报告\n一、甲\n三、乙\nXX镇于x月x日召开会议（\n';
    const findings = lint(text);
    const counts = unfinishedCounts(findings);
    assert.equal(counts.placeholders, 2, 'XX镇 and x月x日');
    const errors = findings.filter((finding) => finding.severity === 'error').length;
    assert.equal(counts.placeholders + counts.otherErrors, errors, 'together they are the errors Problems lists');
    assert.ok(counts.otherErrors >= 2, JSON.stringify(findings.map((finding) => finding.ruleId)));
    assert.deepEqual(unfinishedCounts([{ ruleId: 'cjk-spacing', severity: 'warning' }]), { placeholders: 0, otherErrors: 0 });
  });

  it('offers Open on a local desktop only, Download on the web and in remote windows, Reveal everywhere', () => {
    assert.deepEqual(exportedActions({ web: false, remote: false, openedAlready: false }), ['open', 'reveal']);
    assert.deepEqual(exportedActions({ web: false, remote: false, openedAlready: true }), ['reveal']);
    assert.deepEqual(exportedActions({ web: true, remote: false, openedAlready: false }), ['reveal', 'download']);
    assert.deepEqual(exportedActions({ web: false, remote: true, openedAlready: false }), ['reveal', 'download']);
  });
});

describe('extension: overview per rule', () => {
  it('counts findings per rule and severity, most first', () => {
    const counts = countByRule([
      { ruleId: 'placeholder', severity: 'error' },
      { ruleId: 'cjk-spacing', severity: 'warning' },
      { ruleId: 'placeholder', severity: 'error' },
      { ruleId: 'date-style', severity: 'info' },
      { ruleId: 'cjk-spacing', severity: 'error' },
    ]);
    assert.deepEqual(counts, [
      { ruleId: 'cjk-spacing', errors: 1, warnings: 1, infos: 0, total: 2 },
      { ruleId: 'placeholder', errors: 2, warnings: 0, infos: 0, total: 2 },
      { ruleId: 'date-style', errors: 0, warnings: 0, infos: 1, total: 1 },
    ]);
  });
});
