// Issue 11 §1-3: valid packages, the closing parts of a 公文, titles, fonts, table headers, line breaks.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Element } from '@xmldom/xmldom';
import { parseReport } from '../../src/core/index.js';
import { buildOutline } from '../../src/core/outline/build.js';
import { columnWidths, longestUnbreakable } from '../../src/core/export/handlers/table.js';
import { balanceTitle } from '../../src/core/export/title-lines.js';
import { closingIndents, DEFAULT_LAYOUT, joinWrappedLines, lineBreaksFor, resolveFontFaces, textWidth, type DocxExportOptions } from '../../src/core/export/index.js';
import { orderParagraphProperties, tabsAsElements } from '../../src/core/export/package-fixes.js';
import { all, attr, bodyParagraphs, child, exportParts, paragraphStyle, styleById, textOf } from './export-helpers.js';
import { repoRoot } from './helpers.js';
import { runExport } from '../../src/cli/export-command.js';
import JSZip from 'jszip';
import { DOMParser } from '@xmldom/xmldom';

const PITCH = 312;

async function exportText(text: string, options: DocxExportOptions = {}) {
  return exportParts(parseReport(text).root, { source: text, ...options });
}

/** Local names of an element's element children, in order. */
function childNames(element: Element | undefined): string[] {
  const names: string[] = [];
  for (let node = element?.firstChild; node; node = node.nextSibling) if (node.nodeType === 1) names.push((node as Element).localName!);
  return names;
}

function paragraphWithText(paragraphs: Element[], text: string): Element {
  const found = paragraphs.find((paragraph) => textOf(paragraph) === text) ?? paragraphs.find((paragraph) => textOf(paragraph).startsWith(text));
  assert.ok(found, `no paragraph with ${text}`);
  return found;
}

const CLOSING = [
  '国务院办公厅关于开展',
  '城镇小区配套幼儿园治理工作的通知',
  '',
  '各省、自治区、直辖市人民政府：',
  '　　为贯彻落实有关要求，现将有关事项通知如下。[^1]',
  '一、总体要求',
  '　　做好治理工作。',
  '　　特此通知。',
  '',
  '附件：1.城镇小区配套幼儿园治理工作情况统计表',
  '2.城镇小区配套幼儿园治理工作联系人名单',
  '',
  '国务院办公厅',
  '2019年1月9日',
  '（此件公开发布）',
  '',
  '[^1]: 脚注定义。',
  '',
  '附件1',
  '',
  '城镇小区配套幼儿园治理工作情况统计表',
  '',
  '| 地区 | 2024年完成数量 | 备注 |',
  '|---|---|---|',
  '| 北京 | 12 | 这一列的内容写得比较长，按比例会占去大部分宽度 |',
  '',
].join('\n');

