/**
 * Layout test: seeds exported by us, laid out by LibreOffice, measured with
 * pdftotext -bbox-layout. Body pages hold 22 lines, full lines 28 characters,
 * page numbers "— N —" odd right / even left. Skips (with a reason) only when
 * soffice or pdftotext is missing.
 */
import assert from 'node:assert/strict';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { DEFAULT_LAYOUT } from '../../out/src/core/export/index.js';
import { allFullWidth, characterUnits, commandAvailable, convertToPdf, exportToFile, horizontalRules, readPdfLines, readText, renderPage, splitPages } from './layout-check.mjs';

const SEEDS = join(import.meta.dirname, '..', 'fixtures', 'seeds');
const layout = DEFAULT_LAYOUT;
const PITCH = layout.linePitch / 20;
const LEFT = layout.page.marginLeft / 20;
const RIGHT = (layout.page.width - layout.page.marginRight) / 20;
const HEADING_START = /^(?:[一二三四五六七八九十]+、|（[一二三四五六七八九十]+）|[0-9]+[.．]|（[0-9]+）)/;
/** Punctuation LibreOffice (like Word) may hang past the right edge. */
const HANGING = /[，。、；：！？”’）》」』]$/;

describe('layout (LibreOffice): 22 lines x 28 characters', function () {
  this.timeout(300000);
  const missing = ['soffice', 'pdftotext'].filter((command) => !commandAvailable(command, command === 'pdftotext' ? ['-v'] : ['--version']));
  before(function () {
    if (missing.length > 0) {
      console.log(`      skipped: ${missing.join(', ')} not installed (Debian: libreoffice-writer-nogui poppler-utils fonts-noto-cjk)`);
      this.skip();
    }
  });

  for (const seed of ['001_2c8569aa8bc409e8.txt', '002_d3c5f8660d1dab73.txt'].filter((name) => readdirSync(SEEDS).includes(name))) {
    describe(seed, () => {
      let pages;
      before(async () => {
        const docx = await exportToFile(readText(join(SEEDS, seed)), seed.replace(/\.txt$/, ''));
        pages = splitPages(readPdfLines(convertToPdf(docx)), layout);
      });

      it('lays out more than two pages', () => {
        assert.ok(pages.length > 2, `only ${pages.length} pages`);
      });

      it('holds at most 22 lines per page, on the 579-twip pitch', () => {
        pages.forEach((page, index) => {
          assert.ok(page.body.length <= 22, `page ${index + 1}: ${page.body.length} lines`);
          // Body-size lines only: the title's taller glyph box sits differently in its line.
          const bodyLines = page.body.filter((line) => Math.abs(line.yMax - line.yMin - 20.8) < 1);
          const top = bodyLines[0].yMin;
          for (const line of bodyLines) {
            const slot = (line.yMin - top) / PITCH;
            assert.ok(Math.abs(slot - Math.round(slot)) < 0.05, `page ${index + 1}: line off the pitch at y=${line.yMin}`);
          }
        });
      });

      it('fills every body page to line 22 (unless a heading was kept with its paragraph)', () => {
        let full = 0;
        pages.slice(0, -1).forEach((page, index) => {
          const top = page.body[0].yMin;
          const lastSlot = Math.round((page.body.at(-1).yMin - top) / PITCH) + 1;
          if (lastSlot === 22) {
            full++;
            return;
          }
          const next = pages[index + 1].body[0].text;
          assert.ok(HEADING_START.test(next), `page ${index + 1} ends at line ${lastSlot}, next page starts with body text: ${next}`);
          assert.ok(lastSlot >= 19, `page ${index + 1} ends at line ${lastSlot}`);
        });
        assert.ok(full >= Math.ceil((pages.length - 1) / 2), `only ${full} of ${pages.length - 1} pages hold 22 lines`);
        assert.ok(pages.some((page) => page.body.length === 22), 'no page with 22 text lines');
      });

      it('sets full lines at 28 characters (27 only where line-breaking rules move punctuation) and never more', () => {
        let exact = 0;
        const short = [];
        let fullLines = 0;
        for (const [index, page] of pages.entries()) {
          for (const line of page.body) {
            const hangs = line.xMax > RIGHT + 1 && HANGING.test(line.text);
            const text = hangs ? line.text.slice(0, -1) : line.text;
            assert.ok(characterUnits(text) <= 28.5, `page ${index + 1}: ${characterUnits(text)} characters: ${line.text}`);
            const spansWidth = Math.abs(line.xMin - LEFT) < 2 && line.xMax > RIGHT - 8;
            if (spansWidth && allFullWidth(text)) {
              fullLines++;
              const length = [...text].length;
              if (length === 28) exact++;
              else {
                assert.equal(length, 27, `page ${index + 1}: ${length} characters: ${line.text}`);
                short.push(line.text);
              }
            }
          }
        }
        assert.ok(fullLines >= 20, `only ${fullLines} full lines of Chinese text`);
        assert.ok(exact >= 0.9 * fullLines, `${short.length} of ${fullLines} full lines hold 27 characters: ${short.join(' | ')}`);
        for (const text of short) assert.ok(/[，。、；：！？”’）》」』“‘（《「『]/.test(text), `27-character line without a punctuation reason: ${text}`);
      });

      it('numbers pages “— N —”, odd pages right and even pages left, 1 字 in from the edge', () => {
        pages.forEach((page, index) => {
          const number = index + 1;
          assert.equal(page.footer.length, 1, `page ${number}: footer lines`);
          const footer = page.footer[0];
          assert.equal(footer.text.replace(/\s+/g, ''), `—${number}—`);
          if (number % 2 === 1) assert.ok(Math.abs(footer.xMax - (RIGHT - 14)) < 1.5, `page ${number}: right edge at ${footer.xMax}`);
          else assert.ok(Math.abs(footer.xMin - (LEFT + 14)) < 1.5, `page ${number}: left edge at ${footer.xMin}`);
          // The 一字线 sits about 7 mm below the type area (GB/T 9704 7.5).
          const belowTypeArea = ((footer.yMin + footer.yMax) / 2 - (layout.page.height - layout.page.marginBottom) / 20) / 2.835;
          assert.ok(belowTypeArea > 4 && belowTypeArea < 10, `page ${number}: page number ${belowTypeArea.toFixed(1)} mm below the type area`);
        });
      });
    });
  }

  // Full 公文 (GB/T 9704 7.2, 7.4): the examples with 版头 and 版记.
  describe('full 公文: 版头 and 版记 (examples)', () => {
    const MM = 72 / 25.4;
    const TOP = layout.page.marginTop / 20;
    const BOTTOM = (layout.page.height - layout.page.marginBottom) / 20;
    const WIDTH = RIGHT - LEFT;
    const red = ([r, g, b]) => r > 180 && g < 110 && b < 110;
    /** Text lines of a page below y (points). */
    const lines = (page, y) => page.body.filter((line) => line.yMin > y).length;
    const dark = ([r, g, b]) => r < 110 && g < 110 && b < 110;
    for (const [name, issuer, docNumber, upward] of [
      ['flood-notice.report.md', '江屿市人民政府文件', '江政发〔2026〕12号', false],
      ['safety-report.report.md', '江屿市应急管理局文件', '江应急〔2026〕7号', true],
    ]) {
      describe(name, () => {
        let pdf;
        let pages;
        before(async function () {
          if (!commandAvailable('pdftoppm', ['-v'])) this.skip();
          const text = readText(join(import.meta.dirname, '..', '..', 'examples', name));
          pdf = convertToPdf(await exportToFile(text, name.replace(/\.report\.md$/, '')));
          pages = splitPages(readPdfLines(pdf), layout);
        });

        it(`puts the red 发文机关标志 ${upward ? 80 : 35} mm below the top of the type area`, () => {
          const line = pages[0].body.find((candidate) => candidate.text.replace(/\s/g, '') === issuer);
          assert.ok(line, `no line ${issuer} on page 1`);
          const distance = (line.yMin - TOP) / MM;
          assert.ok(Math.abs(distance - (upward ? 80 : 35)) < 2, `标志 top ${distance.toFixed(1)} mm below the type area's top`);
          assert.ok(Math.abs((line.xMin + line.xMax) / 2 - (LEFT + RIGHT) / 2) < 3, 'centred');
        });

        it('draws the red line about 4 mm under the 发文字号, across the type area', () => {
          const line = pages[0].body.find((candidate) => candidate.text.replace(/\s/g, '').startsWith(docNumber));
          assert.ok(line, `no line ${docNumber} on page 1`);
          const image = renderPage(pdf, 1, 144);
          const scale = 144 / 72;
          const rules = horizontalRules(image, Math.round((LEFT + 2) * scale), Math.round((RIGHT - 2) * scale), red);
          assert.equal(rules.length, 1, `red rules: ${JSON.stringify(rules)}`);
          const rule = rules[0];
          const below = ((rule.top + rule.bottom) / 2 / scale - line.yMax) / MM;
          assert.ok(below > 2 && below < 6, `red line ${below.toFixed(1)} mm below the 发文字号`);
          assert.ok(Math.abs((rule.right - rule.left + 1) / scale - WIDTH) < 2 * MM, `red line ${((rule.right - rule.left + 1) / scale / MM).toFixed(1)} mm wide`);
          if (upward) {
            assert.ok(Math.abs(line.xMin - LEFT - 16) < 3, '发文字号 1 字 from the left');
            assert.match(line.text.replace(/\s/g, ''), /签发人：/);
            assert.ok(Math.abs(RIGHT - line.xMax - 16) < 3, '签发人 ends 1 字 from the right');
          }
        });

        it('puts the 版记 last on the last page, in one piece, between thick and thin lines as wide as the type area', () => {
          const last = pages.at(-1);
          const printed = last.body.at(-1);
          assert.match(printed.text.replace(/\s/g, ''), /印发$/, `last line of the last page: ${printed.text}`);
          const image = renderPage(pdf, pages.length, 144);
          const scale = 144 / 72;
          const rules = horizontalRules(image, Math.round((LEFT + 2) * scale), Math.round((RIGHT - 2) * scale), dark);
          assert.equal(rules.length, 3, `版记 lines: ${JSON.stringify(rules)}`);
          const [top, middle, bottom] = rules.map((rule) => ({ y: (rule.top + rule.bottom) / 2 / scale, thickness: rule.bottom - rule.top + 1 }));
          assert.ok(top.y < middle.y && middle.y < printed.yMin && printed.yMax < bottom.y, 'lines around 抄送 and 印发');
          // Word places the table's bottom border on the type area's bottom; LibreOffice keeps a table this wide in
          // line with the text, right under its last line (docs/export.md): nothing but the 版记 below the text.
          assert.ok(bottom.y <= BOTTOM + 1, `last 版记 line ${((bottom.y - BOTTOM) / MM).toFixed(1)} mm below the type area`);
          const above = last.body.filter((line) => line.yMax < top.y);
          assert.equal(last.body.length - above.length, lines(last, top.y), 'only 版记 lines below the first 版记 line');
          for (const rule of rules) assert.ok(Math.abs((rule.right - rule.left + 1) / scale - WIDTH) < 2 * MM, `版记 line ${((rule.right - rule.left + 1) / scale / MM).toFixed(1)} mm wide`);
          assert.ok(top.thickness >= middle.thickness && bottom.thickness >= middle.thickness, 'first and last lines at least as thick as the middle one');
          assert.ok(Math.abs(printed.xMin - LEFT - 14) < 3, '印发机关 1 字 from the left');
          assert.ok(Math.abs(RIGHT - printed.xMax - 14) < 3, '印发日期 1 字 from the right');
        });
      });
    }
  });
});
