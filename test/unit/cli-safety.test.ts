// File-safety regressions of the report-md CLI. Each bad-input case of
// test/fixtures/cli-safety/cases.mjs (shared with scripts/reliability.mjs, which
// regenerates RELIABILITY.md from the same cases against dist/cli.cjs) runs the CLI
// compiled by `tsc -b` (out/src/cli/bin.js) as a child process, so a hang (FIFO,
// /dev/zero) fails the case after a time limit instead of hanging mocha.
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { findReservedKey } from '../../src/core/index.js';
import { decodeDocument, encodeDocument, writableByMode } from '../../src/cli/io.js';
import { repoRoot } from './helpers.js';

type CaseResult = { status: 'held' | 'failed' | 'skipped'; problems: string[]; command: string; stderr?: string };
type SafetyCase = { id: string; title: string; bug: string };
type CasesModule = {
  cases: SafetyCase[];
  TIME_LIMIT_MS: number;
  runCase: (testCase: SafetyCase, options: { cli: string }) => Promise<CaseResult>;
};

const { cases, runCase, TIME_LIMIT_MS } = (await import(pathToFileURL(join(repoRoot, 'test', 'fixtures', 'cli-safety', 'cases.mjs')).href)) as CasesModule;
const CLI = join(repoRoot, 'out', 'src', 'cli', 'bin.js');

describe('report-md CLI file safety (bad inputs)', function () {
  this.timeout(TIME_LIMIT_MS + 10_000);

  before(function () {
    if (!existsSync(CLI)) throw new Error(`${CLI} is missing: run npx tsc -b`);
  });

  for (const testCase of cases) {
    it(`${testCase.id}: ${testCase.title}`, async function () {
      const result = await runCase(testCase, { cli: CLI });
      if (result.status === 'skipped') this.skip();
      assert.deepEqual(result.problems, [], `${result.command}\n(bug: ${testCase.bug})\nstderr: ${result.stderr ?? ''}`);
    });
  }
});

describe('report-md CLI file safety (helpers)', () => {
  it('write permission is decided from mode bits and owner, root included', () => {
    const me = { uid: 1000, groups: [1000, 27] };
    const root = { uid: 0, groups: [0] };
    assert.equal(writableByMode({ uid: 1000, gid: 1000, mode: 0o644 }, me), true);
    assert.equal(writableByMode({ uid: 1000, gid: 1000, mode: 0o444 }, me), false);
    assert.equal(writableByMode({ uid: 1001, gid: 1001, mode: 0o644 }, me), false, 'owned by someone else');
    assert.equal(writableByMode({ uid: 1001, gid: 27, mode: 0o664 }, me), true, 'group-writable, member');
    assert.equal(writableByMode({ uid: 1001, gid: 27, mode: 0o646 }, me), false, 'the group class applies, not other');
    assert.equal(writableByMode({ uid: 1001, gid: 1001, mode: 0o666 }, me), true);
    assert.equal(writableByMode({ uid: 1000, gid: 1000, mode: 0o444 }, root), false, 'no write bit: read-only for root too');
    assert.equal(writableByMode({ uid: 1000, gid: 1000, mode: 0o644 }, root), true);
    assert.equal(writableByMode({ uid: 0, gid: 0, mode: 0o444 }, undefined), false, 'Windows read-only attribute');
  });

  it('reserved JavaScript names are found at any depth in a configuration', () => {
    assert.equal(findReservedKey(JSON.parse('{"rules":{"placeholder":{"__proto__":{}}}}')), 'rules.placeholder.__proto__');
    assert.equal(findReservedKey({ rules: { 'numbering-lone': 'off' }, export: { author: 'toString' } }), undefined, 'values are not keys');
    assert.equal(findReservedKey({ rules: { placeholder: { allow: [{ hasOwnProperty: 1 }] } } }), 'rules.placeholder.allow[0].hasOwnProperty');
    assert.equal(findReservedKey({ valueOf: 1 }), 'valueOf');
  });

  it('UTF-16 with a BOM round-trips byte for byte; UTF-32 and lone surrogates are refused', () => {
    for (const [bom, encode] of [
      [[0xff, 0xfe], (text: string) => Buffer.from(text, 'utf16le')],
      [[0xfe, 0xff], (text: string) => Buffer.from(text, 'utf16le').swap16()],
    ] as const) {
      const text = '𠀀一、甲\r\n三、乙\n';
      const bytes = Buffer.concat([Buffer.from(bom), encode(text)]);
      const document = decodeDocument('u.txt', bytes);
      assert.equal(document.text, text);
      assert.deepEqual(encodeDocument(document, document.text), bytes);
    }
    assert.throws(() => decodeDocument('u.txt', Buffer.from([0xff, 0xfe, 0, 0, 0x00, 0x4e, 0, 0])), /u\.txt: UTF-32 text is not supported/);
    assert.throws(() => decodeDocument('u.txt', Buffer.from([0xff, 0xfe, 0x00, 0xd8, 0x41, 0x00])), /u\.txt: invalid UTF-16 text/);
  });
});
