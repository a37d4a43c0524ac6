// Kernel throughput against a plain binary-heap event loop doing the same scheduling work: K tokens
// passed around a ring of nodes, each hop with a random 1..20 ms latency.
import { createSim } from '../../src/engine/core/sim.ts';
import type { SystemDef } from '../../src/engine/core/types.ts';
import { heapPop, heapPush } from '../../src/engine/core/heap.ts';
import { randInt, seedRng } from '../../src/engine/core/prng.ts';

export interface Figure {
  name: string;
  value: number;
  unit: string;
}

const NODES = 50;
const TOKENS = 200;

interface RingState { hops: number }

const ringSystem: SystemDef<RingState> = {
  name: 'ring',
  initialState: () => ({ hops: 0 }),
  onMessage(s, node, _from, msg, ctx) {
    s.hops++;
    const next = `n${(Number(node.slice(1)) + 1) % NODES}`;
    ctx.send(node, next, { type: 'Token', id: msg.id as number });
  },
  onTimer() {},
};

/** Events per second through createSim (trace, hash, snapshots on). */
export function kernelEventsPerSecond(events: number): number {
  const sim = createSim({ seed: 1, systems: [ringSystem], network: { latency: 1, jitter: 19 } });
  sim.act<RingState>('ring', 'start', (_s, ctx) => {
    for (let i = 0; i < NODES; i++) ctx.addNode(`n${i}`);
    for (let k = 0; k < TOKENS; k++) ctx.send(`n${k % NODES}`, `n${(k + 1) % NODES}`, { type: 'Token', id: k });
  });
  const start = process.hrtime.bigint();
  // Each hop is a delivery event; sends are recorded in the trace but are not queue events.
  while (sim.eventCount < events) sim.step();
  const secs = Number(process.hrtime.bigint() - start) / 1e9;
  return sim.eventCount / secs;
}

/** The same hops through a bare heap and PRNG: no trace, no hash, no snapshots, no invariants. */
export function plainLoopEventsPerSecond(events: number): number {
  interface Ev { t: number; seq: number; to: number; id: number }
  const heap: Ev[] = [];
  const rng = seedRng(1);
  let seq = 0;
  for (let k = 0; k < TOKENS; k++) heapPush(heap, { t: 1 + randInt(rng, 0, 19), seq: seq++, to: (k + 1) % NODES, id: k });
  let hops = 0;
  const start = process.hrtime.bigint();
  while (hops < events) {
    const e = heapPop(heap)!;
    hops++;
    heapPush(heap, { t: e.t + 1 + randInt(rng, 0, 19), seq: seq++, to: (e.to + 1) % NODES, id: e.id });
  }
  const secs = Number(process.hrtime.bigint() - start) / 1e9;
  return hops / secs;
}

export function benchKernel(): Figure[] {
  const N = 300_000;
  kernelEventsPerSecond(20_000); // warm up both paths
  plainLoopEventsPerSecond(20_000);
  const kernel = Math.max(kernelEventsPerSecond(N), kernelEventsPerSecond(N));
  const plain = Math.max(plainLoopEventsPerSecond(N), plainLoopEventsPerSecond(N));
  return [
    { name: 'kernel events/s (createSim, trace + hash + snapshots)', value: kernel, unit: 'events/s' },
    { name: 'plain binary-heap loop events/s (same work)', value: plain, unit: 'events/s' },
    { name: 'kernel / plain loop', value: kernel / plain, unit: 'ratio' },
  ];
}
