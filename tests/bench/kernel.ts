// Kernel throughput against a plain binary-heap event loop doing the same scheduling work.
//
// Workload (both sides): a token ring of NODES nodes with TOKENS tokens; each delivery makes the receiver
// send its token on to the next node (the same `passToken` handler on both sides), over a network with
// 1 ms base latency and 0..19 ms uniform jitter, no loss.
//
// Kernel side: createSim with its defaults, as lessons, the CLI and the app use it, driven by `runUntil`
// (what `run for=` and the app's animation frames call): every send and delivery becomes a typed trace
// entry mixed into the trace hash and kept in the bounded trace ring (100,000 entries, so each message
// stays referenced for ~50,000 hops), periodic snapshots (at least 1,000 events apart; for this state
// about 2,000), invariants checked after each event (this system declares none), the input log
// consulted between events, paused and crashed senders and receivers, cancelled timers, partitions and
// link overrides all checked on the way. Nothing reads the trace during that run; a second figure reads
// it after every slice, as the app and the CLI do, paying for each entry's object once, on first read.
//
// Plain side: what a minimal simulator must do per hop and nothing more: pop the (time, seq)-ordered
// binary heap (heap.ts's algorithm, its own copy), advance the clock, look the receiver up by name and check it is
// up, call the handler; its send decides loss (a chance draw when loss > 0, none here, as in the kernel)
// and latency (one uniform jitter draw from the same sfc32 PRNG), allocates the event and pushes it. No
// trace, hash, snapshots, invariants or input log. Both sides process the same number of events, make
// the same PRNG draws in the same order, and end with the same hop count and the same messages on the
// wire due at the same times (checked).
import { createSim } from '../../src/engine/core/sim.ts';
import type { Message, SystemContext, SystemDef } from '../../src/engine/core/types.ts';
import { chancePpm, randInt, seedRng, toPpm } from '../../src/engine/core/prng.ts';

export interface Figure {
  name: string;
  value: number;
  unit: string;
}

const NODES = 50;
const TOKENS = 200;
const LATENCY = 1;
const JITTER = 19;
const LOSS = 0;
const SEED = 1;

const NAMES = Array.from({ length: NODES }, (_, i) => `n${i}`);
/** Next node on the ring, looked up by name: the system's own work, identical on both sides. */
const NEXT: Record<string, string> = Object.fromEntries(NAMES.map((n, i) => [n, NAMES[(i + 1) % NODES]!]));

interface RingState { hops: number }

function passToken(s: RingState, node: string, msg: Message, ctx: Pick<SystemContext, 'send'>): void {
  s.hops++;
  ctx.send(node, NEXT[node]!, { type: 'Token', id: msg.id as number });
}

export const ringSystem: SystemDef<RingState> = {
  name: 'ring',
  initialState: () => ({ hops: 0 }),
  onMessage: (s, node, _from, msg, ctx) => passToken(s, node, msg, ctx),
  onTimer() {},
};

/** A ring sim with every token on the wire, ready to run. */
export function ringSim(opts: { snapshotEvery?: number } = {}) {
  const sim = createSim({ seed: SEED, systems: [ringSystem], network: { latency: LATENCY, jitter: JITTER, loss: LOSS }, ...opts });
  sim.act<RingState>('ring', 'start', (_s, ctx) => {
    for (const n of NAMES) ctx.addNode(n);
    for (let k = 0; k < TOKENS; k++) ctx.send(NAMES[k % NODES]!, NAMES[(k + 1) % NODES]!, { type: 'Token', id: k });
  });
  return sim;
}

/** One timed run: events processed, seconds, hops made, and what is still on the wire. */
interface Run { events: number; secs: number; hops: number; /** Arrival times still queued, sorted. */ pending: number[] }

const sortedArrivals = (ts: number[]) => ts.sort((a, b) => a - b);

/**
 * Runs the kernel for about `events` events (whole 100 ms slices). With `read`, the trace is read after
 * every slice, as the app's views and the CLI's transcripts do.
 */
export function runKernel(events: number, read = false): Run {
  const sim = ringSim();
  // The ring carries TOKENS hops per 10.5 ms of simulated time on average; run in 100 ms slices, as the
  // app's frames do, until the count is reached.
  const start = process.hrtime.bigint();
  let seen = 0;
  while (sim.eventCount < events) {
    sim.runFor(100);
    if (read) seen += sim.trace().length;
  }
  if (read && seen === 0) throw new Error('the trace was empty');
  const secs = Number(process.hrtime.bigint() - start) / 1e9;
  return { events: sim.eventCount, secs, hops: sim.state<RingState>('ring').hops, pending: sortedArrivals(sim.inFlight().map((f) => f.arrivesAt)) };
}

// The plain loop's own binary heap, ordered by (time, seq) as the kernel's is: the same algorithm as
// heap.ts, but its own code, so the two sides' different event objects do not slow each other's.
interface PlainEvent { t: number; seq: number; from: string; to: string; msg: Message }
const earlier = (a: PlainEvent, b: PlainEvent) => a.t < b.t || (a.t === b.t && a.seq < b.seq);
function plainPush(heap: PlainEvent[], e: PlainEvent): void {
  let i = heap.push(e) - 1;
  while (i > 0) {
    const p = (i - 1) >> 1;
    if (!earlier(e, heap[p]!)) break;
    heap[i] = heap[p]!;
    i = p;
  }
  heap[i] = e;
}
function plainPop(heap: PlainEvent[]): PlainEvent | undefined {
  const top = heap[0];
  const last = heap.pop();
  if (top === undefined || last === undefined || heap.length === 0) return top;
  let i = 0;
  for (;;) {
    const l = 2 * i + 1;
    if (l >= heap.length) break;
    const c = l + 1 < heap.length && earlier(heap[l + 1]!, heap[l]!) ? l + 1 : l;
    if (!earlier(heap[c]!, last)) break;
    heap[i] = heap[c]!;
    i = c;
  }
  heap[i] = last;
  return top;
}

