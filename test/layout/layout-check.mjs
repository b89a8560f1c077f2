/**
 * Layout check helpers: export a report with our exporter, convert it with
 * LibreOffice (soffice --headless --convert-to pdf) and read line boxes back
 * with poppler (pdftotext -bbox-layout). Used by layout.test.mjs.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseReport } from '../../out/src/core/index.js';
import { exportDocx } from '../../out/src/core/export/index.js';

/** True when a command runs (exit status 0 for `--version` / `-v`). */
export function commandAvailable(command, args = ['--version']) {
  const result = spawnSync(command, args, { encoding: 'utf8', timeout: 60000 });
  return !result.error && result.status === 0;
}

/** Exports report text to a .docx in a fresh temporary folder; returns its path. */
export async function exportToFile(text, name, folder = mkdtempSync(join(tmpdir(), 'report-md-layout-')), options = {}) {
  const { data } = await exportDocx(parseReport(text).root, { source: text, date: new Date('2026-01-01T00:00:00Z'), ...options });
  const docx = join(folder, `${name}.docx`);
  writeFileSync(docx, data);
  return docx;
}

/** Converts a .docx to PDF beside it with a private LibreOffice profile (safe alongside other soffice runs). */
export function convertToPdf(docx) {
  const folder = join(docx, '..');
  const profile = pathToFileURL(mkdtempSync(join(tmpdir(), 'report-md-lo-profile-'))).href;
  const result = spawnSync('soffice', [`-env:UserInstallation=${profile}`, '--headless', '--convert-to', 'pdf', '--outdir', folder, docx], {
    encoding: 'utf8',
    timeout: 180000,
  });
  if (result.status !== 0) throw new Error(`soffice failed (${result.status}): ${result.stderr || result.stdout}`);
  return join(folder, basename(docx).replace(/\.docx$/, '.pdf'));
}

const FULL_WIDTH = /[\u1100-\u115f\u2e80-\u303e\u3041-\u33ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6\u2014\u2018\u2019\u201c\u201d\u2026]/u;

/** Width of a text in 字 (full-width characters): CJK and full-width punctuation count 1, everything else 0.5. */
export function characterUnits(text) {
  let units = 0;
  for (const character of text) if (!/\s/.test(character)) units += FULL_WIDTH.test(character) ? 1 : 0.5;
  return units;
}

/** True when every character is full-width (a line made of Chinese text only). */
export function allFullWidth(text) {
  return [...text.replace(/\s/g, '')].every((character) => FULL_WIDTH.test(character));
}

function attribute(tag, name) {
  return Number(new RegExp(`${name}="([0-9.+-]+)"`).exec(tag)[1]);
}

function decodeEntities(text) {
  return text.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&amp;/g, '&');
}

