// User-supplied patterns (placeholder.extra) are refused when they could hang the linter,
// with a message naming the setting; the allow list is indexed so 10 000 terms cost little.
import assert from 'node:assert/strict';
import { lint, parseConfig } from '../../src/core/index.js';
import { MAX_PATTERN_LENGTH, unsafePatternReason } from '../../src/core/lint/safe-pattern.js';
import { configFromSettings } from '../../src/extension/logic/settings-to-config.js';
import { untrustedConfig } from '../../src/extension/logic/untrusted.js';

const REFUSED: Array<[string, RegExp]> = [
  ['(a+)+$', /nested quantifier/],
  ['(a*)*', /nested quantifier/],
  ['(?:\\w+\\s?)+$', /nested quantifier/],
  ['((ab)*c)+', /nested quantifier/],
  ['(x+x+)+y', /nested quantifier/],
  ['(a|a)*$', /alternatives that can match the same text/],
  ['(a|ab)+$', /alternatives that can match the same text/],
  ['(\\d|[0-9])+$', /alternatives that can match the same text/],
  ['(?:.|\\s)*!', /alternatives that can match the same text/],
  ['(a?b?)*$', /can match empty text/],
  ['(a|)+$', /can match empty text/],
  ['\\s*\\s*$', /can match the same characters/],
  ['.*x?.*y', /can match the same characters/],
  ['[0-9]+\\d+$', /can match the same characters/],
  ['a*(?:a*)b', /can match the same characters/],
  ['(a)\\1', /backreference/],
  ['(?<x>a)\\k<x>', /backreference/],
  ['X'.repeat(MAX_PATTERN_LENGTH + 1), /characters long/],
  ['(', /not a valid regular expression/],
];

const ACCEPTED = [
  '某某',
  'XX(?:镇|乡|村)',
  '【[^】]*】',
  '\\{\\{\\s*\\w+\\s*\\}\\}',
  '(?:甲|乙|丙)方',
  '(?:XX|某)+',
  '(?:[一二三]、)+',
  '(?:ab?)+',
  '(?:a{2})+',
  '\\d{4}年\\d{1,2}月',
  '[\\u4e00-\\u9fff]+某',
  '\\p{Script=Han}+XX',
  '^待定$',
  '(?<=第)X+(?=条)',
  '\\u{1F600}+',
  '[^，。]*待补',
];

describe('safe patterns: the guard', () => {
  for (const [pattern, reason] of REFUSED) {
    it(`refuses ${JSON.stringify(pattern.length > 40 ? pattern.slice(0, 20) + '…' : pattern)}`, () => {
      const found = unsafePatternReason(pattern);
      assert.ok(found, `expected ${pattern} to be refused`);
      assert.match(found, reason);
    });
  }
  for (const pattern of ACCEPTED) {
    it(`accepts ${JSON.stringify(pattern)}`, () => {
      assert.equal(unsafePatternReason(pattern), undefined);
    });
  }

  it('refuses in well under a second, even for the longest allowed pattern', () => {
    const started = performance.now();
    unsafePatternReason('(?:' + Array.from({ length: 60 }, (_, index) => String.fromCharCode(0x4e00 + index)).join('|') + ')');
    unsafePatternReason('[a-z]*'.repeat(40));
    assert.ok(performance.now() - started < 1000);
  });
});

