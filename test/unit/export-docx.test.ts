import assert from 'node:assert/strict';
import type { Element } from '@xmldom/xmldom';
import type { RootContent } from 'mdast';
import { exportDocx, STYLE_IDS } from '../../src/core/export/index.js';
import {
  all,
  attr,
  bodyParagraphs,
  child,
  exportParts,
  first,
  FIXED_DATE,
  heading,
  paragraph,
  paragraphStyle,
  png,
  type Parts,
  root,
  styleById,
  text,
  textOf,
} from './export-helpers.js';

const SLOTS = ['ascii', 'hAnsi', 'eastAsia', 'cs'];

const pngImage = (width: number, height: number): Uint8Array => png(width, height, 0x80);

function fontsOf(style: Element | undefined): Record<string, string | null> {
  const fonts = child(child(style, 'rPr'), 'rFonts');
  return Object.fromEntries([...SLOTS, 'hint'].map((slot) => [slot, attr(fonts, slot)]));
}

const sample = root(
  { type: 'reportTitle', children: [text('关于上半年工作情况的报告')] } as RootContent,
  { type: 'addressee', children: [text('县人民政府：')] } as RootContent,
  paragraph(text('今年以来，我镇认真贯彻落实各项决策部署。')),
  heading(1, '一、', '主要工作成效'),
  heading(2, '（一）', '经济运行稳中有进。', '全镇完成地区生产总值12.5亿元。'),
  heading(3, '1.', '项目建设扎实推进'),
  heading(4, '（1）', '重点项目进展顺利'),
  paragraph(text('特此报告。')),
  { type: 'signature', children: [text('某某镇人民政府')] } as RootContent,
  { type: 'dateLine', children: [text('2025年7月15日')] } as RootContent,
);

describe('export: section, page and footers', () => {
  it('writes A4 and the GB/T 9704 margins as integer twips', async () => {
    const parts = await exportParts(sample);
    const document = await parts.xml('word/document.xml');
    const sectPr = first(document, 'sectPr')!;
    const size = child(sectPr, 'pgSz')!;
    assert.equal(attr(size, 'w'), '11906');
    assert.equal(attr(size, 'h'), '16838');
    const margin = child(sectPr, 'pgMar')!;
    assert.deepEqual(
      ['top', 'bottom', 'left', 'right', 'footer', 'gutter'].map((name) => attr(margin, name)),
      ['2098', '1984', '1587', '1474', '1418', '0'],
    );
    assert.equal(attr(child(sectPr, 'docGrid'), 'linePitch'), '579');
  });

  it('puts 四号 宋体 “— PAGE —” footers right on odd pages and left on even pages', async () => {
    const parts = await exportParts(sample);
    const document = await parts.xml('word/document.xml');
    const references = all(document, 'footerReference');
    assert.deepEqual(references.map((reference) => attr(reference, 'type')).sort(), ['default', 'even']);
    const settings = await parts.xml('word/settings.xml');
    assert.ok(first(settings, 'evenAndOddHeaders'), 'settings must switch on odd/even footers');

    const rels = await parts.text('word/_rels/document.xml.rels');
    const target = (type: string) => {
      const id = references.find((reference) => attr(reference, 'type') === type)!.getAttributeNS('http://schemas.openxmlformats.org/officeDocument/2006/relationships', 'id');
      return new RegExp(`Id="${id}"[^>]*Target="([^"]+)"|Target="([^"]+)"[^>]*Id="${id}"`).exec(rels)!.slice(1).find(Boolean)!;
    };
    for (const [type, alignment, side] of [
      ['default', 'right', 'right'],
      ['even', 'left', 'left'],
    ] as const) {
      const footer = await parts.xml(`word/${target(type)}`);
      const paragraphNode = first(footer, 'p')!;
      const pPr = child(paragraphNode, 'pPr');
      assert.equal(attr(child(pPr, 'pStyle'), 'val'), 'Footer');
      assert.equal(attr(child(pPr, 'jc'), 'val'), alignment);
      assert.equal(attr(child(pPr, 'ind'), side), '280');
      const pieces = all(paragraphNode, 'r').map((run) => {
        const fieldChar = child(run, 'fldChar');
        if (fieldChar) return `{${attr(fieldChar, 'fldCharType')}}`;
        const instruction = child(run, 'instrText');
        if (instruction) return `{${instruction.textContent!.trim()}}`;
        return textOf(run);
      });
      assert.equal(pieces.join(''), '— {begin}{PAGE}{separate}{end} —');
    }
    const styles = await parts.xml('word/styles.xml');
    const footerStyle = styleById(styles, 'Footer');
    assert.deepEqual(fontsOf(footerStyle), { ascii: 'SimSun', hAnsi: 'SimSun', eastAsia: 'SimSun', cs: 'SimSun', hint: 'eastAsia' });
    assert.equal(attr(child(child(footerStyle, 'rPr'), 'sz'), 'val'), '28');
  });

  it('leaves the footers out when page numbers are disabled', async () => {
    const parts = await exportParts(sample, { layout: { pageNumbers: { enabled: false } } });
    const document = await parts.xml('word/document.xml');
    assert.equal(all(document, 'footerReference').length, 0);
  });
});

