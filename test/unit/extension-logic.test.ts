import { strict as assert } from 'node:assert';
import fc from 'fast-check';

// A failing run prints its seed (fast-check's report); FC_SEED=<seed> reruns exactly that case.
if (process.env['FC_SEED']) fc.configureGlobal({ seed: Number(process.env['FC_SEED']) });
import { applyEdits, fixAll, lint, nextMarkerAt } from '../../src/core/index.js';
import { configSearchFolders, parentPath } from '../../src/extension/logic/config-search.js';
import { explicitTarget } from '../../src/extension/logic/export-target.js';
import { assetsFolderFor, docxNameFor, reportNameForWord } from '../../src/extension/logic/file-names.js';
import { bodyStartLine, disableComment, disableCommentEdits } from '../../src/extension/logic/disable-comment.js';
import { Generations } from '../../src/extension/logic/generations.js';
import { filterMarkers, markerCompletionSpot } from '../../src/extension/logic/marker-completion.js';
import { minimalEdit, minimalEdits } from '../../src/extension/logic/minimal-edit.js';
import { pickRange } from '../../src/extension/logic/placeholder-navigation.js';
import { placeholderOccurrences, placeholderPhrases } from '../../src/extension/logic/placeholder-phrase.js';
import { withoutExtraPatterns } from '../../src/extension/logic/untrusted.js';
import { mergeFixEdits, uniqueBy } from '../../src/extension/logic/dedupe-actions.js';
import { isLintedScheme } from '../../src/extension/logic/schemes.js';
import { configFromSettings, resolveMessageLanguage } from '../../src/extension/logic/settings-to-config.js';
import { lineStarts, lineTable, lineText, offsetAt, positionAt } from '../../src/extension/logic/text-positions.js';

const range = (line: number, start: number, end = start + 1) => ({ start: { line, character: start }, end: { line, character: end } });

describe('extension: text positions', () => {
  it('converts offsets and positions across \\n, \\r\\n and \\r line breaks', () => {
    const text = '一、甲\r\n（一）乙\n1.丙\r（1）丁';
    assert.deepEqual(lineStarts(text), [0, 5, 10, 14]);
    assert.deepEqual(positionAt(text, 6), { line: 1, character: 1 });
    assert.equal(offsetAt(text, { line: 1, character: 1 }), 6);
    assert.equal(offsetAt(text, { line: 0, character: 99 }), 3);
    assert.equal(lineText(text, 3), '（1）丁');
  });

  it('round-trips every offset', () => {
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom('a', '一', '\n', '\r', '😀') }), (text) => {
        const table = lineTable(text);
        for (let offset = 0; offset <= text.length; offset++) {
          const position = positionAt(text, offset, table);
          const back = offsetAt(text, position, table);
          // Offsets inside a \r\n pair clamp to the end of the line's content.
          if (!(text[offset - 1] === '\r' && text[offset] === '\n')) assert.equal(back, offset);
        }
      }),
    );
  });
});

describe('extension: minimal edit', () => {
  it('covers only the changed span', () => {
    const edit = minimalEdit('一、甲\n（三）乙\n', '一、甲\n（一）乙\n');
    assert.deepEqual(edit, { range: range(1, 1, 2), newText: '一' });
  });

  it('returns undefined for equal texts', () => {
    assert.equal(minimalEdit('abc', 'abc'), undefined);
  });

  it('turns any text into any other when applied', () => {
    fc.assert(
      fc.property(
        fc.string({ unit: fc.constantFrom('a', '一', '（', '\n', '\r\n', '😀') }),
        fc.string({ unit: fc.constantFrom('a', '二', '）', '\n', '\r\n', '😀') }),
        (before, after) => {
          const edit = minimalEdit(before, after);
          assert.equal(edit ? applyEdits(before, [edit]) : before, after);
        },
      ),
    );
  });
});

