// Event store throughput (issue #14): 1,000,000 events appended across 1,000 account streams and projected
// by a balances projector (catch-up subscription, batches of 1,000) through createSim with every invariant
// checked after every event, in events per second (wall clock); then a full read-model rebuild from
// position 0, and loading every aggregate with and without snapshots (every 64 events): events read and
// time. Snapshots of the sim are off: they would clone the whole state. Called by tests/bench/run.ts.
import { createSim, type Sim } from '../../src/engine/core/sim.ts';
import { eventStoreSystem } from '../../src/engine/eventstore/system.ts';
import { eventStoreCommands } from '../../src/engine/eventstore/commands.ts';
import { appendEvents, loadAggregate } from '../../src/engine/eventstore/store.ts';
import { fold } from '../../src/engine/eventstore/aggregates.ts';
import type { EventStoreState } from '../../src/engine/eventstore/state.ts';
import type { ArgValues } from '../../src/engine/core/command.ts';
import type { Figure } from './kernel.ts';

const run = (sim: Sim, name: string, args: ArgValues) => eventStoreCommands.find((c) => c.name === name)!.run(sim, args, undefined);
const STREAMS = 1000;
const SNAP_EVERY = 64;
const secsSince = (t: bigint) => Number(process.hrtime.bigint() - t) / 1e9;

function appendAll(sim: Sim, events: number, snapshotEvery: number): void {
  sim.act<EventStoreState>('eventstore', `bench: append ${events} events`, (s, ctx) => {
    ctx.addNode('store');
    s.snapshotEvery = snapshotEvery;
    for (let i = 0; i < events; i++) appendEvents(s, `account-${i % STREAMS}`, 'any', [{ type: i < STREAMS ? 'Opened' : 'Deposited', data: i < STREAMS ? {} : { amount: 1 } }], ctx.now, null);
  });
}

/** Loads every aggregate as a clerk would: events read and seconds. */
function loadEvery(s: EventStoreState): { read: number; secs: number } {
  const t = process.hrtime.bigint();
  let read = 0;
  for (const stream of s.streamOrder) {
    const got = loadAggregate(s, stream);
    read += got.events.length;
    fold('account', got.events, true, got.snapshot?.state);
  }
  return { read, secs: secsSince(t) };
}

export function eventStoreBench(events: number): Figure[] {
  const sim = createSim({ seed: 14, systems: [eventStoreSystem], snapshotEvery: 0 });
  const t0 = process.hrtime.bigint();
  appendAll(sim, events, 0);
  const appendSecs = secsSince(t0);
  run(sim, 'eventstore.projector', { name: 'balances', kind: 'balances', batch: 1000, poll: 200, work: 0, bug: false });
  const st = () => sim.state<EventStoreState>('eventstore');
  const t1 = process.hrtime.bigint();
  sim.runUntilTrue(() => st().projectors.balances!.checkpoint >= events, 3_600_000);
  const projectSecs = secsSince(t1);
  run(sim, 'eventstore.rebuild', { projector: 'balances', fix: false });
  const t2 = process.hrtime.bigint();
  sim.runUntilTrue(() => !st().projectors.balances!.rebuilding, 3_600_000);
  const rebuildSecs = secsSince(t2);
  if (sim.violations().length > 0) throw new Error(`event store bench broke an invariant: ${sim.violations()[0]!.text}`);
  const plain = loadEvery(st());
  const snapSim = createSim({ seed: 14, systems: [eventStoreSystem], snapshotEvery: 0 });
  appendAll(snapSim, events, SNAP_EVERY);
  const snap = loadEvery(snapSim.state<EventStoreState>('eventstore'));
  const n = events.toLocaleString('en-US');
  return [
    { name: `Event store: append ${n} events (1,000 streams)`, value: events / appendSecs, unit: 'events/s' },
    { name: 'Event store: project them (balances, batches of 1,000)', value: events / projectSecs, unit: 'events/s' },
    { name: 'Event store: rebuild the read model from position 0', value: rebuildSecs * 1000, unit: 'ms' },
    { name: 'Event store: load every aggregate, no snapshots (events read)', value: plain.read, unit: 'events' },
    { name: 'Event store: load every aggregate, no snapshots', value: plain.secs * 1000, unit: 'ms' },
    { name: `Event store: load every aggregate, snapshot every ${SNAP_EVERY} (events read)`, value: snap.read, unit: 'events' },
    { name: `Event store: load every aggregate, snapshot every ${SNAP_EVERY}`, value: snap.secs * 1000, unit: 'ms' },
  ];
}

export function benchEventStore(): Figure[] {
  return eventStoreBench(1_000_000);
}
