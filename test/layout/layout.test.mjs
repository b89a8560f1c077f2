/**
 * Layout test: seeds exported by us, laid out by LibreOffice, measured with
 * pdftotext -bbox-layout. Body pages hold 22 lines, full lines 28 characters,
 * page numbers "— N —" odd right / even left. Skips (with a reason) only when
 * soffice or pdftotext is missing.
 */
import assert from 'node:assert/strict';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { closingIndents, DEFAULT_LAYOUT, textWidth } from '../../out/src/core/export/index.js';
import { allFullWidth, characterUnits, commandAvailable, compareText, convertToPdf, exportToFile, horizontalRules, readPdfLines, readText, renderPage, splitPages } from './layout-check.mjs';
import { parseReport } from '../../out/src/core/index.js';
import { toString } from 'mdast-util-to-string';

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

      it('keeps every character of the source, in order (no glyph lost at line ends)', () => {
        const text = parseReport(readText(join(SEEDS, seed))).root.children.map((node) => toString(node)).join('');
        const { lost, extra, sourceLength } = compareText(text, pages);
        console.log(`      ${seed}: ${lost.length} of ${sourceLength} characters missing from the PDF text, ${extra.length} added`);
        assert.deepEqual(lost.map(({ character, before }) => `${character} after ${before}`), []);
        assert.deepEqual(extra, []);
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

  // The other seeds: text only (LibreOffice used to drop line-final marks that should hang in the margin).
  describe('seeds 000, 003, 004: every character of the source in the PDF', () => {
    for (const seed of readdirSync(SEEDS).filter((name) => /^00[034]_.*\.txt$/.test(name))) {
      it(seed, async () => {
        const text = readText(join(SEEDS, seed));
        const pages = splitPages(readPdfLines(convertToPdf(await exportToFile(text, seed.replace(/\.txt$/, '')))), layout);
        const { lost, extra, sourceLength } = compareText(parseReport(text).root.children.map((node) => toString(node)).join(''), pages);
        console.log(`      ${seed}: ${lost.length} of ${sourceLength} characters missing from the PDF text, ${extra.length} added`);
        assert.deepEqual(lost.map(({ character, before }) => `${character} after ${before}`), []);
        assert.deepEqual(extra, []);
      });
    }
  });

  // Full 公文 (GB/T 9704 7.2, 7.4): the examples with 版头 and 版记.
  describe('full 公文: 版头 and 版记 (examples)', () => {
    const MM = 72 / 25.4;
    const TOP = layout.page.marginTop / 20;
    const WIDTH = RIGHT - LEFT;
    const red = ([r, g, b]) => r > 180 && g < 110 && b < 110;
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

        it('puts the 版记 at the bottom of the last page, in one piece, between thick and thin lines as wide as the type area', () => {
          checkImprint(pdf, pages, pages.length);
        });
      });
    }

    /** A 通知 of `count` one-line paragraphs with a 落款 and a 版记. */
    const filled = (count) =>
      [
        '关于防汛工作的通知',
        '',
        '各乡镇人民政府：',
        ...Array.from({ length: count }, (_, index) => `　　做好防汛值守工作，确保安全度汛第${String(index).padStart(3, '0')}条。`),
        '',
        '江屿市人民政府',
        '2026年5月20日',
        '',
        '抄送：市委办公室，市人大常委会办公室。',
        '江屿市人民政府办公室　　2026年5月21日印发',
        '',
      ].join('\n');
    const footerNumber = (page) => Number(page.footer.map((line) => line.text).join('').replace(/[^0-9]/g, ''));

    it('moves the 版记 to the next page when the text fills the last page, never over the text', async function () {
      if (!commandAvailable('pdftoppm', ['-v'])) this.skip();
      // 38 paragraphs: the date stands on line 22 of page 2.
      const pdf = convertToPdf(await exportToFile(filled(38), 'imprint-full-page'));
      const pages = splitPages(readPdfLines(pdf), layout);
      assert.equal(pages.length, 3);
      assert.equal(pages[1].body.at(-1).text.replace(/\s/g, ''), '2026年5月20日');
      assert.equal(pages[2].body.length, 2, `page 3: ${pages[2].body.map((line) => line.text).join(' | ')}`);
      checkImprint(pdf, pages, 3);
    });

    for (const [name, source, textPages, imprintNumber, imprintLines] of [
      ['text ending on an odd page (5): the 版记 on page 6', () => readText(join(import.meta.dirname, '..', '..', 'examples', 'flood-notice.report.md')), 5, 6, 3],
      ['text ending on an even page (2): the 版记 on page 4, page 3 left blank', () => filled(20), 2, 4, 2],
    ]) {
      it(`imprintPage "even", ${name}`, async function () {
        if (!commandAvailable('pdftoppm', ['-v'])) this.skip();
        const pdf = convertToPdf(await exportToFile(source(), `imprint-even-${imprintNumber}`, undefined, { imprintPage: 'even' }));
        const pages = splitPages(readPdfLines(pdf), layout);
        // LibreOffice leaves the blank page Word prints out of the PDF; the page numbers tell.
        assert.equal(pages.length, textPages + 1);
        assert.equal(footerNumber(pages[textPages - 1]), textPages);
        assert.equal(footerNumber(pages.at(-1)), imprintNumber);
        assert.equal(pages.at(-1).body.length, imprintLines, `版记 page: ${pages.at(-1).body.map((line) => line.text).join(' | ')}`);
        checkImprint(pdf, pages, pages.length);
      });
    }
  });
});