describe('extension: minimal edits (fix-all)', () => {
  const offsetsOf = (text: string, edits: ReturnType<typeof minimalEdits>) =>
    edits.map((edit) => [offsetAt(text, edit.range.start), offsetAt(text, edit.range.end)] as const);

  it('gives one small edit per changed line, leaving the lines between alone', () => {
    const before = '一、甲\n（三）乙,丙\n正文\n正文\n（五）丁\n';
    const after = '一、甲\n（一）乙，丙\n正文\n正文\n（二）丁\n';
    const edits = minimalEdits(before, after);
    assert.deepEqual(edits, [
      { range: range(1, 1, 5), newText: '一）乙，' },
      { range: range(4, 1, 2), newText: '二' },
    ]);
    assert.equal(applyEdits(before, edits), after);
  });

  it('keeps CRLF pairs whole and handles added or removed lines', () => {
    assert.deepEqual(minimalEdits('a\r\nb\r\nc', 'a\r\nB\r\nc'), [{ range: range(1, 0, 1), newText: 'B' }]);
    const removed = minimalEdits('一\n二\n三\n四\n', '一\n三\n四\n');
    assert.equal(applyEdits('一\n二\n三\n四\n', removed), '一\n三\n四\n');
    assert.equal(removed.length, 1);
    assert.deepEqual(minimalEdits('same', 'same'), []);
  });

  it('turns any text into any other with sorted, non-overlapping edits', () => {
    fc.assert(
      fc.property(
        fc.string({ unit: fc.constantFrom('a', '一', '（', '\n', '\r\n', '\r', '😀') }),
        fc.string({ unit: fc.constantFrom('a', '二', '）', '\n', '\r\n', '😀') }),
        (before, after) => {
          const edits = minimalEdits(before, after);
          assert.equal(applyEdits(before, edits), after);
          const offsets = offsetsOf(before, edits);
          for (let index = 1; index < offsets.length; index++) assert.ok(offsets[index]![0] > offsets[index - 1]![1], JSON.stringify(offsets));
        },
      ),
    );
  });

  it('applies the core fix-all as several edits', () => {
    const before = '一、甲\n（一）乙\n（三）丙\n' + '正文。\n'.repeat(20) + '（五）丁\n';
    const fixed = fixAll(before);
    assert.notEqual(fixed, before);
    const edits = minimalEdits(before, fixed);
    assert.ok(edits.length >= 2, JSON.stringify(edits));
    assert.equal(applyEdits(before, edits), fixed);
  });
});

describe('extension: placeholder navigation', () => {
  const ranges = [range(5, 2), range(1, 0), range(3, 4)];

  it('goes to the next range after the cursor and wraps at the end', () => {
    assert.deepEqual(pickRange(ranges, { line: 1, character: 0 }, 'next'), { range: range(3, 4), wrapped: false });
    assert.deepEqual(pickRange(ranges, { line: 6, character: 0 }, 'next'), { range: range(1, 0), wrapped: true });
  });

  it('goes to the previous range before the cursor and wraps at the start', () => {
    assert.deepEqual(pickRange(ranges, { line: 5, character: 2 }, 'previous'), { range: range(3, 4), wrapped: false });
    assert.deepEqual(pickRange(ranges, { line: 0, character: 0 }, 'previous'), { range: range(5, 2), wrapped: true });
  });

  it('returns undefined without ranges', () => {
    assert.equal(pickRange([], { line: 0, character: 0 }, 'next'), undefined);
  });
});