describe('export: styles', () => {
  it('sets every run slot of each level to its font, with the eastAsia hint', async () => {
    const styles = await (await exportParts(sample)).xml('word/styles.xml');
    const expected: Array<[string, string, boolean]> = [
      ['Heading1', 'SimHei', false],
      ['Heading2', 'KaiTi', false],
      ['Heading3', 'FangSong', true],
      ['Heading4', 'FangSong', false],
      ['Normal', 'FangSong', false],
      ['Title', 'FZXiaoBiaoSong-B05S', false],
    ];
    for (const [id, font, bold] of expected) {
      const style = styleById(styles, id);
      assert.deepEqual(fontsOf(style), { ascii: font, hAnsi: font, eastAsia: font, cs: font, hint: 'eastAsia' }, id);
      const b = child(child(style, 'rPr'), 'b');
      const isBold = b !== undefined && !['0', 'false'].includes(attr(b, 'val') ?? '');
      assert.equal(isBold, bold, `${id} bold`);
    }
    const defaults = first(styles, 'rPrDefault')!;
    assert.deepEqual(
      SLOTS.map((slot) => attr(first(defaults, 'rFonts'), slot)),
      ['FangSong', 'FangSong', 'FangSong', 'FangSong'],
    );
  });

  it('sizes: title 二号 (44), body and headings 三号 (32)', async () => {
    const styles = await (await exportParts(sample)).xml('word/styles.xml');
    const size = (id: string) => attr(child(child(styleById(styles, id), 'rPr'), 'sz'), 'val');
    assert.equal(size('Title'), '44');
    for (const id of ['Normal', 'Heading1', 'Heading2', 'Heading3', 'Heading4']) assert.equal(size(id), '32', id);
  });

  it('gives heading styles outline levels 0-4, Word names, black text and the body indent', async () => {
    const styles = await (await exportParts(sample)).xml('word/styles.xml');
    STYLE_IDS.heading.forEach((id, index) => {
      const style = styleById(styles, id);
      assert.equal(attr(child(style, 'name'), 'val'), `heading ${index + 1}`);
      const pPr = child(style, 'pPr');
      assert.equal(attr(child(pPr, 'outlineLvl'), 'val'), String(index));
      assert.equal(attr(child(pPr, 'ind'), 'firstLine'), '624');
      assert.equal(attr(child(child(style, 'rPr'), 'color'), 'val'), '000000');
      assert.equal(attr(child(style, 'link'), 'val'), STYLE_IDS.headingChar[index]);
    });
  });

  it('keeps headings and section titles with the next paragraph (w:keepNext), unless switched off', async () => {
    const keepNext = (styles: Awaited<ReturnType<Parts['xml']>>, id: string) => {
      const element = child(child(styleById(styles, id), 'pPr'), 'keepNext');
      return element !== undefined && !['0', 'false'].includes(attr(element, 'val') ?? '');
    };
    const styles = await (await exportParts(sample)).xml('word/styles.xml');
    for (const id of [...STYLE_IDS.heading, STYLE_IDS.sectionTitle]) assert.equal(keepNext(styles, id), true, id);
    assert.equal(keepNext(styles, STYLE_IDS.normal), false);
    const off = await (await exportParts(sample, { layout: { keepHeadingsWithNext: false } })).xml('word/styles.xml');
    for (const id of STYLE_IDS.heading) assert.equal(keepNext(off, id), false, id);
  });

  it('Normal: justified, exact 579 line spacing, 2-character indent, condensed -8, widow control off', async () => {
    const styles = await (await exportParts(sample)).xml('word/styles.xml');
    const normal = styleById(styles, 'Normal');
    assert.equal(attr(normal, 'default'), '1');
    const pPr = child(normal, 'pPr');
    assert.equal(attr(child(pPr, 'jc'), 'val'), 'both');
    assert.equal(attr(child(pPr, 'spacing'), 'line'), '579');
    assert.equal(attr(child(pPr, 'spacing'), 'lineRule'), 'exact');
    assert.equal(attr(child(pPr, 'ind'), 'firstLine'), '624');
    assert.ok(['0', 'false'].includes(attr(child(pPr, 'widowControl'), 'val')!));
    assert.equal(attr(child(child(normal, 'rPr'), 'spacing'), 'val'), '-8');
  });

  it('title is centred with no indent and one blank line after', async () => {
    const styles = await (await exportParts(sample)).xml('word/styles.xml');
    const pPr = child(styleById(styles, 'Title'), 'pPr');
    assert.equal(attr(child(pPr, 'jc'), 'val'), 'center');
    assert.equal(attr(child(pPr, 'ind'), 'firstLine'), '0');
    assert.equal(attr(child(pPr, 'spacing'), 'after'), '579');
  });

  it('applies layout overrides', async () => {
    const styles = await (
      await exportParts(sample, { layout: { fonts: { body: '仿宋_GB2312' }, headings: [{ font: '黑体', bold: true }], linePitch: 560 } })
    ).xml('word/styles.xml');
    assert.equal(fontsOf(styleById(styles, 'Normal')).eastAsia, '仿宋_GB2312');
    assert.equal(fontsOf(styleById(styles, 'Heading1')).hAnsi, '黑体');
    assert.equal(attr(child(child(styleById(styles, 'Normal'), 'pPr'), 'spacing'), 'line'), '560');
  });
});