describe('export: valid packages (GB/T 9704 issue 11)', () => {
  it('writes w:autoSpaceDN before w:ind and w:jc in the 落款 (CT_PPrBase order)', async () => {
    const parts = await exportText(CLOSING);
    const paragraphs = bodyParagraphs(await parts.xml('word/document.xml'));
    for (const text of ['国务院办公厅', '2019年1月9日']) {
      const names = childNames(child(paragraphWithText(paragraphs, text), 'pPr'));
      assert.ok(names.includes('autoSpaceDN'), names.join());
      assert.equal(names.indexOf('autoSpaceDE'), names.indexOf('autoSpaceDN') - 1, names.join());
      assert.ok(names.indexOf('autoSpaceDN') < names.indexOf('ind'), names.join());
      assert.ok(names.indexOf('autoSpaceDN') < names.indexOf('spacing') || !names.includes('spacing'), names.join());
    }
  });

  it('sorts only paragraph properties that hold a misplaced element, keeping run properties inside', () => {
    const xml = '<w:p><w:pPr><w:pStyle w:val="A"/><w:ind w:right="1"/><w:jc w:val="right"/><w:autoSpaceDN w:val="false"/><w:rPr><w:b/></w:rPr></w:pPr></w:p><w:p><w:pPr><w:jc w:val="left"/><w:ind w:left="1"/></w:pPr></w:p>';
    assert.equal(
      orderParagraphProperties(xml),
      '<w:p><w:pPr><w:pStyle w:val="A"/><w:autoSpaceDE w:val="false"/><w:autoSpaceDN w:val="false"/><w:ind w:right="1"/><w:jc w:val="right"/><w:rPr><w:b/></w:rPr></w:pPr></w:p><w:p><w:pPr><w:jc w:val="left"/><w:ind w:left="1"/></w:pPr></w:p>',
    );
  });

  it('writes a TAB of the text as w:tab', async () => {
    assert.equal(tabsAsElements('<w:r><w:t xml:space="preserve">a\tb</w:t></w:r>'), '<w:r><w:t xml:space="preserve">a</w:t><w:tab/><w:t xml:space="preserve">b</w:t></w:r>');
    const parts = await exportText('关于工作的报告\n\n签发人：\t张三的说明\t文字。\n');
    const xml = await parts.text('word/document.xml');
    assert.ok(!/<w:t[^>]*>[^<]*\t/.test(xml), 'literal TAB inside w:t');
    assert.ok(xml.includes('<w:tab/>'));
  });

  it('defines DefaultParagraphFont, drops Heading6 and the paragraph style Strong, and the unused bullet numbering', async () => {
    const parts = await exportText(CLOSING);
    const styles = await parts.xml('word/styles.xml');
    const ids = all(styles, 'style').map((style) => attr(style, 'styleId'));
    assert.ok(!ids.includes('Heading6'));
    assert.ok(!ids.includes('Strong'));
    const defaultFont = styleById(styles, 'DefaultParagraphFont');
    assert.equal(attr(defaultFont, 'type'), 'character');
    assert.equal(attr(defaultFont, 'default'), '1');
    // Every basedOn names a defined style.
    for (const basedOn of all(styles, 'basedOn')) assert.ok(ids.includes(attr(basedOn, 'val')), `basedOn ${attr(basedOn, 'val')} undefined`);
    const numbering = await parts.xml('word/numbering.xml');
    assert.equal(all(numbering, 'abstractNum').length, 0);
    assert.equal(all(numbering, 'num').length, 0);
  });

  describe('validate-docx (ISO/IEC 29500 transitional schemas)', function () {
    this.timeout(120000);
    const validator = join(repoRoot, '..', 'shared', 'tools', 'ooxml', 'validate-docx');
    const python = '/usr/bin/python3';
    let reason: string | undefined;
    if (!existsSync(validator)) reason = `${validator} is absent (it lives in ../shared beside the project)`;
    else if (spawnSync(python, ['-c', 'import lxml'], { encoding: 'utf8' }).status !== 0) reason = 'python3-lxml is not installed (scripts/install-system-deps.sh installs it)';

    it('finds every part of every export valid: seeds, example, rule fixtures, the closing parts, seal, fonts', async function () {
      if (reason) {
        console.log(`      skipped: ${reason}`);
        this.skip();
      }
      const folder = mkdtempSync(join(tmpdir(), 'report-md-validate-'));
      const files: string[] = [];
      const write = async (name: string, text: string, options: DocxExportOptions = {}) => {
        const { data } = await exportText(text, options);
        const file = join(folder, `${files.length}-${name.replace(/[^\w.-]/g, '_')}.docx`);
        writeFileSync(file, data);
        files.push(file);
      };
      const seeds = join(repoRoot, 'test', 'fixtures', 'seeds');
      for (const name of readdirSync(seeds).sort()) await write(name, readFileSync(join(seeds, name), 'utf8'));
      await write('example', readFileSync(join(repoRoot, 'examples', 'work-report.report.md'), 'utf8'));
      const rules = join(repoRoot, 'test', 'fixtures', 'rules');
      for (const rule of readdirSync(rules).sort()) {
        for (const name of readdirSync(join(rules, rule)).sort()) {
          if (/\.(?:md|txt)$/.test(name)) await write(`${rule}-${name}`, readFileSync(join(rules, rule, name), 'utf8'));
        }
      }
      await write('closing', CLOSING);
      await write('closing-seal-gb2312', CLOSING, { seal: true, fonts: 'gb2312' });
      await write('toc', CLOSING, { tableOfContents: true });
      await write('tab', '关于工作的报告\n\n正文\t制表。\n');
      const result = spawnSync(python, [validator, ...files], { encoding: 'utf8', maxBuffer: 16 * 1024 * 1024 });
      assert.equal(result.status, 0, result.stdout + result.stderr);
      assert.ok(files.length > 10, `${files.length} files`);
    });
  });
});

