/**
 * Word import on documents built with the `docx` library from real Word
 * numbering definitions (一、 （一） 1. （1）, restarts, style-linked lists),
 * plus what a reader must warn about and refuse.
 */
import assert from 'node:assert/strict';
import {
  AlignmentType,
  CommentRangeEnd,
  CommentRangeStart,
  CommentReference,
  DeletedTextRun,
  Document,
  FootnoteReferenceRun,
  Header,
  HeadingLevel,
  ImageRun,
  InsertedTextRun,
  LevelFormat,
  LevelSuffix,
  Packer,
  Paragraph,
  Table,
  TableCell,
  TableRow,
  TextRun,
  type ILevelsOptions,
  type ISectionOptions,
} from 'docx';
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import { lint } from '../../src/core/index.js';
import { DocxImportError, formatNumber, importDocx } from '../../src/core/import/index.js';
import { png as makePng } from './export-helpers.js';

/** Word's own Chinese outline list: 一、 （一） 1. （1） ① (chineseCounting, decimal, decimalEnclosedCircle). */
const OUTLINE_LEVELS: ILevelsOptions[] = [
  { level: 0, format: LevelFormat.CHINESE_COUNTING, text: '%1、', start: 1, suffix: LevelSuffix.NOTHING },
  { level: 1, format: LevelFormat.CHINESE_COUNTING, text: '（%2）', start: 1, suffix: LevelSuffix.NOTHING },
  { level: 2, format: LevelFormat.DECIMAL, text: '%3.', start: 1, suffix: LevelSuffix.NOTHING },
  { level: 3, format: LevelFormat.DECIMAL, text: '（%4）', start: 1, suffix: LevelSuffix.NOTHING },
  { level: 4, format: LevelFormat.DECIMAL_ENCLOSED_CIRCLE, text: '%5', start: 1, suffix: LevelSuffix.NOTHING },
];

function numbered(text: string, level: number, instance = 0, reference = 'outline'): Paragraph {
  return new Paragraph({ numbering: { reference, level, instance }, children: [new TextRun(text)] });
}

function body(text: string): Paragraph {
  return new Paragraph({ children: [new TextRun(text)] });
}

async function build(options: { sections: ISectionOptions[]; levels?: ILevelsOptions[]; extra?: Partial<ConstructorParameters<typeof Document>[0]> }): Promise<Uint8Array> {
  const document = new Document({
    numbering: { config: [{ reference: 'outline', levels: options.levels ?? OUTLINE_LEVELS }] },
    sections: options.sections,
    ...options.extra,
  });
  return new Uint8Array(await Packer.toBuffer(document));
}

/** Rewrites one XML part of a .docx (for markup the docx library does not write: lvlRestart, objects …). */
function patchPart(bytes: Uint8Array, part: string, change: (xml: string) => string): Uint8Array {
  const files = unzipSync(bytes);
  const before = strFromU8(files[part]!);
  const after = change(before);
  assert.notEqual(after, before, `the patch of ${part} changed nothing`);
  files[part] = strToU8(after);
  return zipSync(files);
}

function lines(text: string): string[] {
  return text.split('\n').filter((line) => line !== '');
}

