import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import JSZip from 'jszip';
import { parseReport } from '../../src/core/index.js';
import { closingIndents, DEFAULT_LAYOUT, exportDocx, resolveLayout } from '../../src/core/export/index.js';
import { defaultOutputPath, runExport } from '../../src/cli/export-command.js';

const SEEDS = path.resolve('test/fixtures/seeds');

function tempFolder(): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), 'report-md-export-'));
}

function capture(cwd: string, lang: 'zh-CN' | 'en' = 'en') {
  const out: string[] = [];
  const err: string[] = [];
  return { io: { cwd, lang, stdout: (s: string) => out.push(s), stderr: (s: string) => err.push(s) }, out, err };
}

const CLEAN = '关于工作情况的报告\n\n今年以来，我们认真落实各项部署。\n\n一、主要成效\n\n工作取得新进展。\n';
const WITH_PLACEHOLDERS = '关于工作情况的报告\n\nXX镇今年以来认真落实各项部署，完成投资X万元。\n';

describe('export: layout table', () => {
  it('defaults are integer twips that fill the 156 x 225 mm type area with 22 x 28', () => {
    const layout = resolveLayout();
    const width = layout.page.width - layout.page.marginLeft - layout.page.marginRight;
    const height = layout.page.height - layout.page.marginTop - layout.page.marginBottom;
    assert.equal(width, 8845);
    assert.equal(height, 12756);
    assert.ok(22 * layout.linePitch <= height && 23 * layout.linePitch > height);
    const pitch = layout.sizes.body * 10 + layout.characterSpacing;
    assert.ok(28 * pitch <= width && 29 * pitch > width);
  });

  it('rejects non-integer and out-of-range values with the setting name', () => {
    assert.throws(() => resolveLayout({ page: { marginTop: 2097.6 } }), /page\.marginTop/);
    assert.throws(() => resolveLayout({ linePitch: 0 }), /linePitch/);
    assert.throws(() => resolveLayout({ fonts: { body: '' } }), /fonts\.body/);
    assert.throws(() => resolveLayout({ page: { marginLeft: 6000, marginRight: 6000 } }), /type area/);
  });

  it('closing indents: signature right 2 字 when longer than the date', () => {
    const indents = closingIndents('某某市某某区人民政府办公室', '2025年7月1日', DEFAULT_LAYOUT);
    assert.equal(indents.signature, 624);
    // Date starts 2 字 right of the signature start: (624 + 13 x 312) - 624 - (6 x 152 + 3 x 312).
    assert.equal(indents.date, 13 * 312 - (6 * 152 + 3 * 312));
  });
});

describe('export: seeds', () => {
  for (const file of fs.readdirSync(SEEDS).filter((name) => name.endsWith('.txt'))) {
    it(`exports ${file} with every outline heading as a heading style or run-in`, async () => {
      const text = fs.readFileSync(path.join(SEEDS, file), 'utf8');
      const report = parseReport(text);
      const headings = report.root.children.filter((node) => node.type === 'outlineHeading');
      const { data, warnings } = await exportDocx(report.root, { source: text, date: new Date(0) });
      assert.deepEqual(warnings, []);
      const xml = await (await JSZip.loadAsync(data)).file('word/document.xml')!.async('string');
      const standAlone = headings.filter((node) => !node.runIn).length;
      const runIn = headings.length - standAlone;
      assert.equal((xml.match(/<w:pStyle w:val="Heading[1-5]"\/>/g) ?? []).length, standAlone);
      const paragraphs = xml.split('<w:p>').slice(1);
      assert.equal(paragraphs.filter((p) => /<w:rStyle w:val="Heading[1-5]Char"\/>/.test(p)).length, runIn);
      assert.ok(headings.length > 0, 'seed has outline headings');
    });
  }
});

