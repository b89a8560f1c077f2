// The fast packer must be used, and write exactly what the docx library writes for the same tree
// (both through the same last step, finishPackage: schema-order fixes, ids, dates).
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import JSZip from 'jszip';
import { parseReport } from '../../src/core/index.js';
import { buildDocxDocument, exportDocx } from '../../src/core/export/index.js';
import { finishPackage, packFull } from '../../src/core/export/pack.js';
import { repoRoot } from './helpers.js';

async function part(data: Uint8Array, name: string): Promise<string> {
  const zip = await JSZip.loadAsync(data);
  return zip.file(name)!.async('string');
}

const samples: Array<[string, string]> = [
  ...readdirSync(join(repoRoot, 'test', 'fixtures', 'seeds'))
    .sort()
    .map((name): [string, string] => [name, readFileSync(join(repoRoot, 'test', 'fixtures', 'seeds', name), 'utf8')]),
  ['example', readFileSync(join(repoRoot, 'examples', 'work-report.report.md'), 'utf8')],
  ['markdown parts', '# 标题\n\n| 项目 | 金额 |\n| --- | --- |\n| 甲 | 1 |\n\n- 列表 & <符号>\n\n> 引文“A&B”\n\n正文**重点**，*强调*，脚注[^1]。\n\n[^1]: 注释。\n'],
  ['escaping', '一、A&B <c> "d" \'e\'\n正文\u0001控制符\u2028与\uE000私用区字符。\n'],
];

describe('export: fast packer equals the docx library', () => {
  for (const [name, text] of samples) {
    it(name, async () => {
      const date = new Date('2025-07-01T00:00:00Z');
      const root = parseReport(text).root;
      const fast = await exportDocx(root, { date, source: text });
      // The comparison below passes whichever writer made the file: make sure it was the fast one.
      assert.equal(fast.packer, 'fast', 'export must use the fast packer');
      const { document } = await buildDocxDocument(parseReport(text).root, { date, source: text });
      const full = finishPackage(await packFull(document, []), date);
      assert.equal(await part(fast.data, 'word/document.xml'), await part(full, 'word/document.xml'));
      assert.equal(await part(fast.data, 'word/styles.xml'), await part(full, 'word/styles.xml'));
    });
  }

  it('falls back to docx alone for a table of contents', async () => {
    const text = '关于工作的报告\n\n一、总体情况\n\n正文。\n';
    const result = await exportDocx(parseReport(text).root, { source: text, tableOfContents: true, date: new Date('2025-07-01T00:00:00Z') });
    assert.equal(result.packer, 'docx');
  });
});
