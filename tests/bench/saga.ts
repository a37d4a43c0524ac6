// Saga throughput (chapter 07): 10,000 orchestrated lunch sagas started at once over three shops, each
// shop failing each attempt at random (10 %, 20 %, 5 %; drawn from the sim's seeded randomness, retried
// twice, so a few sagas run out of retries and compensate), with the five live detectors checked after
// every event. Headless; called by tests/bench/run.ts. (The failures are set by three commands before
// the start: every command is an input the sim applies to a copy of the whole state first.)
import { createSim } from '../../src/engine/core/sim.ts';
import { sagaSystem } from '../../src/engine/saga/system.ts';
import { sagaCommands } from '../../src/engine/saga/commands.ts';
import type { SagaState } from '../../src/engine/saga/state.ts';
import type { Figure } from './kernel.ts';

const SAGAS = 10_000;
const SHOPS = ['bakery', 'deli', 'fruit'];
const RATES = [0.1, 0.2, 0.05];
const cmd = (name: string) => sagaCommands.find((c) => c.name === name)!;

export function sagaRun(): { rate: number; events: number; done: number; compensated: number; violations: number; secs: number } {
  const sim = createSim({ seed: 7, systems: [sagaSystem], snapshotEvery: 1_000_000 });
  cmd('saga.define').run(sim, { name: 'lunch', steps: SHOPS, retries: 2, timeout: 2_000 }, undefined);
  SHOPS.forEach((shop, i) => cmd('saga.fail').run(sim, { shop, times: '0', rate: RATES[i]! }, undefined));
  const start = process.hrtime.bigint();
  cmd('saga.start').run(sim, { def: 'lunch', count: SAGAS }, undefined);
  const st = () => sim.state<SagaState>('saga');
  const ended = () => st().sagaOrder.every((id) => { const s = st().sagas[id]!.status; return s === 'done' || s === 'compensated'; });
  for (let k = 0; k < 600 && !ended(); k++) sim.runFor(100);
  const secs = Number(process.hrtime.bigint() - start) / 1e9;
  const s = st();
  const count = (status: string) => s.sagaOrder.filter((id) => s.sagas[id]!.status === status).length;
  return { rate: sim.eventCount / secs, events: sim.eventCount, done: count('done'), compensated: count('compensated'), violations: sim.violations().length, secs };
}
export function benchSaga(): Figure[] {
  const a = sagaRun();
  const b = sagaRun();
  const r = a.rate >= b.rate ? a : b;
  return [
    { name: `10,000 sagas, random failures: events/s`, value: r.rate, unit: 'events/s' },
    { name: `  events to finish them all`, value: r.events, unit: 'events' },
    { name: `  completed / compensated`, value: r.done, unit: `done, ${r.compensated} compensated` },
    { name: `  detector violations (must be 0)`, value: r.violations, unit: 'violations' },
  ];
}