describe('export: closing parts (GB/T 9704 7.3.4-7.3.7)', () => {
  it('lays out the 附件说明 with a hanging indent: 左空二字 附件：, names aligned under the first name', async () => {
    const parts = await exportText(CLOSING);
    const paragraphs = bodyParagraphs(await parts.xml('word/document.xml'));
    const first = paragraphWithText(paragraphs, '附件：1.');
    const second = paragraphWithText(paragraphs, '2.城镇');
    assert.equal(paragraphStyle(first), 'AttachmentNote');
    assert.equal(paragraphStyle(second), 'AttachmentNote');
    const label = textWidth('附件：', DEFAULT_LAYOUT);
    const number = textWidth('1.', DEFAULT_LAYOUT);
    const ind1 = child(child(first, 'pPr'), 'ind');
    const ind2 = child(child(second, 'pPr'), 'ind');
    // Names start 2 字 + 附件： + 1. in; 附件： starts at 2 字; 2. stands under 1.
    assert.equal(Number(attr(ind1, 'left')), 2 * PITCH + label + number);
    assert.equal(Number(attr(ind1, 'left')) - Number(attr(ind1, 'hanging')), 2 * PITCH);
    assert.equal(attr(ind2, 'left'), attr(ind1, 'left'));
    assert.equal(Number(attr(ind2, 'left')) - Number(attr(ind2, 'hanging')), 2 * PITCH + label);
    // One blank line under the body, before the first line only.
    assert.equal(attr(child(child(first, 'pPr'), 'spacing'), 'before'), String(DEFAULT_LAYOUT.linePitch));
    assert.equal(child(child(second, 'pPr'), 'spacing'), undefined);
    // Not a heading: no outline level on the paragraphs or their style.
    const styles = await parts.xml('word/styles.xml');
    assert.equal(all(styleById(styles, 'AttachmentNote'), 'outlineLvl').length, 0);
    assert.equal(all(first, 'outlineLvl').length + all(second, 'outlineLvl').length, 0);
  });

  it('keeps the 附件说明 out of the outline (no heading 2.城镇…, no numbering finding)', () => {
    const outline = buildOutline(parseReport(CLOSING));
    const titles = [...outline.roots, ...outline.headings].map((entry) => entry.title);
    assert.ok(titles.some((title) => title.includes('总体要求')), titles.join(' | '));
    assert.ok(!titles.some((title) => /附件：|^城镇小区配套幼儿园治理工作联系人/.test(title)), titles.join(' | '));
    assert.ok(!outline.headings.some((entry) => entry.marker?.text === '2.'), 'the name line 2. is no level-3 heading');
  });

  it('indents a single attachment without a number by the label alone', async () => {
    const text = '关于工作的报告\n\n正文。\n\n附件：城镇小区配套幼儿园治理工作情况统计表\n\nXX市人民政府\n2026年1月9日\n';
    const paragraphs = bodyParagraphs(await (await exportText(text)).xml('word/document.xml'));
    const ind = child(child(paragraphWithText(paragraphs, '附件：'), 'pPr'), 'ind');
    assert.equal(Number(attr(ind, 'hanging')), textWidth('附件：', DEFAULT_LAYOUT));
    assert.equal(Number(attr(ind, 'left')), 2 * PITCH + textWidth('附件：', DEFAULT_LAYOUT));
  });

  it('without a seal keeps 7.3.5.2; with a seal puts the date 右空四字 and centres the 署名 over it', async () => {
    const unsealed = closingIndents('国务院办公厅', '2019年1月9日', DEFAULT_LAYOUT);
    assert.equal(unsealed.date, 2 * PITCH);
    const sealed = closingIndents('国务院办公厅', '2019年1月9日', DEFAULT_LAYOUT, true);
    assert.equal(sealed.date, 4 * PITCH);
    const dateWidth = textWidth('2019年1月9日', DEFAULT_LAYOUT);
    const signatureWidth = textWidth('国务院办公厅', DEFAULT_LAYOUT);
    // Centre of the 署名 = centre of the date, both measured from the right edge.
    assert.ok(Math.abs(sealed.signature + signatureWidth / 2 - (sealed.date + dateWidth / 2)) <= 1);
    const paragraphs = bodyParagraphs(await (await exportText(CLOSING, { seal: true })).xml('word/document.xml'));
    assert.equal(attr(child(child(paragraphWithText(paragraphs, '2019年1月9日'), 'pPr'), 'ind'), 'right'), String(4 * PITCH));
    assert.equal(attr(child(child(paragraphWithText(paragraphs, '国务院办公厅'), 'pPr'), 'ind'), 'right'), String(sealed.signature));
  });

  it('keeps the last body paragraph, the 附件说明 and the 署名 with the date (落款 never alone on a page)', async () => {
    const paragraphs = bodyParagraphs(await (await exportText(CLOSING)).xml('word/document.xml'));
    const last = paragraphWithText(paragraphs, '特此通知。');
    assert.ok(child(child(last, 'pPr'), 'keepNext'));
    assert.ok(child(child(last, 'pPr'), 'keepLines'), 'a short last paragraph moves whole');
    for (const text of ['附件：1.', '2.城镇']) assert.ok(child(child(paragraphWithText(paragraphs, text), 'pPr'), 'keepNext'), text);
    // The date keeps with the 附注 under it; the 署名 keeps with the date through its style.
    assert.ok(child(child(paragraphWithText(paragraphs, '2019年1月9日'), 'pPr'), 'keepNext'));
    assert.ok(!child(child(paragraphWithText(paragraphs, '做好治理工作'), 'pPr'), 'keepNext'), 'only the last body paragraph');
  });

  it('writes the 附注 under the date as body text, 左空二字', async () => {
    const paragraphs = bodyParagraphs(await (await exportText(CLOSING)).xml('word/document.xml'));
    const index = paragraphs.findIndex((paragraph) => textOf(paragraph) === '（此件公开发布）');
    assert.ok(index > 0);
    assert.equal(textOf(paragraphs[index - 1]!), '2019年1月9日');
    assert.equal(paragraphStyle(paragraphs[index]!), 'Normal');
    assert.equal(child(child(paragraphs[index]!, 'pPr'), 'ind'), undefined, 'the Normal first-line indent of 2 字 applies');
  });

  it('finds the 落款 when a footnote definition follows the date (also one running over indented lines)', () => {
    for (const tail of ['[^1]: 脚注。\n', '\n[^1]: 脚注。\n', '（此件公开发布）\n[^1]: 脚注。\n', '\n[^1]: 脚注，很长的一段说明\n    继续说明。\n']) {
      const text = `关于工作的报告\n\n正文内容。[^1]\n\nXX市人民政府\n2026年1月9日\n${tail}`;
      const types = parseReport(text).root.children.map((node) => node.type);
      assert.ok(types.includes('signature') && types.includes('dateLine'), `${JSON.stringify(tail)}: ${types.join()}`);
      assert.ok(!types.includes('sectionTitle'), `${JSON.stringify(tail)}: ${types.join()}`);
    }
  });

  it('starts each 附件 on a new page, 黑体 flush left, and sets the attachment title like a title', async () => {
    const parts = await exportText(CLOSING);
    const paragraphs = bodyParagraphs(await parts.xml('word/document.xml'));
    const heading = paragraphs.find((paragraph) => textOf(paragraph) === '附件1')!;
    assert.equal(paragraphStyle(heading), 'AttachmentHeading');
    assert.ok(child(child(heading, 'pPr'), 'pageBreakBefore'));
    const title = paragraphs[paragraphs.indexOf(heading) + 1]!;
    assert.equal(textOf(title), '城镇小区配套幼儿园治理工作情况统计表');
    assert.equal(paragraphStyle(title), 'Title');
    assert.equal(attr(child(child(title, 'pPr'), 'spacing'), 'before'), String(DEFAULT_LAYOUT.linePitch), 'line 3 of the page');
    const styles = await parts.xml('word/styles.xml');
    const style = styleById(styles, 'AttachmentHeading');
    assert.equal(attr(all(style, 'jc')[0], 'val'), 'left');
    assert.equal(attr(all(style, 'rFonts')[0], 'eastAsia'), 'SimHei');
    assert.equal(attr(all(style, 'ind')[0], 'firstLine'), '0');
  });
});