/**
 * The 版记 on page `number` of a PDF: its last line 印发, three rules as wide as the type area (the first and last
 * at least as thick as the middle one) around 抄送 and 印发, the last on the type area's bottom edge, no other
 * text below the first rule; 印发机关 and 印发日期 1 字 in from the sides.
 */
function checkImprint(pdf, pages, number) {
  const MM = 72 / 25.4;
  const BOTTOM = (layout.page.height - layout.page.marginBottom) / 20;
  const page = pages[number - 1];
  const printed = page.body.at(-1);
  assert.match(printed.text.replace(/\s/g, ''), /印发$/, `last line of page ${number}: ${printed.text}`);
  const image = renderPage(pdf, number, 144);
  const scale = 144 / 72;
  const dark = ([r, g, b]) => r < 110 && g < 110 && b < 110;
  const rules = horizontalRules(image, Math.round((LEFT + 2) * scale), Math.round((RIGHT - 2) * scale), dark);
  assert.equal(rules.length, 3, `版记 lines: ${JSON.stringify(rules)}`);
  const [top, middle, bottom] = rules.map((rule) => ({ y: (rule.top + rule.bottom) / 2 / scale, thickness: rule.bottom - rule.top + 1 }));
  assert.ok(top.y < middle.y && middle.y < printed.yMin && printed.yMax < bottom.y, 'lines around 抄送 and 印发');
  // GB/T 9704 7.4.1: the last 版记 line on the bottom edge of the type area.
  const offset = (bottom.y - BOTTOM) / MM;
  console.log(`      page ${number}: last 版记 line ${offset.toFixed(2)} mm from the type area's bottom, 印发 line ${((BOTTOM - printed.yMax) / MM).toFixed(1)} mm above it`);
  assert.ok(Math.abs(offset) < 1, `last 版记 line ${offset.toFixed(1)} mm from the type area's bottom`);
  assert.ok(BOTTOM - printed.yMax < 5 * MM, '印发 on the last line');
  const above = page.body.filter((line) => line.yMax < top.y);
  assert.equal(page.body.length - above.length, page.body.filter((line) => line.yMin > top.y).length, 'only 版记 lines below the first 版记 line');
  for (const rule of rules) assert.ok(Math.abs((rule.right - rule.left + 1) / scale - (RIGHT - LEFT)) < 2 * MM, `版记 line ${((rule.right - rule.left + 1) / scale / MM).toFixed(1)} mm wide`);
  assert.ok(top.thickness >= middle.thickness && bottom.thickness >= middle.thickness, 'first and last lines at least as thick as the middle one');
  assert.ok(Math.abs(printed.xMin - LEFT - 14) < 3, '印发机关 1 字 from the left');
  assert.ok(Math.abs(RIGHT - printed.xMax - 14) < 3, '印发日期 1 字 from the right');
}

/** The closing parts of a 公文 (GB/T 9704 7.3.4-7.3.7), laid out by LibreOffice and measured. */
const CLOSING = [
  '国务院办公厅关于开展',
  '城镇小区配套幼儿园治理工作的通知',
  '',
  '各省、自治区、直辖市人民政府：',
  ...Array.from({ length: 6 }, () => '　　为贯彻落实党中央、国务院关于学前教育深化改革规范发展的部署要求，切实做好城镇小区配套幼儿园治理工作，现将有关事项通知如下。'),
  '　　特此通知。',
  '',
  '附件：1.城镇小区配套幼儿园治理工作情况统计表',
  '2.城镇小区配套幼儿园治理工作联系人名单和工作进度安排及有关要求说明',
  '',
  '国务院办公厅',
  '2019年1月9日',
  '（此件公开发布）',
  '',
  '附件1',
  '',
  '城镇小区配套幼儿园治理工作情况统计表',
  '',
  '　　统计表内容。',
  '',
].join('\n');

