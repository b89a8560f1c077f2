// The misreadings CORPUS.md still showed (issue 9 follow-up), each as a small document written
// the way the corpus documents are: page chrome, cover letters with attached texts, lists.
import assert from 'node:assert/strict';
import { fixAll, lint, outline, parseReport, type OutlineNode } from '../../src/core/index.js';

/** `line:type` of every top-level node (1-based lines). */
const parts = (text: string): string[] =>
  parseReport(text).root.children.map((node) => `${node.position!.start.line}:${node.type}`);
const typeAt = (text: string, line: number): string | undefined => parseReport(text).root.children.find((node) => node.position!.start.line === line)?.type;
const flat = (nodes: readonly OutlineNode[], out: OutlineNode[] = []): OutlineNode[] => {
  for (const node of nodes) {
    out.push(node);
    flat(node.children, out);
  }
  return out;
};
const sectionLines = (text: string): number[] => flat(outline(text)).filter((node) => node.kind === 'section').map((node) => node.selectionRange.start.line + 1);

describe('reading the corpus documents right (issue 9, CORPUS.md)', () => {
  it('a policy page: site header, accessibility switch, metadata table, related links and footer are residue; the title is the 公报 below them', () => {
    const text = [
      ' 某某县人民政府-统计局',
      '',
      '网站无障碍关怀版',
      '',
      '您当前所在位置： 首页>政务公开>统计数据',
      '索 引 号：',
      '014742224A/2023-0043406',
      '生成日期：',
      '2023-05-11',
      '公开方式：',
      '主动公开',
      '责任部门：',
      '某某县统计局',
      '某某县2022年国民经济和社会发展统计公报',
      '关联稿件：',
      '图文解读：《某某县2022年国民经济和社会发展统计公报》',
      '',
      '某某县统计局    国家统计局某某调查队',
      '（2023年5月）',
      '',
      '2022年，全县经济运行稳中向好。',
      '',
      '网站地图 网站帮助 隐私声明 关于我们',
      '主办：某某县人民政府  承办：某某县人民政府办公室',
      '赣ICP备11002306号-1  网站标识码：3609220011',
      '中文域名:某某政府网.政务  技术支持：某某县信息中心  版权所有：某某县人民政府门户网',
    ].join('\n');
    const types = parts(text);
    const residue = types.filter((entry) => entry.endsWith(':residue')).map((entry) => Number(entry.split(':')[0]));
    assert.deepEqual(residue, [1, 3, 5, 6, 7, 8, 9, 10, 11, 12, 13, 15, 16, 23, 24, 25, 26]);
    assert.equal(outline(text)[0]!.title, '某某县2022年国民经济和社会发展统计公报');
    assert.equal(typeAt(text, 18), 'reportSubtitle');
    assert.equal(typeAt(text, 19), 'reportSubtitle');
    // No rule reads the footer (中文域名: is not a half-width colon in a Chinese sentence).
    assert.deepEqual(lint(text).filter((finding) => finding.ruleId !== 'template-residue'), []);
  });

  it('a site header above the breadcrumb (date bar, script switch, navigation words) is residue; the title is the copy under the chrome (holdout e15, e16)', () => {
    const text = [
      '| 2026年11月26日 星期四',
      '繁繁體版 网站无障碍 关怀版 ',
      '网站首页',
      '新闻中心',
      '县政府',
      '您当前的位置： 网站首页>数据开放>统计公报',
      '某某县2015年国民经济和社会发展统计公报',
      '发文日期：',
      '2023-04-18',
      '分类：',
      '统计公报',
      '访问量：1',
      '',
      '某某县2015年国民经济和社会发展统计公报',
      '',
      '2015年，全县经济平稳运行。',
      '一、综合',
      '全年生产总值增长8%。',
    ].join('\n');
    const types = parts(text);
    assert.deepEqual(types.filter((entry) => entry.endsWith(':residue')).map((entry) => Number(entry.split(':')[0])), [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12]);
    assert.ok(types.includes('14:reportTitle'), types.join(' '));
    // Without a breadcrumb under them, short lines at the head are the writer's own (a unit's name over its title).
    const own = ['某某镇人民政府', '关于上半年工作的报告', '', '县人民政府：', '正文。'].join('\n');
    assert.ok(!parts(own).some((entry) => entry.endsWith(':residue')), parts(own).join(' '));
  });

  it('a table pasted one cell per line (blank and TAB-only lines between) is no section titles (holdout e01, e15)', () => {
    const text = ['关于扩大招生规模的请示', '', '国务院：', '', '现将有关情况请示如下。', '', '附：招生计划表', '', '省（市）', '', '\t', '', '1995年招生人数', '', '扩招', '', '北京', '', '1445', '', '300', '', '天津', '', '1200', '', '250', ''].join('\n');
    assert.deepEqual(sectionLines(text), []);
    // A section title among prose stays one, and so does one before a line that only starts with a number.
    const prose = ['关于上半年工作的报告', '', '县人民政府：', '', '现将有关情况报告如下。', '', '主要工作', '', '上半年完成投资12亿元。', '', '下步打算', '', '2025年将继续推进。'].join('\n');
    assert.deepEqual(sectionLines(prose), [7, 11]);
  });

  it('the titles linked under 上一篇：/下一篇： and the footer’s links to other government sites are residue (holdout e15)', () => {
    const text = [
      '某某县2015年统计公报',
      '',
      '全年生产总值增长8%。',
      '（某某县统计局）',
      '扫一扫在手机打开当前页',
      '上一篇：',
      '某某市2016年国民经济和社会发展统计公报',
      '某某市2016年国民经济和社会发展统计公报',
      '下一篇：',
      '某某县2009-2010年国民经济和社会发展统计公报,某某县统计局',
      '中国政府网 江西省人民政府 某某市人民政府',
      '上级政府网站',
      '县市区政府网站',
      '网站地图 网站帮助 隐私声明 关于我们',
    ].join('\n');
    const residue = parts(text).filter((entry) => entry.endsWith(':residue')).map((entry) => Number(entry.split(':')[0]));
    assert.deepEqual(residue, [5, 6, 7, 8, 9, 10, 11, 12, 13, 14]);
  });

  it('a short line right under a heading, where the next heading goes on with the numbering, is that heading’s text, not a section (a university notice imported from Word)', () => {
    const text = [
      '关于开展暑期社会实践活动的通知',
      '各二级团组织：',
      '一、实践主题',
      '小我融入大我 青春献给祖国',
      '二、实践内容',
      '1、智力扶贫支教团（2000元/支）',
      '2、健康防疫知识宣讲团（2000元/支）',
      '校团委面向全校立项组建10支健康防疫知识宣讲团，鼓',
      '励青年学生通过视频、音频等形式宣传防疫知识。',
      '3、红色故事宣讲团（3000元/支）',
    ].join('\n');
    assert.deepEqual(sectionLines(text), []);
    assert.deepEqual(lint(text, { only: ['numbering-sequence'] }), []);
    // A real section title after body text restarts the numbering, and a 专栏 under a run-in heading stays a section.
    const sections = ['工作报告', '一、上半年工作', '正文。', '下半年工作安排', '一、抓项目'].join('\n');
    assert.deepEqual(sectionLines(sections), [4]);
    const box = ['工作方案', '一、重点任务', '1．开展推广。推动企业上云。', '专栏1  工业互联网推广工程', '支持企业改造。', '2．提升安全。加强监测。'].join('\n');
    assert.deepEqual(sectionLines(box), [4]);
  });

  it('one metadata label alone is the writer’s own line, not chrome', () => {
    const text = ['关于某项工作的通知', '各单位：', '现将有关事项通知如下。', '公开方式：', '主动公开'].join('\n');
    assert.notEqual(typeAt(text, 4), 'residue');
    assert.notEqual(typeAt(text, 5), 'residue');
  });

  it('a source link line is chrome even though its URL is a link (原文链接：https://…)', () => {
    const text = ['    【法宝引证码】 CLI.12.5115678', '原文链接：https://www.pkulaw.com/lar/ea5258e56c60.html', '某市人民政府办公室关于印发考评办法的通知', '各单位：', '请认真抓好落实。'].join('\n');
    assert.equal(typeAt(text, 1), 'residue');
    assert.equal(typeAt(text, 2), 'residue');
  });

  it('a photo caption between the page chrome and the text is residue', () => {
    const text = ['某省2026年政府工作报告', '2026年1月27日在某省第十四届人民代表大会第四次会议上', '来源：', '某省人民政府', '分享:', '省长某某作政府工作报告', '各位代表：', '现在，我代表省人民政府向大会报告工作。'].join('\n');
    assert.equal(typeAt(text, 6), 'residue');
    assert.equal(typeAt(text, 7), 'addressee');
    // Not without the chrome right above it.
    const plain = ['某省2026年政府工作报告', '——2026年1月27日在某省人民代表大会上', '省长　某某', '各位代表：', '现在报告工作。'].join('\n');
    assert.equal(typeAt(plain, 3), 'reportSubtitle');
  });

  it('a ——subtitle broken over two lines keeps the speaker line under it', () => {
    const text = ['政府工作报告', '——2026年1月26日在某省第十四届', '人民代表大会第五次会议上', '某省省长 某某', '各位代表：', '现在报告工作。'].join('\n');
    assert.deepEqual([2, 3, 4].map((line) => typeAt(text, line)), ['reportSubtitle', 'reportSubtitle', 'reportSubtitle']);
  });

  it('the long bracketed history under a law’s title is its subtitle', () => {
    const history = '（1992年7月1日第七届全国人民代表大会常务委员会第二十六次会议通过　根据2009年8月27日第十一届全国人民代表大会常务委员会第十次会议《关于修改部分法律的决定》修正）';
    const text = ['中华人民共和国某某条例', '', history, '', '第一条　为了加强队伍建设，制定本条例。'].join('\n');
    assert.equal(typeAt(text, 3), 'reportSubtitle');
  });
});