describe('export: document body', () => {
  it('maps report parts to styles and keeps outline markers as literal text', async () => {
    const document = await (await exportParts(sample)).xml('word/document.xml');
    const paragraphs = bodyParagraphs(document);
    assert.deepEqual(
      paragraphs.map((p) => [paragraphStyle(p), textOf(p)]),
      [
        ['Title', '关于上半年工作情况的报告'],
        ['Addressee', '县人民政府：'],
        ['Normal', '今年以来，我镇认真贯彻落实各项决策部署。'],
        ['Heading1', '一、主要工作成效'],
        ['Normal', '（一）经济运行稳中有进。全镇完成地区生产总值12.5亿元。'],
        ['Heading3', '1.项目建设扎实推进'],
        ['Heading4', '（1）重点项目进展顺利'],
        ['Normal', '特此报告。'],
        ['Signature', '某某镇人民政府'],
        ['DateLine', '2025年7月15日'],
      ],
    );
    assert.equal(all(document, 'numPr').length, 0, 'no Word list numbering');
  });

  it('sets the line under a speech title (（2024年2月20日）) centred in 楷体, style Subtitle', async () => {
    const { parseReport } = await import('../../src/core/index.js');
    const parts = await exportParts(parseReport('在全县大会上的讲话\n（2024年2月20日）\n\n同志们：\n今天召开大会。\n').root);
    const document = await parts.xml('word/document.xml');
    assert.deepEqual(
      bodyParagraphs(document).map((p) => [paragraphStyle(p), textOf(p)]),
      [
        ['Title', '在全县大会上的讲话'],
        ['Subtitle', '（2024年2月20日）'],
        ['Addressee', '同志们：'],
        ['Normal', '今天召开大会。'],
      ],
    );
    const styles = await parts.xml('word/styles.xml');
    const subtitle = styleById(styles, 'Subtitle');
    assert.equal(attr(child(child(subtitle, 'pPr'), 'jc'), 'val'), 'center');
    assert.equal(attr(child(child(subtitle, 'rPr'), 'rFonts'), 'eastAsia'), 'KaiTi');
  });

  it('splits a run-in heading: first sentence in the level character style, rest body text', async () => {
    const document = await (await exportParts(sample)).xml('word/document.xml');
    const runIn = bodyParagraphs(document)[4]!;
    assert.equal(attr(child(child(runIn, 'pPr'), 'outlineLvl'), 'val'), '1');
    const runs = all(runIn, 'r');
    assert.equal(runs.length, 2);
    assert.equal(attr(child(child(runs[0]!, 'rPr'), 'rStyle'), 'val'), 'Heading2Char');
    assert.equal(textOf(runs[0]!), '（一）经济运行稳中有进。');
    assert.equal(child(child(runs[1]!, 'rPr'), 'rStyle'), undefined);
    assert.equal(textOf(runs[1]!), '全镇完成地区生产总值12.5亿元。');
  });

  it('places 落款 and date per GB/T 9704 7.3.5.2 (date 2 字 from the right, 署名 2 字 left of the date start)', async () => {
    const document = await (await exportParts(sample)).xml('word/document.xml');
    const [signature, date] = bodyParagraphs(document).slice(-2);
    // 某某镇人民政府 = 7 x 312; 2025年7月15日 = 7 digits x 152 + 3 x 312 = 2000.
    assert.equal(attr(child(child(date!, 'pPr'), 'ind'), 'right'), '624');
    assert.equal(attr(child(child(signature!, 'pPr'), 'ind'), 'right'), String(624 + 2000 + 624 - 7 * 312));
    assert.equal(attr(child(child(signature!, 'pPr'), 'spacing'), 'before'), '579');
  });

  it('renders strong as bold, emphasis with the 楷体 character style, and keeps soft breaks out of Chinese text', async () => {
    const tree = root(
      paragraph(text('前文'), { type: 'strong', children: [text('加粗')] }, { type: 'emphasis', children: [text('楷体')] }, text('第一行\n第二行')),
    );
    const parts = await exportParts(tree);
    const document = await parts.xml('word/document.xml');
    const runs = all(document, 'r');
    const bold = runs.find((run) => textOf(run) === '加粗')!;
    assert.ok(child(child(bold, 'rPr'), 'b'));
    const emphasis = runs.find((run) => textOf(run) === '楷体')!;
    assert.equal(attr(child(child(emphasis, 'rPr'), 'rStyle'), 'val'), 'Emphasis');
    assert.ok(runs.some((run) => textOf(run) === '第一行第二行'));
    const styles = await parts.xml('word/styles.xml');
    assert.equal(fontsOf(styleById(styles, 'Emphasis')).eastAsia, 'KaiTi');
  });

  it('exports a GFM table with header row, borders and full type-area width', async () => {
    const cell = (value: string) => ({ type: 'tableCell', children: [text(value)] });
    const tree = root({
      type: 'table',
      align: [null, 'right'],
      children: [
        { type: 'tableRow', children: [cell('指标'), cell('数值')] },
        { type: 'tableRow', children: [cell('产值'), cell('12.5')] },
      ],
    } as unknown as RootContent);
    const document = await (await exportParts(tree)).xml('word/document.xml');
    const table = first(document, 'tbl')!;
    assert.equal(attr(first(table, 'tblW'), 'w'), '8845');
    const grid = all(table, 'gridCol').map((column) => Number(attr(column, 'w')));
    assert.equal(grid.reduce((a, b) => a + b, 0), 8845);
    const borders = first(table, 'tblBorders')!;
    for (const side of ['top', 'bottom', 'insideH', 'insideV']) assert.equal(attr(child(borders, side), 'val'), 'single', side);
    const rows = all(table, 'tr');
    assert.ok(child(child(rows[0]!, 'trPr'), 'tblHeader'));
    assert.ok(first(rows[0]!, 'b'), 'header row is bold');
    assert.equal(attr(first(all(rows[1]!, 'tc')[1]!, 'jc'), 'val'), 'right');
    assert.equal(paragraphStyle(first(rows[1]!, 'p')!), 'TableText');
  });

  it('turns a thematic break or \\newpage into a page break on the next paragraph', async () => {
    const tree = root(paragraph(text('甲')), { type: 'thematicBreak' } as RootContent, paragraph(text('乙')), paragraph(text('\\newpage')), paragraph(text('丙')));
    const document = await (await exportParts(tree)).xml('word/document.xml');
    const paragraphs = bodyParagraphs(document);
    assert.deepEqual(paragraphs.map(textOf), ['甲', '乙', '丙']);
    assert.deepEqual(
      paragraphs.map((p) => Boolean(child(child(p, 'pPr'), 'pageBreakBefore'))),
      [false, true, true],
    );
  });

  it('keeps ordered list markers as written and indents nested lists', async () => {
    const source = '1) 第一项\n2) 第二项\n   - 子项\n';
    const item = (value: string, offset: number, children: RootContent[] = []) => ({
      type: 'listItem',
      spread: false,
      position: { start: { line: 1, column: 1, offset }, end: { line: 1, column: 1, offset } },
      children: [paragraph(text(value)), ...children],
    });
    const nested = { type: 'list', ordered: false, spread: false, children: [item('子项', 17)] };
    const tree = root({ type: 'list', ordered: true, start: 1, spread: false, children: [item('第一项', 0), item('第二项', 7, [nested as RootContent])] } as unknown as RootContent);
    const document = await (await exportParts(tree, { source })).xml('word/document.xml');
    const paragraphs = bodyParagraphs(document);
    assert.deepEqual(paragraphs.map(textOf), ['1)第一项', '2)第二项', '• 子项']);
    assert.equal(attr(child(child(paragraphs[2]!, 'pPr'), 'ind'), 'left'), '624');
  });

  it('exports footnotes in order of reference', async () => {
    const tree = root(
      paragraph(text('正文'), { type: 'footnoteReference', identifier: 'a', label: 'a' }),
      { type: 'footnoteDefinition', identifier: 'a', label: 'a', children: [paragraph(text('注释内容'))] } as RootContent,
    );
    const parts = await exportParts(tree);
    const document = await parts.xml('word/document.xml');
    assert.equal(attr(first(document, 'footnoteReference'), 'id'), '1');
    const footnotes = await parts.xml('word/footnotes.xml');
    const note = all(footnotes, 'footnote').find((footnote) => attr(footnote, 'id') === '1')!;
    assert.equal(textOf(note), '注释内容');
  });

  it('embeds images through the readImage port and warns about missing ones', async () => {
    const png = pngImage(800, 400);
    const requested: string[] = [];
    const tree = root(paragraph({ type: 'image', url: 'img/a.png', alt: '现场' }), paragraph({ type: 'image', url: 'missing.png', alt: '缺图' }));
    const parts = await exportParts(tree, {
      readImage: async (url) => {
        requested.push(url);
        return url === 'img/a.png' ? png : undefined;
      },
      lang: 'en',
    });
    assert.deepEqual(requested, ['img/a.png', 'missing.png']);
    assert.ok(Object.keys(parts.zip.files).some((name) => name.startsWith('word/media/')));
    const document = await parts.xml('word/document.xml');
    // 800 x 400 px scaled to the 8845-twip type area: 589 px wide = 589 * 9525 EMU.
    const extent = all(document, 'extent')[0] ?? (Array.from(document.getElementsByTagName('wp:extent'))[0] as Element);
    assert.equal(extent.getAttribute('cx'), String(589 * 9525));
    assert.equal(extent.getAttribute('cy'), String(294 * 9525));
    const [imageParagraph, missingParagraph] = bodyParagraphs(document);
    assert.equal(attr(child(child(imageParagraph!, 'pPr'), 'jc'), 'val'), 'center');
    assert.equal(textOf(missingParagraph!), '[缺图]');
    assert.deepEqual(parts.warnings.map((warning) => [warning.code, warning.message]), [['image-missing', 'image not found: missing.png']]);
  });

  it('writes title and author properties with the given date', async () => {
    const parts = await exportParts(sample, { author: '办公室' });
    const core = await parts.text('docProps/core.xml');
    assert.match(core, /<dc:title>关于上半年工作情况的报告<\/dc:title>/);
    assert.match(core, /<dc:creator>办公室<\/dc:creator>/);
    assert.match(core, /<dcterms:created xsi:type="dcterms:W3CDTF">2026-01-01T00:00:00Z<\/dcterms:created>/);
  });

  it('inserts a table of contents over heading styles when asked', async () => {
    const document = await (await exportParts(sample, { tableOfContents: true })).text('word/document.xml');
    assert.match(document, /TOC \\h \\o &quot;1-4&quot;|TOC \\o &quot;1-4&quot; \\h|TOC[^<]*1-4/);
  });

  it('is deterministic for a fixed date, also across a clock change and with a table of contents', async () => {
    for (const tableOfContents of [false, true]) {
      const a = await exportDocx(sample, { date: FIXED_DATE, tableOfContents });
      // Zip entries used to carry the current time (2-second ticks), and each export drew new _Toc ids.
      const realNow = Date.now;
      Date.now = () => realNow() + 3_600_000 + 2_000;
      let b;
      try {
        b = await exportDocx(sample, { date: FIXED_DATE, tableOfContents });
      } finally {
        Date.now = realNow;
      }
      assert.ok(Buffer.from(a.data).equals(Buffer.from(b.data)), `tableOfContents: ${tableOfContents}`);
    }
  });
});
