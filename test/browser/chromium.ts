/**
 * Headless Chromium for the browser tests: Debian's package (apt-get install -y chromium), driven by
 * playwright-core over the DevTools protocol. No browser is downloaded; without Chromium the browser
 * tests are skipped (and counted as skipped) with instructions.
 */
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { BrowserContext } from 'playwright-core';

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/** playwright-core, or null in a checkout whose node_modules predate it (run npm install). */
function loadPlaywright(): typeof import('playwright-core') | null {
  try {
    return require('playwright-core') as typeof import('playwright-core');
  } catch {
    return null;
  }
}
const playwright = loadPlaywright();

export const CHROMIUM_MISSING = !existsSync(CHROMIUM_PATH) || playwright === null;
export const INSTALL_HINT =
  playwright === null
    ? 'playwright-core is not installed: the browser tests are SKIPPED. Run `npm install`.'
    : `Chromium not found at ${CHROMIUM_PATH}: the browser tests are SKIPPED. Install it with \`apt-get install -y chromium\` (or set CHROMIUM_PATH).`;

const FLAGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export interface Browser {
  context: BrowserContext;
  close(): Promise<void>;
}

/** A fresh browser with its own user-data dir, removed on close. */
export async function launchChromium(): Promise<Browser> {
  const profile = mkdtempSync(join(tmpdir(), 'panel-chromium-'));
  if (!playwright) throw new Error(INSTALL_HINT);
  const context = await playwright.chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM_PATH,
    headless: true,
    args: FLAGS,
    viewport: { width: 300, height: 800 },
  });
  return {
    context,
    async close() {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}
