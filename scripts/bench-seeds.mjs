/**
 * Benchmark input: the five seed reports (test/fixtures/seeds/*.txt, in name
 * order) concatenated, repeated `times` times. Each seed's trailing blank lines
 * are trimmed to one newline and documents are separated by one blank line, so
 * the joins add no construct the seeds do not have. ×1 ≈ 21 k characters,
 * ×100 ≈ 2.1 M.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const SEEDS_DIR = fileURLToPath(new URL('../test/fixtures/seeds/', import.meta.url));

export function seedFiles() {
  return readdirSync(SEEDS_DIR)
    .filter((name) => name.endsWith('.txt'))
    .sort()
    .map((name) => join(SEEDS_DIR, name));
}

export function seedsText(times = 1) {
  const once = seedFiles()
    .map((file) => readFileSync(file, 'utf8').replace(/\n*$/, '\n'))
    .join('\n');
  return Array.from({ length: times }, () => once).join('\n');
}