describe('section titles in the body (issue 9, CORPUS.md)', () => {
  it('label：value lines and formulas are no section titles', () => {
    const text = ['关于工资折算问题的通知', '各单位：', '现将有关事项通知如下。', '一、制度工作时间的计算', '年工作日：365天-104天（休息日）-11天（法定节假日）＝250天', '月工作日：250天÷12月＝20.83天/月', '年度考评分值=（上半年考评分值+下半年考评分值）÷2', '二、其他', '第一部分：总体要求', '具体要求如下。'].join('\n');
    assert.deepEqual(sectionLines(text), [9]);
  });

  it('an article without its 。, a figure caption, a number alone and garbled text are no section titles', () => {
    const text = ['某某办法', '第一条　为了规范管理，制定本办法。', '图1　汽车号牌编码规则', '2.5', '\uFFFD\uFFFD1\uFFFD\uFFFD', '第十九条 本办法自发布之日起施行'].join('\n');
    assert.deepEqual(sectionLines(text), []);
  });

  it('a line broken off a sentence (a web page’s bold words on lines of their own) is no section title', () => {
    const prose = '全面开展生态建设行动，累计完成林分优化1105万亩、森林抚育1111万亩，中央生态环境保护督察整改取得明显成效，PM';
    const text = ['政府工作报告', '各位代表：', '现在报告工作。', prose, '2.5', '年平均浓度保持在20微克/立方米左右。', '“十五五”时期经济社会发展的', '主要目标', '是：地区生产总值年均增长5%左右。', '专栏1  工业互联网网络互联互通工程', '加快网络建设。'].join('\n');
    assert.deepEqual(sectionLines(text), [10]);
  });

  it('a table of contents: 目录 is a section, its entries are not, the chapters after it are', () => {
    const text = ['中华人民共和国某某条例', '（2003年2月28日第九届全国人民代表大会常务委员会第三十二次会议通过）', '', '目　　录', '第一章　总　　则', '第二章　等级的设置', '第三章　附　　则', '', '第一章　总　　则', '', '第一条　为了加强队伍建设，制定本条例。', '第二章　等级的设置', '第二条　等级分为三等。', '第三章　附　　则', '第三条　本条例自公布之日起施行。'].join('\n');
    assert.deepEqual(sectionLines(text), [4, 9, 12, 14]);
  });

  it('a member list set out line by line is no run of section titles', () => {
    const text = ['附件', '', '某某工作部际联席会议成员名单', '', '召 集 人：孙某某　　国务院副总理', '', '副召集人：陈某某　　教育部部长', '', '　　　　　丁某某　　国务院副秘书长', '', '成    员：孙　某　　教育部副部长', '', '　　　　　连某某　　发展改革委副主任'].join('\n');
    const body = ['关于同意建立某某工作部际联席会议制度的批复', '教育部：', '同意建立该制度。', '国务院', '2018年11月17日', ''].join('\n');
    const lines = sectionLines(body + text).map((line) => line - 5);
    assert.deepEqual(lines, [1, 3]);
  });

  it('the 署名 over an attached text’s date is no section title; 注释： and 资料来源： of a 公报 are', () => {
    const text = ['关于某某地质险情的函', '湖北省人民政府：', '现将调查意见函告如下。', '附件2', '某某村地质险情调查意见', '建议继续加强监测研究。', '某某村', '地质险情调查专家组', '二〇〇四年九月二十三日', '注释：', '1.本公报中数据均为初步统计数。', '资料来源：', '本公报中财政数据来自县财政局。'].join('\n');
    assert.deepEqual(sectionLines(text), [4, 5, 10, 12]);
  });
});

