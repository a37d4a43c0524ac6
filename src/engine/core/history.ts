// What a run remembers for time travel: the trace up to the horizon (a bounded ring), the inputs that
// were applied and when, and snapshots of the whole state. Snapshots thin out as they age, so a run of
// hours keeps a bounded number yet a seek anywhere replays only a short stretch.
import type { Time, TraceEvent } from './types.ts';
import { cloneState, type SimState } from './state.ts';

export interface InputEntry {
  eventCount: number;
  now: Time;
  label: string;
  apply: () => void;
}

interface Snapshot {
  eventCount: number;
  inputCursor: number;
  now: Time;
  state: SimState;
}

const MAX_SNAPSHOTS = 256;

export function createHistory(opts: { snapshotEvery: number; traceLimit: number }) {
  let trace: TraceEvent[] = [];
  let base = 0; // trace index of trace[0]
  let violations: TraceEvent[] = [];
  let snaps: Snapshot[] = [];

  const traceEnd = () => base + trace.length;
  type Moment = { eventCount: number; inputCursor: number; now: Time };
  const isAfter = (a: Moment, s: Moment) =>
    a.eventCount > s.eventCount || (a.eventCount === s.eventCount && (a.inputCursor > s.inputCursor
      || (a.inputCursor === s.inputCursor && a.now > s.now)));

  return {
    inputs: [] as InputEntry[],
    horizonTime: 0,

    /** Keeps a new entry; an entry regenerated while replaying an already-known stretch is skipped. */
    record(ev: TraceEvent): void {
      if (ev.i < traceEnd()) return;
      trace.push(ev);
      if (ev.kind === 'violation') violations.push(ev);
      if (trace.length > opts.traceLimit) {
        const cut = Math.floor(opts.traceLimit / 4);
        trace = trace.slice(cut);
        base += cut;
      }
    },

    traceUpTo(n: number): readonly TraceEvent[] {
      return n >= traceEnd() ? trace : trace.slice(0, Math.max(0, n - base));
    },

    violationsUpTo(n: number): readonly TraceEvent[] {
      return violations.filter((v) => v.i < n);
    },

    snapshot(st: SimState, force: boolean): void {
      const last = snaps[snaps.length - 1];
      if (last) {
        const atFrontier = isAfter(st, last);
        if (!atFrontier) return;
        if (!force && (opts.snapshotEvery <= 0 || st.eventCount - last.eventCount < opts.snapshotEvery)) return;
      }
      snaps.push({ eventCount: st.eventCount, inputCursor: st.inputCursor, now: st.now, state: cloneState(st) });
      if (snaps.length > MAX_SNAPSHOTS) {
        const half = snaps.length >> 1;
        snaps = [snaps[0]!, ...snaps.slice(1, half).filter((_, i) => i % 2 === 1), ...snaps.slice(half)];
      }
    },

    /** The newest snapshot satisfying `pick` (the first one, at time zero, always exists). */
    latestWhere(pick: (s: { eventCount: number; now: Time }) => boolean): SimState {
      for (let i = snaps.length - 1; i >= 0; i--) if (pick(snaps[i]!)) return snaps[i]!.state;
      return snaps[0]!.state;
    },

    /** Called before an input: when the cursor is in the past, drops the old future and says how much. */
    forkAt(st: SimState): number | null {
      const inPast = st.traceLen < traceEnd() || st.inputCursor < this.inputs.length;
      if (!inPast) return null;
      const discarded = traceEnd() - st.traceLen;
      if (st.traceLen >= base) trace = trace.slice(0, st.traceLen - base);
      else { trace = []; base = st.traceLen; }
      violations = violations.filter((v) => v.i < st.traceLen);
      this.inputs.length = st.inputCursor;
      snaps = snaps.filter((s, i) => i === 0 || !isAfter(s, st));
      this.horizonTime = st.now;
      return discarded;
    },

    noteReached(st: SimState): void {
      if (st.now > this.horizonTime) this.horizonTime = st.now;
    },
  };
}