describe('export: titles, fonts, tables, line breaks', () => {
  it('exports a title written on two lines as one title paragraph with the author’s line break', async () => {
    const paragraphs = bodyParagraphs(await (await exportText(CLOSING)).xml('word/document.xml'));
    const titles = paragraphs.filter((paragraph) => paragraphStyle(paragraph) === 'Title');
    assert.equal(textOf(titles[0]!), '国务院办公厅关于开展城镇小区配套幼儿园治理工作的通知');
    assert.equal(all(titles[0]!, 'br').length, 1);
  });

  it('breaks a long one-line title into balanced lines between words, never a lone 报告', async () => {
    const title = '国务院办公厅关于进一步加强城镇小区配套幼儿园治理工作和规范管理的报告';
    const lines = balanceTitle(title, 20)!;
    assert.equal(lines.join(''), title);
    assert.equal(lines.length, 2);
    for (const line of lines) assert.ok(line.length <= 20, line);
    assert.ok(Math.abs(lines[0]!.length - lines[1]!.length) <= 2, lines.join(' / '));
    assert.notEqual(lines.at(-1), '报告');
    // Word boundaries: 幼儿园 and 办公厅 are not cut.
    assert.ok(!lines.some((line, index) => index > 0 && /^(?:园|厅|儿园)/.test(line)), lines.join(' / '));
    assert.equal(balanceTitle('关于XX镇2025年上半年工作情况的报告', 20), undefined, 'fits one line');
    // 19 + 2: greedy wrapping would leave 报告 alone.
    const short = '关于全面加强和改进新时代基层治理工作情况的报告';
    const split = balanceTitle(short, 20)!;
    assert.equal(split.length, 2);
    assert.ok(split[1]!.length >= 6, split.join(' / '));
    const paragraphs = bodyParagraphs(await (await exportText(`${title}\n\n正文。\n`)).xml('word/document.xml'));
    assert.equal(all(paragraphs[0]!, 'br').length, 1);
    assert.equal(textOf(paragraphs[0]!), title);
  });

  it('offers font profiles and declares each font in fontTable.xml with its other name, charset GB2312 and family', async () => {
    const windows = await exportText(CLOSING);
    const fontsOf = async (parts: Awaited<ReturnType<typeof exportText>>) =>
      new Map(all(await parts.xml('word/fontTable.xml'), 'font').map((font) => [attr(font, 'name'), font]));
    const table = await fontsOf(windows);
    for (const [name, alt] of [['FangSong', '仿宋'], ['KaiTi', '楷体'], ['SimHei', '黑体'], ['SimSun', '宋体'], ['FZXiaoBiaoSong-B05S', '方正小标宋简体']] as const) {
      const font = table.get(name);
      assert.ok(font, name);
      assert.deepEqual(childNames(font).slice(0, 3), ['altName', 'charset', 'family']);
      assert.equal(attr(child(font, 'altName'), 'val'), alt);
      assert.equal(attr(child(font, 'charset'), 'val'), '86');
    }
    const gb = await exportText(CLOSING, { fonts: 'gb2312' });
    const gbTable = await fontsOf(gb);
    assert.equal(attr(child(gbTable.get('仿宋_GB2312'), 'altName'), 'val'), '仿宋');
    assert.equal(attr(child(gbTable.get('楷体_GB2312'), 'altName'), 'val'), '楷体');
    assert.ok(gbTable.get('方正小标宋简体'));
    const styles = await gb.xml('word/styles.xml');
    assert.equal(attr(all(styleById(styles, 'Normal'), 'rFonts')[0], 'eastAsia'), '仿宋_GB2312');
    assert.equal(attr(all(styleById(styles, 'Heading2'), 'rFonts')[0], 'eastAsia'), '楷体_GB2312');
    assert.equal(attr(all(styleById(styles, 'Title'), 'rFonts')[0], 'eastAsia'), '方正小标宋简体');
    // Explicit names over a profile; bad values are refused with the setting named.
    assert.equal(resolveFontFaces({ profile: 'gb2312', xiaobiaosong: '方正小标宋_GBK' }).xiaobiaosong, '方正小标宋_GBK');
    assert.throws(() => resolveFontFaces('mac' as never), /export fonts: unknown profile "mac"/);
    assert.throws(() => resolveFontFaces({ body: 'x' } as never), /unknown face "body"/);
    const explicit = await fontsOf(await exportText('关于工作的报告\n\n正文。\n', { fonts: { fangsong: '华文仿宋' } }));
    assert.equal(attr(child(explicit.get('华文仿宋'), 'altName'), 'val'), 'STFangsong');
  });

  it('sizes table columns so that no header cell breaks inside a word or number', () => {
    const text = '| 地区 | 2024年完成数量 | 备注 |\n|---|---|---|\n| 北京 | 12 | 这一列的内容写得比较长，按比例会占去大部分宽度，还要更长一些才行 |\n';
    const table = parseReport(text).root.children.find((node) => node.type === 'table')!;
    const widths = columnWidths(table as never, 8845, 32);
    assert.equal(widths.reduce((a, b) => a + b, 0), 8845);
    // 2024年 is one unbreakable run: 4 half-width digits + 年.
    assert.ok(longestUnbreakable('2024年完成数量', 32) >= 4 * 160 + 320);
    assert.ok(widths[1]! >= longestUnbreakable('2024年完成数量', 32) + 216, `column 2 is ${widths[1]}`);
  });

  it('joins hard-wrapped lines of a .md paragraph, keeps one paragraph per line in report files', async () => {
    assert.equal(lineBreaksFor('a.md'), 'markdown');
    assert.equal(lineBreaksFor('a.report.md'), 'paragraph');
    assert.equal(lineBreaksFor('a.txt'), 'paragraph');
    const text = '关于工作的报告\n\n今年以来，我们坚持稳中求进工作总基调，统筹推进各项工作\n取得了明显成效\n全年目标任务顺利完成。\n第二段落单独一行。\n一、主要工作\nThe quick brown\nfox jumps.\n';
    const joined = joinWrappedLines(parseReport(text).root.children);
    const markdown = bodyParagraphs(await (await exportText(text, { lineBreaks: 'markdown' })).xml('word/document.xml')).map(textOf);
    assert.ok(markdown.includes('今年以来，我们坚持稳中求进工作总基调，统筹推进各项工作取得了明显成效全年目标任务顺利完成。'), markdown.join(' | '));
    assert.ok(markdown.includes('第二段落单独一行。'), 'a line ending a sentence ends its paragraph');
    assert.ok(markdown.includes('一、主要工作'), 'a numbered heading stays a paragraph of its own');
    assert.ok(markdown.includes('The quick brown fox jumps.'), 'Latin words get a space');
    assert.ok(joined.length < parseReport(text).root.children.length);
    const report = bodyParagraphs(await (await exportText(text)).xml('word/document.xml')).map(textOf);
    assert.ok(report.includes('取得了明显成效'), 'report files: every line is a paragraph');
  });
});