/** The same hops through a minimal simulator: exactly `events` events. */
export function runPlainLoop(events: number): Run {
  interface Node { up: boolean }
  const heap: PlainEvent[] = [];
  const rng = seedRng(SEED);
  const nodes = new Map<string, Node>(NAMES.map((n) => [n, { up: true }]));
  const lossPpm = toPpm(LOSS);
  const state: RingState = { hops: 0 };
  let now = 0;
  let seq = 0;
  let processed = 0;
  let dropped = 0;
  const ctx: Pick<SystemContext, 'send'> = {
    send(from, to, out) {
      const msg = out as unknown as Message;
      // Same draw order as the kernel: loss first (no draw at 0), then the latency jitter.
      const lost = chancePpm(rng, lossPpm);
      const delay = LATENCY + randInt(rng, 0, JITTER);
      if (!lost) plainPush(heap, { t: now + delay, seq: seq++, from, to, msg });
      return seq;
    },
  };
  for (let k = 0; k < TOKENS; k++) ctx.send(NAMES[k % NODES]!, NAMES[(k + 1) % NODES]!, { type: 'Token', id: k });
  const start = process.hrtime.bigint();
  while (processed < events) {
    const e = plainPop(heap);
    if (!e) break;
    if (e.t > now) now = e.t;
    processed++;
    const dst = nodes.get(e.to);
    if (!dst || !dst.up) { dropped++; continue; }
    passToken(state, e.to, e.msg, ctx);
  }
  const secs = Number(process.hrtime.bigint() - start) / 1e9;
  if (dropped) throw new Error('the plain loop dropped a message on a loss-free ring');
  return { events: processed, secs, hops: state.hops, pending: sortedArrivals(heap.map((e) => e.t)) };
}

const rate = (r: Run) => r.events / r.secs;
const faster = (a: Run | undefined, b: Run) => (a === undefined || rate(b) > rate(a) ? b : a);

export function benchKernel(): Figure[] {
  const N = 300_000;
  runKernel(20_000); // warm up both paths
  runPlainLoop(20_000);
  // Rounds of kernel, plain loop, kernel reading its trace, one after the other, and the best of each:
  // the machine's other work only ever slows a run down, and a busy spell then hits all three alike.
  let kernel: Run | undefined, plain: Run | undefined, reading: Run | undefined;
  for (let round = 0; round < 5; round++) {
    const k = runKernel(N);
    const p = runPlainLoop(k.events);
    // Same hops and the same messages still on the wire arriving at the same times: same PRNG draws, same order.
    if (p.hops !== k.hops || p.pending.join() !== k.pending.join()) {
      throw new Error(`the two loops disagree: ${k.hops} hops in the kernel, ${p.hops} in the plain loop`);
    }
    kernel = faster(kernel, k);
    plain = faster(plain, p);
    reading = faster(reading, runKernel(N, true));
  }
  if (!kernel || !plain || !reading) throw new Error('no rounds ran');
  const k = kernel.events / kernel.secs;
  const r = reading.events / reading.secs;
  const p = plain.events / plain.secs;
  return [
    { name: 'kernel events/s (createSim, trace + hash + snapshots)', value: k, unit: 'events/s' },
    { name: 'plain binary-heap loop events/s (same work)', value: p, unit: 'events/s' },
    { name: 'kernel / plain loop', value: k / p, unit: 'ratio' },
    { name: 'kernel events/s, trace read after every 100 ms slice', value: r, unit: 'events/s' },
    { name: 'kernel reading its trace / plain loop', value: r / p, unit: 'ratio' },
  ];
}

/**
 * Time travel in a long run: the ring runs straight through LONG events (the "full replay" a seek
 * without snapshots would need), then seeks to SEEKS moments drawn uniformly from the whole run, in
 * that order (so some go back, some forward, as scrubbing does). Each seek's wall time is measured.
 */
export function benchSeek(): Figure[] {
  const LONG = 1_000_000;
  const SEEKS = 60;
  const sim = ringSim();
  const start = process.hrtime.bigint();
  while (sim.eventCount < LONG) sim.runFor(100);
  const full = Number(process.hrtime.bigint() - start) / 1e6;
  const end = sim.now;
  const rng = seedRng(SEED + 1);
  const times: number[] = [];
  for (let i = 0; i < SEEKS; i++) {
    const t = randInt(rng, 0, end);
    const t0 = process.hrtime.bigint();
    sim.seek(t);
    times.push(Number(process.hrtime.bigint() - t0) / 1e6);
    if (sim.now !== t) throw new Error(`seek(${t}) ended at ${sim.now}`);
  }
  sim.seek(end);
  if (sim.eventCount < LONG) throw new Error('seeking back to the end did not return to the end');
  times.sort((a, b) => a - b);
  const mean = times.reduce((a, b) => a + b, 0) / times.length;
  const p95 = times[Math.ceil(0.95 * times.length) - 1]!;
  return [
    { name: `full run of ${(LONG / 1e6).toFixed(0)}M events straight through`, value: full, unit: 'ms' },
    { name: `seek to a random moment of that run: mean of ${SEEKS}`, value: mean, unit: 'ms' },
    { name: 'seek: 95th percentile', value: p95, unit: 'ms' },
    { name: 'seek mean / full run', value: mean / full, unit: 'ratio' },
  ];
}
