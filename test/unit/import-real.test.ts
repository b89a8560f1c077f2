/**
 * Word import on real documents (test/fixtures/docx, see SOURCES.md) and the
 * round trip import(export(report)) on the seeds and the example.
 */
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { DOMParser } from '@xmldom/xmldom';
import { strFromU8, unzipSync } from 'fflate';
import { lint, parseReport } from '../../src/core/index.js';
import { exportDocx } from '../../src/core/export/index.js';
import { importDocx, type ImportResult } from '../../src/core/import/index.js';

const FIXTURES = path.resolve('test/fixtures/docx');
const W = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main';

function load(name: string): Uint8Array {
  return new Uint8Array(fs.readFileSync(path.join(FIXTURES, name)));
}

function read(name: string): ImportResult & { lines: string[] } {
  const result = importDocx(load(name), { lang: 'zh-CN', assetsFolder: 'doc.assets' });
  return { ...result, lines: result.text.split('\n').filter((line) => line !== '') };
}

/** The text of each paragraph of a part, read with another XML parser (xmldom), whitespace-normalised. */
function paragraphTexts(bytes: Uint8Array, part: string): string[] {
  const xml = strFromU8(unzipSync(bytes, { filter: (file) => file.name === part })[part]!);
  const document = new DOMParser().parseFromString(xml, 'text/xml');
  return Array.from(document.getElementsByTagNameNS(W, 'p')).map((paragraph) =>
    Array.from(paragraph.getElementsByTagNameNS(W, 't'))
      .map((text) => text.textContent ?? '')
      .join('')
      .replace(/\s+/g, ''),
  );
}

function numberingFindings(text: string) {
  return lint(text).filter((finding) => finding.ruleId.startsWith('numbering'));
}

const headingsOf = (lines: string[], pattern: RegExp) => lines.filter((line) => pattern.test(line));

