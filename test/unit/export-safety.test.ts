// Export safety: which images are read and embedded, characters XML forbids, reproducible bytes.
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import JSZip from 'jszip';
import type { RootContent } from 'mdast';
import { parseReport } from '../../src/core/index.js';
import { exportDocx, imagePolicy, readImageInfo, resolveImagePath, type DocxExportOptions } from '../../src/core/export/index.js';
import { runExport } from '../../src/cli/export-command.js';
import { bodyParagraphs, crc32, exportParts, FIXED_DATE, heading, paragraph, png, root, text, textOf } from './export-helpers.js';

// --- image builders ---------------------------------------------------------


/** A baseline JPEG skeleton: SOI, SOF0 (one component), SOS, a byte of scan data, EOI. */
function jpeg(width: number, height: number): Uint8Array {
  return new Uint8Array([
    0xff, 0xd8,
    0xff, 0xe0, 0x00, 0x10, 0x4a, 0x46, 0x49, 0x46, 0x00, 0x01, 0x01, 0x00, 0x00, 0x01, 0x00, 0x01, 0x00, 0x00,
    0xff, 0xc0, 0x00, 0x0b, 0x08, height >> 8, height & 0xff, width >> 8, width & 0xff, 0x01, 0x01, 0x11, 0x00,
    0xff, 0xda, 0x00, 0x08, 0x01, 0x01, 0x00, 0x00, 0x3f, 0x00,
    0x00,
    0xff, 0xd9,
  ]);
}

/** A GIF89a with a two-colour global table and one image. */
function gif(width: number, height: number): Uint8Array {
  return new Uint8Array([
    ...Buffer.from('GIF89a', 'latin1'), width & 0xff, width >> 8, height & 0xff, height >> 8, 0x80, 0, 0,
    0, 0, 0, 0xff, 0xff, 0xff,
    0x2c, 0, 0, 0, 0, width & 0xff, width >> 8, height & 0xff, height >> 8, 0,
    0x02, 0x02, 0x4c, 0x01, 0x00,
    0x3b,
  ]);
}

/** An uncompressed 24-bit bottom-up BMP (BITMAPINFOHEADER). */
function bmp(width: number, height: number): Uint8Array {
  const rowBytes = Math.floor((24 * width + 31) / 32) * 4;
  const out = Buffer.alloc(54 + rowBytes * height);
  out.write('BM', 0, 'latin1');
  out.writeUInt32LE(out.length, 2);
  out.writeUInt32LE(54, 10);
  out.writeUInt32LE(40, 14);
  out.writeInt32LE(width, 18);
  out.writeInt32LE(height, 22);
  out.writeUInt16LE(1, 26);
  out.writeUInt16LE(24, 28);
  return new Uint8Array(out);
}

const image = (url: string, alt = '图'): RootContent => paragraph({ type: 'image', url, alt });

function mediaFiles(zip: JSZip): string[] {
  return Object.keys(zip.files).filter((name) => name.startsWith('word/media/'));
}

// --- 1. which images are read --------------------------------------------------

