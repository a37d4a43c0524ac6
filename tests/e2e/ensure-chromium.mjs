// Before the Playwright suite: make sure a Chromium exists, installing Debian's when we are root with apt.
import { execSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { findChromium } from './chromium-path.mjs';

let path = findChromium();
if (!path && process.getuid?.() === 0 && existsSync('/usr/bin/apt-get')) {
  console.log('No Chromium found: installing Debian\'s chromium package (root, apt-get available)...');
  execSync('apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium', { stdio: 'inherit' });
  path = findChromium();
}
if (!path) {
  console.error('No Chromium found: install one (for example `sudo apt-get install chromium`) or set CHROMIUM_PATH to its executable.');
  process.exit(1);
}
console.log(`Chromium: ${path}`);