describe('layout (LibreOffice): 附件说明, 落款 with and without a seal, 附件 pages', function () {
  this.timeout(300000);
  const missing = ['soffice', 'pdftotext'].filter((command) => !commandAvailable(command, command === 'pdftotext' ? ['-v'] : ['--version']));
  const CHAR = (layout.sizes.body * 10 + layout.characterSpacing) / 20;
  const find = (lines, start) => {
    const line = lines.find((candidate) => candidate.text.replace(/\s/g, '').startsWith(start));
    assert.ok(line, `no line starting ${start}: ${lines.map((candidate) => candidate.text).join(' | ')}`);
    return line;
  };
  for (const seal of [false, true]) {
    describe(seal ? 'sealed (7.3.5.1)' : 'without a seal (7.3.5.2)', () => {
      let pages;
      before(async function () {
        if (missing.length > 0) {
          console.log(`      skipped: ${missing.join(', ')} not installed`);
          this.skip();
        }
        const docx = await exportToFile(CLOSING, seal ? 'closing-seal' : 'closing', undefined, { seal });
        pages = splitPages(readPdfLines(convertToPdf(docx)), layout);
      });

      /** Body lines of the page that holds the 落款. */
      const closingPage = () => {
        const page = pages.find((candidate) => candidate.body.some((line) => line.text.replace(/\s/g, '') === '国务院办公厅'));
        assert.ok(page, 'no page with the 署名');
        return page.body;
      };

      it('keeps the 落款 on one page with the last body line (特此通知) and the 附件说明', () => {
        const lines = closingPage();
        for (const start of ['特此通知', '附件：1.', '2.城镇', '国务院办公厅', '2019年1月9日']) find(lines, start);
      });

      it('sets 附件： 2 字 in and aligns the names and a wrapped name under the first name', () => {
        const lines = closingPage();
        const first = find(lines, '附件：1.');
        const second = find(lines, '2.城镇');
        assert.ok(Math.abs(first.xMin - (LEFT + 2 * CHAR)) < 2, `附件： at ${first.xMin}`);
        // 2. stands under 1.: 附件： is 3 字 wide.
        assert.ok(Math.abs(second.xMin - (LEFT + 5 * CHAR)) < 2, `2. at ${second.xMin}, expected ${LEFT + 5 * CHAR}`);
        const wrapped = lines[lines.indexOf(second) + 1];
        assert.ok(wrapped.xMin > second.xMin + 4 && wrapped.xMin < second.xMin + 2 * CHAR, `wrapped name at ${wrapped.xMin}`);
      });

      it(seal ? 'puts the date 右空四字 and centres the 署名 over it' : 'puts the date 右空二字 and the 署名 2 字 left of it', () => {
        const lines = closingPage();
        const signature = find(lines, '国务院办公厅');
        const date = find(lines, '2019年1月9日');
        const note = find(lines, '（此件公开发布）');
        assert.ok(Math.abs(date.yMin - signature.yMin - PITCH) < 1, 'date on the line under the 署名');
        assert.ok(Math.abs(note.yMin - date.yMin - PITCH) < 1, '附注 on the line under the date');
        assert.ok(Math.abs(note.xMin - (LEFT + 2 * CHAR)) < 2, `附注 at ${note.xMin}`);
        // Both lines end where the computed right indents put them.
        const indents = closingIndents('国务院办公厅', '2019年1月9日', layout, seal);
        assert.ok(Math.abs(RIGHT - date.xMax - indents.date / 20) < 2, `date ends ${RIGHT - date.xMax} pt from the right edge, expected ${indents.date / 20}`);
        assert.ok(Math.abs(RIGHT - signature.xMax - indents.signature / 20) < 2, `署名 ends ${RIGHT - signature.xMax} pt from the right edge, expected ${indents.signature / 20}`);
        assert.equal(indents.date, (seal ? 4 : 2) * (layout.sizes.body * 10 + layout.characterSpacing));
        // The substitute font's digits are wider than half a 字 (with 仿宋 they are exactly half): the
        // centring (seal) or the 2 字 offset (no seal) is off by what the date's width is off, no more.
        const widthError = Math.abs(date.xMax - date.xMin - textWidth('2019年1月9日', layout) / 20);
        console.log(`      date ${(date.xMax - date.xMin).toFixed(1)} pt wide in the PDF, ${(textWidth('2019年1月9日', layout) / 20).toFixed(1)} pt computed`);
        if (seal) {
          const centre = (line) => (line.xMin + line.xMax) / 2;
          assert.ok(Math.abs(centre(signature) - centre(date)) <= widthError / 2 + 2, `署名 centre ${centre(signature)}, date centre ${centre(date)}`);
        } else {
          assert.ok(Math.abs(date.xMin - signature.xMin - 2 * CHAR) <= widthError + 2, `date starts ${date.xMin - signature.xMin} pt right of the 署名`);
        }
      });

      it('starts 附件1 at the top of a new page, flush left, its title centred on line 3', () => {
        const page = pages.find((candidate) => candidate.body.some((line) => line.text.replace(/\s/g, '') === '附件1'));
        assert.ok(page && page !== pages[0], '附件1 on a page of its own');
        const [heading, title] = page.body;
        assert.equal(heading.text.replace(/\s/g, ''), '附件1');
        assert.ok(Math.abs(heading.xMin - LEFT) < 1.5, `附件1 at ${heading.xMin}`);
        assert.ok(heading.yMin - layout.page.marginTop / 20 < PITCH, 'on line 1');
        assert.equal(title.text.replace(/\s/g, ''), '城镇小区配套幼儿园治理工作情况统计表');
        assert.ok(Math.abs((title.xMin + title.xMax) / 2 - (LEFT + RIGHT) / 2) < 2, 'centred');
        assert.ok(Math.abs(title.yMin - heading.yMin - 2 * PITCH) < PITCH / 2, `title ${(title.yMin - heading.yMin) / PITCH} lines under 附件1`);
      });
    });
  }
});