describe('import: Word numbering as Word shows it', () => {
  it('renders 一、 （一） 1. （1） ① from lvlText and numFmt, restarting deeper levels under each parent', async () => {
    const bytes = await build({
      sections: [
        {
          children: [
            numbered('主要工作', 0),
            numbered('项目建设', 1),
            numbered('招商引资', 2),
            numbered('新签约项目', 3),
            numbered('在谈项目', 3),
            numbered('首项', 4),
            numbered('次项', 4),
            numbered('营商环境', 2),
            numbered('生态建设', 1),
            numbered('存在问题', 0),
            numbered('结构问题', 1),
          ],
        },
      ],
    });
    const { text, warnings } = importDocx(bytes);
    assert.deepEqual(lines(text), [
      '一、主要工作',
      '（一）项目建设',
      '1.招商引资',
      '（1）新签约项目',
      '（2）在谈项目',
      '①首项',
      '②次项',
      '2.营商环境',
      '（二）生态建设',
      '二、存在问题',
      '（一）结构问题',
    ]);
    assert.deepEqual(warnings, []);
  });

  it('continues a list across body paragraphs and crosses 十 in Chinese counting', async () => {
    const children: Paragraph[] = [];
    for (let index = 1; index <= 12; index++) {
      children.push(numbered(`第${index}部分`, 0));
      children.push(body(`正文段落${index}。`));
    }
    const { text } = importDocx(await build({ sections: [{ children }] }));
    const headings = lines(text).filter((line) => line.includes('部分'));
    assert.deepEqual(headings.slice(8), ['九、第9部分', '十、第10部分', '十一、第11部分', '十二、第12部分']);
    assert.ok(lines(text).includes('正文段落10。'));
  });

  it('restarts at 一、 in a new instance (startOverride), as an attachment does', async () => {
    const bytes = await build({
      sections: [
        {
          children: [
            numbered('总体要求', 0),
            numbered('主要任务', 0),
            numbered('具体措施', 1),
            body('附件1'),
            numbered('附件的第一部分', 0, 1),
            numbered('附件的小节', 1, 1),
            numbered('附件的第二部分', 0, 1),
          ],
        },
      ],
    });
    const numbering = strFromU8(unzipSync(bytes)['word/numbering.xml']!);
    assert.match(numbering, /w:startOverride/, 'the fixture restarts through startOverride');
    assert.deepEqual(lines(importDocx(bytes).text), ['一、总体要求', '二、主要任务', '（一）具体措施', '附件1', '一、附件的第一部分', '（一）附件的小节', '二、附件的第二部分']);
  });

  it('takes the numbering of heading styles (style-linked list) and keeps body text unnumbered', async () => {
    const bytes = await build({
      sections: [
        {
          children: [
            new Paragraph({ heading: HeadingLevel.HEADING_1, children: [new TextRun('总体情况')] }),
            body('今年以来，各项工作稳步推进。'),
            new Paragraph({ heading: HeadingLevel.HEADING_2, children: [new TextRun('经济运行')] }),
            new Paragraph({ heading: HeadingLevel.HEADING_2, children: [new TextRun('民生保障')] }),
            new Paragraph({ heading: HeadingLevel.HEADING_1, children: [new TextRun('下步打算')] }),
            new Paragraph({ heading: HeadingLevel.HEADING_2, children: [new TextRun('扩大投资')] }),
            new Paragraph({ heading: HeadingLevel.HEADING_2, children: [new TextRun('改善民生')] }),
          ],
        },
      ],
      extra: {
        styles: {
          paragraphStyles: [
            { id: 'Heading1', name: 'Heading 1', basedOn: 'Normal', paragraph: { outlineLevel: 0, numbering: { reference: 'outline', level: 0 } } },
            { id: 'Heading2', name: 'Heading 2', basedOn: 'Normal', paragraph: { outlineLevel: 1, numbering: { reference: 'outline', level: 1 } } },
          ],
        },
      },
    });
    const document = strFromU8(unzipSync(bytes)['word/document.xml']!);
    assert.doesNotMatch(document, /<w:numPr>/, 'the paragraphs carry no numPr: the numbers come from their styles');
    const { text } = importDocx(bytes);
    assert.deepEqual(lines(text), ['一、总体情况', '今年以来，各项工作稳步推进。', '（一）经济运行', '（二）民生保障', '二、下步打算', '（一）扩大投资', '（二）改善民生']);
    const numberingFindings = lint(text).filter((finding) => finding.ruleId.startsWith('numbering'));
    assert.deepEqual(numberingFindings, []);
  });

  it('follows lvlRestart 0 (第X条 running on across 第X章) and w:start', async () => {
    const levels: ILevelsOptions[] = [
      { level: 0, format: LevelFormat.CHINESE_COUNTING_THOUSAND, text: '第%1章', start: 1, suffix: LevelSuffix.SPACE },
      { level: 1, format: LevelFormat.CHINESE_COUNTING_THOUSAND, text: '第%2条', start: 1, suffix: LevelSuffix.SPACE },
    ];
    let bytes = await build({ levels, sections: [{ children: [numbered('总则', 0), numbered('为了规范管理', 1), numbered('本办法适用于', 1), numbered('管理', 0), numbered('各单位应当', 1)] }] });
    // The docx library writes a bullet list first; the patches aim at the 第%1章 list.
    bytes = patchPart(bytes, 'word/numbering.xml', (xml) => xml.replace(/(<w:lvl w:ilvl="1"[^>]*><w:start w:val="1"\/>)(<w:numFmt w:val="chineseCountingThousand"\/>)/, '$1<w:lvlRestart w:val="0"/>$2'));
    assert.deepEqual(lines(importDocx(bytes).text), ['第一章 总则', '第一条 为了规范管理', '第二条 本办法适用于', '第二章 管理', '第三条 各单位应当']);
    // w:start alone (no startOverride in the instance): the list starts at 14.
    bytes = patchPart(bytes, 'word/numbering.xml', (xml) =>
      xml.replace(/<w:lvlOverride\b.*?<\/w:lvlOverride>/gs, '').replace(/<w:start w:val="1"\/>(<w:numFmt w:val="chineseCountingThousand"\/><w:suff w:val="space"\/><w:lvlText w:val="第%1章"\/>)/, '<w:start w:val="14"/>$1'),
    );
    assert.equal(lines(importDocx(bytes).text)[0], '第十四章 总则');
  });

  it('gives unused shallower levels their start value: （1） items before any （一） are followed by （二）', async () => {
    const bytes = await build({ sections: [{ children: [numbered('甲项', 3), numbered('乙项', 3), numbered('第二节', 1)] }] });
    assert.deepEqual(lines(importDocx(bytes).text), ['（1）甲项', '（2）乙项', '（二）第二节']);
  });

  it('a paragraph whose mark and text are hidden shows no line but still advances its list', async () => {
    let bytes = await build({
      sections: [
        {
          children: [
            numbered('第一部分', 0),
            new Paragraph({ numbering: { reference: 'outline', level: 0 }, children: [new TextRun({ text: '隐藏的编号段落', vanish: true })] }),
            numbered('第三部分', 0),
          ],
        },
      ],
    });
    bytes = patchPart(bytes, 'word/document.xml', (xml) => xml.replace(/(<w:numPr>(?:(?!<\/w:p>).)*?<\/w:numPr>)((?:(?!<\/w:p>).)*隐藏的编号段落)/s, '$1<w:rPr><w:vanish/></w:rPr>$2'));
    const { text, warnings } = importDocx(bytes);
    assert.deepEqual(lines(text), ['一、第一部分', '三、第三部分']);
    assert.deepEqual(warnings.map((warning) => warning.kind), ['hidden-text']);
  });

  it('numId 0 switches a style’s numbering off', async () => {
    let bytes = await build({
      sections: [{ children: [new Paragraph({ heading: HeadingLevel.HEADING_1, children: [new TextRun('第一部分')] }), new Paragraph({ heading: HeadingLevel.HEADING_1, children: [new TextRun('不编号的标题')] }), new Paragraph({ heading: HeadingLevel.HEADING_1, children: [new TextRun('第二部分')] })] }],
      extra: { styles: { paragraphStyles: [{ id: 'Heading1', name: 'Heading 1', basedOn: 'Normal', paragraph: { numbering: { reference: 'outline', level: 0 } } }] } },
    });
    bytes = patchPart(bytes, 'word/document.xml', (xml) => xml.replace(/(<w:pStyle w:val="Heading1"\/>)(?=(?:(?!<\/w:p>).)*不编号的标题)/s, '$1<w:numPr><w:ilvl w:val="0"/><w:numId w:val="0"/></w:numPr>'));
    assert.deepEqual(lines(importDocx(bytes).text), ['一、第一部分', '不编号的标题', '二、第二部分']);
  });

  it('formats every common numFmt as Word does', () => {
    assert.equal(formatNumber(10, 'chineseCounting'), '十');
    assert.equal(formatNumber(11, 'chineseCountingThousand'), '十一');
    assert.equal(formatNumber(20, 'japaneseCounting'), '二十');
    assert.equal(formatNumber(110, 'chineseCounting'), '一百一十');
    assert.equal(formatNumber(1005, 'chineseCountingThousand'), '一千零五');
    assert.equal(formatNumber(0, 'chineseCounting'), '〇');
    assert.equal(formatNumber(1, 'ideographTraditional'), '甲');
    assert.equal(formatNumber(11, 'ideographTraditional'), '甲');
    assert.equal(formatNumber(12, 'ideographZodiac'), '亥');
    assert.equal(formatNumber(3, 'decimalEnclosedCircle'), '③');
    assert.equal(formatNumber(21, 'decimalEnclosedCircleChinese'), '㉑');
    assert.equal(formatNumber(50, 'decimalEnclosedCircle'), '㊿');
    assert.equal(formatNumber(2, 'decimalEnclosedParen'), '⑵');
    assert.equal(formatNumber(12, 'chineseLegalSimplified'), '拾贰');
    assert.equal(formatNumber(35, 'chineseLegalSimplified'), '叁拾伍');
    assert.equal(formatNumber(27, 'upperLetter'), 'AA');
    assert.equal(formatNumber(4, 'lowerRoman'), 'iv');
    assert.equal(formatNumber(7, 'decimalZero'), '07');
    assert.equal(formatNumber(12, 'decimalFullWidth'), '１２');
    assert.equal(formatNumber(105, 'ideographDigital'), '一〇五');
    assert.equal(formatNumber(5, 'none'), '');
  });
});

