import assert from 'node:assert/strict';
import type { RootContent } from 'mdast';
import { outline, parseReport } from '../../src/core/index.js';
import { formatHanNumeral, parseHanNumeral } from '../../src/core/numerals.js';

function types(text: string): string[] {
  return parseReport(text).root.children.map((node: RootContent) => node.type);
}

describe('numerals', () => {
  it('round-trips 1–999 through Chinese numerals', () => {
    for (let value = 1; value <= 999; value++) assert.equal(parseHanNumeral(formatHanNumeral(value)!), value);
    assert.equal(formatHanNumeral(100), '一百');
    assert.equal(formatHanNumeral(105), '一百零五');
    assert.equal(formatHanNumeral(110), '一百一十');
    assert.equal(formatHanNumeral(123), '一百二十三');
    assert.equal(formatHanNumeral(1000), undefined);
    assert.equal(formatHanNumeral(11), '十一');
    assert.equal(formatHanNumeral(20), '二十');
    assert.equal(parseHanNumeral('一十'), undefined);
    assert.equal(parseHanNumeral('十十'), undefined);
  });
});

describe('report-Markdown dialect', () => {
  it('makes every line its own paragraph (a single newline ends a paragraph)', () => {
    assert.deepEqual(types('第一段。\n第二段。\n第三段。'), ['paragraph', 'paragraph', 'paragraph']);
  });

  it('treats any indentation (spaces, tabs, NBSP, U+3000) as indentation, never code', () => {
    const text = '        一、标题\n\t\t正文一。\n\u00a0\u00a0正文二。\n\u3000\u3000正文三。';
    assert.deepEqual(types(text), ['outlineHeading', 'paragraph', 'paragraph', 'paragraph']);
  });

  it('recognises the five outline levels and their variants', () => {
    const text = ['一、甲', '（一）乙', '(二)乙', '1.丙', '2、丙', '３．丙', '4. 丙', '（1）丁', '(2)丁', '①戊'].join('\n');
    const levels = parseReport(text).root.children.map((node) => (node.type === 'outlineHeading' ? node.marker.level : 0));
    assert.deepEqual(levels, [1, 2, 2, 3, 3, 3, 3, 4, 4, 5]);
  });

  it('does not take a list of numerals (一、二季度, 三、四月份, 十、百、千工程) for a level-1 marker', () => {
    assert.deepEqual(types('一、二季度经济运行平稳。\n三、四月份降雨偏多。\n十、百、千工程稳步推进。\n一、二级公路建设。\n二、三农工作'), ['paragraph', 'paragraph', 'paragraph', 'paragraph', 'outlineHeading']);
  });

  it('reads `1.` as an outline marker, not a Markdown list', () => {
    assert.deepEqual(types('1.第一项\n2. 第二项'), ['outlineHeading', 'outlineHeading']);
  });

  it('does not take numbers, dates or decimals for markers', () => {
    assert.deepEqual(types('2020年上半年，全镇完成投资。\n1.5亿元已到位。\n2023.7.10召开会议。'), ['paragraph', 'paragraph', 'paragraph']);
  });

  it('reads three-digit markers of a long list (a 通报 listing 130 practices: 99. 100. 130.)', () => {
    const text = ['99.四川省泸州市推出新举措。', '100.四川省成都市实施改革。', '130.新疆生产建设兵团加强管理。', '（100）第一百项。'].join('\n');
    const headings = parseReport(text).root.children.map((node) => (node.type === 'outlineHeading' ? `${node.marker.level}:${node.marker.ordinal}` : node.type));
    assert.deepEqual(headings, ['3:99', '3:100', '3:130', '4:100']);
    // A number of three digits is still no marker: 110.5亿元, 120、130、140人, 2023.7.
    assert.deepEqual(types('110.5亿元已到位。\n120、130、140人参加。\n2023.7.10召开会议。'), ['paragraph', 'paragraph', 'paragraph']);
  });

  it('splits a run-in heading after its first sentence', () => {
    const root = parseReport('一、夯实基础，突出党建第一保障。上半年，我镇党建工作稳步推进。').root;
    const heading = root.children[0]!;
    assert.equal(heading.type, 'outlineHeading');
    if (heading.type !== 'outlineHeading') return;
    assert.equal(heading.runIn, true);
    assert.equal(heading.title, '夯实基础，突出党建第一保障');
    const head = heading.children[0]!;
    assert.equal(head.type, 'runInHead');
    if (head.type !== 'runInHead') return;
    assert.equal(head.children.map((child) => ('value' in child ? child.value : '')).join(''), '一、夯实基础，突出党建第一保障。');
    assert.equal(head.position?.end.offset, '一、夯实基础，突出党建第一保障。'.length);
  });

  it('a trailing HTML comment does not make a heading run-in', () => {
    const heading = parseReport('一、总体情况。 <!-- report-md-disable-line heading-punctuation -->').root.children[0]!;
    assert.ok(heading.type === 'outlineHeading' && !heading.runIn);
  });

  it('keeps CommonMark constructs where written', () => {
    const text = '# 一级标题\n\n```\n一、不是标题\n```\n\n| 项目 | 金额 |\n| --- | --- |\n| 甲 | 1 |\n\n- 列表一\n- 列表二\n\n> 引文\n\n正文有**重点**和*强调*，见[链接](https://example.com)。';
    const root = parseReport(text).root;
    assert.deepEqual(
      root.children.map((node) => node.type),
      ['reportTitle', 'code', 'table', 'list', 'blockquote', 'paragraph'],
    );
    const paragraph = root.children[5]!;
    assert.ok(paragraph.type === 'paragraph' && paragraph.children.some((child) => child.type === 'strong'));
    assert.ok(paragraph.type === 'paragraph' && paragraph.children.some((child) => child.type === 'emphasis'));
  });

  it('resolves footnotes and link references defined elsewhere in the document', () => {
    const root = parseReport('正文引用[^1]，见[文件][doc]。\n\n[^1]: 注释内容。\n[doc]: https://example.com\n').root;
    const paragraph = root.children[0]!;
    assert.ok(paragraph.type === 'paragraph');
    if (paragraph.type !== 'paragraph') return;
    assert.deepEqual(paragraph.children.map((child) => child.type), ['text', 'footnoteReference', 'text', 'linkReference', 'text']);
    assert.deepEqual(root.children.slice(1).map((node) => node.type), ['footnoteDefinition', 'definition']);
  });

  it('does not pair redaction stars as emphasis (*书记…*镇)', () => {
    const root = parseReport('为确保*书记讲话精神在*镇落地落实，*镇党委及时部署。').root;
    const paragraph = root.children[0]!;
    assert.ok(paragraph.type === 'paragraph');
    if (paragraph.type !== 'paragraph') return;
    assert.deepEqual(paragraph.children.map((child) => child.type), ['text']);
    assert.equal(paragraph.children[0]!.type === 'text' && paragraph.children[0]!.value, '为确保*书记讲话精神在*镇落地落实，*镇党委及时部署。');
  });

  it('maps positions to the original text (CRLF, BOM, indentation)', () => {
    const text = '\uFEFF标题\r\n\u3000\u3000一、**重点**工作\r\n';
    const root = parseReport(text).root;
    const heading = root.children[1]!;
    assert.equal(heading.position?.start.offset, text.indexOf('一'));
    assert.equal(heading.position?.start.line, 2);
    assert.equal(heading.position?.start.column, 3);
  });

  it('finds title, 主送, section titles, 落款 and date', () => {
    const text = ['关于上半年工作的报告', '', '县人民政府：', '现将有关情况报告如下。', '一、工作成效', '正文。', '下半年工作安排', '一、抓好项目', '特此报告。', '', '某某镇人民政府', '2025年7月1日'].join('\n');
    assert.deepEqual(types(text), [
      'reportTitle',
      'addressee',
      'paragraph',
      'outlineHeading',
      'paragraph',
      'sectionTitle',
      'outlineHeading',
      'paragraph',
      'signature',
      'dateLine',
    ]);
  });

  it('reads a template closing whose date is still a placeholder as the closing', () => {
    for (const date of ['2025年x月x日', '20XX年X月X日', '××××年×月×日', '2025年XX月XX日', '○○○○年○月○日']) {
      const text = ['关于上半年工作的报告', '', '县人民政府：', '一、工作成效', '正文。', '', 'XX镇人民政府', date].join('\n');
      assert.deepEqual(types(text).slice(-2), ['signature', 'dateLine'], date);
    }
    // A year with a placeholder in the middle of a sentence is no date line.
    assert.deepEqual(types('一、甲\n20XX年X月X日前完成。'), ['outlineHeading', 'paragraph']);
  });

  it('reads a letter-spaced second title line as part of the title (国务院关于…奖售粮 / 几 个 问 题 的 通 知)', () => {
    const text = '国务院关于棉粮、糖粮挂钩奖售粮\n\n几 个 问 题 的 通 知\n\n国发〔1981〕88号\n\n各省、市、自治区人民政府：\n\n现将有关问题通知如下。\n';
    const title = parseReport(text).root.children[0]!;
    assert.equal(title.type, 'reportTitle');
    assert.deepEqual([title.position!.start.line, title.position!.end.line], [1, 3]);
    // A letter-spaced line alone is no title kind: 国 务 院 工 作 规 则 stays its own line.
    const notice = parseReport('国务院关于印发\n《国务院工作规则》的通知\n\n国 务 院 工 作 规 则\n\n第一章　总则').root.children[0]!;
    assert.deepEqual([notice.type, notice.position!.end.line], ['reportTitle', 2]);
  });

  it('closes a forwarding notice before the text it forwards, whose own signature and date come last', () => {
    const text = [
      '国务院办公厅转发国家地震局',
      '关于加强防震减灾工作意见报告的通知',
      '国办发〔1996〕2号',
      '各省、自治区、直辖市人民政府：',
      '国家地震局《关于加强防震减灾工作意见的报告》已经国务院同意，现转发给你们，请认真贯彻执行。',
      '国务院办公厅',
      '一九九六年二月五日',
      '（本文有删减）',
      '关于加强防震减灾工作意见的报告',
      '国务院：',
      '一、关于重点监视防御区',
      '正文。',
      '以上意见如无不妥，请批转各地贯彻执行。',
      '国家地震局',
      '一九九六年一月二十五日',
    ].join('\n');
    const children = parseReport(text).root.children;
    const at = (type: string): number[] => children.filter((node) => node.type === type).map((node) => node.position!.start.line);
    assert.deepEqual([at('signature'), at('dateLine'), at('note')], [[6], [7], [8]]);
  });

  it('reads an order (令) as closed before the regulation it promulgates; the bracket under that title is no 附注', () => {
    const text = [
      '中华人民共和国国务院令',
      '第706号',
      '《专利代理条例》已经2018年9月6日国务院第23次常务会议修订通过，现将修订后的《专利代理条例》公布，自2019年3月1日起施行。',
      '总理　李克强',
      '2018年11月6日',
      '专利代理条例',
      '（1991年3月4日中华人民共和国国务院令第76号发布　2018年11月6日中华人民共和国国务院令第706号修订）',
      '第一章　总则',
      '第一条　为了规范专利代理行为，制定本条例。',
    ].join('\n');
    const children = parseReport(text).root.children;
    const at = (type: string): number[] => children.filter((node) => node.type === type).map((node) => node.position!.start.line);
    assert.deepEqual([at('signature'), at('dateLine'), at('note')], [[4], [5], []]);
    // The order's number under its title is its 发文字号; the same line under another title is not.
    assert.deepEqual(children.filter((node) => node.type === 'masthead').map((node) => [node.position!.start.line, (node as { role?: string }).role]), [[2, 'docNumber']]);
    assert.deepEqual(types('关于开展调研的通知\n第706号\n各单位：\n正文。').slice(0, 2), ['reportTitle', 'paragraph']);
  });

  it('reads 附：名称, the older form of 附件：名称, as a 附件说明 (国家教委 1996); 附： alone is none', () => {
    const text = ['关于扩大招生规模的请示', '国务院：', '现将有关情况请示如下。', '以上意见如无不妥，请批转执行。', '', '附：内地西藏初中班（校）扩大招生计划表', '', '国家教委', '一九九六年五月十三日'].join('\n');
    assert.deepEqual(types(text).slice(4), ['attachmentNote', 'signature', 'dateLine']);
    assert.ok(!types('关于扩大招生规模的请示\n国务院：\n正文。\n附：').includes('attachmentNote'));
  });

  it('does not take parenthetical notes or closing formulas for section titles', () => {
    assert.deepEqual(types('一、甲\n正文。\n（责任人：张三）\n二、乙\n特此报告'), ['outlineHeading', 'paragraph', 'paragraph', 'outlineHeading', 'paragraph']);
  });

  it('reads a speech preamble: title, date in brackets, speaker, salutation', () => {
    const text = ['在全县三级干部大会上的讲话', '（2024年2月20日）', '张三', '', '同志们：', '今天召开大会。', '一、统一思想', '二、突出重点'].join('\n');
    assert.deepEqual(types(text), ['reportTitle', 'reportSubtitle', 'reportSubtitle', 'addressee', 'paragraph', 'outlineHeading', 'outlineHeading']);
    assert.deepEqual(types('工作报告\n——在全县大会上的发言\n正文。'), ['reportTitle', 'reportSubtitle', 'paragraph']);
    assert.deepEqual(outline(text).map((node) => node.kind), ['title', 'heading', 'heading']);
  });

  it('skips template-site residue when choosing the title (seed 002)', async () => {
    const { readFileSync } = await import('node:fs');
    const { join } = await import('node:path');
    const { repoRoot } = await import('./helpers.js');
    const text = readFileSync(join(repoRoot, 'test/fixtures/seeds/002_d3c5f8660d1dab73.txt'), 'utf8');
    const tree = outline(text);
    assert.equal(tree[0]!.kind, 'title');
    assert.equal(tree[0]!.title, '2020年上半年政府工作总结');
    assert.equal(tree.filter((node) => node.kind === 'section').map((node) => node.title).join(), '下半年工作安排');
  });
});
