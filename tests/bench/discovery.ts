// SWIM at scale (issue #16): 500 members for 60 s of simulated time, headless, with the discovery system's
// three live detectors checked after every event; one member crashes at 20 s. Reports events per second
// (run.ts adds the ratio to the kernel), how long the crash took to be detected and known by all 499
// others (memberlist's formulas: suspicion timeout 4 × log10(500) × 1 s ≈ 10.8 s), and the messages sent.
// Called by tests/bench/run.ts.
import { createSim } from '../../src/engine/core/sim.ts';
import { discovery } from '../../src/engine/discovery/system.ts';
import { discoveryCommands } from '../../src/engine/discovery/commands.ts';
import type { DiscoveryState } from '../../src/engine/discovery/state.ts';
import type { Figure } from './kernel.ts';

function swimRun(members: number, seconds: number) {
  const sim = createSim({ seed: 16, systems: [discovery] });
  discoveryCommands.find((c) => c.name === 'discovery.swim')!.run(sim, { members }, undefined);
  const start = process.hrtime.bigint();
  sim.runFor(20_000);
  sim.crash('m2');
  sim.runFor(seconds * 1000 - 20_000);
  const secs = Number(process.hrtime.bigint() - start) / 1e9;
  const st = sim.state<DiscoveryState>('discovery');
  const a = st.audit[1]!;
  return {
    rate: sim.eventCount / secs, secs, events: sim.eventCount, messages: st.messages,
    detect: a.firstDeadAt === null ? -1 : a.firstDeadAt - a.crashedAt!, spread: a.allDeadAt === null ? -1 : a.allDeadAt - a.crashedAt!,
    falsePositives: st.falsePositives, violations: sim.violations().length,
  };
}

export function benchDiscovery(): Figure[] {
  swimRun(64, 10); // warm up
  const r = swimRun(500, 60);
  if (r.spread < 0) throw new Error('the SWIM bench: the crashed member was not known dead by everyone within 40 s');
  return [
    { name: 'SWIM 500 members, 60 s simulated: events/s (detectors on)', value: r.rate, unit: 'events/s' },
    { name: 'SWIM 500 members: wall time for 60 s simulated', value: r.secs * 1000, unit: 'ms' },
    { name: 'SWIM 500 members: events', value: r.events, unit: 'events' },
    { name: 'SWIM 500 members: crash detected after', value: r.detect, unit: 'ms' },
    { name: 'SWIM 500 members: crash known by all 499 after', value: r.spread, unit: 'ms' },
    { name: 'SWIM 500 members: false positives', value: r.falsePositives, unit: 'count' },
  ];
}
