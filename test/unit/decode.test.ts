// The text decoder the CLI (reports, .reportmdrc.json) and the extension (.reportmdrc.json) share.
import assert from 'node:assert/strict';
import iconv from 'iconv-lite';
import { DecodeError, decodeText } from '../../src/core/index.js';
import { decodeDocument } from '../../src/cli/io.js';

const CONFIG = '{ "rules": { "placeholder": { "extra": ["【待定】"], "allow": ["某某"] } } }\n';

describe('shared text decoding (core decodeText)', () => {
  it('reads UTF-8 with and without a BOM, UTF-16 LE/BE with a BOM, and GB18030 by the host TextDecoder', () => {
    const utf8 = Buffer.from(CONFIG, 'utf8');
    assert.deepEqual(decodeText(utf8), { text: CONFIG, encoding: 'utf-8', bom: false });
    assert.deepEqual(decodeText(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), utf8])), { text: CONFIG, encoding: 'utf-8', bom: true });
    assert.deepEqual(decodeText(Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(CONFIG, 'utf16le')])), { text: CONFIG, encoding: 'utf-16le', bom: true });
    assert.deepEqual(decodeText(Buffer.concat([Buffer.from([0xfe, 0xff]), Buffer.from(CONFIG, 'utf16le').swap16()])), { text: CONFIG, encoding: 'utf-16be', bom: true });
    const gbk = iconv.encode(CONFIG, 'gb18030');
    assert.notDeepEqual(gbk, utf8, 'the GB18030 bytes differ from UTF-8');
    assert.deepEqual(decodeText(gbk), { text: CONFIG, encoding: 'gb18030', bom: false }, 'TextDecoder (the extension) reads GB18030');
    // The CLI gives the same text through iconv-lite (the tables its encoder writes back with).
    assert.equal(decodeDocument('c.json', gbk).text, CONFIG);
  });

  it('refuses UTF-32, broken UTF-16, NUL bytes and undecodable bytes with a localized one-line reason', () => {
    const cases: Array<[Uint8Array, string, RegExp, RegExp]> = [
      [Buffer.from([0xff, 0xfe, 0, 0, 0x7b, 0, 0, 0]), 'utf-32', /^UTF-32 text is not supported/, /^UTF-32 编码不受支持/],
      [Buffer.from([0xff, 0xfe, 0x7b, 0x00, 0x00]), 'utf-16', /^invalid UTF-16 text/, /^UTF-16 编码有误/],
      [Buffer.from([0xff, 0xfe, 0x00, 0xd8, 0x7b, 0x00]), 'utf-16', /^invalid UTF-16 text/, /^UTF-16 编码有误/],
      [Buffer.from('{"a":1}\u0000', 'utf8'), 'binary', /^looks like a binary file/, /^看起来是二进制文件/],
      [Buffer.from([0x7b, 0x22, 0xe4, 0xb8, 0xff, 0xfe, 0x81, 0x30, 0x22, 0x7d]), 'encoding', /^unrecognised encoding/, /^编码无法识别/],
    ];
    for (const [bytes, problem, en, zh] of cases) {
      assert.throws(() => decodeText(bytes), (error: unknown) => error instanceof DecodeError && error.problem === problem && en.test(error.message), problem);
      assert.throws(() => decodeText(bytes, 'zh-CN'), (error: unknown) => error instanceof DecodeError && zh.test(error.message), problem);
    }
  });
});
