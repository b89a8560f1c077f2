// Shared test helpers.
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The repository root (tests run from out/test/unit). */
export const repoRoot = join(dirname(fileURLToPath(import.meta.url)), '..', '..', '..');
