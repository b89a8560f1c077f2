// The proofreading rules on the five seeds: exactly the findings listed in issue 5
// plus the template residue of seed 002, each reviewed by hand (see docs/rules/*.md).
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fixAll, lint, outline } from '../../src/core/index.js';
import { repoRoot } from './helpers.js';

const PROOFREADING = ['template-residue', 'punctuation-width', 'cjk-spacing', 'number-width', 'quote-style', 'repeated-char', 'heading-punctuation', 'date-style'];

const seedsDir = join(repoRoot, 'test', 'fixtures', 'seeds');
const seeds = {
  '000': '000_df5cec23351b02f9.txt',
  '001': '001_2c8569aa8bc409e8.txt',
  '002': '002_d3c5f8660d1dab73.txt',
  '003': '003_e01ac459bc9313ae.txt',
  '004': '004_f3dca378b1e453c1.txt',
} as const;

/** seed → "line rule text" entries, 1-based lines; the text is the finding's range. */
const expected: Record<keyof typeof seeds, string[]> = {
  '000': [],
  '001': [],
  '002': [
    '1 template-residue 仅供学习 禁止外传',
    '2 template-residue 酷乐文行',
    '3 template-residue 自建平台、实时分享',
    '4 template-residue 根据实际需求和形式任务不断迭代',
    '5 template-residue 现在订阅立享前3年的所有权益和资料',
    '7 template-residue 【打击倒卖活动】',
    '8 template-residue 举报倒卖会员资料的人，举报成功免费赠送一年会员材料！',
    '9 template-residue 会员群：                      免费QQ群：',
    '20 punctuation-width ,',
    '56 punctuation-width ,',
  ],
  '003': ['7 cjk-spacing  '],
  '004': ['1 punctuation-width ,', '5 number-width ％', '6 repeated-char 抓抓'],
};

/** The text around each listed finding, to pin it to the examples. */
const contexts: Record<string, string> = {
  '002:20': '一大批,发放',
  '002:56': '终极考评,“国检”',
  '003:7': '大检查7 次',
  '004:1': '高质量发展,全力',
  '004:5': '1％',
  '004:6': '狠抓抓安全',
};

function read(name: string): string {
  return readFileSync(join(seedsDir, name), 'utf8');
}

describe('proofreading rules on the seeds', () => {
  for (const [id, name] of Object.entries(seeds) as Array<[keyof typeof seeds, string]>) {
    it(`${id}: exactly the reviewed findings`, () => {
      const text = read(name);
      const findings = lint(text, { only: PROOFREADING });
      const actual = findings.map((finding) => `${finding.range.start.line + 1} ${finding.ruleId} ${text.slice(finding.offset, finding.endOffset)}`);
      assert.deepEqual(actual, expected[id]);
      const lines = text.split(/\r?\n/);
      for (const finding of findings) {
        const around = contexts[`${id}:${finding.range.start.line + 1}`];
        if (around) assert.ok(lines[finding.range.start.line]!.includes(around), `${id}:${finding.range.start.line + 1} contains ${around}`);
      }
    });
  }

  it('002: the title skips the residue, and fix-all removes it', () => {
    const text = read(seeds['002']);
    assert.equal(outline(text)[0]!.title, '2020年上半年政府工作总结');
    const fixed = fixAll(text, { only: ['template-residue'] });
    assert.ok(fixed.startsWith('2020年上半年政府工作总结\n'), fixed.slice(0, 40));
    assert.equal(text.endsWith(fixed), true, 'only the leading residue lines are removed');
    assert.equal(outline(fixed)[0]!.title, '2020年上半年政府工作总结');
  });

  it('fix-all applies the listed fixes and nothing else', () => {
    const only = ['punctuation-width', 'cjk-spacing', 'number-width', 'quote-style'];
    const cases: Array<[string, string, string]> = [
      ['002', '一大批,发放', '一大批，发放'],
      ['002', '终极考评,“国检”', '终极考评，“国检”'],
      ['003', '大检查7 次', '大检查7次'],
      ['004', '高质量发展,全力', '高质量发展，全力'],
      ['004', '超过1％', '超过1%'],
    ];
    for (const [id, name] of Object.entries(seeds) as Array<[keyof typeof seeds, string]>) {
      const text = read(name);
      let wanted = text;
      for (const [seed, before, after] of cases) if (seed === id) wanted = wanted.replace(before, after);
      assert.equal(fixAll(text, { only }), wanted, id);
    }
  });
});