describe('export safety: images come only from the image folder', () => {
  const outside = [
    '../secret.png',
    '../../etc/passwd',
    'img/../../x.png',
    '%2e%2e/x.png',
    '..\\x.png',
    'img\\..\\..\\x.png',
    '/etc/passwd',
    'file:///etc/passwd',
    'file:///C:/Windows/win.ini',
    'C:\\Windows\\win.ini',
    'C:win.ini',
  ];
  const remote = ['http://example.com/a.png', 'https://example.com/a.png', 'data:image/png;base64,AAAA', '//example.com/a.png', '\\\\server\\share\\a.png', 'file://server/share/a.png'];

  it('reads images in the document folder and below; refuses every other path before reading, with a warning naming it', async () => {
    const requested: string[] = [];
    const tree = root(image('img/a.png'), ...outside.map((url) => image(url)), ...remote.map((url) => image(url)));
    const parts = await exportParts(tree, {
      lang: 'en',
      readImage: async (file) => {
        requested.push(file);
        return png(4, 3);
      },
    });
    assert.deepEqual(requested, ['img/a.png']);
    assert.equal(mediaFiles(parts.zip).length, 1);
    const byCode = (code: string) => parts.warnings.filter((warning) => warning.code === code).map((warning) => warning.message);
    assert.deepEqual(
      byCode('image-outside-root'),
      outside.map((url) => `image outside the document's folder, not embedded (export.imageRoot sets the allowed folder): ${url}`),
    );
    assert.deepEqual(
      byCode('image-remote'),
      remote.map((url) => `not a local image file, not embedded: ${url}`),
    );
    // Each refused image stays as its alt text.
    const document = await parts.xml('word/document.xml');
    assert.equal(bodyParagraphs(document).filter((p) => textOf(p) === '[图]').length, outside.length + remote.length);
  });

  it('checks reference definitions the same way', async () => {
    const requested: string[] = [];
    const text = '正文![图][ok]和![外][out]。\n\n[ok]: img/a.png\n[out]: ../../../etc/shadow\n';
    const { warnings } = await exportDocx(parseReport(text).root, {
      date: FIXED_DATE,
      source: text,
      lang: 'en',
      readImage: async (file) => {
        requested.push(file);
        return png(2, 2);
      },
    });
    assert.deepEqual(requested, ['img/a.png']);
    assert.deepEqual(
      warnings.map((warning) => [warning.code, warning.line]),
      [['image-outside-root', 1]],
    );
    assert.match(warnings[0]!.message, /\.\.\/\.\.\/\.\.\/etc\/shadow/);
  });

  it('gives the port a decoded, normalized path relative to the document folder', () => {
    const policy = imagePolicy(undefined, undefined);
    assert.deepEqual(resolveImagePath('img/./a%20b.png', policy), { path: 'img/a b.png' });
    assert.deepEqual(resolveImagePath('img/sub/../a.png', policy), { path: 'img/a.png' });
    assert.deepEqual(resolveImagePath('img\\a.png', policy), { path: 'img/a.png' });
    assert.deepEqual(resolveImagePath('100%.png', policy), { path: '100%.png' });
  });

  it('imageRoot widens the folder: relative to the document, or absolute with documentFolder', () => {
    const up = imagePolicy(undefined, '..');
    assert.deepEqual(resolveImagePath('../shared/a.png', up), { path: '../shared/a.png' });
    assert.deepEqual(resolveImagePath('img/a.png', up), { path: 'img/a.png' });
    assert.deepEqual(resolveImagePath('../../a.png', up), { refused: 'outside-root' });
    assert.deepEqual(resolveImagePath('/etc/passwd', up), { refused: 'outside-root' });

    const absolute = imagePolicy('/home/u/docs', '/home/u');
    assert.deepEqual(resolveImagePath('/home/u/shared/a.png', absolute), { path: '../shared/a.png' });
    assert.deepEqual(resolveImagePath('file:///home/u/docs/img/a%20b.png', absolute), { path: 'img/a b.png' });
    assert.deepEqual(resolveImagePath('../../other/a.png', absolute), { refused: 'outside-root' });
    assert.deepEqual(resolveImagePath('/home/user2/a.png', absolute), { refused: 'outside-root' });
    assert.deepEqual(resolveImagePath('/etc/passwd', absolute), { refused: 'outside-root' });

    // Absolute paths inside the document folder itself pass once the folder is known; Windows drives compare without case.
    assert.deepEqual(resolveImagePath('/home/u/docs/img/a.png', imagePolicy('/home/u/docs', undefined)), { path: 'img/a.png' });
    const windows = imagePolicy('C:\\Users\\u\\Docs', undefined);
    assert.deepEqual(resolveImagePath('c:/users/u/docs/img/a.png', windows), { path: 'img/a.png' });
    assert.deepEqual(resolveImagePath('file:///C:/Users/u/Docs/a.png', windows), { path: 'a.png' });
    assert.deepEqual(resolveImagePath('D:\\Docs\\a.png', windows), { refused: 'outside-root' });

    assert.throws(() => imagePolicy(undefined, '/home/u'), RangeError);
  });

  it('passes imageRoot through exportDocx', async () => {
    const requested: string[] = [];
    const tree = root(image('../shared/a.png'), image('../../a.png'));
    const options: DocxExportOptions = { imageRoot: '..', readImage: async (file) => (requested.push(file), png(2, 2)) };
    const { warnings } = await exportParts(tree, options);
    assert.deepEqual(requested, ['../shared/a.png']);
    assert.deepEqual(
      warnings.map((warning) => warning.code),
      ['image-outside-root'],
    );
  });
});

