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
import { allFullWidth, characterUnits, commandAvailable, convertToPdf, exportToFile, readPdfLines, readText, splitPages } from './layout-check.mjs';

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
});