describe('extension: disable comments', () => {
  const report = '工作报告\n一、甲\n（一）乙\n（三）丙\n（四）丁\n';

  it('inserts a disable-next-line comment above the line, with the document\'s line break', () => {
    assert.equal(disableCommentEdits('a\nb\n', 1, 'pairing', 'line')[0]!.newText, '<!-- report-md-disable-next-line pairing -->\n');
    const edits = disableCommentEdits('a\r\nb\r\n', 1, 'pairing', 'line', '\r\n');
    assert.deepEqual(edits, [{ range: range(1, 0, 0), newText: '<!-- report-md-disable-next-line pairing -->\r\n' }]);
  });

  it('inserts a disable-file comment after front matter', () => {
    const text = '---\ntitle: x\n---\n一、甲\n';
    assert.equal(bodyStartLine(text), 3);
    assert.equal(disableCommentEdits(text, 3, 'placeholder', 'file')[0]!.range.start.line, 3);
    assert.equal(disableComment('placeholder', 'file'), '<!-- report-md-disable-file placeholder -->');
  });

  it('silences the finding in the core, for the line and for the file', () => {
    const before = lint(report).filter((finding) => finding.ruleId === 'numbering-sequence');
    assert.ok(before.length > 0, 'the fixture has a numbering-sequence finding');
    const line = before[0]!.range.start.line;
    for (const scope of ['line', 'file'] as const) {
      const disabled = applyEdits(report, disableCommentEdits(report, line, 'numbering-sequence', scope));
      const after = lint(disabled).filter((finding) => finding.ruleId === 'numbering-sequence');
      assert.ok(after.length < before.length, `${scope}: ${JSON.stringify(after)}`);
    }
  });
});

describe('extension: disabling a second rule on the same line', () => {
  const text = '一、关于XX镇“工作的报告\n';
  const rulesOnLine0 = (source: string, line: number) =>
    new Set(lint(source).filter((finding) => finding.range.start.line === line).map((finding) => finding.ruleId));

  it('adds the rule to the directive above instead of inserting a second one', () => {
    const rules = [...rulesOnLine0(text, 0)];
    assert.ok(rules.length >= 2, `the fixture has two rules on its line: ${rules}`);
    const first = applyEdits(text, disableCommentEdits(text, 0, rules[0]!, 'line'));
    assert.equal(first.split('\n')[0], `<!-- report-md-disable-next-line ${rules[0]} -->`);
    const edits = disableCommentEdits(first, 1, rules[1]!, 'line');
    assert.deepEqual(edits, [{ range: range(0, first.indexOf(' -->'), first.indexOf(' -->')), newText: ` ${rules[1]}` }]);
    const second = applyEdits(first, edits);
    assert.equal(second.split('\n')[0], `<!-- report-md-disable-next-line ${rules[0]} ${rules[1]} -->`);
    const left = rulesOnLine0(second, 1);
    assert.ok(!left.has(rules[0]!) && !left.has(rules[1]!), `both rules are silenced: ${[...left]}`);
  });

  it('does nothing when the rule, or every rule, is already disabled there', () => {
    assert.deepEqual(disableCommentEdits('<!-- report-md-disable-next-line a b -->\nx\n', 1, 'b', 'line'), []);
    assert.deepEqual(disableCommentEdits('<!-- report-md-disable-next-line -->\nx\n', 1, 'b', 'line'), []);
  });

  it('extends a disable-file comment at the top, but not a next-line one', () => {
    const edits = disableCommentEdits('<!-- report-md-disable-file a -->\nx\n', 1, 'b', 'file');
    assert.deepEqual(edits, [{ range: range(0, 29, 29), newText: ' b' }]);
    const inserted = disableCommentEdits('<!-- report-md-disable-next-line a -->\nx\n', 0, 'b', 'file');
    assert.equal(inserted[0]!.newText, '<!-- report-md-disable-file b -->\n');
    const notAbove = disableCommentEdits('<!-- report-md-disable-file a -->\nx\n', 1, 'b', 'line');
    assert.equal(notAbove[0]!.newText, '<!-- report-md-disable-next-line b -->\n');
  });
});

