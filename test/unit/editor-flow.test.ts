// The writer's flow in the editor (issue 13): what completion offers first, how the title's
// symbol is bounded, the suggestions (non-preferred quick fixes) of count-mismatch, pairing and
// level skips, the rule names of the quick-fix titles, and the language configuration.
import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { applyEdits, fixAll, levelSkipConversionAt, lint, nextMarkerAt, outline, ruleList, type Finding } from '../../src/core/index.js';
import { restateCount } from '../../src/core/rules/count-mismatch.js';
import { closerPosition } from '../../src/core/rules/pairing.js';
import { skipsLevelAt } from '../../src/extension/logic/level-skip.js';
import { filterMarkers, markerCompletionSpot, markerFilterText } from '../../src/extension/logic/marker-completion.js';

const only = (text: string, ruleId: string, options: Parameters<typeof lint>[1] = {}): Finding[] => lint(text, options).filter((finding) => finding.ruleId === ruleId);
const applySuggestion = (text: string, finding: Finding, index = 0): string => applyEdits(text, finding.suggestions![index]!.fix);

describe('editor flow: marker completion', () => {
  it('right under a bare heading offers its first child first', () => {
    const text = '关于生态工作的报告\n\n一、抓产业发展\n（一）强化招商。引进项目12个。\n\n二、抓生态治理\n\n';
    assert.deepEqual(nextMarkerAt(text, 6).slice(0, 2), ['（一）', '三、'], 'Enter under 二、抓生态治理: （一） before 三、');
    assert.deepEqual(nextMarkerAt(text, 7).slice(0, 2), ['（一）', '三、'], 'a blank line between changes nothing');
  });

  it('after body text, or under a run-in heading, offers the next sibling first', () => {
    const body = '一、抓生态治理\n今年以来，全镇上下坚持生态优先。\n';
    assert.equal(nextMarkerAt(body, 2)[0], '二、');
    assert.ok(nextMarkerAt(body, 2).includes('（一）'));
    const runIn = '一、总体情况\n（一）第一项工作进展顺利。\n';
    assert.equal(nextMarkerAt(runIn, 2)[0], '（二）');
    const runInBody = '一、总体情况\n（一）加强领导。成立了工作专班\n';
    assert.equal(nextMarkerAt(runInBody, 2)[0], '（二）');
  });

  it('in a list of bare headings (the previous one had no body) offers the next sibling first', () => {
    const text = '一、甲\n（一）乙\n（二）丙\n';
    assert.equal(nextMarkerAt(text, 3)[0], '（三）');
    // …but under the first bare heading, or one whose previous sibling had a body, the child.
    assert.equal(nextMarkerAt('一、甲\n', 1)[0], '（一）');
    assert.equal(nextMarkerAt('一、甲\n正文。\n二、乙\n', 3)[0], '（一）');
  });

  it('the deepest level has no child: the sibling', () => {
    assert.equal(nextMarkerAt('一、甲\n（一）乙\n1.丙\n（1）丁\n①戊\n', 5)[0], '②');
  });

  it('filters marker items by the bracket the writer typed', () => {
    assert.equal(markerFilterText('（三）', '('), '(三）');
    assert.equal(markerFilterText('（三）', '（'), '（三）');
    assert.equal(markerFilterText('(1)', '（'), '（1)');
    assert.equal(markerFilterText('三、', ''), '三、');
    assert.equal(markerFilterText('1.', '('), '1.');
    // VS Code keeps an item when the typed text is a prefix of its filter text (here: plain prefix).
    for (const marker of filterMarkers(['（三）', '（一）', '1.'], '(')) assert.ok(markerFilterText(marker, '(').startsWith('('), marker);
    const spot = markerCompletionSpot('(', 1)!;
    assert.equal(spot.prefix, '(');
  });
});

describe('editor flow: the title symbol', () => {
  it('spans its own lines, not the document', () => {
    const text = '关于2024年工作的报告\n\n一、总体情况\n正文。\n二、下一步\n正文。\n';
    const title = outline(text).find((node) => node.kind === 'title')!;
    assert.equal(title.range.start.line, 0);
    assert.equal(title.range.end.line, 0);
    assert.equal(title.sectionEnd, 0);
    const heading = outline(text).find((node) => node.marker === '一、')!;
    assert.equal(heading.sectionEnd, 3, 'headings still span their sections');
  });

  it('a title on two lines spans both', () => {
    const text = '关于进一步加强基层治理\n工作情况的报告\n\n一、总体情况\n正文。\n';
    const title = outline(text).find((node) => node.kind === 'title');
    assert.ok(title, JSON.stringify(outline(text)));
    assert.deepEqual([title.range.start.line, title.range.end.line], [0, 1]);
  });
});