describe('import: real Word documents', () => {
  it('01 请示 template: heading styles linked through w:lvl/w:pStyle, 附件1 restarted by startOverride, images', () => {
    const { lines, images, warnings } = read('01-qingshi-baogao-template.docx');
    assert.deepEqual(headingsOf(lines, /^[一二三四五]、/).map((line) => line.slice(0, 6)), ['一、使用方法', '二、（这里不', '三、高级用户', '四、图片', '一、图片们，']);
    assert.deepEqual(headingsOf(lines, /^（[一二三四五六]）/).slice(0, 5).map((line) => line.slice(0, 3)), ['（一）', '（二）', '（三）', '（四）', '（五）']);
    assert.ok(lines.includes('（五）TODO'));
    // （%4） directly under （%2）: （1） restarts under （五）, and %3． keeps its full-width point.
    assert.ok(lines[lines.indexOf('（五）TODO') + 1]!.startsWith('（1）加盖公章'));
    assert.ok(lines.some((line) => line.startsWith('1．三级标题（仿宋')));
    assert.deepEqual(lines.slice(lines.indexOf('附件1'), lines.indexOf('附件1') + 3).map((line) => line.slice(0, 5)), ['附件1', '附件1图片', '一、图片们']);
    assert.ok(lines.includes('2021年12月31日'));
    assert.equal(images.length, 3);
    assert.equal(lines.filter((line) => /^!\[\]\(doc\.assets\/image\d\.png\)$/.test(line)).length, 3);
    assert.deepEqual(warnings, []);
  });

  it('02 WPS tender: numId 0, a list starting at 十四, (一) lists restarting, the table of contents skipped with a warning', () => {
    const { lines, warnings, text } = read('02-sichuan-iptv-metadata-tender-wps.docx');
    assert.deepEqual(headingsOf(lines, /^十[四五六七八九]、/).map((line) => line.slice(0, 3)), ['十四、', '十五、', '十六、', '十七、', '十八、', '十九、']);
    const seventh = lines.indexOf('(七)本项目不允许联合体参选。');
    assert.ok(seventh > 0);
    assert.ok(lines[seventh + 2]!.startsWith('(一)报名时间'), 'the next (%1) list starts again at (一)');
    assert.ok(lines.includes('（六）评审方法'));
    assert.equal(lines.filter((line) => line.startsWith('第一章')).length, 1, 'the table of contents does not repeat the chapter titles');
    assert.ok(warnings.some((warning) => warning.kind === 'table-of-contents'));
    assert.match(text, /\| --- \|/, 'its tables are GFM tables');
  });

  it('04 notice numbered by hand: every line is the text of a paragraph of the document, nothing added', () => {
    const bytes = load('04-csu-summer-practice-notice.docx');
    const { lines, warnings } = read('04-csu-summer-practice-notice.docx');
    const paragraphs = new Set(paragraphTexts(bytes, 'word/document.xml'));
    for (const line of lines) assert.ok(paragraphs.has(line.replace(/\*\*/g, '').replace(/\s+/g, '')), `not a paragraph of the document: ${line}`);
    assert.deepEqual(lines.slice(0, 2), ['关于开展2020年中南大学暑期“三下乡”社会实践活动的通知', '各二级团组织：']);
    assert.ok(lines.includes('2、**创新方式，积极探索**。面对新形势新要求，今年“三下乡”暑期社会实践要注重探索“互联网+社会实践”新模式，鼓励师生采取“云组队”、“云调研”、“云访谈”等网络形式开展，**除“家乡日记”返乡实践团、“星火计划”、党员博士服务团外，其余团队均以线上形式开展实践活动**。'), 'a typed marker stays outside the bold');
    assert.deepEqual(warnings, []);
  });

  it('imported real documents: every numbering error is a true one (04 notice, 02 tender, 07 summary)', () => {
    const errorsOf = (name: string) => {
      const { text } = read(name);
      return lint(text).filter((finding) => finding.severity === 'error' && finding.ruleId.startsWith('numbering')).map((finding) => text.split('\n')[finding.range.start.line]!.slice(0, 3));
    };
    // 04: 一、 with a slogan under it, 4、 with a paragraph broken mid-sentence under it, then 5、 … 9、.
    assert.deepEqual(errorsOf('04-csu-summer-practice-notice.docx'), []);
    // 02: 注：1.… over 2.… 5.…, 注：①… over ②…; the one true slip is 12. followed by 14.
    assert.deepEqual(errorsOf('02-sichuan-iptv-metadata-tender-wps.docx'), ['14.']);
    assert.deepEqual(errorsOf('07-customer-service-work-summary.docx'), []);
  });

  it('05 work summary: 一、 sections and decimal lists that each start again at 1; an empty numbered paragraph shows 5.', () => {
    const { lines, text } = read('05-programmer-work-summary-plan-2018.docx');
    assert.deepEqual(headingsOf(lines, /^[一二三]、/), ['一、思想方面：', '二、工作方面：', '三、存在不足：']);
    assert.equal(lines[lines.indexOf('三、存在不足：') + 2], '1.工作中容易产生急躁的情绪。');
    assert.equal(lines[lines.indexOf('工作计划：') + 1], '1.维护、优化以及持续开发后台系统。');
    assert.equal(lines[lines.indexOf('个人目标：') + 1], '1.深入学习nodejs。');
    assert.ok(lines.includes('5.'));
    assert.deepEqual(numberingFindings(text), []);
  });

  it('06 thesis with comments: one warning naming the lines, no comment text in the body', () => {
    const bytes = load('06-thesis-draft-with-comments.docx');
    const { text, warnings, images } = read('06-thesis-draft-with-comments.docx');
    const comments = warnings.find((warning) => warning.kind === 'comments');
    assert.ok(comments && comments.lines.length > 10, 'the comments are warned about with their lines');
    // Comments whose words the document itself does not contain (some just repeat a heading).
    const body = paragraphTexts(bytes, 'word/document.xml').join('');
    const commentTexts = paragraphTexts(bytes, 'word/comments.xml').filter((comment) => comment.length >= 4 && !body.includes(comment));
    assert.ok(commentTexts.length > 10);
    const flat = text.replace(/\s+/g, '');
    for (const comment of commentTexts) assert.ok(!flat.includes(comment), `comment text in the body: ${comment}`);
    assert.equal(images.length, 10);
  });

  it('07 speech: Word’s built-in 一、二、三、 list (japaneseCounting, TAB suffix); typed numbers kept as typed', () => {
    const { lines, text } = read('07-customer-service-work-summary.docx');
    assert.deepEqual(headingsOf(lines, /^[一二三四]、/), ['一、主要工作', '二、工作感悟', '三、成就与不足', '四、个人发展规划']);
    assert.ok(lines.includes('1. 服务意识'));
    assert.ok(lines.includes('2.责任感'));
    assert.deepEqual(numberingFindings(text), []);
  });

  it('08 notice: text boxes warned about with their text; numbered paragraphs inside table cells', () => {
    const { text, warnings } = read('08-hfut-thesis-archiving-requirements.docx');
    const boxes = warnings.find((warning) => warning.kind === 'text-box');
    assert.ok(boxes);
    assert.match(boxes.message, /填写学生姓名/);
    assert.doesNotMatch(text, /填写学生姓名/);
    assert.match(text, /\| 备注 \| 1\.本表由学院、系认真填写.*<br>2\.此表为档案馆/);
    assert.deepEqual(numberingFindings(text), []);
  });

  it('09 pandoc 公文 template: 一、 … 十二、 through heading styles, （一） restarting under each 一、', () => {
    const { lines } = read('09-pandoc-gongwen-template-chushibiao.docx');
    const first = headingsOf(lines, /^[一二三四五六七八九十]+、/);
    assert.equal(first.length, 12);
    assert.deepEqual(first.slice(9), ['十、一级标题j', '十一、一级标题k', '十二、一级标题2']);
    assert.equal(lines[lines.indexOf('十二、一级标题2') + 2], '（一）二级标题3');
    assert.ok(lines.includes('（十一）二级标题k'));
    assert.ok(lines.includes('（10）四级标题j'));
  });
});

describe('import: round trip import(export(report))', () => {
  const normalise = (text: string) =>
    text
      .replace(/^\uFEFF/, '')
      .split(/\r?\n/)
      .map((line) => line.replace(/[\s\u3000\u00a0]+/g, ' ').trim())
      .filter((line) => line !== '');
  const files = [
    ...fs.readdirSync('test/fixtures/seeds').map((name) => path.join('test/fixtures/seeds', name)),
    'examples/work-report.report.md',
  ];
  assert.equal(files.length, 6);
  for (const file of files) {
    it(`gives back ${path.basename(file)} line by line`, async () => {
      const text = fs.readFileSync(file, 'utf8');
      const { data } = await exportDocx(parseReport(text).root, { source: text });
      const imported = importDocx(data);
      assert.deepEqual(normalise(imported.text), normalise(text));
      assert.deepEqual(imported.warnings, []);
    });
  }
});
