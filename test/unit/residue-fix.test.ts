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

describe('configuration: reserved names are refused by the core (CLI, extension and settings alike)', () => {
  it('names __proto__, constructor and toString as reserved wherever they appear', async () => {
    const { parseConfig, ConfigError } = await import('../../src/core/index.js');
    const cases: Array<[string, string, string]> = [
      ['{"__proto__":{"rules":{}}}', '__proto__', '__proto__'],
      ['{"rules":{"constructor":"off"}}', 'rules.constructor', 'constructor'],
      ['{"rules":{"placeholder":{"toString":1}}}', 'rules.placeholder.toString', 'toString'],
      ['{"rules":{"placeholder":{"__proto__":{"severity":"off"}}}}', 'rules.placeholder.__proto__', '__proto__'],
      ['{"export":{"layout":{"constructor":{}}}}', 'export.layout.constructor', 'constructor'],
    ];
    for (const [json, where, key] of cases) {
      assert.throws(
        () => parseConfig(json, '/r/.reportmdrc.json'),
        (error: unknown) => error instanceof ConfigError && error.message === `/r/.reportmdrc.json: ${where}: "${key}" is a reserved JavaScript name, not a setting`,
        json,
      );
      assert.throws(() => parseConfig(json, '.reportmdrc.json', 'zh-CN'), { message: `.reportmdrc.json: ${where}：“${key}”是 JavaScript 保留名称，不能作为设置名` }, json);
    }
    // Values are no keys: a rule option whose value is "toString" is fine.
    assert.deepEqual(parseConfig('{"export":{"author":"toString"}}', 'x.json'), { export: { author: 'toString' } });
  });
});
