import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fixAll, lint, outline } from '../../src/core/index.js';
import { repoRoot } from './helpers.js';

const seedsFolder = join(repoRoot, 'test', 'fixtures', 'seeds');
const seeds = readdirSync(seedsFolder).filter((name) => name.endsWith('.txt')).sort();
const read = (name: string): string => readFileSync(join(seedsFolder, name), 'utf8');

// Lines (1-based) of each seed that hold a placeholder, found by hand.
const PLACEHOLDER_LINES: Record<string, number[]> = {
  '000_df5cec23351b02f9.txt': [1, 3, 4, 6, 7, 9, 12, 13, 14],
  '001_2c8569aa8bc409e8.txt': [1, 4, 5, 7, 8, 10, 12, 13],
  '003_e01ac459bc9313ae.txt': [3],
};

const NUMBERING_RULES = ['numbering-sequence', 'numbering-level', 'numbering-lone', 'numbering-style', 'enumeration-sequence', 'count-mismatch', 'pairing'];

describe('the five seeds', () => {
  for (const name of seeds) {
    describe(name, () => {
      const text = read(name);
      const findings = lint(text);

      it('has no numbering, enumeration or pairing findings (the seeds number correctly)', () => {
        const wrong = findings.filter((finding) => NUMBERING_RULES.includes(finding.ruleId));
        assert.deepEqual(wrong.map((finding) => `${finding.range.start.line + 1}: ${finding.message}`), []);
      });

      it('flags a placeholder on every line that holds one, and only there', () => {
        const flagged = [...new Set(findings.filter((finding) => finding.ruleId === 'placeholder').map((finding) => finding.range.start.line + 1))];
        const lines = text.split(/\r?\n/);
        const suspicious = lines.flatMap((line, index) => (/[XxＸｘ*×○□]/.test(line.replace(/PM2\.5|QQ/g, '')) ? [index + 1] : []));
        assert.deepEqual(flagged, suspicious);
        if (PLACEHOLDER_LINES[name]) assert.deepEqual(flagged, PLACEHOLDER_LINES[name]);
      });

      it('flags every placeholder phrase (blanks with their date units, leading digits and unit or noun), never a Latin word', () => {
        const placeholders = findings.filter((finding) => finding.ruleId === 'placeholder');
        for (const finding of placeholders) {
          const token = text.slice(finding.offset, finding.endOffset);
          assert.match(token, /^[0-9]*(?:[XxＸｘ]+(?:-[XxＸｘ]+)?|\*+)(?:[年月日][XxＸｘ]+)*[\p{Script=Han}%]{0,5}$/u);
        }
        assert.ok(!placeholders.some((finding) => text.slice(finding.offset - 2, finding.endOffset + 3).includes('PM2.5')));
      });

      it('renumbering leaves the seed unchanged (nothing to renumber)', () => {
        assert.equal(fixAll(text, { only: ['numbering-sequence', 'numbering-style', 'enumeration-sequence'] }), text);
      });

      it('has an outline of numbered headings', () => {
        const headings = outline(text).flatMap(function flatten(node): typeof node[] {
          return [node, ...node.children.flatMap(flatten)];
        });
        assert.ok(headings.filter((node) => node.kind === 'heading').length >= 4);
      });
    });
  }

  it('counts the placeholders of each seed', () => {
    const counts = seeds.map((name) => lint(read(name)).filter((finding) => finding.ruleId === 'placeholder').length);
    assert.deepEqual(counts, [23, 18, 204, 2, 36]);
  });

  it('outlines seed 001 with two levels', () => {
    const tree = outline(read('001_2c8569aa8bc409e8.txt'));
    assert.deepEqual(tree.map((node) => node.marker), ['一、', '二、', '三、']);
    assert.deepEqual(tree[1]!.children.map((node) => node.marker), ['（一）', '（二）', '（三）', '（四）', '（五）']);
    assert.deepEqual(tree[2]!.children.map((node) => node.title), ['规范制度建设', '紧盯重点工作', '压实督导责任']);
  });
});