describe('extension: next-marker completion', () => {
  it('applies at the start of a line and while a marker is being typed', () => {
    assert.deepEqual(markerCompletionSpot('', 0), { start: 0, end: 0, replaceEnd: 0, prefix: '' });
    assert.deepEqual(markerCompletionSpot('　　（', 3), { start: 2, end: 3, replaceEnd: 3, prefix: '（' });
    assert.deepEqual(markerCompletionSpot('(三', 2), { start: 0, end: 2, replaceEnd: 2, prefix: '(三' });
    assert.equal(markerCompletionSpot('一是抓好', 4), undefined);
  });

  it('replaces the bracket the editor auto-closed after the cursor', () => {
    for (const [line, character] of [['（）', 1], ['(）', 1], ['（三)', 2], ['　（）', 2]] as const) {
      const spot = markerCompletionSpot(line, character)!;
      assert.equal(spot.replaceEnd, character + 1, line);
      const accepted = line.slice(0, spot.start) + '（三）' + line.slice(spot.replaceEnd);
      assert.equal(accepted.trim(), '（三）', line);
    }
    // A closing bracket already typed, or text after the cursor that is not one, stays.
    assert.equal(markerCompletionSpot('（三）)', 3)!.replaceEnd, 3);
    assert.equal(markerCompletionSpot('）', 0)!.replaceEnd, 0);
    assert.equal(markerCompletionSpot('（甲', 1)!.replaceEnd, 1);
  });

  it('keeps the candidates that extend the prefix, with either bracket width', () => {
    assert.deepEqual(filterMarkers(['（三）', '1.', '三、', '（三）'], '('), ['（三）']);
    assert.deepEqual(filterMarkers(['（三）', '1.'], ''), ['（三）', '1.']);
  });

  it('offers the next sibling after （二） and the first child under a new 二、', () => {
    const text = '一、甲\n（一）乙\n（二）丙\n\n二、丁\n';
    assert.equal(nextMarkerAt(text, 3)[0], '（三）');
    assert.ok(nextMarkerAt(text, 5).includes('（一）'), JSON.stringify(nextMarkerAt(text, 5)));
  });
});