describe('import: text, tables, images, footnotes', () => {
  it('joins soft breaks, normalises tabs and full-width indentation, keeps partial bold and italic', async () => {
    const bytes = await build({
      sections: [
        {
          children: [
            new Paragraph({ children: [new TextRun('关于XX镇2025年上半年'), new TextRun({ text: '工作情况的报告', break: 1 })] }),
            new Paragraph({ children: [new TextRun('\u3000\u3000今年以来，我镇'), new TextRun({ text: '一是强化招商。', bold: true }), new TextRun('成效明显，'), new TextRun({ text: 'remarkably', italics: true }), new TextRun('。')] }),
            new Paragraph({ children: [new TextRun({ text: '整段加粗的一行', bold: true })] }),
            new Paragraph({ children: [new TextRun('姓名：'), new TextRun({ children: [new TextRun('\t')] }), new TextRun('张三')] }),
            new Paragraph({ alignment: AlignmentType.RIGHT, children: [new TextRun('2025年7月1日')] }),
          ],
        },
      ],
    });
    assert.deepEqual(lines(importDocx(bytes).text), ['关于XX镇2025年上半年工作情况的报告', '今年以来，我镇**一是强化招商**。成效明显，*remarkably*。', '整段加粗的一行', '姓名： 张三', '2025年7月1日']);
  });

  it('writes a table as a GFM table (merged cells as empty cells, numbered paragraphs in cells numbered)', async () => {
    const cell = (text: string, columnSpan?: number) => new TableCell({ children: [body(text)], ...(columnSpan ? { columnSpan } : {}) });
    const bytes = await build({
      sections: [
        {
          children: [
            body('表1 指标完成情况'),
            new Table({
              rows: [
                new TableRow({ children: [cell('指标'), cell('完成'), cell('备注')] }),
                new TableRow({ children: [cell('GDP|增速'), cell('6.5%'), cell('')] }),
                new TableRow({ children: [cell('合计', 2), new TableCell({ children: [numbered('第一项', 2), numbered('第二项', 2)] })] }),
              ],
            }),
            body('表后正文。'),
          ],
        },
      ],
    });
    const { text } = importDocx(bytes);
    assert.equal(
      text,
      ['表1 指标完成情况', '', '| 指标 | 完成 | 备注 |', '| --- | --- | --- |', '| GDP\\|增速 | 6.5% |  |', '| 合计 |  | 1.第一项<br>2.第二项 |', '', '表后正文。', ''].join('\n'),
    );
  });

  it('extracts images into the assets folder and references them; footnotes become Markdown footnotes', async () => {
    const png = makePng(4, 3);
    const bytes = await build({
      sections: [
        {
          children: [
            new Paragraph({ children: [new TextRun('数据来源于统计局'), new FootnoteReferenceRun(1), new TextRun('。')] }),
            new Paragraph({ children: [new ImageRun({ type: 'png', data: png, transformation: { width: 40, height: 30 }, altText: { name: 'chart', description: '增长趋势图', title: '趋势' } })] }),
          ],
        },
      ],
      extra: { footnotes: { 1: { children: [new Paragraph('《2024年统计公报》。')] } } },
    });
    const { text, images } = importDocx(bytes, { assetsFolder: '报告 1.assets' });
    const output = lines(text);
    assert.equal(output[0], '数据来源于统计局[^1]。');
    assert.match(output[1]!, /^!\[增长趋势图\]\(报告%201\.assets\/[^)]+\.png\)$/);
    assert.equal(output[2], '[^1]: 《2024年统计公报》。');
    assert.equal(images.length, 1);
    assert.ok(images[0]!.path.startsWith('报告 1.assets/'));
    assert.deepEqual(Buffer.from(images[0]!.data), Buffer.from(png));
  });
});

