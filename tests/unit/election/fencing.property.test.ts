// Kleppmann's fencing argument as a property: with the storage checking tokens, no schedule of pauses and
// partitions lets a stale holder's write land over a newer one; the lock service's grants carry strictly
// growing revisions (etcd's revision "increments for every modification"); and the bully group, once the
// faults stop, agrees on the highest-ranked node alive.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { el, q, run, session, violations } from './helpers.ts';

const SEED = Number(process.env.FC_SEED ?? 20261207);

const fault = fc.record({
  at: fc.integer({ min: 0, max: 3000 }),
  kind: fc.constantFrom('pause', 'partition-locks', 'partition-storage', 'crash'),
  who: fc.integer({ min: 1, max: 3 }),
  len: fc.integer({ min: 100, max: 6000 }),
});

describe('fencing and leases, over random schedules', () => {
  it('with fencing no stale holder\'s write lands, and grants carry strictly growing tokens', () => {
    fc.assert(fc.property(fc.array(fault, { minLength: 1, maxLength: 5 }), fc.constantFrom(500, 1000, 2000), fc.integer({ min: 1, max: 100_000 }), (faults, ttl, seed) => {
      const s = session(`election.locks ttl=${ttl}ms fencing=true\nelection.client name=c1 every=300ms work=100ms\nelection.client name=c2 every=400ms work=150ms\nelection.client name=c3`, seed);
      for (const f of [...faults].sort((a, b) => a.at - b.at)) {
        const c = `c${f.who}`;
        run(s, `run for=${f.at % 700}ms`);
        if (f.kind === 'pause') run(s, `pause node=${c}\nrun for=${f.len}ms\nresume node=${c}`);
        else if (f.kind === 'crash') run(s, `crash node=${c}\nrun for=${f.len}ms\nrestart node=${c}`);
        else {
          const other = f.kind === 'partition-locks' ? 'locks' : 'storage';
          run(s, `partition a=${c} b=${other}\nrun for=${f.len}ms\nheal`);
        }
      }
      run(s, 'run for=5s');
      const st = el(s);
      expect(q(s, 'election.lost')).toBe(0);
      expect(violations(s)).not.toContain('stale-write-accepted');
      expect(violations(s)).not.toContain('lease-renewed-after-expiry');
      const accepted = st.log.filter((w) => w.accepted).map((w) => w.token);
      for (let i = 1; i < accepted.length; i++) expect(accepted[i]!).toBeGreaterThanOrEqual(accepted[i - 1]!);
      const revs = st.grants.map((g) => g.rev);
      for (let i = 1; i < revs.length; i++) expect(revs[i]!).toBeGreaterThan(revs[i - 1]!);
    }), { seed: SEED, numRuns: 40 });
  }, 60_000);

  it('once crashes stop, every bully node that is up follows the highest-ranked node alive', () => {
    fc.assert(fc.property(fc.integer({ min: 2, max: 7 }), fc.array(fc.integer({ min: 1, max: 7 }), { maxLength: 3 }), fc.integer({ min: 1, max: 100_000 }), (n, crashes, seed) => {
      const s = session(`election.bully nodes=${n}\nrun for=700ms`, seed);
      const down = [...new Set(crashes.map((c) => ((c - 1) % n) + 1))].slice(0, n - 1);
      for (const d of down) run(s, `crash node=b${d}\nrun for=300ms`);
      run(s, 'run for=5s');
      const top = `b${Math.max(...Array.from({ length: n }, (_, i) => i + 1).filter((r) => !down.includes(r)))}`;
      for (const b of el(s).bully) if (!b.down) expect(b.leader, `${b.id}'s coordinator`).toBe(top);
      expect(q(s, 'election.leaders')).toBe(1);
    }), { seed: SEED, numRuns: 30 });
  }, 60_000);
});
