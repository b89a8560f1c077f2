// Headless Debian chromium driven by playwright-core (no browser download).
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { isolatedEnv } from './harness.mjs';

const require = createRequire(import.meta.url);

export async function launchBrowser(tc, state, { locale = 'en-US', viewport = { width: 1440, height: 900 } } = {}) {
  const { chromium } = require(tc.playwright);
  const profile = fs.mkdtempSync(path.join(state.root, 'chromium-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: tc.chromium,
    headless: true,
    viewport,
    locale,
    env: isolatedEnv(tc, state),
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-dev-shm-usage',
      '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  const page = context.pages()[0] || await context.newPage();
  return { context, page, async close() { await context.close().catch(() => {}); fs.rmSync(profile, { recursive: true, force: true }); } };
}