describe('import: what cannot be kept is said', () => {
  it('accepts tracked changes and names the paragraph', async () => {
    const bytes = await build({
      sections: [
        {
          children: [
            body('第一段。'),
            new Paragraph({
              children: [
                new TextRun('全年完成投资'),
                new DeletedTextRun({ text: '10亿元', id: 1, author: 'A', date: '2025-01-01T00:00:00Z' }),
                new InsertedTextRun({ text: '12亿元', id: 2, author: 'A', date: '2025-01-01T00:00:00Z' }),
                new TextRun('。'),
              ],
            }),
          ],
        },
      ],
    });
    const { text, warnings } = importDocx(bytes);
    assert.deepEqual(lines(text), ['第一段。', '全年完成投资12亿元。']);
    assert.deepEqual(warnings.map((warning) => [warning.kind, warning.lines]), [['tracked-changes', [2]]]);
  });

  it('warns about comments, hidden text, headers, text boxes and embedded objects, one warning each with the line', async () => {
    let bytes = await build({
      sections: [
        {
          headers: { default: new Header({ children: [body('XX市人民政府办公室')] }) },
          children: [
            body('标题行'),
            new Paragraph({ children: [new CommentRangeStart(0), new TextRun('有批注的句子。'), new CommentRangeEnd(0), new TextRun({ children: [new CommentReference(0)] })] }),
            new Paragraph({ children: [new TextRun('可见文字'), new TextRun({ text: '隐藏文字', vanish: true })] }),
            body('文本框之前'),
            body('对象所在段落'),
          ],
        },
      ],
      extra: { comments: { children: [{ id: 0, author: '审稿人', children: [new Paragraph('批注内容不应进入正文')] }] } },
    });
    bytes = patchPart(bytes, 'word/document.xml', (xml) =>
      xml
        .replace(
          /(<w:t[^>]*>文本框之前<\/w:t><\/w:r>)/,
          '$1<w:r><w:pict><v:shape xmlns:v="urn:schemas-microsoft-com:vml"><v:textbox><w:txbxContent><w:p><w:r><w:t>XX市人民政府文件</w:t></w:r></w:p></w:txbxContent></v:textbox></v:shape></w:pict></w:r>',
        )
        .replace(/(<w:t[^>]*>对象所在段落<\/w:t><\/w:r>)/, '$1<w:r><w:object><o:OLEObject xmlns:o="urn:schemas-microsoft-com:office:office" ProgID="Excel.Sheet.12"/></w:object></w:r>'),
    );
    const { text, warnings } = importDocx(bytes, { lang: 'zh-CN' });
    assert.deepEqual(lines(text), ['标题行', '有批注的句子。', '可见文字', '文本框之前', '对象所在段落']);
    assert.doesNotMatch(text, /批注内容|隐藏文字|人民政府/);
    const byKind = new Map(warnings.map((warning) => [warning.kind, warning]));
    assert.deepEqual(byKind.get('comments')?.lines, [2]);
    assert.deepEqual(byKind.get('hidden-text')?.lines, [3]);
    assert.deepEqual(byKind.get('text-box')?.lines, [4]);
    assert.match(byKind.get('text-box')!.message, /XX市人民政府文件/);
    assert.deepEqual(byKind.get('embedded-object')?.lines, [5]);
    assert.match(byKind.get('header-footer')!.message, /页眉页脚未导入.*XX市人民政府办公室/);
    assert.equal(warnings.length, 5);
  });
});

