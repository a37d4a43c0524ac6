// Inputs: what a person, a lesson or a test does to the run (a command, a fault). Each is logged with the
// moment it was applied, so a replay re-applies it at exactly that moment (event-loop.ts) and a share link
// can list it. An input first runs on a throwaway copy, so one that throws changes nothing; one applied in
// the past forks the run: the old future is discarded (history.ts).
import type { SimCore } from './sim-core.ts';
import { rebindRng, replaceState } from './sim-core.ts';
import type { InputEntry } from './history.ts';
import { recordText } from './recording.ts';
import { checkInvariants } from './invariants.ts';
import { refreshChecks } from './contexts.ts';

export function input(core: SimCore, label: string, apply: () => void): void {
  if (core.typedLabel !== null) { label = core.typedLabel; core.typedLabel = null; }
  dryRun(core, apply);
  const history = core.history;
  const discarded = history.forkAt(core.st);
  if (discarded !== null) {
    recordText(core, 'fork', undefined, undefined, `acted at a past moment; the old future (${discarded} trace entries) was discarded`);
  }
  const entry: InputEntry = { eventCount: core.st.eventCount, now: core.st.now, label, apply };
  history.inputs.push(entry);
  applyEntry(core, entry);
  history.snapshot(core.st, true);
}

/** Applies a logged input: now, or again while replaying the log. */
export function applyEntry(core: SimCore, entry: InputEntry): void {
  const st = core.st;
  st.now = Math.max(st.now, entry.now);
  core.causeIndex = st.traceLen;
  recordText(core, 'input', undefined, undefined, entry.label);
  entry.apply();
  core.st.inputCursor++;
  checkInvariants(core);
}

/** Runs `fn` (a scenario command) so that the first input it applies is labelled `line`, as typed. */
export function asTyped<T>(core: SimCore, line: string, fn: () => T): T {
  core.typedLabel = line;
  try { return fn(); } finally { core.typedLabel = null; }
}

/** Runs an input on a throwaway copy first, so one that throws changes nothing (not even the future). */
function dryRun(core: SimCore, apply: () => void): void {
  const real = core.st;
  replaceState(core, real);
  core.dry = true;
  try {
    apply();
  } finally {
    core.st = real;
    core.dry = false;
    rebindRng(core);
    refreshChecks(core);
  }
}
