import assert from 'node:assert/strict';
import { fixAll } from '../../src/core/index.js';

const fixResidue = (text: string): string => fixAll(text, { only: ['template-residue'] });

describe('template-residue fix keeps the lines around it', () => {
  it('a U+FEFF opening line 2 does not become the BOM when line 1 goes', () => {
    const fixed = fixResidue('仅供学习 禁止外传\r\n\uFEFF正文。');
    assert.equal(fixed.charCodeAt(0), 0x0d, 'the first line keeps its line break');
    assert.equal(fixed, '\r\n\uFEFF正文。');
  });

  it('a lone CR before and a LF after the deleted line do not merge into one CRLF', () => {
    // x / residue / (blank) / y: three lines remain, the blank one included.
    assert.equal(fixResidue('x\r仅供学习 禁止外传\n\ny。'), 'x\n\ny。');
    assert.equal(fixResidue('标题\n正文。\r仅供学习 禁止外传\n\n下文。').split(/\r\n|\r|\n/).length, 4);
  });
});

describe('configuration: built-in object names are no options', () => {
  it('refuses __proto__, constructor and toString as rule options, naming them', async () => {
    const { validateConfig, ConfigError } = await import('../../src/core/index.js');
    for (const key of ['__proto__', 'constructor', 'toString']) {
      const value = JSON.parse(`{ "rules": { "placeholder": { "${key}": 1 } } }`);
      assert.throws(() => validateConfig(value, 'x.json'), (error: unknown) => error instanceof ConfigError && error.message.includes(`"${key}"`));
    }
  });
});