describe('extension: settings to config', () => {
  it('keeps severities and option objects, drops invalid entries with a warning', () => {
    const warnings: string[] = [];
    const config = configFromSettings(
      { rules: { pairing: 'off', 'numbering-lone': { severity: 'info' }, bogus: 3 }, placeholderAllow: [], placeholderExtraPatterns: [] },
      (message) => warnings.push(message),
    );
    assert.deepEqual(config, { rules: { pairing: 'off', 'numbering-lone': { severity: 'info' } } });
    assert.equal(warnings.length, 1);
  });

  it('checks settings with the .reportmdrc.json validator: a misspelt rule id is dropped and named', () => {
    const warnings: string[] = [];
    const config = configFromSettings({ rules: { placeholdr: 'off', pairing: 'warning' }, placeholderAllow: [], placeholderExtraPatterns: [] }, (message) =>
      warnings.push(message),
    );
    assert.deepEqual(config, { rules: { pairing: 'warning' } });
    assert.equal(warnings.length, 1);
    assert.match(warnings[0]!, /^reportMarkdown\.rules: unknown rule "placeholdr" \(known: .*placeholder/);
  });

  it('drops a string where an array is expected (extra: "【待定】") instead of crashing the placeholder rule', () => {
    const warnings: string[] = [];
    const rules = { placeholder: { severity: 'warning', extra: '【待定】' } };
    const config = configFromSettings({ rules, placeholderAllow: [], placeholderExtraPatterns: [] }, (message) => warnings.push(message));
    // The valid part (the severity) stays; the invalid option goes, named with its setting.
    assert.deepEqual(config, { rules: { placeholder: { severity: 'warning' } } });
    assert.deepEqual(warnings, ['reportMarkdown.rules.placeholder.extra must be an array, got string']);
    const findings = lint('一、XX镇工作\n【待定】\n', { config: config as never }).filter((finding) => finding.ruleId === 'placeholder');
    assert.ok(findings.length > 0 && findings.every((finding) => finding.severity === 'warning'));
    // Without the check, the placeholder rule fails on the string: an internal error instead of the placeholders.
    const unchecked = lint('一、XX镇工作\n【待定】\n', { config: { rules: rules as never } }).filter((finding) => finding.ruleId === 'placeholder');
    assert.match(unchecked.map((finding) => finding.message).join('\n'), /内部错误|internal error/);
  });

  it('names the setting in the writer\'s language and refuses reserved names and hanging patterns', () => {
    const warnings: string[] = [];
    const config = configFromSettings(
      {
        rules: JSON.parse('{"placeholdr":"off","pairing":{"toString":1,"severity":"info"},"__proto__":"off"}'),
        placeholderAllow: '某某',
        placeholderExtraPatterns: ['(a+)+$', 7, '【待补】'],
      },
      (message) => warnings.push(message),
      'zh-CN',
    );
    assert.deepEqual(config, { rules: { pairing: { severity: 'info' }, placeholder: { extra: ['【待补】'] } } });
    assert.equal(warnings.length, 6, warnings.join('\n'));
    assert.match(warnings[0]!, /^reportMarkdown\.rules: 未知规则“placeholdr”/);
    assert.match(warnings[1]!, /^reportMarkdown\.rules\.pairing\.toString：“toString”是 JavaScript 保留名称/);
    assert.match(warnings[2]!, /^reportMarkdown\.rules\.__proto__：“__proto__”是 JavaScript 保留名称/);
    assert.match(warnings[3]!, /^reportMarkdown\.placeholder\.allow: 必须是字符串数组/);
    assert.match(warnings[4]!, /^reportMarkdown\.placeholder\.extraPatterns\[0\]: 拒绝使用正则表达式“\(a\+\)\+\$”/);
    assert.match(warnings[5]!, /^reportMarkdown\.placeholder\.extraPatterns\[1\]: 必须是字符串/);
  });

  it('passes true/false through, as the schema and the core allow', () => {
    const warnings: string[] = [];
    const config = configFromSettings({ rules: { pairing: false, 'date-style': true }, placeholderAllow: [], placeholderExtraPatterns: [] }, (message) =>
      warnings.push(message),
    );
    assert.deepEqual(config, { rules: { pairing: false, 'date-style': true } });
    assert.deepEqual(warnings, []);
    const text = '一、关于“工作的报告\n（一）甲\n（二）乙\n';
    assert.ok(lint(text).some((finding) => finding.ruleId === 'pairing'), 'the fixture has a pairing finding');
    assert.ok(!lint(text, { config: config as never }).some((finding) => finding.ruleId === 'pairing'), 'pairing: false turns it off');
  });

  it('keeps placeholder off (false) when terms or patterns are added, and on (true) with them', () => {
    const off = configFromSettings({ rules: { placeholder: false }, placeholderAllow: ['XL'], placeholderExtraPatterns: [] });
    assert.deepEqual(off, { rules: { placeholder: false } });
    const on = configFromSettings({ rules: { placeholder: true }, placeholderAllow: [], placeholderExtraPatterns: ['【待补】'] });
    assert.deepEqual(on, { rules: { placeholder: { extra: ['【待补】'] } } });
  });

  it('adds allowed terms to the defaults and passes extra patterns as the placeholder options', () => {
    const config = configFromSettings({
      rules: { placeholder: 'warning' },
      placeholderAllow: ['XL'],
      placeholderExtraPatterns: ['【待补】', '('],
      placeholderDefaultAllow: ['X光'],
    });
    assert.deepEqual(config.rules!['placeholder'], { severity: 'warning', allow: ['X光', 'XL'], extra: ['【待补】'] });
  });

  it('lets the core honour the settings', () => {
    const text = '一、关于XL型号和XX镇\n';
    const config = configFromSettings({ rules: {}, placeholderAllow: ['XL型'], placeholderExtraPatterns: [], placeholderDefaultAllow: [] });
    const found = lint(text, { config: config as never }).filter((finding) => finding.ruleId === 'placeholder');
    assert.equal(found.length, 1);
  });

  it('resolves the message language', () => {
    assert.equal(resolveMessageLanguage('auto', 'zh-cn'), 'zh-CN');
    assert.equal(resolveMessageLanguage('auto', 'en'), 'en');
    assert.equal(resolveMessageLanguage('en', 'zh-cn'), 'en');
  });
});

describe('extension: config file search', () => {
  it('walks from the document folder up to the file-system root, as the CLI does', () => {
    assert.deepEqual(configSearchFolders('/ws/a/b/r.report.md'), ['/ws/a/b', '/ws/a', '/ws', '/']);
    assert.deepEqual(configSearchFolders('/ws/r.report.md'), ['/ws', '/']);
    assert.deepEqual(configSearchFolders('/r.report.md'), ['/']);
    assert.deepEqual(configSearchFolders('/c:/Users/me/r.report.md'), ['/c:/Users/me', '/c:/Users', '/c:']);
    assert.equal(parentPath('/'), undefined);
  });
});

describe('extension: generations', () => {
  it('only the latest generation of a key is current, even after the key is reused', () => {
    const generations = new Generations<string>();
    const first = generations.next('a');
    const second = generations.next('a');
    assert.equal(generations.isCurrent('a', first), false);
    assert.equal(generations.isCurrent('a', second), true);
    generations.delete('a');
    assert.equal(generations.isCurrent('a', second), false);
    generations.next('a');
    assert.equal(generations.isCurrent('a', first), false);
  });
});

describe('extension: placeholder phrases', () => {
  it('adds the following noun to the token', () => {
    assert.deepEqual(placeholderPhrases('XX镇召开大会', 0, 2), ['XX镇', 'XX']);
    assert.deepEqual(placeholderPhrases('为确保*书记讲话', 3, 4), ['*书记', '*']);
    assert.deepEqual(placeholderPhrases('x有限公司项目', 0, 1), ['x有限公司', 'x']);
    assert.deepEqual(placeholderPhrases('投资X亿元', 2, 3), ['X']);
  });

  it('takes the core\'s phrase as it is, offering the blank alone after a name\'s noun', () => {
    assert.deepEqual(placeholderPhrases('XX镇召开大会', 0, 3), ['XX镇', 'XX']);
    assert.deepEqual(placeholderPhrases('于x月x日召开', 1, 5), ['x月x日']);
    assert.deepEqual(placeholderPhrases('投资X亿元', 2, 5), ['X亿元']);
    assert.deepEqual(placeholderPhrases('20XX年', 0, 5), ['20XX年']);
  });

  const placeholders = (text: string) => lint(text, { only: ['placeholder'] }).map((finding) => finding.range);

  it('matches whole tokens only', () => {
    const text = 'XX镇、XXX镇、X镇\nXX镇';
    assert.deepEqual(
      placeholderOccurrences(text, 'XX镇', placeholders(text)).map((found) => [found.start.line, found.start.character]),
      [[0, 0], [1, 0]],
    );
    assert.equal(placeholderOccurrences(text, 'X镇', placeholders(text)).length, 1);
  });

  it('replaces only what the core reports as a placeholder (not XML, X光 or max)', () => {
    const text = '完成X%的目标，XML接口和X光机，X%\n于x月x日前，max值x';
    const found = placeholders(text);
    const at = (needle: string) =>
      placeholderOccurrences(text, needle, found).map((range) => text.split('\n')[range.start.line]!.slice(range.start.character, range.end.character + 1));
    assert.deepEqual(at('X'), ['X%', 'X%']);
    const xs = placeholderOccurrences(text, 'x', found);
    assert.ok(xs.length >= 2, JSON.stringify(xs));
    for (const range of xs) {
      assert.equal(range.start.line, 1);
      assert.ok(
        found.some((placeholder) => placeholder.start.line === 1 && placeholder.start.character <= range.start.character && placeholder.end.character >= range.end.character),
        JSON.stringify(range),
      );
    }
    assert.ok(!xs.some((range) => range.start.character === 'x月x日前，ma'.length + 1), 'the x of max stays');
    assert.deepEqual(placeholderOccurrences(text, 'X', []), []);
  });
});

describe('extension: file names', () => {
  it('names the DOCX after the report, like the CLI', () => {
    assert.equal(docxNameFor('/ws/工作汇报.report.md'), '工作汇报.docx');
    assert.equal(docxNameFor('/ws/a.md'), 'a.docx');
    assert.equal(docxNameFor('/ws/notes'), 'notes.docx');
    assert.equal(docxNameFor('/ws/.report.md'), 'report.docx');
  });

  it('names an imported report and its images folder after the Word file, like the CLI', () => {
    assert.equal(reportNameForWord('/ws/请示.docx'), '请示.report.md');
    assert.equal(reportNameForWord('/ws/old.DOC'), 'old.report.md');
    assert.equal(reportNameForWord('/ws/.docx'), 'report.report.md');
    assert.equal(assetsFolderFor('请示.report.md'), '请示.assets');
  });
});

describe('extension: export target', () => {
  class FakeUri {
    constructor(readonly path: string) {}
  }
  const isUri = (value: unknown): value is FakeUri => value instanceof FakeUri;

  it('takes a URI or a URI string as the destination', () => {
    const uri = new FakeUri('/ws/out.docx');
    assert.equal(explicitTarget(uri, isUri), uri);
    assert.equal(explicitTarget('file:///ws/out.docx', isUri), 'file:///ws/out.docx');
  });

  it('ignores what menus pass: the Explorer selection, the editor group, nothing', () => {
    const uri = new FakeUri('/ws/a.report.md');
    assert.equal(explicitTarget([uri], isUri), undefined);
    assert.equal(explicitTarget({ groupId: 1 }, isUri), undefined);
    assert.equal(explicitTarget('', isUri), undefined);
    assert.equal(explicitTarget(undefined, isUri), undefined);
    assert.equal(explicitTarget(null, isUri), undefined);
  });
});

describe('extension: linted schemes', () => {
  it('lints files, untitled, remote and virtual documents only', () => {
    for (const scheme of ['file', 'untitled', 'vscode-remote', 'vscode-vfs']) assert.ok(isLintedScheme(scheme), scheme);
    for (const scheme of ['git', 'gitlens', 'vscode-scm', 'output', 'chat-editing-text-model', 'merge-conflict.conflict-diff', 'review']) {
      assert.ok(!isLintedScheme(scheme), scheme);
    }
  });
});

describe('extension: untrusted workspaces', () => {
  it('drops the placeholder extra patterns of a config file and keeps the rest', () => {
    const config = { rules: { placeholder: { severity: 'warning', extra: ['(a+)+$'], allow: ['XL'] }, pairing: 'off' }, export: { author: 'x' } };
    assert.deepEqual(withoutExtraPatterns(config), {
      rules: { placeholder: { severity: 'warning', allow: ['XL'] }, pairing: 'off' },
      export: { author: 'x' },
    });
    assert.deepEqual(config.rules.placeholder.extra, ['(a+)+$'], 'the original is not changed');
    const plain = { rules: { placeholder: 'off' } };
    assert.equal(withoutExtraPatterns(plain), plain);
    assert.deepEqual(withoutExtraPatterns({}), {});
  });
});

describe('extension: quick-fix menu de-duplication', () => {
  it('keeps the first entry of each title, in order', () => {
    const titles = ['Fix: a', 'Replace all “XX” with…', 'Replace all “XX镇” with…', 'Replace all “XX” with…', 'Disable x for this line'];
    assert.deepEqual(uniqueBy(titles, (title) => title), ['Fix: a', 'Replace all “XX” with…', 'Replace all “XX镇” with…', 'Disable x for this line']);
  });

  it('merges the fixes of one title into one non-overlapping edit list', () => {
    const text = '甲,乙,丙\n丁,戊\n';
    const fixes = lint(text).filter((finding) => finding.fix && finding.ruleId === 'punctuation-width').map((finding) => finding.fix!);
    assert.ok(fixes.length >= 3, JSON.stringify(fixes));
    const merged = mergeFixEdits([...fixes, fixes[0]!]);
    assert.equal(merged.length, fixes.flat().length, 'the repeated fix is dropped');
    assert.equal(applyEdits(text, merged), '甲，乙，丙\n丁，戊\n');
    const overlapping = mergeFixEdits([[{ range: range(0, 0, 3), newText: 'x' }], [{ range: range(0, 1, 2), newText: 'y' }]]);
    assert.deepEqual(overlapping, [{ range: range(0, 0, 3), newText: 'x' }]);
  });
});
