// The speed-ups of the lint hot paths must not change a single result. Each is checked
// against the straightforward reading it replaced, on generated text (fast-check):
// - repeated-char segments only windows that can hold a slip, and each distinct window once;
//   the reference segments every window around every candidate, as the rule did before;
// - a report line whose only inline Markdown is one lone `*` skips remark; the reference asks remark.
import assert from 'node:assert/strict';
import fc from 'fast-check';

if (process.env['FC_SEED']) fc.configureGlobal({ seed: Number(process.env['FC_SEED']) });
import { lint, parseReport } from '../../src/core/index.js';
import { parseMarkdownSlice } from '../../src/core/parse/markdown.js';
import { maskRedactionStars } from '../../src/core/parse/report.js';
import { ABAB_ALLOWED, FUNCTION_OR_VERB, PREFIX_CHARS, WINDOW } from '../../src/core/rules/repeated-char.js';
import { knownWords } from '../../src/core/rules/words.js';

const HAN = /^[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]+$/;

function isAabb(masked: string, index: number): boolean {
  const char = masked[index];
  return masked[index - 1] === masked[index - 2] || masked[index + 2] === masked[index + 3] || masked[index - 1] === char || masked[index + 2] === char;
}

/** The former reading: every window around every candidate segmented, slips in order of discovery (as messages). */
function referenceMessages(masked: string): Array<{ offset: number; endOffset: number; message: string }> {
  const words = knownWords();
  const segmenter = new Intl.Segmenter('zh', { granularity: 'word' });
  const out: Array<{ offset: number; endOffset: number; message: string }> = [];
  const seen = new Set<number>();
  const candidates = /([\u4e00-\u9fff])\1|([\u4e00-\u9fff]{2})\2/g;
  let match: RegExpExecArray | null;
  const word2 = (at: number, length: number, shown: string, suggestion: string) =>
    out.push({ offset: at, endOffset: at + length, message: `疑似词语重复：“${shown}”，应为“${suggestion}”` });
  const char1 = (at: number, char: string, shown: string, suggestion: string) =>
    out.push({ offset: at, endOffset: at + 2, message: `疑似误重复：“${shown}”中的“${char}”重复，应为“${suggestion}”` });
  while ((match = candidates.exec(masked))) {
    candidates.lastIndex = match.index + 1;
    const from = Math.max(0, match.index - WINDOW);
    const to = Math.min(masked.length, match.index + match[0].length + WINDOW);
    const segments = [...segmenter.segment(masked.slice(from, to))];
    for (let index = 0; index + 1 < segments.length; index++) {
      const current = segments[index]!;
      const next = segments[index + 1]!;
      const at = from + current.index;
      if (seen.has(at) || !HAN.test(current.segment) || !HAN.test(next.segment)) continue;
      const word = current.segment;
      const after = segments[index + 2]?.segment ?? '';
      const before = segments[index - 1]?.segment ?? '';
      if (word === next.segment && word.length >= 2) {
        if (ABAB_ALLOWED.has(word) || word.startsWith('一')) continue;
        seen.add(at);
        word2(at, word.length * 2, before.slice(-2) + word + word + after.slice(0, 2), before.slice(-2) + word + after.slice(0, 2));
      } else if (word.length >= 2 && next.segment === word[word.length - 1] && HAN.test(after)) {
        const char = next.segment;
        if (PREFIX_CHARS.has(char) || after[0] === char || word[word.length - 2] === char) continue;
        if (!words.has(after.slice(0, 2)) || words.has(char + after[0])) continue;
        if (word.length === 2 && word[0] === '一') continue;
        if (isAabb(masked, at + word.length - 1)) continue;
        seen.add(at);
        char1(at + word.length - 1, char, word + char + after.slice(0, 2), word + after.slice(0, 2));
      } else if (word.length === 1 && next.segment === word) {
        if (before === word || after === word || after.startsWith(word) || before.endsWith(word) || isAabb(masked, at)) continue;
        if (!FUNCTION_OR_VERB.has(word)) continue;
        seen.add(at);
        char1(at, word, before.slice(-2) + word + word + after.slice(0, 2), before.slice(-2) + word + after.slice(0, 2));
      }
    }
  }
  return out.sort((left, right) => left.offset - right.offset || left.endOffset - right.endOffset);
}

