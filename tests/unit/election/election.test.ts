// Leader election: the bully algorithm (Garcia-Molina, "Elections in a Distributed Computing System", 1982),
// a lock service with leases as etcd grants them (a revision that grows with every grant, keep-alives, an
// expired lease refused), and Kleppmann's split brain with and without fencing tokens ("How to do
// distributed locking", 2016: "the storage server remembers that it has already processed a write with a
// higher token number (34), and so it rejects the request with token 33").
import { describe, expect, it } from 'vitest';
import { createSession } from '../../../src/script/runner.ts';
import { renewLease } from '../../../src/engine/election/locks.ts';
import { PAUSED_HOLDER, el, q, run, session, violations } from './helpers.ts';

describe('the bully algorithm', () => {
  it('the highest-ranked node alive becomes coordinator and every node learns it', () => {
    const s = session('election.bully nodes=5\nrun for=1s');
    for (const b of ['b1', 'b2', 'b3', 'b4', 'b5']) expect(q(s, `election.leader(${b})`)).toBe('b5');
    expect(q(s, 'election.leaders')).toBe(1);
  });

  it('a node that hears no OK from a higher node within the timeout wins: after b5 and b4 crash, b3 leads', () => {
    const s = session('election.bully nodes=5 timeout=300ms heartbeat=500ms\nrun for=1s\ncrash node=b5\ncrash node=b4\nrun for=3s');
    expect(q(s, 'election.leader')).toBe('b3');
    expect(q(s, 'election.leader(b1)')).toBe('b3');
    // Noticed at the second heartbeat (1.5 s), then one timeout without an OK: 1.8 s.
    expect(q(s, 'election.electedAt')).toBe(1800);
  });

  it('a recovered higher node bullies its way back, and two believe they lead for the announcement\'s trip', () => {
    const s = session('election.bully nodes=4\nrun for=1s\ncrash node=b4\nrun for=3s\nrestart node=b4\nrun for=1s');
    expect(q(s, 'election.leader(b1)')).toBe('b4');
    expect(violations(s)).toEqual(['two-leaders']);
  });

  it('a paused coordinator wakes still believing it leads while the others follow b4', () => {
    const s = session('election.bully nodes=5\nrun for=1s\npause node=b5\nrun for=3s');
    expect(el(s).bully.find((b) => b.id === 'b5')!.leader).toBe('b5');
    expect(q(s, 'election.leader(b1)')).toBe('b4');
    expect(q(s, 'election.leaders')).toBe(2);
    expect(violations(s)).toContain('two-leaders');
  });
});

describe('the lock service', () => {
  it('each grant bumps the revision, keep-alives hold the lease, and a crashed holder\'s lease frees the lock after the TTL', () => {
    const s = session('election.locks ttl=2s\nelection.client name=c1\nrun for=50ms\nelection.client name=c2\nrun for=10s');
    expect(q(s, 'election.holder')).toBe('c1');
    expect(q(s, 'election.grants')).toBe(1);
    run(s, 'crash node=c1\nrun for=1900ms');
    expect(q(s, 'election.holder')).toBe('c1');
    run(s, 'run for=1s');
    expect(q(s, 'election.holder')).toBe('c2');
    expect(q(s, 'election.token')).toBe(2);
    expect(q(s, 'election.spurious')).toBe(0);
    // Failover: the TTL after c1's last keep-alive, plus up to one of c2's 500 ms retries.
    const f = q(s, 'election.failover') as number;
    expect(f).toBeGreaterThanOrEqual(2000);
    expect(f).toBeLessThan(2600);
  });

  it('a keep-alive for an expired lease is refused (etcd: the lease is gone), and the detector guards the rule', () => {
    const s = session(`election.locks ttl=2s\n${PAUSED_HOLDER}\nrun for=2500ms\nresume node=c1\nrun for=100ms`);
    expect(el(s).expiries.map((e) => e.holder)).toEqual(['c1']);
    expect(el(s).expiries[0]!.alive).toBe(true);
    expect(violations(s)).not.toContain('lease-renewed-after-expiry');
    const st = el(s);
    const l = st.lease!;
    l.expiresAt = st.now - 1;
    renewLease(st, l);
    expect(st.lateRenewal).toMatch(/after it expired/);
  });

  it('without fencing, the paused holder\'s late write overwrites the new holder\'s: a lost write', () => {
    const s = session(`election.locks ttl=2s fencing=false\n${PAUSED_HOLDER}\nrun for=4s\nresume node=c1\nrun for=200ms`);
    expect(q(s, 'election.lost')).toBe(1);
    expect(violations(s)).toEqual(['two-leaders', 'stale-write-accepted']);
  });

  it('with fencing, the same write is rejected by its token and the old holder stops', () => {
    const s = session(`election.locks ttl=2s fencing=true\n${PAUSED_HOLDER}\nrun for=4s\nresume node=c1\nrun for=2s`);
    expect(q(s, 'election.lost')).toBe(0);
    expect(q(s, 'election.rejected')).toBe(1);
    expect(q(s, 'election.token(c1)')).toBe(0);
    expect(violations(s)).not.toContain('stale-write-accepted');
  });

  it('a pause shorter than what is left of the lease harms nobody', () => {
    const s = session(`election.locks ttl=2s fencing=false\n${PAUSED_HOLDER}\nrun for=1s\nresume node=c1\nrun for=3s`);
    expect(q(s, 'election.lost')).toBe(0);
    expect(q(s, 'election.expiries')).toBe(0);
    expect(violations(s)).toEqual([]);
  });

  it('bad input says what is wrong', () => {
    const s = createSession(1);
    expect(s.exec('election.client name=c1').error).toMatch(/open the lock service first/);
    expect(s.exec('election.bully nodes=1').error).toMatch(/nodes= must be 2 to 9, got 1/);
    run(s, 'election.locks ttl=2s');
    expect(s.exec('election.client name=c1 every=100ms work=200ms').error).toMatch(/work=200ms must be shorter than every=100ms/);
    expect(s.exec('election.locks ttl=1s').error).toMatch(/already open/);
    expect(() => q(s, 'election.token(c9)')).toThrow(/no client named 'c9'/);
  });
});
