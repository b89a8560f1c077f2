// Property tests for the proofreading fixes: idempotent, and lossless (only the
// targeted characters change; indentation, line endings and the BOM stay).
import assert from 'node:assert/strict';
import fc from 'fast-check';

// A failing run prints its seed (fast-check's report); FC_SEED=<seed> reruns exactly that case.
if (process.env['FC_SEED']) fc.configureGlobal({ seed: Number(process.env['FC_SEED']) });
import { fixAll, lint } from '../../src/core/index.js';

const pieces = [
  '工作', '推进', '安全', '生产', '狠抓', '抓', '税收', '收入', '各村', '居', '大检查', '次', '个', '村', '“', '”', '（', '）', '。', '，', '、', '；', '：',
  ',', ';', ':', '?', '!', '(', ')', '"', "'", ' ', '  ', '\t', '\u3000', '\u00a0', '7', '32', '1,000', '10:30', '１２', '％', '．', '%', '1.', '一、', '（一）', '(1)',
  'PM2.5', 'Windows 10', "don't", '`code, "x"`', 'https://x.cn/a,b', '<!-- c -->', '**', '# ', '- ', '> ',
  '仅供学习 禁止外传', '会员群：', '第1页共3页', '【待补】', '2023年7月10日', '2023.7.10', '2023-07-10',
  '\n', '\n', '\r\n', '\r', '\n\n', '\uFEFF',
  // Compound pieces that trigger the fixes often.
  '大检查7 次，', '安全 生产。', '共 32 个村、', '"万亩千亿"', "'双进双产'，", '一大批,发放', '超过1％，', '各村(居)',
];
const reportText = fc.array(fc.constantFrom(...pieces), { maxLength: 50 }).map((parts) => parts.join(''));

const SINGLE_CHAR = ['punctuation-width', 'number-width', 'quote-style'];
/** Allowed single-character replacements of the single-character fixes. */
const REPLACEMENTS: Record<string, string> = {
  ',': '，,', ';': '；', ':': '：', '?': '？', '!': '！', '(': '（', ')': '）',
  '"': '“”', "'": '‘’', '％': '%', '．': '.', '，': ',',
  '０': '0', '１': '1', '２': '2', '３': '3', '４': '4', '５': '5', '６': '6', '７': '7', '８': '8', '９': '9',
};

function linesWithEndings(text: string): string[] {
  return text.match(/[^\r\n]*(?:\r\n|\n|\r|$)/g)!.filter((line, index, all) => line.length > 0 || index < all.length - 1);
}

function indentation(line: string): string {
  return /^[ \t\u00a0\u3000\uFEFF]*/.exec(line)![0];
}

function ending(line: string): string {
  return /(?:\r\n|\n|\r)?$/.exec(line)![0];
}

describe('proofreading fixes (properties)', () => {
  it('are idempotent with all proofreading rules on', () => {
    const only = ['template-residue', ...SINGLE_CHAR, 'cjk-spacing'];
    fc.assert(
      fc.property(reportText, (text) => {
        const once = fixAll(text, { only });
        assert.equal(once.startsWith('\uFEFF'), text.startsWith('\uFEFF'), 'the BOM stays');
        assert.equal(fixAll(once, { only }), once);
        assert.deepEqual(lint(once, { only }).filter((finding) => finding.fix), []);
      }),
      { numRuns: 400 },
    );
  });

  it('punctuation-width, number-width and quote-style replace single characters only', () => {
    fc.assert(
      fc.property(reportText, (text) => {
        const fixed = fixAll(text, { only: SINGLE_CHAR });
        assert.equal(fixed.length, text.length);
        for (let index = 0; index < text.length; index++) {
          if (fixed[index] === text[index]) continue;
          assert.ok((REPLACEMENTS[text[index]!] ?? '').includes(fixed[index]!), `${JSON.stringify(text[index])} → ${JSON.stringify(fixed[index])}`);
        }
      }),
      { numRuns: 400 },
    );
  });

  it('cjk-spacing only removes spaces inside lines', () => {
    fc.assert(
      fc.property(reportText, (text) => {
        const fixed = fixAll(text, { only: ['cjk-spacing'] });
        const before = linesWithEndings(text);
        const after = linesWithEndings(fixed);
        assert.equal(after.length, before.length);
        before.forEach((line, index) => {
          const out = after[index]!;
          assert.equal(indentation(out), indentation(line));
          assert.equal(ending(out), ending(line));
          // `out` is `line` with some spaces deleted.
          let cursor = 0;
          for (const char of line) {
            if (out[cursor] === char) cursor++;
            else assert.ok(char === ' ' || char === '\u00a0', `only spaces are removed: ${JSON.stringify(char)}`);
          }
          assert.equal(cursor, out.length);
        });
      }),
      { numRuns: 400 },
    );
  });

  it('template-residue only deletes whole lines', () => {
    fc.assert(
      fc.property(reportText, (text) => {
        // A U+FEFF inside the text is no BOM (trim() treats it as a space): not a real report.
        fc.pre(!text.slice(1).includes('\uFEFF'));
        const fixed = fixAll(text, { only: ['template-residue'] });
        // The BOM belongs to the file: it stays even when the first line goes.
        const bom = text.startsWith('\uFEFF');
        assert.equal(fixed.startsWith('\uFEFF'), bom);
        const before = linesWithEndings(bom ? text.slice(1) : text);
        const after = linesWithEndings(bom ? fixed.slice(1) : fixed);
        // Every line of the result is an original line, in order. Its line break may differ: the last one may
        // lose it, and a lone CR before a deleted line becomes LF (else it would merge with the next LF into one CRLF).
        const content = (line: string): string => line.replace(/(?:\r\n|\n|\r)$/, '');
        let cursor = 0;
        for (const line of after) {
          while (cursor < before.length && content(before[cursor]!) !== content(line)) cursor++;
          assert.ok(cursor < before.length, `line kept verbatim: ${JSON.stringify(line)}`);
          cursor++;
        }
      }),
      { numRuns: 400 },
    );
  });
});