describe('editor flow: count-mismatch suggestion', () => {
  it('changes the stated number to the counted one, 两 for 2', () => {
    const text = '工作主要有三个方面：\n一是抓产业；二是抓生态。\n';
    const [finding] = only(text, 'count-mismatch');
    assert.ok(finding);
    assert.equal(finding.suggestions?.length, 1);
    assert.equal(finding.suggestions![0]!.title, '改为“两个方面”');
    assert.equal(applySuggestion(text, finding), text.replace('三个方面', '两个方面'));
    assert.equal(only(applySuggestion(text, finding), 'count-mismatch').length, 0, 'the changed text is consistent');
  });

  it('keeps digits as digits and larger Chinese numerals as they are written', () => {
    const digits = '主要有以下3项：一是甲，二是乙。';
    assert.equal(applySuggestion(digits, only(digits, 'count-mismatch')[0]!), digits.replace('3项', '2项'));
    const han = '抓好两项工作：一是甲；二是乙；三是丙。';
    assert.equal(applySuggestion(han, only(han, 'count-mismatch')[0]!), han.replace('两项', '三项'));
    assert.equal(restateCount('三', 2), '两');
    assert.equal(restateCount('十', 12), '十二');
    assert.equal(restateCount('12', 11), '11');
  });

  it('names the finding in English with a singular or plural', () => {
    const text = '工作主要有三个方面：\n一是抓产业；二是抓生态。\n';
    const [finding] = only(text, 'count-mismatch', { lang: 'en' });
    assert.match(finding!.message, /but 2 items follow$/);
    assert.equal(finding!.suggestions![0]!.title, 'Change to "两个方面"');
  });

  it('is never part of fix-all', () => {
    const text = '工作主要有三个方面：\n一是抓产业；二是抓生态。\n';
    assert.equal(fixAll(text), text);
  });
});

describe('editor flow: pairing', () => {
  it('names the marks without nesting the same quotes', () => {
    const [quote] = only('开展“双进双产活动。', 'pairing');
    assert.equal(quote!.message, '左双引号缺少配对的右双引号');
    assert.doesNotMatch(quote!.message, /“[“”]”/);
    const [bracket] = only('各村（居要加强宣传。', 'pairing');
    assert.equal(bracket!.message, '左括号“（”缺少配对的右括号“）”');
    const [closer] = only('落实】责任。', 'pairing');
    assert.equal(closer!.message, '右方头括号“】”缺少配对的左方头括号“【”');
  });

  it('offers the missing closer where its place is not in doubt', () => {
    const cases: Array<[string, string]> = [
      ['修订完善了《党委运行规则，明确分工。', '修订完善了《党委运行规则》，明确分工。'],
      ['（此件公开发布', '（此件公开发布）'],
      ['会议指出：“要加强领导。', '会议指出：“要加强领导。”'],
      ['全年完成目标。（注：数据截至6月。', '全年完成目标。（注：数据截至6月。）'],
      ['（2024年1月20日  ', '（2024年1月20日）  '],
    ];
    for (const [text, expected] of cases) {
      const findings = only(text, 'pairing');
      assert.equal(findings.length, 1, text);
      assert.equal(findings[0]!.suggestions?.length, 1, `a suggestion for ${text}`);
      assert.equal(applySuggestion(text, findings[0]!), expected);
      assert.equal(only(expected, 'pairing').length, 0, expected);
    }
  });

  it('offers nothing where the closer could go in several places', () => {
    for (const text of [
      '各村（居要加强宣传。', // （居）要… or （居要加强宣传）
      '开展“双进双产活动。', // “双进双产”活动
      '（三加强领导', // a heading marker missing its ）
      '（', // a lone bracket of a broken line
      '他说：“好”，又说“不', // the opener is inside the sentence
      '修订《党委运行规则等《制度》。', // more than one mark unpaired
      '落实】责任。', // a closer: where its opener went is anyone's guess
    ]) {
      for (const finding of only(text, 'pairing')) assert.equal(finding.suggestions, undefined, text);
    }
    assert.equal(closerPosition('各村（居要加强宣传。', 2), undefined);
  });

  it('is never part of fix-all', () => {
    assert.equal(fixAll('（此件公开发布\n'), '（此件公开发布\n');
  });
});

