import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { chmodSync, copyFileSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import iconv from 'iconv-lite';
import { main } from '../../src/cli/main.js';
import { repoRoot } from './helpers.js';

type Result = { code: number; stdout: string; stderr: string };

async function run(argv: string[], cwd: string, env: Record<string, string> = {}): Promise<Result> {
  let stdout = '';
  let stderr = '';
  const code = await main({ argv, cwd, env: { LANG: 'en_US.UTF-8', ...env }, stdout: (text) => (stdout += text), stderr: (text) => (stderr += text) });
  return { code, stdout, stderr };
}

function workspace(files: Record<string, string | Buffer>): string {
  const folder = mkdtempSync(join(tmpdir(), 'report-md-cli-'));
  for (const [name, content] of Object.entries(files)) {
    mkdirSync(join(folder, name, '..'), { recursive: true });
    writeFileSync(join(folder, name), content);
  }
  return folder;
}

const BROKEN = '一、总体情况\n（一）基本情况\n（三）主要做法\n二、存在问题\n';

describe('report-md CLI', () => {
  it('lint: exit 0 without error findings, 1 with them', async () => {
    const folder = workspace({ 'clean.report.md': '一、总体情况\n二、存在问题\n', 'broken.report.md': BROKEN });
    assert.equal((await run(['lint', 'clean.report.md'], folder)).code, 0);
    const result = await run(['lint', 'broken.report.md'], folder);
    assert.equal(result.code, 1);
    assert.match(result.stdout, /^broken\.report\.md:3:1  error  Number "（三）" skips, expected "（二）"  numbering-sequence$/m);
  });

  it('lint --format json prints one array with the documented fields (1-based, UTF-16 columns)', async () => {
    const folder = workspace({ 'a.report.md': '正文𠀀XX镇。\n' });
    const result = await run(['lint', '--format', 'json', 'a.report.md'], folder);
    const findings = JSON.parse(result.stdout);
    assert.ok(Array.isArray(findings));
    assert.deepEqual(findings[0], {
      file: 'a.report.md',
      line: 1,
      column: 5,
      endLine: 1,
      endColumn: 8,
      rule: 'placeholder',
      severity: 'error',
      message: 'Leftover placeholder "XX镇"',
      fixable: false,
    });
  });

  it('messages follow --lang and LANG', async () => {
    const folder = workspace({ 'a.report.md': '一、甲\n三、乙\n' });
    assert.match((await run(['lint', 'a.report.md', '--lang', 'zh-CN'], folder)).stdout, /序号“三、”不连续，应为“二、”/);
    assert.match((await run(['lint', 'a.report.md'], folder, { LANG: 'zh_CN.UTF-8' })).stdout, /序号“三、”不连续，应为“二、”/);
    assert.match((await run(['lint', 'a.report.md'], folder, { LANG: 'C' })).stdout, /Number "三、" skips/);
  });

  it('lints the report files under a folder', async () => {
    const folder = workspace({ 'docs/a.report.md': 'XX镇\n', 'docs/b.txt': 'x月x日\n', 'docs/c.md': '正文。\n', 'docs/d.png': 'XX', 'docs/node_modules/e.md': 'XX' });
    const result = await run(['lint', '--format', 'json', 'docs'], folder);
    const files = [...new Set(JSON.parse(result.stdout).map((finding: { file: string }) => finding.file))];
    assert.deepEqual(files, [join('docs', 'a.report.md'), join('docs', 'b.txt')]);
  });

  it('fix renumbers in place atomically, keeping CRLF, BOM and indentation; fix is idempotent', async () => {
    const original = '\uFEFF\u3000\u3000一、总体情况\r\n\t（一）基本情况\r\n\t（三）主要做法\r\n';
    const folder = workspace({ 'a.report.md': original });
    const result = await run(['fix', 'a.report.md'], folder);
    assert.equal(result.code, 0, result.stderr);
    const fixed = readFileSync(join(folder, 'a.report.md'), 'utf8');
    assert.equal(fixed, original.replace('（三）', '（二）'));
    assert.deepEqual(readdirSync(folder), ['a.report.md'], 'no temporary file left behind');
    await run(['fix', 'a.report.md'], folder);
    assert.equal(readFileSync(join(folder, 'a.report.md'), 'utf8'), fixed);
  });

  it('fix --stdout prints and leaves the file alone', async () => {
    const folder = workspace({ 'a.report.md': BROKEN });
    const result = await run(['fix', '--stdout', 'a.report.md'], folder);
    assert.equal(result.stdout, BROKEN.replace('（三）', '（二）'));
    assert.equal(readFileSync(join(folder, 'a.report.md'), 'utf8'), BROKEN);
  });

  it('reads GB18030 files and writes them back in GB18030', async () => {
    const folder = workspace({ 'gbk.txt': iconv.encode('XX镇工作汇报\n一、甲\n三、乙\n', 'gb18030') });
    const lint = await run(['lint', '--format', 'json', 'gbk.txt'], folder);
    const rules = JSON.parse(lint.stdout).map((finding: { rule: string }) => finding.rule);
    assert.deepEqual(rules, ['placeholder', 'numbering-sequence']);
    await run(['fix', 'gbk.txt'], folder);
    assert.equal(iconv.decode(readFileSync(join(folder, 'gbk.txt')), 'gb18030'), 'XX镇工作汇报\n一、甲\n二、乙\n');
  });

  it('outline prints the tree as text and JSON', async () => {
    const folder = workspace({ 'a.report.md': '工作报告\n一、总体情况\n（一）基本情况\n（二）主要做法\n二、存在问题\n' });
    const text = await run(['outline', 'a.report.md'], folder);
    assert.equal(text.stdout, '[title] 工作报告  (line 1)\n一、总体情况  (line 2)\n  （一）基本情况  (line 3)\n  （二）主要做法  (line 4)\n二、存在问题  (line 5)\n');
    const json = JSON.parse((await run(['outline', '--format', 'json', 'a.report.md'], folder)).stdout);
    assert.deepEqual(json[1].children.map((node: { marker: string; line: number }) => [node.marker, node.line]), [
      ['（一）', 3],
      ['（二）', 4],
    ]);
  });

  it('.reportmdrc.json (nearest ancestor) turns rules off and changes severities; --config overrides', async () => {
    const folder = workspace({
      'a/.reportmdrc.json': JSON.stringify({ rules: { placeholder: 'off', 'numbering-sequence': 'warning' } }),
      'a/b/doc.report.md': 'XX镇\n一、甲\n三、乙\n',
      'strict.json': '{}',
    });
    const relaxed = await run(['lint', '--format', 'json', 'a/b/doc.report.md'], folder);
    assert.equal(relaxed.code, 0);
    assert.deepEqual(JSON.parse(relaxed.stdout).map((finding: { rule: string; severity: string }) => `${finding.rule}:${finding.severity}`), ['numbering-sequence:warning']);
    const strict = await run(['lint', '--format', 'json', '--config', 'strict.json', 'a/b/doc.report.md'], folder);
    assert.equal(strict.code, 1);
    assert.equal(JSON.parse(strict.stdout).length, 2);
  });

  it('export reads author and layout from .reportmdrc.json, and names a bad layout setting', async () => {
    const JSZip = (await import('jszip')).default;
    const folder = workspace({
      '.reportmdrc.json': JSON.stringify({ export: { author: '某某镇党政办', layout: { page: { marginTop: 2100 } } } }),
      'a.report.md': '工作报告\n一、总体情况\n正文。\n',
      'bad/.reportmdrc.json': JSON.stringify({ export: { layout: { page: { marginTop: 12.5 } } } }),
      'bad/b.report.md': '正文。\n',
    });
    const result = await run(['export', 'a.report.md'], folder);
    assert.equal(result.code, 0, result.stderr);
    const zip = await JSZip.loadAsync(readFileSync(join(folder, 'a.docx')));
    assert.match(await zip.file('docProps/core.xml')!.async('string'), /某某镇党政办/);
    assert.match(await zip.file('word/document.xml')!.async('string'), /w:top="2100"/);
    const bad = await run(['export', 'bad/b.report.md'], folder);
    assert.equal(bad.code, 2);
    assert.match(bad.stderr, /export\.layout: .*marginTop/);
    assert.deepEqual(readdirSync(join(folder, 'bad')).sort(), ['.reportmdrc.json', 'b.report.md']);
    const unknown = await run(['lint', 'c.report.md'], workspace({ '.reportmdrc.json': '{"export":{"font":1}}', 'c.report.md': '正文。' }));
    assert.equal(unknown.code, 2);
    assert.match(unknown.stderr, /unknown setting "export\.font"/);
  });

  it('--lang may stand before the command', async () => {
    const folder = workspace({ 'a.report.md': '一、甲\n三、乙\n' });
    const result = await run(['--lang', 'zh-CN', 'lint', 'a.report.md'], folder);
    assert.equal(result.code, 1);
    assert.match(result.stdout, /序号“三、”不连续/);
  });

  it('fix writes through a symbolic link to the real file', async () => {
    const { symlinkSync, lstatSync } = await import('node:fs');
    const folder = workspace({ 'real.report.md': BROKEN });
    symlinkSync('real.report.md', join(folder, 'link.report.md'));
    assert.equal((await run(['fix', 'link.report.md'], folder)).code, 0);
    assert.ok(lstatSync(join(folder, 'link.report.md')).isSymbolicLink());
    assert.equal(readFileSync(join(folder, 'real.report.md'), 'utf8'), BROKEN.replace('（三）', '（二）'));
  });

  it('rule options are checked: wrong types, unknown options and bad patterns name the setting', async () => {
    const cases: Array<[object, RegExp]> = [
      [{ rules: { placeholder: { extra: '【待定】' } } }, /rules\.placeholder\.extra must be an array, got string/],
      [{ rules: { placeholder: { extra: ['('] } } }, /rules\.placeholder\.extra: invalid regular expression "\("/],
      [{ rules: { 'repeated-char': { allow: 5 } } }, /rules\.repeated-char\.allow must be an array, got number/],
      [{ rules: { pairing: { depth: 3 } } }, /rules\.pairing has no option "depth"/],
    ];
    for (const [config, pattern] of cases) {
      const result = await run(['lint', 'a.report.md'], workspace({ '.reportmdrc.json': JSON.stringify(config), 'a.report.md': '正文。' }));
      assert.equal(result.code, 2);
      assert.match(result.stderr, pattern);
    }
  });

  it('inline comments disable rules', async () => {
    const folder = workspace({
      'a.report.md': '<!-- report-md-disable placeholder -->\nXX镇\n<!-- report-md-enable placeholder -->\nXX村 <!-- report-md-disable-line placeholder -->\nXX县\n',
    });
    const findings = JSON.parse((await run(['lint', '--format', 'json', 'a.report.md'], folder)).stdout);
    assert.deepEqual(findings.map((finding: { line: number }) => finding.line), [5]);
  });

  describe('bad input: one-line error naming the file, exit 2, no stack trace', () => {
    const cases: Array<[string, string[], Record<string, string | Buffer>, RegExp]> = [
      ['missing file', ['lint', 'nope.report.md'], {}, /nope\.report\.md: no such file or directory/],
      ['binary file', ['lint', 'b.report.md'], { 'b.report.md': Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 1, 2, 3]) }, /b\.report\.md: looks like a binary file/],
      ['invalid encoding', ['lint', 'c.report.md'], { 'c.report.md': Buffer.from([0xe4, 0xb8, 0xff, 0xfe, 0x81, 0x30]) }, /c\.report\.md: unrecognised encoding/],
      ['unknown command', ['frobnicate'], {}, /unknown command "frobnicate"/],
      ['unknown option', ['lint', '--bogus', 'x'], {}, /Unknown option '--bogus'/],
      ['bad format', ['lint', '--format', 'xml', 'x'], {}, /--format must be text or json/],
      ['broken config', ['lint', 'd.report.md'], { '.reportmdrc.json': '{ "rules": { "nope": "off" } }', 'd.report.md': '正文。' }, /\.reportmdrc\.json: unknown rule "nope"/],
      ['invalid JSON config', ['lint', 'd.report.md'], { '.reportmdrc.json': '{ rules: ', 'd.report.md': '正文。' }, /\.reportmdrc\.json: invalid JSON/],
      ['a folder without reports', ['lint', 'empty'], { 'empty/readme.png': 'x' }, /empty: no report files/],
      ['UTF-32 text', ['lint', 'u.txt'], { 'u.txt': Buffer.from([0xff, 0xfe, 0, 0, 0x00, 0x4e, 0, 0]) }, /u\.txt: UTF-32 text is not supported/],
      ['fix --stdout with two files', ['fix', '--stdout', 'a.txt', 'b.txt'], { 'a.txt': '甲', 'b.txt': '乙' }, /fix --stdout takes exactly one file/],
    ];
    for (const [name, argv, files, pattern] of cases) {
      it(name, async () => {
        const result = await run(argv, workspace(files));
        assert.equal(result.code, 2);
        assert.match(result.stderr, pattern);
        assert.doesNotMatch(result.stderr, /\n\s+at /, 'no stack trace');
      });
    }

    it('a write that cannot happen: clear error naming the path, nothing left behind', async () => {
      const { writeFileAtomic, CliError } = await import('../../src/cli/io.js');
      const folder = workspace({ 'plain.txt': '甲' });
      const target = join(folder, 'plain.txt', 'out.docx');
      assert.throws(() => writeFileAtomic(target, new Uint8Array([1, 2, 3]), { overwrite: false }), (error: unknown) => {
        assert.ok(error instanceof CliError);
        assert.match((error as Error).message, /plain\.txt\/out\.docx: cannot write: a part of the path is not a folder/);
        return true;
      });
      assert.deepEqual(readdirSync(folder), ['plain.txt']);
      assert.equal(readFileSync(join(folder, 'plain.txt'), 'utf8'), '甲');
    });

    it('an unwritable folder in fix: clear error, file untouched (also as root, as CI runs)', async function () {
      const folder = workspace({ 'a.report.md': BROKEN });
      const file = join(folder, 'a.report.md');
      const root = process.getuid?.() === 0;
      let result: Result | undefined;
      let how: string;
      if (!root) {
        how = 'chmod 0555';
        chmodSync(folder, 0o555);
        try {
          result = await run(['fix', 'a.report.md'], folder);
        } finally {
          chmodSync(folder, 0o755);
        }
      } else if (spawnSync('chattr', ['+i', folder]).status === 0) {
        // Root ignores permission bits, not the immutable attribute: nothing can be created in the folder.
        how = 'chattr +i';
        try {
          result = await run(['fix', 'a.report.md'], folder);
        } finally {
          spawnSync('chattr', ['-i', folder]);
        }
      } else {
        // No chattr here (tmpfs, no CAP_LINUX_IMMUTABLE): the built CLI in a private mount namespace
        // where the folder is a read-only bind mount of itself.
        how = 'read-only bind mount';
        const bin = join(repoRoot, 'out', 'src', 'cli', 'bin.js');
        const child = spawnSync(
          'unshare',
          ['-m', 'sh', '-c', 'mount --bind -o ro "$1" "$1" || exit 99; cd "$1" && exec "$2" "$3" fix a.report.md', 'sh', folder, process.execPath, bin],
          { encoding: 'utf8', env: { ...process.env, LANG: 'en_US.UTF-8' } },
        );
        if (child.error || child.status === 99 || child.status === null) this.skip(); // neither chattr nor mount namespaces
        result = { code: child.status ?? -1, stdout: child.stdout, stderr: child.stderr };
      }
      assert.equal(result.code, 2, `${how}: ${result.stderr}`);
      assert.match(result.stderr, /a\.report\.md: cannot write: (permission denied|read-only file system)/, how);
      assert.equal(readFileSync(file, 'utf8'), BROKEN, `${how}: the report is untouched`);
      assert.deepEqual(readdirSync(folder), ['a.report.md'], `${how}: no temporary file left behind`);
    });
  });

  it('stops quietly when the reader of its output goes away (report-md lint … | head)', function () {
    this.timeout(30_000);
    const folder = workspace({});
    const seed = readFileSync(join(repoRoot, 'examples', 'work-report.report.md'), 'utf8');
    writeFileSync(join(folder, 'big.report.md'), Array.from({ length: 200 }, () => seed).join('\n'));
    // The shell's pipe into head: head exits after one line and the CLI's later writes hit a closed pipe.
    const result = spawnSync('bash', ['-c', `"${process.execPath}" "${join(repoRoot, 'dist', 'cli.cjs')}" lint --format json big.report.md | head -n 1; echo "status \${PIPESTATUS[0]}" >&2`], { cwd: folder, encoding: 'utf8' });
    assert.equal(result.stdout, '[\n');
    assert.doesNotMatch(result.stderr, /EPIPE|Unhandled|Error|at .*\(/, result.stderr);
    // The exit code is the lint's own: the example has errors.
    assert.match(result.stderr, /^status 1$/m, result.stderr);
  });

  it('the built bin runs as a process (README set-up)', function () {
    const folder = workspace({});
    copyFileSync(join(repoRoot, 'examples', 'work-report.report.md'), join(folder, 'r.report.md'));
    const result = spawnSync(process.execPath, [join(repoRoot, 'dist', 'cli.cjs'), 'lint', '--format', 'json', 'r.report.md'], { cwd: folder, encoding: 'utf8' });
    assert.equal(result.status, 1, result.stderr);
    const rules = new Set(JSON.parse(result.stdout).map((finding: { rule: string }) => finding.rule));
    assert.ok(rules.has('placeholder') && rules.has('numbering-sequence') && rules.has('enumeration-sequence'));
  });
});