describe('the closing of a notice that issues a text (issue 9, CORPUS.md)', () => {
  it('the notice closes with its 署名 and date before the issued text it cites in 《》, whose title is a section however long', () => {
    const issued = '安徽省关于加快对接《区域全面经济伙伴关系协定》（RCEP）经贸新规则扎实推进高水平开放实施意见';
    const text = [
      '某某办公室关于印发某某实施意见的通知',
      '',
      '（皖开放办〔2022〕6号）',
      '',
      '省有关单位：',
      '',
      '　　《安徽省关于加快对接〈区域全面经济伙伴关系协定〉（RCEP）经贸新规则 扎实推进高水平开放实施意见》现印发给你们，请认真贯彻执行。',
      '安徽省推进“三地一区”建设领导小组改革开放新高地执行小组办公室',
      '',
      '　　2022年3月23日',
      issued,
      '',
      '　　为加快全面对接经贸新规则，制定本意见。',
      '　　一、总体要求',
      '　　各地要加强组织领导。',
    ].join('\n');
    assert.equal(typeAt(text, 8), 'signature');
    assert.equal(typeAt(text, 10), 'dateLine');
    assert.deepEqual(sectionLines(text), [11]);
  });

  it('without a citation of the text after it, a date in the body is no closing', () => {
    const text = ['关于某项工作的通知', '各单位：', '会议定于：', '2022年3月23日', '某某工作要点', '请准时参加。'].join('\n');
    assert.notEqual(typeAt(text, 4), 'dateLine');
  });

  it('a bracketed line under the forwarded text’s title is no 附注 of the notice', () => {
    const text = ['国务院办公厅转发民政部关于清理整顿社会团体意见的通知', '各省、自治区、直辖市人民政府：', '民政部《关于清理整顿社会团体的意见》已经国务院同意，现转发给你们。', '国务院办公厅', '一九九七年四月八日', '（本文有删减）', '', '关于清理整顿社会团体的意见', '', '（民政部　一九九七年一月二十八日）', '', '社会团体管理工作十分重要。'].join('\n');
    assert.equal(typeAt(text, 6), 'note');
    assert.notEqual(typeAt(text, 10), 'note');
  });

  it('`附件：` alone with the attachment’s name on the next line is one 附件说明', () => {
    const text = ['关于印发考评办法的通知', '各单位：', '现将考评办法印发给你们。', '附件：', '某某市数字政府建设考评指标', '附件', '某某市数字政府建设考评指标', '一、政务服务（25分）'].join('\n');
    assert.equal(typeAt(text, 4), 'attachmentNote');
    assert.equal(typeAt(text, 5), 'attachmentNote');
    assert.deepEqual(sectionLines(text), [6, 7]);
  });
});

