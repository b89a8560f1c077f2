// Pathological inputs must give findings or a clean result quickly — no crash, no hang.
// (Speed targets live in the benchmark; the mocha timeout here only catches hangs.)
import assert from 'node:assert/strict';
import { fixAll, lint, outline } from '../../src/core/index.js';

const cases: Array<[string, () => string]> = [
  ['empty file', () => ''],
  ['NUL bytes', () => '一、甲\u0000乙\n\u0000\u0000三、丙'],
  ['a 1 M-character single line', () => '工作'.repeat(500_000)],
  ['a 1 M-character line of placeholders', () => 'XX镇'.repeat(330_000)],
  ['20 000 headings', () => Array.from({ length: 20_000 }, (_, index) => `${['一', '二', '三'][index % 3]}、标题${index}`).join('\n')],
  ['20 000-deep block-quote nesting', () => '>'.repeat(20_000) + ' 正文'],
  ['3 000-deep lists', () => Array.from({ length: 3_000 }, (_, index) => ' '.repeat(index * 2) + '- 项').join('\n')],
  ['3 000-deep bullet chain', () => '- '.repeat(3_000) + '项'],
  ['100 000 unbalanced brackets', () => '（'.repeat(50_000) + '》'.repeat(50_000)],
  ['100 000 stars', () => '*'.repeat(100_000)],
  ['lone surrogates', () => '\ud800一、\udc00XX'],
];

describe('robustness', function () {
  this.timeout(60_000);
  for (const [name, make] of cases) {
    it(name, () => {
      const text = make();
      const findings = lint(text);
      assert.ok(Array.isArray(findings));
      for (const finding of findings) assert.ok(finding.endOffset <= text.length);
      assert.equal(typeof fixAll(text), 'string');
      outline(text);
    });
  }

  it('caps pairing findings per paragraph', () => {
    const findings = lint('（'.repeat(100_000)).filter((finding) => finding.ruleId === 'pairing');
    assert.equal(findings.length, 20);
  });
});