describe('export safety: only well-formed PNG, JPEG, GIF and BMP are embedded', () => {
  it('reads the format and pixel size of each', () => {
    for (const [bytes, type] of [
      [png(640, 480), 'png'],
      [jpeg(640, 480), 'jpg'],
      [gif(640, 480), 'gif'],
      [bmp(640, 480), 'bmp'],
    ] as const) {
      const info = readImageInfo(bytes);
      assert.ok(info, type);
      assert.deepEqual([info.type, info.width, info.height], [type, 640, 480]);
    }
    const topDown = bmp(5, 7);
    new DataView(topDown.buffer).setInt32(22, -7, true);
    assert.deepEqual(readImageInfo(topDown) && [readImageInfo(topDown)!.width, readImageInfo(topDown)!.height], [5, 7]);
  });

  const bad: Array<[string, Uint8Array]> = [
    ['GIF magic and text', new TextEncoder().encode('GIF: root:x:0:0:root:/root:/bin/bash\n')],
    ['BM magic and text', new TextEncoder().encode('BMroot:x:0:0:root:/root:/bin/bash\ndaemon:x:1:1::/usr/sbin\n')],
    ['PNG signature only', png(4, 4).slice(0, 16)],
    ['PNG without IEND', png(4, 4).slice(0, -12)],
    ['PNG with a bad IHDR CRC', (() => { const b = png(4, 4); b[29] = b[29]! ^ 0xff; return b; })()],
    ['PNG of width 0', (() => { const b = Buffer.from(png(4, 4)); b.writeUInt32BE(0, 16); b.writeUInt32BE(crc32(b.subarray(12, 29)), 29); return new Uint8Array(b); })()],
    ['JPEG SOI and text', new Uint8Array([0xff, 0xd8, ...new TextEncoder().encode('hello world, not a picture')])],
    ['JPEG without a frame', new Uint8Array([0xff, 0xd8, 0xff, 0xda, 0x00, 0x08, 0x01, 0x01, 0x00, 0x00, 0x3f, 0x00, 0x00, 0xff, 0xd9])],
    ['JPEG cut inside a segment', jpeg(8, 8).slice(0, 26)],
    ['GIF without an image', gif(4, 4).slice(0, 19)],
    ['GIF with a cut image', gif(4, 4).slice(0, 31)],
    ['BMP with missing pixels', bmp(100, 100).slice(0, 2000)],
    ['BMP with an unknown header size', (() => { const b = bmp(4, 4); b[14] = 41; return b; })()],
    ['BMP of height 0', (() => { const b = bmp(4, 4); new DataView(b.buffer).setInt32(22, 0, true); return b; })()],
  ];

  for (const [name, bytes] of bad) {
    it(`refuses ${name}`, () => {
      assert.equal(readImageInfo(bytes), undefined);
    });
  }

  it('embeds none of them: each becomes its alt text with a warning', async () => {
    const tree = root(...bad.map((_, index) => image(`img/${index}.bin`, `坏${index}`)), image('img/ok.gif', '好'));
    const parts = await exportParts(tree, {
      lang: 'en',
      readImage: async (file) => (file === 'img/ok.gif' ? gif(3, 2) : bad[Number(/(\d+)/.exec(file)![1])]![1]),
    });
    assert.deepEqual(mediaFiles(parts.zip).length, 1);
    assert.deepEqual(
      parts.warnings.map((warning) => warning.code),
      bad.map(() => 'image-unsupported'),
    );
    assert.match(parts.warnings[0]!.message, /^not a valid PNG, JPEG, GIF or BMP image, not embedded: img\/0\.bin$/);
  });
});

