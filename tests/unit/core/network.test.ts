import { describe, expect, it } from 'vitest';
import { createSim } from '../../../src/engine/core/sim.ts';
import { pingPair, pingSystem, type PingState } from './ping-system.ts';

const newSim = (seed = 1) => {
  const sim = createSim({ seed, systems: [pingSystem] });
  pingPair(sim);
  return sim;
};
const received = (sim: ReturnType<typeof newSim>, n: string) => sim.state<PingState>('ping').received[n] ?? 0;

describe('network faults do what they say', () => {
  it('delivers pings both ways on a healthy network', () => {
    const sim = newSim();
    sim.runFor(1050); // sent at 100, 200, ... 1000; each arrives 10ms later
    expect(received(sim, 'a')).toBe(10);
    expect(received(sim, 'b')).toBe(10);
  });

  it('a two-way partition delivers nothing across it, and healing restores delivery', () => {
    const sim = newSim();
    sim.partition(['a'], ['b']);
    sim.runFor(1000);
    expect(received(sim, 'a')).toBe(0);
    expect(received(sim, 'b')).toBe(0);
    expect(sim.trace().filter((e) => e.kind === 'drop' && e.text === 'partition')).toHaveLength(20);
    sim.heal();
    sim.runFor(1000);
    expect(received(sim, 'a')).toBeGreaterThan(0);
  });

  it('a one-way partition drops only the messages going one way', () => {
    const sim = newSim();
    sim.partition(['a'], ['b'], true);
    sim.runFor(1050);
    expect(received(sim, 'b')).toBe(0);
    expect(received(sim, 'a')).toBe(10);
  });

  it('100% loss drops every message, each with a trace event saying why', () => {
    const sim = newSim();
    sim.setLink('a', 'b', { loss: 1 });
    sim.runFor(1050);
    expect(received(sim, 'a') + received(sim, 'b')).toBe(0);
    const drops = sim.trace().filter((e) => e.kind === 'drop');
    expect(drops).toHaveLength(20);
    expect(drops.every((d) => d.text === 'loss')).toBe(true);
  });

  it('a crashed node neither sends nor receives, and loses its volatile timers', () => {
    const sim = newSim();
    sim.runFor(150);
    sim.crash('b');
    sim.runFor(1000);
    expect(sim.trace().filter((e) => e.kind === 'send' && e.from === 'b' && e.t > 150)).toHaveLength(0);
    expect(sim.trace().filter((e) => e.kind === 'deliver' && e.to === 'b' && e.t > 150)).toHaveLength(0);
    expect(sim.trace().some((e) => e.kind === 'drop' && e.to === 'b' && e.text === 'b down')).toBe(true);
    expect(sim.state<PingState>('ping').fired.b).toBeUndefined();
    sim.restart('b');
    expect(sim.nodes().find((n) => n.id === 'b')?.up).toBe(true);
  });

  it('a paused node resumes with its timers late and its mail delivered then', () => {
    const sim = newSim();
    sim.runFor(150);
    sim.pause('b');
    sim.runFor(800); // b's timer was due at t=200
    expect(sim.state<PingState>('ping').fired.b).toEqual([100]);
    const receivedWhilePaused = received(sim, 'b');
    sim.resume('b');
    sim.runFor(0);
    sim.step();
    const late = sim.trace().find((e) => e.kind === 'timer' && e.node === 'b' && e.text?.includes('late'));
    expect(late?.text).toBe('tick (late by 750ms)');
    sim.runFor(10);
    expect(received(sim, 'b')).toBeGreaterThan(receivedWhilePaused);
  });

  it('duplication delivers a message twice', () => {
    const sim = newSim();
    sim.setLink('a', 'b', { dup: 1 });
    sim.runFor(1050);
    expect(received(sim, 'b')).toBe(20);
  });

  it('latency and jitter stay within their bounds, and reordering lets later messages overtake', () => {
    const sim = newSim(3);
    sim.setLink('a', 'b', { latency: 40, jitter: 20, reorder: 0.5 });
    sim.runFor(5000);
    const delivered = sim.trace().filter((e) => e.kind === 'deliver' && e.to === 'b');
    const delays = delivered.map((e) => e.t - e.sentAt!);
    expect(Math.min(...delays)).toBeGreaterThanOrEqual(40);
    const order = delivered.map((e) => (e.msg as unknown as { n: number }).n);
    expect(order.some((n, i) => i > 0 && n < order[i - 1]!)).toBe(true);
  });

  it('a skewed, drifting clock reads its own time and fires its timers early or late', () => {
    const sim = newSim();
    sim.skew('a', 500, 100_000); // +500ms, 10% fast
    sim.runFor(2000);
    expect(sim.query('clock(a)')).toBe(2000 + 500 + 200);
    // a's 100ms timers take 100/1.1 of global time: more of them fire.
    expect(sim.state<PingState>('ping').fired.a!.length).toBeGreaterThan(sim.state<PingState>('ping').fired.b!.length);
  });

  it('dropping one message by hand loses exactly that message', () => {
    const sim = newSim();
    sim.runFor(100);
    const [first] = sim.inFlight();
    sim.dropMessage(first!.msgId);
    sim.runFor(50);
    const drop = sim.trace().find((e) => e.kind === 'drop');
    expect(drop).toMatchObject({ msgId: first!.msgId, text: 'dropped by hand' });
  });
});
