// The production build served as a static host would serve it: built once into a temporary folder and
// served by `vite preview` on a free port (optionally under a sub-path). Shared by the sub-path spec and
// the bench's page-size and view figures, which all need the real build rather than the dev server.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

export interface BuiltSite {
  /** The build's folder (its scripts are under `assets/`). */
  out: string;
  /** `http://127.0.0.1:<port>`, without the sub-path. */
  origin: string;
  /** Stops the server and removes the build. */
  close(): Promise<void>;
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.unref();
    s.on('error', reject);
    s.listen(0, () => {
      const port = (s.address() as { port: number }).port;
      s.close(() => resolve(port));
    });
  });
}

export async function buildAndServe(name: string, base?: string): Promise<BuiltSite> {
  const { build, preview } = await import('vite');
  const out = mkdtempSync(join(tmpdir(), `townboard-${name}-`));
  await build({ logLevel: 'error', build: { outDir: out, emptyOutDir: true } });
  const port = await freePort();
  const server = await preview({ logLevel: 'error', ...(base ? { base } : {}), build: { outDir: out }, preview: { port, strictPort: true, host: '127.0.0.1' } });
  return {
    out,
    origin: `http://127.0.0.1:${port}`,
    async close() {
      await server.close();
      rmSync(out, { recursive: true, force: true });
    },
  };
}

/** The build's script file a request asked for (`index-abc.js`), or null for anything else. */
export const scriptOf = (url: string): string | null => /\/assets\/([^/?#]+\.js)(?:[?#]|$)/.exec(url)?.[1] ?? null;

/** A built script's size after gzip (zlib's default level, as Vite reports it), in bytes. */
export const gzipSize = (out: string, file: string): number => gzipSync(readFileSync(join(out, 'assets', file))).length;