/** Pages with their text lines (points, origin top-left) from pdftotext -bbox-layout. */
export function readPdfLines(pdf) {
  const result = spawnSync('pdftotext', ['-bbox-layout', pdf, '-'], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  if (result.status !== 0) throw new Error(`pdftotext failed: ${result.stderr}`);
  const pages = [];
  for (const pageMatch of result.stdout.matchAll(/<page width="([0-9.]+)" height="([0-9.]+)">([\s\S]*?)<\/page>/g)) {
    const lines = [];
    for (const lineMatch of pageMatch[3].matchAll(/(<line [^>]*>)([\s\S]*?)<\/line>/g)) {
      const words = [...lineMatch[2].matchAll(/<word [^>]*>([\s\S]*?)<\/word>/g)].map((word) => decodeEntities(word[1]));
      const tag = lineMatch[1];
      lines.push({ xMin: attribute(tag, 'xMin'), xMax: attribute(tag, 'xMax'), yMin: attribute(tag, 'yMin'), yMax: attribute(tag, 'yMax'), text: words.join(' ') });
    }
    lines.sort((a, b) => a.yMin - b.yMin || a.xMin - b.xMin);
    pages.push({ width: Number(pageMatch[1]), height: Number(pageMatch[2]), lines });
  }
  return pages;
}

/** Splits each page's lines into body lines (inside the type area) and footer lines (below it). */
export function splitPages(pages, layout) {
  const typeAreaBottom = (layout.page.height - layout.page.marginBottom) / 20;
  return pages.map((page) => {
    // Merge boxes on the same baseline (pdftotext may split a line into several).
    const merged = [];
    for (const line of page.lines) {
      const last = merged[merged.length - 1];
      if (last && Math.abs(last.yMin - line.yMin) < 2) {
        last.text += line.text;
        last.xMin = Math.min(last.xMin, line.xMin);
        last.xMax = Math.max(last.xMax, line.xMax);
      } else merged.push({ ...line });
    }
    return {
      body: merged.filter((line) => line.yMax <= typeAreaBottom + 2),
      footer: merged.filter((line) => line.yMin > typeAreaBottom + 2),
      width: page.width,
      height: page.height,
    };
  });
}

/** Reads a file as UTF-8 text. */
export function readText(file) {
  return readFileSync(file, 'utf8');
}

/** Line-final punctuation the PDF lost: counts of ，。、；：！？ in the source text against the PDF's text. */
export function lostPunctuation(sourceText, pages) {
  const count = (text) => [...text].filter((character) => /[，。、；：！？]/.test(character)).length;
  const pdfText = pages.map((page) => page.body.map((line) => line.text).join('')).join('');
  return { source: count(sourceText), pdf: count(pdfText) };
}

/** Page `page` (1-based) of a PDF rendered at `dpi` as RGB pixels: { width, height, pixel(x, y) → [r, g, b] }. */
export function renderPage(pdf, page, dpi = 72) {
  const result = spawnSync('pdftoppm', ['-r', String(dpi), '-f', String(page), '-l', String(page), pdf], { maxBuffer: 256 * 1024 * 1024 });
  if (result.status !== 0) throw new Error(`pdftoppm failed: ${result.stderr}`);
  const data = result.stdout;
  const header = /^P6\s+(\d+)\s+(\d+)\s+255\s/.exec(data.subarray(0, 64).toString('latin1'));
  if (!header) throw new Error('pdftoppm: not a P6 image');
  const width = Number(header[1]);
  const height = Number(header[2]);
  const offset = header[0].length;
  return { width, height, pixel: (x, y) => [...data.subarray(offset + 3 * (y * width + x), offset + 3 * (y * width + x) + 3)] };
}

/**
 * Horizontal rules on a rendered page: runs of rows in which at least `share` of the pixels
 * between x0 and x1 (pixels) match `test`; each as { top, bottom, left, right } in pixels.
 */
export function horizontalRules(image, x0, x1, test, share = 0.9) {
  const rules = [];
  for (let y = 0; y < image.height; y++) {
    let count = 0;
    let left = -1;
    let right = -1;
    for (let x = x0; x <= x1; x++) {
      if (!test(image.pixel(x, y))) continue;
      count++;
      if (left < 0) left = x;
      right = x;
    }
    if (count < share * (x1 - x0 + 1)) continue;
    const last = rules.at(-1);
    if (last && last.bottom === y - 1) last.bottom = y;
    else rules.push({ top: y, bottom: y, left, right });
  }
  return rules;
}

/**
 * Compares the text of the PDF's body lines with the source text, whitespace ignored: walks both in
 * order and returns the source characters the PDF lacks (with 12 characters of context before them)
 * and the PDF characters the source lacks. A lost character is one the PDF skips while the next source
 * characters go on matching; an extra one is one the PDF adds while the source goes on matching.
 */
export function compareText(sourceText, pages) {
  const source = [...sourceText.replace(/\s/g, '')];
  const pdf = [...pages.map((page) => page.body.map((line) => line.text).join('')).join('').replace(/\s/g, '')];
  const lost = [];
  const extra = [];
  const agrees = (i, j, length = 4) => {
    for (let k = 0; k < length && i + k < source.length; k++) if (source[i + k] !== pdf[j + k]) return false;
    return true;
  };
  let i = 0;
  let j = 0;
  while (i < source.length) {
    if (j < pdf.length && source[i] === pdf[j]) {
      i++;
      j++;
      continue;
    }
    // Smallest resynchronisation: skip up to 8 source characters (lost) or PDF characters (extra).
    let step;
    for (let skip = 1; skip <= 8 && !step; skip++) {
      if (agrees(i + skip, j)) step = { lost: skip, extra: 0 };
      else if (agrees(i, j + skip)) step = { lost: 0, extra: skip };
      else if (agrees(i + skip, j + skip)) step = { lost: skip, extra: skip };
    }
    step ??= { lost: 1, extra: j < pdf.length ? 1 : 0 };
    for (let k = 0; k < step.lost; k++) lost.push({ character: source[i + k], before: source.slice(Math.max(0, i + k - 12), i + k).join('') });
    for (let k = 0; k < step.extra; k++) extra.push(pdf[j + k]);
    i += step.lost;
    j += step.extra;
  }
  for (; j < pdf.length; j++) extra.push(pdf[j]);
  return { lost, extra, sourceLength: source.length };
}
