// The town directory and its clients: registration with a TTL (Consul's TTL checks, Eureka's leases),
// the registry's health checks (Consul's passing-only health query), and the three ways a client finds an
// instance, each with the staleness its cache allows (RFC 1035 §3.2.1: a record "may be cached" for its TTL).
import { describe, expect, it } from 'vitest';
import { createSession } from '../../../src/script/runner.ts';
import { disc, q, run, session, violations } from './helpers.ts';

describe('the directory', () => {
  it('an instance that dies silently stays listed until its TTL runs out after its last heartbeat', () => {
    const s = session('discovery.start instances=3 ttl=3s heartbeat=1s\nrun for=2s\ncrash node=api2\nrun for=2900ms');
    // The last heartbeat arrived at t=2010ms: listed until 5010ms.
    expect(q(s, 'discovery.listed(api2)')).toBe(true);
    expect(q(s, 'discovery.expires(api2)')).toBe(5010);
    run(s, 'run for=200ms');
    expect(q(s, 'discovery.listed(api2)')).toBe(false);
    expect(q(s, 'discovery.listed')).toBe(2);
  });

  it('heartbeats keep a listing alive indefinitely, and deregistering drops it at once', () => {
    const s = session('discovery.start instances=2 ttl=3s heartbeat=1s\nrun for=20s');
    expect(q(s, 'discovery.listed')).toBe(2);
    run(s, 'discovery.deregister node=api1\nrun for=50ms');
    expect(q(s, 'discovery.listed(api1)')).toBe(false);
    expect(disc(s).goneAt.api1).toBe(20_010);
  });

  it('with health checks on, a crashed instance goes critical within one interval and a timeout, and passes again after restart', () => {
    const s = session('discovery.start instances=3 ttl=30s checks=1s checkTimeout=300ms\nrun for=1500ms\ncrash node=api3\nrun for=1400ms');
    expect(q(s, 'discovery.listed(api3)')).toBe(false);
    expect(disc(s).listings.api3!.health).toBe('critical');
    run(s, 'restart node=api3\nrun for=1200ms');
    expect(q(s, 'discovery.listed(api3)')).toBe(true);
  });

  it('bad input says what is wrong', () => {
    const s = createSession(1);
    expect(s.exec('discovery.client name=c1').error).toMatch(/open the directory first/);
    expect(s.exec('discovery.start instances=0').error).toMatch(/instances= must be 1 to 12, got 0/);
    run(s, 'discovery.start instances=2');
    expect(s.exec('discovery.deregister node=api9').error).toMatch(/no instance 'api9'; instances are api1,api2/);
    expect(s.exec('discovery.client name=c1 pin=true').error).toMatch(/use it with mode=dns/);
  });
});

describe('clients', () => {
  const failuresAfterCrash = (mode: string, ttl: string) => {
    const s = session(`discovery.start instances=3 ttl=2s heartbeat=500ms
      discovery.client name=c1 mode=${mode} ttl=${ttl} rate=100ms timeout=300ms
      run for=3s
      crash node=api2
      run for=15s`);
    return { failed: q(s, 'discovery.failed(c1)') as number, lookups: q(s, 'discovery.lookups(c1)') as number, s };
  };

  it('DNS: a longer record TTL means more requests sent to the dead instance and fewer lookups', () => {
    const short = failuresAfterCrash('dns', '1s');
    const long = failuresAfterCrash('dns', '10s');
    expect(short.failed).toBeGreaterThan(0);
    expect(long.failed).toBeGreaterThan(short.failed);
    expect(long.lookups).toBeLessThan(short.lookups);
    // Round robin over three: a third of the requests go to api2 until the registry drops it (2 s) and
    // the cache is refreshed (at most one TTL later).
    expect(long.failed).toBeLessThanOrEqual(Math.ceil((2000 + 500 + 10_000) / 100 / 3) + 1);
    expect(violations(long.s)).toEqual([]);
  });

  it('a pinned DNS answer never forgets the dead instance: the stale-route detector fires', () => {
    const s = session(`discovery.start instances=3 ttl=2s heartbeat=500ms
      discovery.client name=c1 mode=dns ttl=1s pin=true
      run for=1s
      crash node=api2
      run for=10s`);
    expect(q(s, 'discovery.staleRoutes')).toBeGreaterThan(0);
    expect(violations(s)).toContain('routed-past-ttl');
  });

  it('server-side: the balancer forwards, and its refresh bounds what clients lose', () => {
    const s = session(`discovery.start instances=3 ttl=2s heartbeat=500ms
      discovery.client name=c1 mode=server ttl=1s
      run for=3s`);
    expect(q(s, 'discovery.failed(c1)')).toBe(0);
    expect(q(s, 'discovery.ok(c1)')).toBeGreaterThan(20);
    for (const i of ['api1', 'api2', 'api3']) expect(q(s, `discovery.served(${i})`)).toBeGreaterThan(5);
    run(s, 'crash node=api1\nrun for=10s');
    const failed = q(s, 'discovery.failed(c1)') as number;
    expect(failed).toBeGreaterThan(0);
    expect(failed).toBeLessThanOrEqual(Math.ceil((2000 + 500 + 1000) / 100 / 3) + 2);
    expect(violations(s)).toEqual([]);
  });

  it('round robin spreads evenly; least-outstanding sends less to a slow instance', () => {
    const spread = (policy: string) => {
      const s = session(`discovery.start instances=3
        discovery.client name=c1 policy=${policy} rate=20ms timeout=2s
        link from=c1 to=api1 latency=200ms
        run for=5s`);
      return ['api1', 'api2', 'api3'].map((i) => q(s, `discovery.served(${i})`) as number);
    };
    const [rr1, rr2, rr3] = spread('rr');
    expect(Math.max(rr1!, rr2!, rr3!) - Math.min(rr1!, rr2!, rr3!)).toBeLessThanOrEqual(12);
    const [slow, fast2, fast3] = spread('least');
    expect(slow!).toBeLessThan(fast2! / 2);
    expect(slow!).toBeLessThan(fast3! / 2);
  });
});
