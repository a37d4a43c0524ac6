import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const dir = mkdtempSync(join(tmpdir(), 'townboard-cli-'));
const lab = (args: string[]) => spawnSync('npx', ['tsx', 'src/cli/main.ts', ...args], { encoding: 'utf8' });
const write = (name: string, text: string) => { const p = join(dir, name); writeFileSync(p, text); return p; };

const SCENARIO = 'service name=a work=10ms\nservice name=b work=30ms\ncall from=a to=b\nrun for=1s\n';

describe('npm run lab', () => {
  it('run --json prints the final state, violations, event count and trace hash', () => {
    const r = lab(['run', write('ok.lab', SCENARIO), '--seed', '3', '--json']);
    expect(r.status).toBe(0);
    const out = JSON.parse(r.stdout);
    expect(out).toMatchObject({ seed: 3, now: 1000, violations: [], failures: [] });
    expect(out.events).toBeGreaterThan(0);
    expect(out.traceHash).toMatch(/^[0-9a-f]{8}$/);
    expect(out.state.systems.town.services.b.handled).toBe(1);
  }, 30_000);

  it('exits 1 with file:line when an expect fails', () => {
    const file = write('bad.lab', `${SCENARIO}expect handled(b) == 2\n`);
    const r = lab(['run', file]);
    expect(r.status).toBe(1);
    expect(r.stderr).toContain(`${file}:5: expect failed: handled(b) == 2 (handled(b) is 1)`);
  }, 30_000);

  it('reports a parse error with file, line and column before running anything', () => {
    const r = lab(['run', write('typo.lab', 'service name=a\nrun fr=1s\n')]);
    expect(r.status).toBe(1);
    expect(r.stderr).toContain("typo.lab:line 2, column 5: run has no argument 'fr'. Did you mean 'for='?");
  }, 30_000);

  it('--update rewrites the recorded output after ----', () => {
    const file = write('update.lab', `${SCENARIO}----\nstale line\n`);
    expect(lab(['run', file, '--update']).status).toBe(0);
    const text = readFileSync(file, 'utf8');
    expect(text).not.toContain('stale line');
    expect(text).toContain('t=10ms a->b Call call=2 about=request');
  }, 30_000);
});