describe('a # heading that is a bare numeral (issue 9, CORPUS.md)', () => {
  it('`## 三` after `## 二、…` is the heading 三、 with its 、 missing: a numbering-style finding and a fix', () => {
    const text = ['# 关于工资折算问题的通知', '', '各单位：', '', '## 一、制度工作时间', '', '年工作日为250天。', '', '## 二、日工资的折算', '', '日工资按月计薪天数折算。', '', '## 三', '原通知同时废止。'].join('\n');
    const headings = flat(outline(text)).filter((node) => node.kind === 'heading').map((node) => `${node.selectionRange.start.line + 1}:${node.level}`);
    assert.deepEqual(headings, ['5:1', '9:1', '13:1']);
    const style = lint(text).filter((finding) => finding.ruleId === 'numbering-style');
    assert.deepEqual(style.map((finding) => finding.range.start.line + 1), [13]);
    assert.equal(fixAll(text).split('\n')[12], '## 三、');
    // Without the run before it, a bare numeral heading stays a section title.
    assert.deepEqual(flat(outline('# 报告\n\n## 三\n正文。')).filter((node) => node.kind === 'heading'), []);
  });
});

describe('punctuation-width after a number (issue 9, CORPUS.md)', () => {
  it('a half-width comma between a number and Chinese text is found; a thousands separator and a time are not', () => {
    const found = (text: string) => lint(`公报\n${text}`).filter((finding) => finding.ruleId === 'punctuation-width').length;
    assert.equal(found('水质综合指数3.4830,同比变好1.16%。'), 1);
    assert.equal(found('增长5%,其中工业增长6%。'), 1);
    assert.equal(found('共投入1,000万元。'), 0);
    assert.equal(found('会议于10:30开始。'), 0);
    assert.equal(found('Version 2, 第三版。'), 0);
  });
});

describe('a chapter title run together with its first article (issue 9, CORPUS.md)', () => {
  it('第一章　总则　　第一条 … is a section title and an article paragraph on one line', () => {
    const text = ['某某州政务数据资源管理暂行办法', '　第一章　总　　则　　第一条\u2002　为规范政务数据资源管理，制定本办法。', '　　第二条 　本办法适用于全州。', '　第二章　规划建设　　第三条\u2002　州人民政府统筹规划。'].join('\n');
    const sections = flat(outline(text)).filter((node) => node.kind === 'section');
    assert.deepEqual(sections.map((node) => `${node.selectionRange.start.line + 1}:${node.title}`), ['2:第一章　总　　则', '4:第二章　规划建设']);
    const nodes = parseReport(text).root.children.filter((node) => node.position!.start.line === 2);
    assert.deepEqual(nodes.map((node) => node.type), ['sectionTitle', 'paragraph']);
    // A chapter title alone, or an article that names a chapter, is not split.
    assert.deepEqual(parts('办法\n第一章　总则\n第一条　依照本法第二章第三条的规定执行。').filter((entry) => entry.startsWith('3:')), ['3:paragraph']);
  });
});