describe('editor flow: converting a skipped level', () => {
  const text = '一、总体情况\n（一）基本情况\n二、存在问题\n三、下一步打算\n1.加强领导\n2.落实责任\n（1）细项\n3.强化督查\n';

  it('rewrites 1. 2. 3. under 三、 as （一）（二）（三）, children untouched', () => {
    const conversion = levelSkipConversionAt(text, 5);
    assert.ok(conversion);
    assert.equal(conversion.title, '将“1.”至“3.”改为“（一）”至“（三）”（下一级序号）');
    assert.equal(
      applyEdits(text, conversion.fix),
      '一、总体情况\n（一）基本情况\n二、存在问题\n三、下一步打算\n（一）加强领导\n（二）落实责任\n（1）细项\n（三）强化督查\n',
    );
    assert.equal(levelSkipConversionAt(text, 4, 'en')!.title, 'Convert 1. … 3. to （一） … （三） (the next level down)');
  });

  it('offers nothing for a group that skips no level', () => {
    assert.equal(levelSkipConversionAt(text, 1), undefined);
    assert.equal(levelSkipConversionAt(text, 2), undefined);
    assert.equal(levelSkipConversionAt('（一）甲\n（二）乙\n', 0), undefined, 'no enclosing marker');
  });

  it('the extension finds the skipping heading in the outline', () => {
    const tree = outline(text);
    assert.equal(skipsLevelAt(tree, 4), true);
    assert.equal(skipsLevelAt(tree, 7), true);
    assert.equal(skipsLevelAt(tree, 1), false);
    assert.equal(skipsLevelAt(tree, 6), false, '（1） under 2. skips nothing');
    assert.equal(skipsLevelAt(tree, 0), false);
  });

  it('with allowSkip: false the finding carries the conversion; fix-all leaves it', () => {
    const config = { rules: { 'numbering-level': { severity: 'warning' as const, allowSkip: false } } };
    const findings = only(text, 'numbering-level', { config });
    const skip = findings.find((finding) => finding.range.start.line === 4);
    assert.ok(skip?.suggestions?.[0], JSON.stringify(findings));
    assert.equal(skip.suggestions[0]!.title, levelSkipConversionAt(text, 4)!.title);
    assert.equal(fixAll(text, { config }), text);
  });
});

describe('editor flow: rule names and the language configuration', () => {
  it('every rule has a Chinese and an English name', () => {
    for (const rule of ruleList) {
      assert.match(rule.name['zh-CN'], /^[\u4e00-\u9fff“”]+$/, `${rule.id}: Chinese name`);
      assert.match(rule.name.en, /^[A-Z][A-Za-z -]+$/, `${rule.id}: English name`);
      assert.notEqual(rule.name['zh-CN'], rule.id);
    }
    assert.equal(ruleList.find((rule) => rule.id === 'numbering-sequence')!.name['zh-CN'], '编号连续');
  });

  it('the zh-cn quick-fix titles name the rule and its id', () => {
    const bundle = JSON.parse(readFileSync('l10n/bundle.l10n.zh-cn.json', 'utf8')) as Record<string, string>;
    for (const key of ['Disable {0} for this line', 'Disable {0} for this file', 'Show documentation for {0}']) {
      assert.match(bundle[key]!, /“\{1\}”（\{0\}）/, key);
    }
  });

  it('words stop at full-width and ASCII punctuation (typing （ opens completion)', () => {
    const configuration = JSON.parse(readFileSync('language-configuration.json', 'utf8'));
    const words = (text: string): string[] => text.match(new RegExp(configuration.wordPattern, 'g')) ?? [];
    assert.deepEqual(words('二、抓生态治理（一）'), ['二', '抓生态治理', '一']);
    assert.deepEqual(words('“双进双产”活动，《规则》【注】〔2019〕(1)'), ['双进双产', '活动', '规则', '注', '2019', '1']);
    assert.deepEqual(words('版本 3.5 NBSP\u00a0缩进\u3000正文…——完'), ['版本', '3.5', 'NBSP', '缩进', '正文', '完']);
    for (const char of '（）“”‘’《》【】〔〕、，。；：！？…—() ') assert.deepEqual(words(char), [], char);
  });

  it('Enter keeps the indentation (no code-like indent between （ and ）)', () => {
    const configuration = JSON.parse(readFileSync('language-configuration.json', 'utf8'));
    const rules = configuration.onEnterRules as Array<{ beforeText: string; action: { indent: string } }>;
    assert.ok(rules.some((rule) => new RegExp(rule.beforeText).test('（') && rule.action.indent === 'none'));
  });

  it('the language turns off word-based suggestions and the invisible-character boxes of NBSP and U+3000', () => {
    const manifest = JSON.parse(readFileSync('package.json', 'utf8'));
    const defaults = manifest.contributes.configurationDefaults['[report-markdown]'];
    assert.equal(defaults['editor.wordBasedSuggestions'], 'off');
    const allowed = defaults['editor.unicodeHighlight.allowedCharacters'] as Record<string, boolean>;
    for (const char of ['\u00a0', '\u3000', '\u2002', '\u2003']) assert.equal(allowed[char], true, `U+${char.codePointAt(0)!.toString(16)}`);
    assert.equal(allowed['\u200b'], undefined, 'zero-width spaces stay highlighted');
  });
});
