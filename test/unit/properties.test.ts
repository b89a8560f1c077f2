import assert from 'node:assert/strict';
import fc from 'fast-check';

// A failing run prints its seed (fast-check's report); FC_SEED=<seed> reruns exactly that case.
if (process.env['FC_SEED']) fc.configureGlobal({ seed: Number(process.env['FC_SEED']) });
import { fixAll, lint, outline, parseReport } from '../../src/core/index.js';

// Building blocks that look like reports: markers, enumeration words, brackets, placeholders, Markdown.
const pieces = [
  '一、', '二、', '三、', '四、', '十一、', '（一）', '（二）', '（四）', '(三)', '1.', '2.', '3、', '１．', '（1）', '(2)', '①', '②',
  '一是', '二是', '四是', '一要', '三要', '第一，', '第三，', '1.要', '；2.要', '。3.', 'XX镇', 'x月x日', '20XX年', '*镇', '××', '○○',
  '（', '）', '“', '”', '《', '》', '【', '】', '**', '*', '`', '```', '#', '> ', '- ', '| a | b |', '|---|---|', '<!-- report-md-disable -->',
  '工作', '推进', '。', '，', '：', '三个方面：', ' ', '\t', '\u3000', '\u00a0', '\n', '\r\n', '\r', '\uFEFF', 'PM2.5', 'https://x.cn/XX',
];
const reportText = fc.array(fc.constantFrom(...pieces), { maxLength: 60 }).map((parts) => parts.join(''));
const anyText = fc.oneof(reportText, fc.string({ unit: 'binary', maxLength: 200 }), fc.string({ unit: 'grapheme', maxLength: 200 }));

const NUMBERING = ['numbering-sequence', 'enumeration-sequence'];

function checkRanges(text: string): void {
  const lines = text.split(/\r\n|\n|\r/);
  for (const finding of lint(text)) {
    const { start, end } = finding.range;
    assert.ok(start.line >= 0 && start.line < lines.length, `start line in bounds: ${JSON.stringify(finding)}`);
    assert.ok(end.line >= start.line && end.line < lines.length);
    assert.ok(start.character >= 0 && start.character <= lines[start.line]!.length);
    assert.ok(end.character >= 0 && end.character <= lines[end.line]!.length);
    assert.ok(finding.offset <= finding.endOffset && finding.endOffset <= text.length);
  }
}

/** Characters of the text outside any outline/enumeration numeral, in order. */
function skeleton(text: string): string {
  return text.replace(/[一二三四五六七八九十]+|[0-9０-９]+|[\u2460-\u2473]/g, '#');
}

describe('properties', () => {
  it('lint never throws and returns in-bounds ranges for any string', () => {
    fc.assert(fc.property(anyText, (text) => checkRanges(text)), { numRuns: 400 });
  });

  it('parse, outline and fix never throw', () => {
    fc.assert(
      fc.property(anyText, (text) => {
        parseReport(text);
        outline(text);
        fixAll(text);
      }),
      { numRuns: 300 },
    );
  });

  it('fix is idempotent', () => {
    fc.assert(
      fc.property(reportText, (text) => {
        const once = fixAll(text);
        assert.equal(fixAll(once), once);
      }),
      { numRuns: 400 },
    );
  });

  it('renumbering changes only numerals (every other character, indentation, line ending and BOM stays)', () => {
    fc.assert(
      fc.property(reportText, (text) => {
        const fixed = fixAll(text, { only: NUMBERING });
        assert.equal(skeleton(fixed).replace(/#+/g, '#'), skeleton(text).replace(/#+/g, '#'));
        assert.equal(fixed.replace(/[一二三四五六七八九十0-9０-９\u2460-\u2473]/g, ''), text.replace(/[一二三四五六七八九十0-9０-９\u2460-\u2473]/g, ''));
      }),
      { numRuns: 400 },
    );
  });

  it('after fix no numbering-sequence or enumeration-sequence finding is left', () => {
    fc.assert(
      fc.property(reportText, (text) => {
        const left = lint(fixAll(text, { only: NUMBERING })).filter((finding) => finding.ruleId === 'numbering-sequence' || finding.ruleId === 'enumeration-sequence');
        assert.deepEqual(left, []);
      }),
      { numRuns: 300 },
    );
  });
});