describe('safe patterns: where they are read', () => {
  it('.reportmdrc.json: a catastrophic placeholder.extra is a configuration error naming the setting and the file', () => {
    assert.throws(
      () => parseConfig(JSON.stringify({ rules: { placeholder: { extra: ['某某', '(a+)+$'] } } }), '/work/report/.reportmdrc.json'),
      (error: Error) => {
        assert.equal(error.name, 'ConfigError');
        assert.match(error.message, /^\/work\/report\/\.reportmdrc\.json: rules\.placeholder\.extra\[1\]/);
        assert.match(error.message, /"\(a\+\)\+\$"/);
        assert.match(error.message, /nested quantifier/);
        return true;
      },
    );
  });

  it('.reportmdrc.json: safe patterns still pass', () => {
    const config = parseConfig(JSON.stringify({ rules: { placeholder: { extra: ['某某', '【[^】]*】'] } } }), '.reportmdrc.json');
    assert.deepEqual(config.rules?.['placeholder'], { extra: ['某某', '【[^】]*】'] });
  });

  it('settings: an unsafe extraPatterns entry is dropped and reported with the reason', () => {
    const warnings: string[] = [];
    const config = configFromSettings({ rules: {}, placeholderAllow: [], placeholderExtraPatterns: ['(a+)+$', '某某'] }, (message) => warnings.push(message));
    assert.deepEqual(config.rules?.['placeholder'], { extra: ['某某'] });
    assert.equal(warnings.length, 1);
    assert.match(warnings[0]!, /^reportMarkdown\.placeholder\.extraPatterns\[0\]: the pattern "\(a\+\)\+\$" is refused: .*nested quantifier/);
    assert.match(warnings[0]!, /nested quantifier/);
  });

  it('the rule itself never runs an unsafe pattern it is handed directly (API callers skip validation)', () => {
    const text = '一、' + 'a'.repeat(40) + '!某某';
    const started = performance.now();
    const findings = lint(text, { config: { rules: { placeholder: { extra: ['(a+)+$', '某某'] } } } });
    assert.ok(performance.now() - started < 2000);
    assert.deepEqual(
      findings.filter((finding) => finding.ruleId === 'placeholder').map((finding) => text.slice(finding.offset, finding.endOffset)),
      ['某某'],
    );
  });

  it('an untrusted workspace drops both placeholder.allow and placeholder.extra from a config file', () => {
    const config = { rules: { placeholder: { severity: 'warning', allow: ['XX大学'], extra: ['某某'] } } };
    assert.deepEqual(untrustedConfig(config), { rules: { placeholder: { severity: 'warning' } } });
    assert.deepEqual(config.rules.placeholder.allow, ['XX大学'], 'the original is not changed');
    const plain = { rules: { placeholder: 'off' } };
    assert.equal(untrustedConfig(plain), plain);
  });
});

describe('placeholder allow list: indexed', () => {
  const han = (code: number) => String.fromCharCode(0x4e00 + code);
  // 10 000 terms X甲乙 …; the text uses 1 000 of them and 1 000 X-words that are not listed.
  const terms = Array.from({ length: 10_000 }, (_, index) => `X${han(index % 100)}${han(100 + Math.floor(index / 100))}`);
  const lines = Array.from({ length: 2_000 }, (_, index) => (index % 2 === 0 ? terms[index * 5]! : `X${han(index % 100)}${han(300)}`) + '项目，XX镇。');
  const text = lines.join('\n');
  const placeholders = (allow?: string[]) =>
    lint(text, allow ? { config: { rules: { placeholder: { allow } } } } : {})
      .filter((finding) => finding.ruleId === 'placeholder')
      .map((finding) => finding.range.start.line);

  it('10 000 allowed terms cost little, and exactly the listed terms are allowed', () => {
    assert.equal(placeholders().length, 4_000);
    lint('XX', { config: { rules: { placeholder: { allow: terms } } } }); // A first lint with fresh options.
    const started = performance.now();
    const lines = placeholders(terms);
    const elapsed = performance.now() - started;
    assert.ok(elapsed < 1_500, `lint with 10 000 allowed terms took ${elapsed.toFixed(0)} ms`);
    // Every line keeps its XX镇; only the odd lines (X-words not listed) keep their first X.
    const perLine = new Map<number, number>();
    for (const line of lines) perLine.set(line, (perLine.get(line) ?? 0) + 1);
    for (let line = 0; line < 2_000; line++) assert.equal(perLine.get(line), line % 2 === 0 ? 1 : 2, `line ${line}`);
  });

  it('keeps the rule’s semantics: the first X in either case, the rest exactly', () => {
    const found = (source: string, allow: string[]) =>
      lint(source, { config: { rules: { placeholder: { allow } } } })
        .filter((finding) => finding.ruleId === 'placeholder')
        .map((finding) => source.slice(finding.offset, finding.endOffset));
    assert.deepEqual(found('做x光检查，X光检查，X射线。', []), []);
    assert.deepEqual(found('XX大学与XX学院。', ['XX大学']), ['XX']);
    assert.deepEqual(found('xX大学。', ['XX大学']), []);
    assert.deepEqual(found('xx大学。', ['XX大学']), ['xx']);
    assert.deepEqual(found('X线。', ['X线']), []);
  });
});
