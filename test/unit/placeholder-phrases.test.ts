import assert from 'node:assert/strict';
import { lint } from '../../src/core/index.js';

/** The placeholder texts the core reports in one paragraph, in order. */
function phrases(paragraph: string): string[] {
  const text = `报告\n${paragraph}`;
  return lint(text, { only: ['placeholder'] }).map((finding) => text.slice(finding.offset, finding.endOffset));
}

describe('placeholder: one finding per phrase', () => {
  it('joins the blanks of a date into one placeholder', () => {
    assert.deepEqual(phrases('于x月x日召开'), ['x月x日']);
    assert.deepEqual(phrases('xx年x月x日印发'), ['xx年x月x日']);
    assert.deepEqual(phrases('××年××月××日'), ['××年××月××日']);
    assert.deepEqual(phrases('X月X日至X月X日开展'), ['X月X日至X月X日']);
    assert.deepEqual(phrases('X时X分开会'), ['X时X分']);
    // A single symbol between date units is a blank too: the template's ××××年×月×日 is one phrase.
    assert.deepEqual(phrases('××××年×月×日印发'), ['××××年×月×日']);
    assert.deepEqual(phrases('○○○○年○月○日，2025年×月×日'), ['○○○○年○月○日', '×月×日']);
    // Elsewhere a single × is a sign and ○ a zero.
    assert.deepEqual(phrases('3×4米，二○○四年五月'), []);
  });

  it('takes leading digits, the unit of a number and the noun of a name', () => {
    assert.deepEqual(phrases('20XX年目标'), ['20XX年']);
    assert.deepEqual(phrases('投资X亿元、X.X亿元，增长X%，X多万元'), ['X亿元', 'X.X亿元', 'X%', 'X多万元']);
    assert.deepEqual(phrases('XX镇、XXX书记、*村、XX路'), ['XX镇', 'XXX书记', '*村', 'XX路']);
  });

  it('keeps separate blanks apart', () => {
    assert.deepEqual(phrases('X、X“三旧”改造'), ['X', 'X']);
    assert.deepEqual(phrases('XX镇、XX县'), ['XX镇', 'XX县']);
    // 分 ends a time, not a lone blank (x分局 is a branch office).
    assert.deepEqual(phrases('配合x分局'), ['x']);
    // An extra pattern's match stays as matched.
    const text = '报告\n【待定】月';
    const found = lint(text, { config: { rules: { placeholder: { extra: ['【待定】'] } } }, only: ['placeholder'] });
    assert.deepEqual(found.map((finding) => text.slice(finding.offset, finding.endOffset)), ['【待定】']);
  });

  it('names the phrase in the message', () => {
    const [finding] = lint('报告\nx月x日召开', { only: ['placeholder'], lang: 'zh-CN' });
    assert.equal(finding!.message, '占位符“x月x日”未替换');
  });
});
