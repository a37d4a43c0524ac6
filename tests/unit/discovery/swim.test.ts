// SWIM (Das, Gupta and Motivala, DSN 2002) with memberlist's suspicion and incarnation rules: defaults and
// formulas as memberlist's config.go and util.go have them, detection and spread of a crash, refutation by
// a member wrongly suspected, and false positives under a long pause.
import { describe, expect, it } from 'vitest';
import { LAN_DEFAULTS, disseminationBound, retransmitLimit, suspicionTimeout } from '../../../src/engine/discovery/state.ts';
import { createSession } from '../../../src/script/runner.ts';
import { disc, q, session, violations } from './helpers.ts';

describe('memberlist parameters', () => {
  it("defaults are DefaultLANConfig's: 1s probes, 500ms timeout, 3 indirect, SuspicionMult 4, RetransmitMult 4, 200ms gossip to 3", () => {
    expect(LAN_DEFAULTS).toMatchObject({
      probeInterval: 1000, probeTimeout: 500, indirectChecks: 3, suspicionMult: 4, retransmitMult: 4, gossipInterval: 200, gossipNodes: 3,
    });
  });

  it('util.go: suspicionTimeout = mult × max(1, log10 N) × interval (ms precision); retransmitLimit = mult × ceil(log10(N+1))', () => {
    expect(suspicionTimeout(LAN_DEFAULTS, 3)).toBe(4000);
    expect(suspicionTimeout(LAN_DEFAULTS, 10)).toBe(4000);
    expect(suspicionTimeout(LAN_DEFAULTS, 16)).toBe(4816);
    expect(suspicionTimeout(LAN_DEFAULTS, 100)).toBe(8000);
    expect(retransmitLimit(LAN_DEFAULTS, 8)).toBe(4);
    expect(retransmitLimit(LAN_DEFAULTS, 16)).toBe(8);
    expect(retransmitLimit(LAN_DEFAULTS, 500)).toBe(12);
    expect(disseminationBound(LAN_DEFAULTS, 16)).toBeGreaterThan(suspicionTimeout(LAN_DEFAULTS, 16));
  });

  it('refuses a probe timeout that leaves no time for indirect probes', () => {
    const s = createSession(1);
    expect(s.exec('discovery.swim members=8 probeTimeout=1s').error).toMatch(/probeTimeout=1s must be shorter than probeInterval=1s/);
    expect(s.exec('discovery.swim members=1').error).toMatch(/members= must be 2 to 512, got 1/);
  });
});

describe('failure detection', () => {
  it('a crash is suspected, declared dead after the suspicion timeout, and known to everyone shortly after', () => {
    const s = session('discovery.swim members=16\nrun for=3s\ncrash node=m4\nrun until="discovery.allKnow(m4)" max=30s');
    const a = disc(s).audit[3]!;
    expect(a.firstSuspectAt).not.toBeNull();
    // Declared dead exactly one suspicion timeout after the first suspicion (no one can refute for it).
    expect(a.firstDeadAt! - a.firstSuspectAt!).toBe(suspicionTimeout(LAN_DEFAULTS, 16));
    expect(q(s, 'discovery.knowDead(m4)')).toBe(15);
    expect(q(s, 'discovery.spreadTime(m4)') as number).toBeLessThan(disseminationBound(LAN_DEFAULTS, 16));
    expect(q(s, 'discovery.falsePositives')).toBe(0);
    expect(violations(s)).toEqual([]);
  });

  it('a member suspected during a short pause refutes with a higher incarnation, and nobody declares it dead', () => {
    const s = session('discovery.swim members=8\nrun for=2s\npause node=m3\nrun for=3500ms\nresume node=m3\nrun for=6s');
    expect(disc(s).audit[2]!.firstSuspectAt).not.toBeNull();
    expect(q(s, 'discovery.incarnation(m3)')).toBeGreaterThanOrEqual(1);
    expect(q(s, 'discovery.falsePositives')).toBe(0);
    for (let i = 1; i <= 8; i++) if (i !== 3) expect(q(s, `discovery.view(m${i}, m3)`)).toBe('alive');
    expect(violations(s)).toEqual([]);
  });

  it('a pause longer than the suspicion timeout is a false positive, counted and flagged, and the member comes back', () => {
    const s = session('discovery.swim members=8\nrun for=2s\npause node=m3\nrun for=9s\nresume node=m3\nrun for=8s');
    expect(q(s, 'discovery.falsePositives') as number).toBeGreaterThan(0);
    expect(violations(s)).toContain('live-member-declared-dead');
    // It hears it is dead and refutes with a higher incarnation, which overrides "dead".
    for (let i = 1; i <= 8; i++) if (i !== 3) expect(q(s, `discovery.view(m${i}, m3)`)).toBe('alive');
  });

  it('a restarted member rejoins with a higher incarnation and everyone takes it back', () => {
    const s = session('discovery.swim members=8\nrun for=1s\ncrash node=m5\nrun until="discovery.allKnow(m5)" max=30s\nrestart node=m5\nrun for=5s');
    for (let i = 1; i <= 8; i++) if (i !== 5) expect(q(s, `discovery.view(m${i}, m5)`)).toBe('alive');
    expect(q(s, 'discovery.incarnation(m5)') as number).toBeGreaterThanOrEqual(1);
    expect(violations(s)).toEqual([]);
  });
});

describe('the suspicion timeout trades false positives for detection time (lesson 12\'s last challenge)', () => {
  const trial = (mult: number) => session(`discovery.swim members=16
    network loss=5% jitter=400ms
    discovery.tune suspicionMult=${mult}
    run for=15s
    crash node=m7
    run for=8s`, 2);
  it('on a lossy, jittery network SuspicionMult 1 declares running members dead; 2 does not and still spreads within 5 s; 4 is slower', () => {
    expect(q(trial(1), 'discovery.falsePositives') as number).toBeGreaterThan(0);
    const two = trial(2);
    expect(q(two, 'discovery.falsePositives')).toBe(0);
    expect(q(two, 'discovery.spreadTime(m7)') as number).toBeLessThanOrEqual(5000);
    expect(q(trial(4), 'discovery.spreadTime(m7)') as number).toBeGreaterThan(5000);
  });
});