describe('export safety: report-md export reads images inside the image folder only', () => {
  function setUp() {
    const base = fs.mkdtempSync(path.join(os.tmpdir(), 'report-md-images-'));
    const docs = path.join(base, 'docs');
    fs.mkdirSync(path.join(docs, 'img'), { recursive: true });
    fs.mkdirSync(path.join(base, 'shared'));
    fs.writeFileSync(path.join(docs, 'img', 'in.png'), png(3, 3));
    fs.writeFileSync(path.join(base, 'shared', 'out.png'), png(5, 5));
    fs.writeFileSync(path.join(base, 'secret.gif'), 'GIF89a but really a secret\n');
    return { base, docs };
  }
  const capture = (cwd: string) => {
    const err: string[] = [];
    return { io: { cwd, lang: 'en' as const, stdout: () => undefined, stderr: (s: string) => void err.push(s) }, err };
  };
  const media = async (file: string) => mediaFiles(await JSZip.loadAsync(fs.readFileSync(file))).length;

  it('refuses ../, absolute paths, file: URLs and symbolic links out of the folder', async () => {
    const { base, docs } = setUp();
    fs.symlinkSync(path.join(base, 'shared', 'out.png'), path.join(docs, 'img', 'link.png'));
    fs.symlinkSync(path.join(base, 'shared'), path.join(docs, 'shared-link'));
    const secret = path.join(base, 'secret.gif');
    const lines = [
      '今年以来工作取得新进展。',
      '![内](img/in.png)',
      '![上](../shared/out.png)',
      `![绝对](${secret})`,
      `![URL](file://${encodeURI(secret)})`,
      '![链接](img/link.png)',
      '![目录链接](shared-link/out.png)',
    ];
    fs.writeFileSync(path.join(docs, 'a.md'), lines.join('\n\n') + '\n');
    const { io, err } = capture(docs);
    assert.equal(await runExport(['a.md'], io), 0);
    assert.equal(await media(path.join(docs, 'a.docx')), 1);
    const output = err.join('');
    for (const [line, url] of [
      [5, '../shared/out.png'],
      [7, secret],
      [9, `file://${encodeURI(secret)}`],
      [11, 'img/link.png'],
      [13, 'shared-link/out.png'],
    ] as const) {
      assert.ok(output.includes(`a.md:${line}: image outside the document's folder, not embedded (export.imageRoot sets the allowed folder): ${url}\n`), `${url} in\n${output}`);
    }
  });

  it('export.imageRoot in .reportmdrc.json (relative to that file) widens the folder', async () => {
    const { base, docs } = setUp();
    fs.writeFileSync(path.join(base, '.reportmdrc.json'), JSON.stringify({ export: { imageRoot: '.' } }));
    fs.writeFileSync(path.join(docs, 'a.md'), '正文。\n\n![内](img/in.png)\n\n![上](../shared/out.png)\n\n![秘密](../secret.gif)\n\n![外](../../x.png)\n');
    const { io, err } = capture(docs);
    assert.equal(await runExport(['a.md'], io), 0);
    assert.equal(await media(path.join(docs, 'a.docx')), 2);
    assert.match(err.join(''), /a\.md:7: not a valid PNG, JPEG, GIF or BMP image, not embedded: \.\.\/secret\.gif/);
    assert.match(err.join(''), /a\.md:9: image outside the document's folder/);
  });

  it('rejects a bad export.imageRoot', async () => {
    const { docs } = setUp();
    fs.writeFileSync(path.join(docs, '.reportmdrc.json'), JSON.stringify({ export: { imageRoot: 3 } }));
    fs.writeFileSync(path.join(docs, 'a.md'), '正文。\n');
    const { io, err } = capture(docs);
    assert.equal(await runExport(['a.md'], io), 2);
    assert.match(err.join(''), /export\.imageRoot must be a folder path/);
  });
});

// --- 2. characters XML 1.0 forbids ------------------------------------------------

/** Code points XML 1.0 does not allow, in decoded text. */
const FORBIDDEN = /[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/u;

/** Every XML part decodes as strict UTF-8 and holds no forbidden character. */
async function assertValidXmlChars(data: Uint8Array): Promise<void> {
  const zip = await JSZip.loadAsync(data);
  const names = Object.keys(zip.files).filter((name) => /\.(xml|rels)$/.test(name));
  assert.ok(names.includes('word/document.xml') && names.includes('docProps/core.xml'));
  for (const name of names) {
    const bytes = await zip.file(name)!.async('uint8array');
    const xml = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    const bad = FORBIDDEN.exec(xml);
    assert.equal(bad, null, `${name}: U+${bad?.[0]?.codePointAt(0)?.toString(16)} at ${bad?.index}`);
  }
}

describe('export safety: characters XML forbids never reach the package', () => {
  const source = [
    '关于\u0001工作情况的\u0008报告', // 1 title
    '',
    '一、总体\u000b情况', // 3 heading
    '',
    '今年以来\uFFFE，我们认真\uFFFF落实各项部署\ud800。', // 5 body
    '',
    '| 项目 | 说明\u0002 |', // 7 table
    '|---|---|',
    '| 甲\udc00 | 乙\u001f |', // 9
    '',
    '正文\u000c脚注[^1]。', // 11
    '',
    '[^1]: 注\u0003释\uFFFF内容。', // 13 footnote
    '',
    '![图\u0004](img/a.png "题\u0005")', // 15 image alt and title
    '',
  ].join('\n');

  for (const tableOfContents of [false, true]) {
    it(`strips them from body, title, headings, tables, footnotes and properties, warning per line${tableOfContents ? ' (with a table of contents)' : ''}`, async () => {
      const report = parseReport(source);
      const before = JSON.stringify(report.root);
      const { data, warnings, packer } = await exportDocx(report.root, {
        source,
        date: FIXED_DATE,
        lang: 'en',
        author: '办公\u0002室\uFFFE',
        subject: '主题\u0007',
        keywords: '关键\ud83d词',
        tableOfContents,
        readImage: async () => png(2, 2),
      });
      assert.equal(packer, tableOfContents ? 'docx' : 'fast');
      await assertValidXmlChars(data);
      assert.equal(JSON.stringify(report.root), before, 'the caller’s tree is left as it was');

      const lines = warnings.filter((warning) => warning.code === 'invalid-character' && warning.line !== undefined);
      assert.deepEqual(
        lines.map((warning) => [warning.line, warning.message]),
        [
          [1, 'removed characters Word documents cannot hold (U+0001, U+0008)'],
          [3, 'removed characters Word documents cannot hold (U+000B)'],
          [5, 'removed characters Word documents cannot hold (U+D800, U+FFFE, U+FFFF)'],
          [7, 'removed characters Word documents cannot hold (U+0002)'],
          [9, 'removed characters Word documents cannot hold (U+001F, U+DC00)'],
          [11, 'removed characters Word documents cannot hold (U+000C)'],
          [13, 'removed characters Word documents cannot hold (U+0003, U+FFFF)'],
          [15, 'removed characters Word documents cannot hold (U+0004, U+0005)'],
        ],
      );
      assert.deepEqual(
        warnings.filter((warning) => warning.code === 'invalid-character' && warning.line === undefined).map((warning) => warning.message),
        [
          'removed characters Word documents cannot hold (author: U+0002, U+FFFE)',
          'removed characters Word documents cannot hold (subject: U+0007)',
          'removed characters Word documents cannot hold (keywords: U+D83D)',
        ],
      );

      const zip = await JSZip.loadAsync(data);
      const core = await zip.file('docProps/core.xml')!.async('string');
      assert.match(core, /<dc:title>关于工作情况的报告<\/dc:title>/);
      assert.match(core, /<dc:creator>办公室<\/dc:creator>/);
      const documentXml = await zip.file('word/document.xml')!.async('string');
      for (const expected of ['关于工作情况的报告', '一、总体情况', '今年以来，我们认真落实各项部署。', '说明', '甲', '乙']) assert.ok(documentXml.includes(expected), expected);
      assert.match(documentXml, /descr="图"/);
      const footnotes = await zip.file('word/footnotes.xml')!.async('string');
      assert.ok(footnotes.includes('注释内容。'));
    });
  }

  it('strips them from an explicit title and from layout strings', async () => {
    const { data, warnings } = await exportDocx(root(paragraph(text('正文。'))), {
      date: FIXED_DATE,
      lang: 'en',
      title: '标题\u0000\uFFFF',
      layout: { fonts: { body: 'Fang\u0001Song' }, pageNumbers: { prefix: '—\u0002 ' } },
    });
    await assertValidXmlChars(data);
    assert.deepEqual(
      warnings.map((warning) => warning.message),
      [
        'removed characters Word documents cannot hold (title: U+0000, U+FFFF)',
        'removed characters Word documents cannot hold (layout.fonts.body: U+0001)',
        'removed characters Word documents cannot hold (layout.pageNumbers.prefix: U+0002)',
      ],
    );
    const core = await (await JSZip.loadAsync(data)).file('docProps/core.xml')!.async('string');
    assert.match(core, /<dc:title>标题<\/dc:title>/);
  });

  it('keeps what XML allows: tab, private use, U+2028, astral characters, C1 controls', async () => {
    const value = '甲\t乙\uE000丙\u2028丁𠀀戊\u0085己';
    const parts = await exportParts(root(paragraph(text(value))));
    assert.deepEqual(parts.warnings, []);
    const document = await parts.xml('word/document.xml');
    assert.ok(textOf(bodyParagraphs(document)[0]!).includes('𠀀'));
  });

  it('the CLI prints the warning with the file and line', async () => {
    const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'report-md-xmlchars-'));
    fs.writeFileSync(path.join(folder, 'a.md'), '关于工作的报告\n\n今年以来\uFFFF工作取得新进展\u0001。\n');
    const err: string[] = [];
    const io = { cwd: folder, lang: 'en' as const, stdout: () => undefined, stderr: (s: string) => void err.push(s) };
    assert.equal(await runExport(['a.md'], io), 0);
    assert.ok(err.join('').includes('a.md:3: removed characters Word documents cannot hold (U+0001, U+FFFF)\n'), err.join(''));
    await assertValidXmlChars(fs.readFileSync(path.join(folder, 'a.docx')));
  });
});

