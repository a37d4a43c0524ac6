// Where a usable Chromium is: an environment variable, Playwright's own cache, or the system one.
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';

const SYSTEM = ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome', '/usr/bin/google-chrome-stable'];

export function findChromium() {
  for (const v of ['CHROMIUM_PATH', 'PLAYWRIGHT_CHROMIUM_EXECUTABLE_PATH']) {
    const p = process.env[v];
    if (p && existsSync(p)) return p;
  }
  try {
    const { chromium } = createRequire(import.meta.url)('@playwright/test');
    const p = chromium.executablePath();
    if (p && existsSync(p)) return p;
  } catch {
    // Playwright's cache has no browser: fine, try the system's.
  }
  return SYSTEM.find((p) => existsSync(p)) ?? null;
}

/** Flags for headless Chromium on a machine with no network beyond the package registries. */
export const CHROMIUM_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-background-networking',
  '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic'];