describe('import: files it refuses', () => {
  const ole = (extra = ''): Uint8Array => {
    const bytes = new Uint8Array(2048);
    bytes.set([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
    const name = new Uint8Array(extra.length * 2);
    for (let index = 0; index < extra.length; index++) name[index * 2] = extra.charCodeAt(index);
    bytes.set(name, 1024);
    return bytes;
  };
  const code = (run: () => unknown): string => {
    try {
      run();
    } catch (error) {
      assert.ok(error instanceof DocxImportError);
      assert.doesNotMatch(error.message, /\n/);
      return error.code;
    }
    assert.fail('expected an error');
  };

  it('.doc, .wps and password-protected files get a one-line error', () => {
    assert.equal(code(() => importDocx(ole(), { fileName: 'a.doc' })), 'doc');
    assert.equal(code(() => importDocx(ole(), { fileName: 'a.wps' })), 'wps');
    assert.equal(code(() => importDocx(ole('EncryptedPackage'), { fileName: 'a.docx' })), 'encrypted');
    assert.match(new DocxImportError('doc', '').name, /DocxImportError/);
  });

  it('a .docm with macros, a non-Word file and a damaged package are refused', async () => {
    const bytes = await build({ sections: [{ children: [body('正文')] }] });
    const macro = patchPart(bytes, '[Content_Types].xml', (xml) => xml.replace('wordprocessingml.document.main+xml', 'ms-word.document.macroEnabled.main+xml'));
    assert.equal(code(() => importDocx(macro)), 'macros');
    assert.equal(code(() => importDocx(new TextEncoder().encode('一、不是 Word 文件'))), 'not-docx');
    assert.equal(code(() => importDocx(bytes.slice(0, 200))), 'corrupt');
    const broken = patchPart(bytes, 'word/document.xml', (xml) => xml.replace('</w:body>', ''));
    assert.equal(code(() => importDocx(broken)), 'corrupt');
    const depth = 100_000;
    const deep = patchPart(bytes, 'word/document.xml', (xml) => xml.replace('<w:body>', '<w:body>' + '<w:sdt><w:sdtContent>'.repeat(depth) + '</w:sdtContent></w:sdt>'.repeat(depth)));
    assert.equal(code(() => importDocx(deep)), 'corrupt');
    const nonsense = patchPart(bytes, 'word/document.xml', (xml) => xml.replace('<w:body>', '<w:body><w:p><w:pPr><w:numPr><w:ilvl w:val="x"/><w:numId w:val="99"/></w:numPr></w:pPr><w:r><w:t>无效编号</w:t></w:r></w:p>'));
    assert.equal(importDocx(nonsense).text.split('\n')[0], '无效编号');
  });
});