// --- 3. reproducible bytes ----------------------------------------------------------

const RealDate = Date;

/** Runs `action` with the clock (Date.now and new Date()) moved by `offset` milliseconds. */
async function withClockOffset<T>(offset: number, action: () => Promise<T>): Promise<T> {
  class ShiftedDate extends RealDate {
    constructor(...args: unknown[]) {
      if (args.length === 0) super(RealDate.now() + offset);
      else super(...(args as [number]));
    }
    static override now(): number {
      return RealDate.now() + offset;
    }
  }
  globalThis.Date = ShiftedDate as DateConstructor;
  try {
    return await action();
  } finally {
    globalThis.Date = RealDate;
  }
}

/** Runs `action` in another time zone. */
async function inTimeZone<T>(zone: string, action: () => Promise<T>): Promise<T> {
  const saved = process.env['TZ'];
  process.env['TZ'] = zone;
  try {
    return await action();
  } finally {
    if (saved === undefined) delete process.env['TZ'];
    else process.env['TZ'] = saved;
  }
}

/** DOS time and date of every local header and central directory entry of a zip. */
function zipTimes(zip: Uint8Array): Array<[number, number]> {
  const view = new DataView(zip.buffer, zip.byteOffset, zip.byteLength);
  const times: Array<[number, number]> = [];
  const end = zip.length - 22;
  const count = view.getUint16(end + 10, true);
  let at = view.getUint32(end + 16, true);
  for (let entry = 0; entry < count; entry++) {
    times.push([view.getUint16(at + 12, true), view.getUint16(at + 14, true)]);
    const local = view.getUint32(at + 42, true);
    times.push([view.getUint16(local + 10, true), view.getUint16(local + 12, true)]);
    at += 46 + view.getUint16(at + 28, true) + view.getUint16(at + 30, true) + view.getUint16(at + 32, true);
  }
  return times;
}

