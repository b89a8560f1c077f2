/** `report-md import`: outputs, images, overwrite rules, exit codes, .doc refusal and conversion. */
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { main } from '../../src/cli/main.js';
import { assetsFolderName, defaultImportPath, findSoffice, runImport } from '../../src/cli/import-command.js';

const FIXTURES = path.resolve('test/fixtures/docx');

function tempFolder(): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), 'report-md-import-'));
}

function capture(cwd: string, env: Record<string, string | undefined> = { PATH: '' }, lang: 'zh-CN' | 'en' = 'en') {
  const out: string[] = [];
  const err: string[] = [];
  return { io: { cwd, env, lang, stdout: (s: string) => out.push(s), stderr: (s: string) => err.push(s) }, out, err };
}

function copy(name: string, folder: string, as = name): string {
  fs.copyFileSync(path.join(FIXTURES, name), path.join(folder, as));
  return as;
}

describe('import command', () => {
  it('names the output <name>.report.md beside the input and the images folder <name>.assets', () => {
    assert.equal(defaultImportPath('/a/报告.docx'), path.join('/a', '报告.report.md'));
    assert.equal(defaultImportPath('/a/old.doc'), path.join('/a', 'old.report.md'));
    assert.equal(assetsFolderName('/a/报告.report.md'), '报告.assets');
    assert.equal(assetsFolderName('/a/out.md'), 'out.assets');
  });

  it('writes the report and its images, exit 0; refuses to overwrite without --force (exit 2), overwrites with it', async () => {
    const folder = tempFolder();
    copy('01-qingshi-baogao-template.docx', folder, '请示.docx');
    const first = capture(folder);
    assert.equal(await runImport(['请示.docx'], first.io), 0, first.err.join(''));
    const text = fs.readFileSync(path.join(folder, '请示.report.md'), 'utf8');
    assert.match(text, /^一、使用方法$/m);
    assert.match(text, /^!\[\]\(请示\.assets\/image1\.png\)$/m);
    assert.deepEqual(fs.readdirSync(path.join(folder, '请示.assets')).sort(), ['image1.png', 'image2.png', 'image3.png']);
    assert.match(first.out.join(''), /imported: 请示\.docx → 请示\.report\.md \(3 images\)/);

    fs.writeFileSync(path.join(folder, '请示.report.md'), 'mine\n');
    const again = capture(folder);
    assert.equal(await runImport(['请示.docx'], again.io), 2);
    assert.match(again.err.join(''), /请示\.report\.md: already exists \(use --force to overwrite\)/);
    assert.equal(fs.readFileSync(path.join(folder, '请示.report.md'), 'utf8'), 'mine\n');

    const forced = capture(folder);
    assert.equal(await runImport(['请示.docx', '--force'], forced.io), 0);
    assert.equal(fs.readFileSync(path.join(folder, '请示.report.md'), 'utf8'), text);
    assert.deepEqual(fs.readdirSync(folder).filter((name) => name.endsWith('.tmp')), []);
  });

  it('an existing image is not replaced without --force, and nothing is written', async () => {
    const folder = tempFolder();
    copy('01-qingshi-baogao-template.docx', folder, 'a.docx');
    fs.mkdirSync(path.join(folder, 'a.assets'));
    fs.writeFileSync(path.join(folder, 'a.assets', 'image2.png'), 'keep');
    const run = capture(folder);
    assert.equal(await runImport(['a.docx'], run.io), 2);
    assert.match(run.err.join(''), /image2\.png: already exists/);
    assert.equal(fs.existsSync(path.join(folder, 'a.report.md')), false);
    assert.equal(fs.readFileSync(path.join(folder, 'a.assets', 'image2.png'), 'utf8'), 'keep');
  });

  it('writes with warnings and exits 1, each warning on stderr (zh-CN)', async () => {
    const folder = tempFolder();
    copy('08-hfut-thesis-archiving-requirements.docx', folder, 'notice.docx');
    const run = capture(folder, { PATH: '' }, 'zh-CN');
    assert.equal(await runImport(['notice.docx', '-o', 'out/x.md'], run.io), 2, 'the folder of -o must exist');
    assert.equal(run.err.join(''), 'report-md import: out: 输出文件夹不存在\n');
    assert.equal(fs.existsSync(path.join(folder, 'out')), false);
    fs.mkdirSync(path.join(folder, 'out'));
    const ok = capture(folder, { PATH: '' }, 'zh-CN');
    assert.equal(await runImport(['notice.docx', '-o', 'out/x.md'], ok.io), 1);
    assert.match(ok.err.join(''), /report-md import: notice\.docx: 警告: 文本框内容未导入.*第 7、9 行/);
    assert.ok(fs.existsSync(path.join(folder, 'out', 'x.md')));
    assert.ok(fs.existsSync(path.join(folder, 'out', 'x.assets', 'image1.jpeg')));
  });

  it('refuses a .doc with the reason when soffice is not on the PATH, and a file that is not Word', async () => {
    const folder = tempFolder();
    copy('word97-made-by-libreoffice.doc', folder, 'old.doc');
    fs.writeFileSync(path.join(folder, 'fake.docx'), '一、这不是 Word 文件\n');
    const run = capture(folder, { PATH: '' });
    assert.equal(await runImport(['old.doc'], run.io), 2);
    assert.equal(
      run.err.join(''),
      'report-md import: old.doc: is a Word 97–2003 document (.doc), which cannot be imported: save it as .docx in Word or WPS first (LibreOffice’s soffice is not on the PATH to convert it)\n',
    );
    const fake = capture(folder);
    assert.equal(await runImport(['fake.docx'], fake.io), 2);
    assert.equal(fake.err.join(''), 'report-md import: fake.docx: is not a Word document (.docx)\n');
    assert.equal(fs.readdirSync(folder).filter((name) => name.endsWith('.md')).length, 0);
  });

  it('converts a .doc through LibreOffice when soffice is on the PATH, and says so', async function () {
    const soffice = findSoffice(process.env);
    if (!soffice) {
      console.log('      (skipped: LibreOffice soffice is not installed)');
      this.skip();
    }
    this.timeout(300_000);
    const folder = tempFolder();
    copy('word97-made-by-libreoffice.doc', folder, 'old.doc');
    const run = capture(folder, { PATH: path.dirname(soffice!) });
    assert.equal(await runImport(['old.doc'], run.io), 0, run.err.join(''));
    assert.match(run.err.join(''), /old\.doc: converted to \.docx through LibreOffice, then imported/);
    assert.equal(fs.readFileSync(path.join(folder, 'old.report.md'), 'utf8'), '关于上半年工作情况的报告\n一、主要工作\n（一）项目建设\n（二）生态建设\n二、下步打算\n特此报告。\n');
  });

  it('is a command of report-md: help, usage errors', async () => {
    const folder = tempFolder();
    const out: string[] = [];
    const err: string[] = [];
    const io = { cwd: folder, env: { LANG: 'en_US.UTF-8', PATH: '' }, stdout: (s: string) => out.push(s), stderr: (s: string) => err.push(s) };
    assert.equal(await main({ ...io, argv: ['import', '--help'] }), 0);
    assert.match(out.join(''), /usage: report-md import FILE\.docx \[-o OUT\] \[--force\]/);
    assert.match(out.join(''), /Exit codes: 0 written; 1 written with warnings; 2 nothing written/);
    assert.equal(await main({ ...io, argv: ['import'] }), 2);
    assert.match(err.join(''), /expects exactly one input FILE/);
    assert.equal(await main({ ...io, argv: ['import', 'missing.docx'] }), 2);
    assert.match(err.join(''), /missing\.docx: no such file or directory/);
  });
});
