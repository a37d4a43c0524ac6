// The crash sweep: the service's design (and its consumers) run once per fault point, each on a fresh
// simulation with the same seed, saving one order and then restarting whatever crashed. It reports the
// lost, phantom and doubly applied events of each run: the course's check that "no crash schedule loses
// or invents an order.created". Pure: fresh sims, no clock.
import { createSim } from '../core/sim.ts';
import type { ArgValues, CommandSpec } from '../core/command.ts';
import type { SystemDef } from '../core/types.ts';
import { tally } from './detect.ts';
import { ACK_TIMEOUT } from './relay.ts';
import { OUTBOX, SAVE_FAULTS, type Consumer, type OutboxState, type Relay, type Service, type SweepResult } from './state.ts';

export const SWEEP_POINTS = [...SAVE_FAULTS, 'relay-crash-after-send'] as const;

export function sweepDesign(
  seed: number, svc: Service, relay: Relay | null, consumers: readonly Consumer[], def: SystemDef<OutboxState>, commands: readonly CommandSpec[],
): SweepResult {
  const cmd = (name: string) => commands.find((c) => c.name === name)!;
  const result: SweepResult = { design: svc.design, runs: 0, lost: 0, phantoms: 0, doubled: 0, lines: [] };
  for (const point of SWEEP_POINTS) {
    if (point === 'relay-crash-after-send' && relay === null) continue;
    const sim = createSim({ seed, systems: [def] });
    const run = (name: string, a: ArgValues) => cmd(name).run(sim, a, undefined);
    run('outbox.service', { name: svc.id, design: svc.design, ...(relay ? { relay: relay.kind, interval: relay.interval, batch: relay.batch } : {}) });
    for (const c of consumers) run('outbox.consumer', { name: c.id, inbox: c.inbox });
    const fault = point === 'relay-crash-after-send' ? 'none' : point;
    run('outbox.save', { service: svc.id, order: 'o1', fault });
    if (point === 'relay-crash-after-send') run('outbox.poll', { service: svc.id, crash: 'after-send' });
    sim.runFor(1000);
    for (const n of sim.nodes()) if (!n.up) sim.restart(n.id);
    sim.runFor(Math.max(3000, 3 * (relay?.interval ?? 0) + ACK_TIMEOUT));
    const st = sim.state<OutboxState>(OUTBOX);
    const t = tally(st);
    const doubled = st.consumerOrder.reduce((n, id) => n + st.consumers[id]!.doubled, 0);
    const caught = st.consumerOrder.reduce((n, id) => n + st.consumers[id]!.caught, 0);
    result.runs++;
    result.lost += t.lost;
    result.phantoms += t.phantoms;
    result.doubled += doubled;
    const bad = [t.lost && `${t.lost} LOST`, t.phantoms && `${t.phantoms} PHANTOM`, doubled && `${doubled} applied twice`].filter(Boolean);
    const fine = [`${t.committed} committed`, st.duplicates ? `${st.duplicates} duplicate publish${caught ? `, ${caught} caught by the inbox` : ''}` : ''].filter(Boolean);
    result.lines.push(`${point}: ${bad.length ? bad.join(', ') : 'ok'} (${fine.join('; ')})`);
  }
  return result;
}