describe('export: .reportmdrc.json export.seal, export.fonts and .md line breaks in the CLI', () => {
  const run = async (files: Record<string, string>, argv: string[]) => {
    const folder = mkdtempSync(join(tmpdir(), 'report-md-gongwen-'));
    for (const [name, content] of Object.entries(files)) writeFileSync(join(folder, name), content);
    const err: string[] = [];
    const status = await runExport(argv, { cwd: folder, stdout: () => {}, stderr: (text) => err.push(text), lang: 'en' });
    return { folder, status, err: err.join('') };
  };
  const documentOf = async (file: string) => {
    const zip = await JSZip.loadAsync(readFileSync(file));
    return {
      body: bodyParagraphs(new DOMParser().parseFromString(await zip.file('word/document.xml')!.async('string'), 'text/xml') as never),
      fonts: await zip.file('word/fontTable.xml')!.async('string'),
    };
  };

  it('applies seal and fonts from .reportmdrc.json', async () => {
    const { folder, status, err } = await run({ '.reportmdrc.json': JSON.stringify({ export: { seal: true, fonts: 'gb2312' } }), 'a.report.md': CLOSING }, ['a.report.md']);
    assert.equal(status, 0, err);
    const { body, fonts } = await documentOf(join(folder, 'a.docx'));
    assert.equal(attr(child(child(paragraphWithText(body, '2019年1月9日'), 'pPr'), 'ind'), 'right'), String(4 * PITCH));
    assert.ok(fonts.includes('w:name="仿宋_GB2312"'));
  });

  it('applies export.imprintPage "even" from .reportmdrc.json (the 版记 in an even-page section)', async () => {
    const text = `${CLOSING}\n抄送：市委办公室。\n江屿市人民政府办公室　　2026年5月21日印发\n`;
    const sectionTypes = async (config: object) => {
      const { folder, status, err } = await run({ '.reportmdrc.json': JSON.stringify({ export: config }), 'a.report.md': text }, ['a.report.md']);
      assert.equal(status, 0, err);
      const xml = await (await JSZip.loadAsync(readFileSync(join(folder, 'a.docx')))).file('word/document.xml')!.async('string');
      assert.ok(xml.includes('印发'));
      return [...xml.matchAll(/<w:sectPr>(?:<w:type w:val="(\w+)"\/>)?/g)].map((match) => match[1] ?? 'none');
    };
    assert.deepEqual(await sectionTypes({ imprintPage: 'even' }), ['none', 'evenPage']);
    assert.deepEqual(await sectionTypes({}), ['none']);
    const bad = await run({ '.reportmdrc.json': JSON.stringify({ export: { imprintPage: 'odd' } }), 'a.md': '正文。\n' }, ['a.md']);
    assert.equal(bad.status, 2);
    assert.match(bad.err, /export\.imprintPage must be "last" or "even"/);
  });

  it('refuses a bad export.seal or export.fonts naming the setting', async () => {
    const seal = await run({ '.reportmdrc.json': JSON.stringify({ export: { seal: 'yes' } }), 'a.md': '正文。\n' }, ['a.md']);
    assert.equal(seal.status, 2);
    assert.match(seal.err, /export\.seal must be true or false/);
    const fonts = await run({ '.reportmdrc.json': JSON.stringify({ export: { fonts: 'mac' } }), 'a.md': '正文。\n' }, ['a.md']);
    assert.equal(fonts.status, 2);
    assert.match(fonts.err, /\.reportmdrc\.json export fonts: unknown profile "mac"/);
  });

  it('joins wrapped lines of a .md file and keeps the lines of a .report.md file', async () => {
    const text = '关于工作的报告\n\n今年以来，我们坚持稳中求进工作总基调\n统筹推进各项工作。\n';
    const { folder, status } = await run({ 'a.md': text, 'b.report.md': text }, ['a.md']);
    assert.equal(status, 0);
    assert.equal(await runExport(['b.report.md'], { cwd: folder, stdout: () => {}, stderr: () => {}, lang: 'en' }), 0);
    const markdown = (await documentOf(join(folder, 'a.docx'))).body.map(textOf);
    const report = (await documentOf(join(folder, 'b.docx'))).body.map(textOf);
    assert.ok(markdown.includes('今年以来，我们坚持稳中求进工作总基调统筹推进各项工作。'), markdown.join(' | '));
    assert.ok(report.includes('统筹推进各项工作。'), report.join(' | '));
  });
});
