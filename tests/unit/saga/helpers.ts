// Shared by the saga tests: a sim with the saga system, commands run by name, the state.
import { createSim, type Sim } from '../../../src/engine/core/sim.ts';
import { sagaSystem } from '../../../src/engine/saga/system.ts';
import { sagaCommands } from '../../../src/engine/saga/commands.ts';
import type { ArgValues } from '../../../src/engine/core/command.ts';
import type { SagaState } from '../../../src/engine/saga/state.ts';

export const newSim = (seed = 1): Sim => createSim({ seed, systems: [sagaSystem], snapshotEvery: 1_000_000 });
export const run = (sim: Sim, name: string, args: ArgValues): void => {
  const c = sagaCommands.find((x) => x.name === name);
  if (!c) throw new Error(`no command ${name}`);
  c.run(sim, args, undefined);
};
export const state = (sim: Sim): SagaState => sim.state<SagaState>('saga');
export const violations = (sim: Sim): string[] => sim.trace().filter((e) => e.kind === 'violation').map((e) => `${e.invariant}: ${e.text}`);

/** For each saga, the steps whose compensation took effect, in the order they did. */
export function undoOrder(st: SagaState, saga: string): number[] {
  return st.audit.filter((a) => a.what === 'undo' && a.key.split(':')[1]!.startsWith(`${saga}/`)).map((a) => Number(a.key.split('/')[1]));
}