// Pieces rich in doublings: words typed twice, a word and its last character, function characters, AABB, runs.
const hanPieces = [
  '建设', '项目', '项目', '的', '的', '再', '上', '上', '进一步', '步', '推进', '全面', '面', '狠抓', '抓', '安全', '健全', '全', '过程',
  '研究', '一个', '个', '一项', '项', '高', '兴', '扎实', '实', '税收', '收入', '工作', '工作', '产品', '品牌', '海关', '关', '衔', '在', '和',
  '抓好', '落实', '生产', '哈', '哈哈', '家家', '户户', '措施', '坚持', '持续', '发展', '展', '我', '镇', '乡', '村', '村民',
  '，', '。', '、', '“', '”', '1', 'a', ' ',
];
const hanLine = fc.array(fc.constantFrom(...hanPieces), { minLength: 1, maxLength: 40 }).map((parts) => '正文' + parts.join(''));

describe('speed-ups change no result', () => {
  it('repeated-char finds exactly what segmenting every window found', () => {
    fc.assert(
      fc.property(hanLine, (line) => {
        const text = line + '\n';
        const document = parseReport(text);
        // One plain paragraph: its masked text is the line.
        fc.pre(document.blocks.length === 1 && document.blocks[0]!.textRanges.length === 1 && document.blocks[0]!.start === 0);
        const actual = lint(text)
          .filter((finding) => finding.ruleId === 'repeated-char' && !finding.message.startsWith('标点重复'))
          .map(({ offset, endOffset, message }) => ({ offset, endOffset, message }));
        // The paragraph's text ends before its trailing spaces (Markdown drops them), so the reference reads it so too.
        assert.deepEqual(actual, referenceMessages(line.replace(/ +$/, '')));
      }),
      { numRuns: 400 },
    );
  });

  it('repeated-char: the reference does find slips in these lines (the comparison is not vacuous)', () => {
    assert.equal(referenceMessages('正文建设项目项目的的推进').length > 0, true);
    assert.deepEqual(
      lint('正文全面面推进安全工作，狠抓抓安全。\n').filter((finding) => finding.ruleId === 'repeated-char').map((finding) => finding.offset),
      referenceMessages('正文全面面推进安全工作，狠抓抓安全。').map((slip) => slip.offset),
    );
  });

  it('a 1 M-character line of one repeated word lints in seconds (windows of equal text segmented once)', function () {
    this.timeout(60_000);
    const started = Date.now();
    const findings = lint('工作'.repeat(500_000)).filter((finding) => finding.ruleId === 'repeated-char');
    // Every 工作工作 but the last pair: what segmenting all million windows found.
    assert.equal(findings.length, 499_999);
    assert.deepEqual(findings.slice(0, 2).map((finding) => [finding.offset, finding.endOffset]), [[0, 4], [2, 6]]);
    assert.ok(Date.now() - started < 45_000, `took ${Date.now() - started} ms`);
  });

  const starPieces = ['小', '*', '*', '域内', '镇', '美丽', '”', '“', '（', '）', '，', '。', '\u3000', '\u00a0', 'abc', '12', ' ', '\uE000', '村', '书记', '*镇', '_', '\t'];
  const starLine = fc
    .tuple(fc.constantFrom('完善', '小*村', '为确保', '“'), fc.array(fc.constantFrom(...starPieces), { minLength: 1, maxLength: 30 }), fc.constantFrom('发展', '。', '*', '”'))
    .map(([head, parts, tail]) => head + parts.join('') + tail);

  it('a line with one lone * gives the nodes remark gives', () => {
    let loneStars = 0;
    fc.assert(
      fc.property(starLine, (line) => {
        const document = parseReport(line);
        const node = document.root.children[0]!;
        fc.pre(document.root.children.length === 1 && node.type === 'paragraph');
        const block = document.blocks[0]!;
        const masked = maskRedactionStars(line.slice(block.start, block.end));
        // Only lines that went to remark before (the others never did and still do not).
        fc.pre(/[*_`[<\\~@]|&[#A-Za-z]|https?:|www\./i.test(masked));
        if (masked.split('*').length === 2) loneStars++;
        const parsed = parseMarkdownSlice(masked, block.start, 0, block.start);
        const expected = parsed.length === 1 && parsed[0]!.type === 'paragraph' ? parsed[0]!.children : undefined;
        if (expected === undefined) return;
        assert.equal(JSON.stringify(node.children), JSON.stringify(expected));
        // One text node (the lone-star case): the block's text is that node.
        if (expected.length === 1 && expected[0]!.type === 'text') {
          assert.deepEqual(block.textRanges, [[expected[0]!.position!.start.offset, expected[0]!.position!.end.offset]]);
        }
      }),
      { numRuns: 600 },
    );
    assert.ok(loneStars > 50, `only ${loneStars} lines with a lone * were generated`);
  });
});