describe('export: report-md export command', () => {
  it('derives <name>.docx beside the source', () => {
    assert.equal(defaultOutputPath('/a/工作汇报.report.md'), path.join('/a', '工作汇报.docx'));
    assert.equal(defaultOutputPath('/a/b.md'), path.join('/a', 'b.docx'));
    assert.equal(defaultOutputPath('/a/notes'), path.join('/a', 'notes.docx'));
  });

  it('writes the docx and reports it on stdout', async () => {
    const folder = tempFolder();
    fs.writeFileSync(path.join(folder, '报告.report.md'), CLEAN);
    const { io, out, err } = capture(folder);
    assert.equal(await runExport(['报告.report.md'], io), 0);
    const written = fs.readFileSync(path.join(folder, '报告.docx'));
    assert.equal(written.subarray(0, 2).toString('latin1'), 'PK');
    assert.match(out.join(''), /报告\.docx/);
    assert.equal(err.join(''), '');
    assert.deepEqual(fs.readdirSync(folder).sort(), ['报告.docx', '报告.report.md'], 'no temporary file left');
  });

  it('refuses to overwrite without --force (exit 2, file untouched) and overwrites with it', async () => {
    const folder = tempFolder();
    fs.writeFileSync(path.join(folder, 'a.md'), CLEAN);
    fs.writeFileSync(path.join(folder, 'out.docx'), 'keep me');
    const first = capture(folder);
    assert.equal(await runExport(['a.md', '-o', 'out.docx'], first.io), 2);
    assert.equal(fs.readFileSync(path.join(folder, 'out.docx'), 'utf8'), 'keep me');
    assert.match(first.err.join(''), /already exists.*--force/);
    const second = capture(folder);
    assert.equal(await runExport(['a.md', '-o', 'out.docx', '--force'], second.io), 0);
    assert.notEqual(fs.readFileSync(path.join(folder, 'out.docx'), 'utf8'), 'keep me');
  });

  it('warns with the number of placeholders left, in both languages', async () => {
    const folder = tempFolder();
    fs.writeFileSync(path.join(folder, 'a.md'), WITH_PLACEHOLDERS);
    const english = capture(folder);
    assert.equal(await runExport(['a.md'], english.io), 0);
    assert.match(english.err.join(''), /\b2 placeholders remain \(占位符\)/);
    const chinese = capture(folder, 'zh-CN');
    assert.equal(await runExport(['a.md', '--force'], chinese.io), 0);
    assert.match(chinese.err.join(''), /仍有 2 处占位符/);
  });

  it('--strict writes nothing and exits 1 while placeholders remain', async () => {
    const folder = tempFolder();
    fs.writeFileSync(path.join(folder, 'a.md'), WITH_PLACEHOLDERS);
    const { io, err } = capture(folder);
    assert.equal(await runExport(['a.md', '--strict'], io), 1);
    assert.equal(fs.existsSync(path.join(folder, 'a.docx')), false);
    assert.match(err.join(''), /--strict/);
    const clean = capture(folder);
    fs.writeFileSync(path.join(folder, 'b.md'), CLEAN);
    assert.equal(await runExport(['b.md', '--strict'], clean.io), 0);
  });

  it('fails with one line and exit 2 for a folder output, a missing input, or bad arguments', async () => {
    const folder = tempFolder();
    fs.writeFileSync(path.join(folder, 'a.md'), CLEAN);
    fs.mkdirSync(path.join(folder, 'sub'));
    for (const argv of [['a.md', '-o', 'sub'], ['missing.md'], [], ['a.md', 'b.md'], ['a.md', '--bogus'], ['a.md', '-o', 'no/such/dir/x.docx']]) {
      const { io, err } = capture(folder);
      assert.equal(await runExport(argv, io), 2, argv.join(' '));
      assert.match(err.join(''), /^report-md export: /, argv.join(' '));
    }
    assert.deepEqual(fs.readdirSync(folder).sort(), ['a.md', 'sub']);
    assert.deepEqual(fs.readdirSync(path.join(folder, 'sub')), []);
  });

  it('resolves images relative to the source file', async () => {
    const folder = tempFolder();
    fs.mkdirSync(path.join(folder, 'img'));
    // A complete 10 x 10 RGB PNG (the exporter embeds only well-formed images).
    const png = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAoAAAAKCAIAAAACUFjqAAAAEElEQVR42mNowAsYRqWxAQDYfJYBDolLvgAAAABJRU5ErkJggg==', 'base64');
    fs.writeFileSync(path.join(folder, 'img', 'a.png'), png);
    fs.writeFileSync(path.join(folder, 'a.md'), '今年以来工作取得新进展。\n\n![现场](img/a.png)\n\n![缺](img/none.png)\n');
    const { io, err } = capture(folder);
    assert.equal(await runExport(['a.md'], io), 0);
    const zip = await JSZip.loadAsync(fs.readFileSync(path.join(folder, 'a.docx')));
    assert.equal(Object.keys(zip.files).filter((name) => name.startsWith('word/media/')).length, 1);
    assert.match(err.join(''), /image not found: img\/none\.png/);
  });
});
