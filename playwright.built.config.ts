// `npm run test:e2e` (and so `npm test`): the same specs against the production build served by
// `vite preview`, which is what visitors get, and about a third faster to walk than the dev server (a
// page loads a few bundles instead of hundreds of modules). `npx playwright test` alone keeps using the dev
// server (playwright.config.ts), so a spec can be rerun while editing without building.
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { defineConfig } from '@playwright/test';
import base from './playwright.config.ts';

const out = join(tmpdir(), 'townboard-e2e-build');
const port = 4179;

export default defineConfig({
  ...base,
  use: { ...base.use, baseURL: `http://localhost:${port}` },
  webServer: {
    command: `npx vite build --logLevel error --outDir "${out}" --emptyOutDir && npx vite preview --outDir "${out}" --port ${port} --strictPort`,
    url: `http://localhost:${port}`,
    reuseExistingServer: false,
    timeout: 120_000,
  },
});
