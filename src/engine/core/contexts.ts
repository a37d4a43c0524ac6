// The systems as the simulator holds them: each one's state, created on first use, and which active
// systems have invariants to check.
import type { SimCore } from './sim-core.ts';

/** A system's state, created from its initialState the first time anything touches it. */
export function sysState(core: SimCore, sys: string): unknown {
  const systems = core.st.systems;
  const s = systems[sys];
  if (s !== undefined || sys in systems) return s;
  const def = core.defs.get(sys);
  if (!def) throw new Error(`unknown system '${sys}'`);
  systems[sys] = def.initialState();
  refreshChecks(core);
  return systems[sys];
}

/** Lists the active systems that declare invariants, after a system starts or the state is replaced. */
export function refreshChecks(core: SimCore): void {
  const checking = [];
  for (const sys in core.st.systems) {
    const e = core.entries.get(sys);
    if (e && e.checks.length > 0) checking.push(e);
  }
  core.checking = checking;
}
