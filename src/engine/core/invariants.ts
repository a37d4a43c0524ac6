// Invariants are checked after every event and input. A violation is recorded once, when it starts
// (`st.broken` remembers which are broken right now), naming the entry that caused it.
import type { SimCore } from './sim-core.ts';
import { hasAny } from './network.ts';
import { recordText } from './recording.ts';

export function checkInvariants(core: SimCore): void {
  const st = core.st;
  // Nearly always nothing is broken: then a check that holds needs no lookup.
  let anyBroken = hasAny(st.broken);
  for (const entry of core.checking) {
    const sys = entry.def.name;
    const s = st.systems[sys];
    for (const { inv, key } of entry.checks) {
      const problem = inv.check(s);
      if (problem === null) { if (anyBroken && st.broken[key]) delete st.broken[key]; continue; }
      if (st.broken[key]) continue;
      st.broken[key] = true;
      anyBroken = true;
      recordText(core, 'violation', undefined, sys, problem, inv.name, core.causeIndex);
    }
  }
}