describe('export safety: the same input gives the same bytes', () => {
  const source = '关于工作情况的报告\n\n一、主要成效\n\n正文![图](img/a.png)。\n\n（一）经济运行\n\n正文。\n\n二、下一步\n\n正文[^1]。\n\n[^1]: 注释。\n';
  const options = (extra: DocxExportOptions = {}): DocxExportOptions => ({ source, readImage: async () => png(6, 4), ...extra });
  const run = (extra: DocxExportOptions = {}) => exportDocx(parseReport(source).root, options(extra));

  for (const tableOfContents of [false, true]) {
    it(`across a clock change, a time-zone change and other exports${tableOfContents ? ', with a table of contents' : ''}`, async () => {
      const first = await inTimeZone('UTC', () => run({ date: FIXED_DATE, tableOfContents }));
      // Other exports in between use docx's process-wide counters (bookmarks, drawing ids).
      await run({ date: FIXED_DATE, tableOfContents: true });
      await exportDocx(root(heading(1, '一、', '其他'), image('b.png')), { tableOfContents: true, readImage: async () => png(1, 1) });
      const second = await inTimeZone('Asia/Shanghai', () => withClockOffset(3 * 3600_000 + 1000, () => run({ date: FIXED_DATE, tableOfContents })));
      assert.equal(first.packer, tableOfContents ? 'docx' : 'fast');
      assert.ok(Buffer.from(first.data).equals(Buffer.from(second.data)), 'identical bytes');
      if (tableOfContents) {
        const xml = await (await JSZip.loadAsync(first.data)).file('word/document.xml')!.async('string');
        assert.deepEqual([...new Set(xml.match(/_Toc\d+/g))], ['_Toc1', '_Toc2', '_Toc3']);
        assert.match(xml, /<wp:docPr id="1"/);
      }
    });
  }

  it('dates every zip entry and core.xml with the export date, in UTC fields', async () => {
    const date = new Date('2025-07-01T13:45:30Z');
    const { data } = await withClockOffset(-5 * 365 * 86400_000, () => inTimeZone('America/New_York', () => run({ date })));
    const dosTime = (13 << 11) | (45 << 5) | (30 >> 1);
    const dosDate = ((2025 - 1980) << 9) | (7 << 5) | 1;
    const times = zipTimes(data);
    assert.ok(times.length > 20);
    for (const [time, day] of times) assert.deepEqual([time, day], [dosTime, dosDate]);
    const core = await (await JSZip.loadAsync(data)).file('docProps/core.xml')!.async('string');
    assert.match(core, /<dcterms:created xsi:type="dcterms:W3CDTF">2025-07-01T13:45:30Z<\/dcterms:created>/);
    assert.match(core, /<dcterms:modified xsi:type="dcterms:W3CDTF">2025-07-01T13:45:30Z<\/dcterms:modified>/);
    // Dates before 1980 (zip's first year) still give a valid zip.
    const early = await run({ date: new Date(0) });
    assert.ok(zipTimes(early.data).every(([time, day]) => time === 0 && day === (1 << 5) + 1));
  });

  it('takes SOURCE_DATE_EPOCH when no date is given', async () => {
    const saved = process.env['SOURCE_DATE_EPOCH'];
    process.env['SOURCE_DATE_EPOCH'] = String(Date.UTC(2026, 0, 2, 3, 4, 6) / 1000);
    try {
      const first = await run();
      const second = await withClockOffset(86400_000, () => run());
      assert.ok(Buffer.from(first.data).equals(Buffer.from(second.data)));
      const core = await (await JSZip.loadAsync(first.data)).file('docProps/core.xml')!.async('string');
      assert.match(core, /<dcterms:created xsi:type="dcterms:W3CDTF">2026-01-02T03:04:06Z<\/dcterms:created>/);
      process.env['SOURCE_DATE_EPOCH'] = 'yesterday';
      await assert.rejects(run(), /SOURCE_DATE_EPOCH/);
    } finally {
      if (saved === undefined) delete process.env['SOURCE_DATE_EPOCH'];
      else process.env['SOURCE_DATE_EPOCH'] = saved;
    }
  });

});
