// What a run remembers for time travel: the trace up to the horizon (a bounded ring), the inputs that
// were applied and when, and snapshots of the whole state. A bounded number of snapshots is kept, spread
// evenly over the run as it grows (see thin), so a run of hours keeps a bounded number yet a seek
// anywhere replays only a short stretch.
import type { Time, TraceEvent } from './types.ts';
import { cloneState, type SimState } from './state.ts';
import { TraceRing } from './trace-ring.ts';

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
  /** Events until the next periodic snapshot is due. */
  spacing: number;
}

const MAX_SNAPSHOTS = 256;

/**
 * Periodic snapshots are at least this many events apart per object a snapshot holds. Copying and
 * keeping an object costs about as much as an event or two (mostly the garbage collector's work, as it
 * outlives the short-lived objects an event makes), so this keeps snapshots to a few percent of a run
 * whatever the state's size, and a seek's replay stays in proportion to its restore.
 */
const EVENTS_PER_OBJECT = 8;

/** The run's memory for time travel: trace ring, input log, snapshots. */
export type History = ReturnType<typeof createHistory>;

export function createHistory(opts: { snapshotEvery: number; traceLimit: number }) {
  const trace = new TraceRing(opts.traceLimit);
  let violations: TraceEvent[] = [];
  let snaps: Snapshot[] = [];
  /** The event count at which the next periodic snapshot is due (checked after every event). */
  let due = 0;
  const refreshDue = () => {
    const last = snaps[snaps.length - 1];
    due = !last ? 0 : last.eventCount + last.spacing;
  };

  const traceEnd = () => trace.end;
  type Moment = { readonly eventCount: number; readonly inputCursor: number; readonly now: Time };
  const isAfter = (a: Moment, s: Moment) =>
    a.eventCount > s.eventCount || (a.eventCount === s.eventCount && (a.inputCursor > s.inputCursor
      || (a.inputCursor === s.inputCursor && a.now > s.now)));

  /**
   * The ring is full: drop the snapshot whose two neighbours are closest together (never the first, at
   * time zero, nor the newest). Snapshots stay spread evenly over the whole run, at most about twice the
   * even spacing apart, so a seek anywhere (a stepBack too) replays a short stretch.
   */
  function thin(): void {
    let drop = 1;
    let narrowest = Number.POSITIVE_INFINITY;
    for (let j = 1; j < snaps.length - 1; j++) {
      const gap = snaps[j + 1]!.eventCount - snaps[j - 1]!.eventCount;
      if (gap < narrowest) { narrowest = gap; drop = j; }
    }
    snaps.splice(drop, 1);
  }

  return {
    inputs: [] as InputEntry[],
    horizonTime: 0,

    /**
     * The trace up to the horizon. The simulator pushes an entry only when it is new (its index is
     * `trace.end`): one regenerated while replaying an already-known stretch is not stored again.
     */
    trace,

    /** Keeps a new violation, as an object in both the trace and the list of violations. */
    recordViolation(ev: TraceEvent): void {
      if (ev.i < traceEnd()) return;
      trace.pushObject(ev);
      violations.push(ev);
    },

    traceUpTo(n: number): readonly TraceEvent[] {
      return trace.upTo(n);
    },

    traceBetween(from: number, n: number): readonly TraceEvent[] {
      return trace.range(from, n);
    },

    violationsUpTo(n: number): readonly TraceEvent[] {
      return violations.filter((v) => v.i < n);
    },

    snapshot(st: SimState, force: boolean): void {
      const last = snaps[snaps.length - 1];
      if (last) {
        const atFrontier = isAfter(st, last);
        if (!atFrontier) return;
        if (!force && st.eventCount - last.eventCount < last.spacing) return;
      }
      const size = { objects: 0 };
      const state = cloneState(st, size);
      const spacing = opts.snapshotEvery > 0 ? Math.max(opts.snapshotEvery, EVENTS_PER_OBJECT * size.objects) : Number.POSITIVE_INFINITY;
      snaps.push({ eventCount: st.eventCount, inputCursor: st.inputCursor, now: st.now, state, spacing });
      if (snaps.length > MAX_SNAPSHOTS) thin();
      refreshDue();
    },

    /** `snapshot(st, false)` does nothing before this event count, so the loop need not call it. */
    snapshotDue: () => due,

    /** The newest snapshot satisfying `pick` (the first one, at time zero, always exists). */
    latestWhere(pick: (s: Moment) => boolean): Snapshot {
      for (let i = snaps.length - 1; i >= 0; i--) if (pick(snaps[i]!)) return snaps[i]!;
      return snaps[0]!;
    },

    isAfter,

    /** Called before an input: when the cursor is in the past, drops the old future and says how much. */
    forkAt(st: SimState): number | null {
      const inPast = st.traceLen < traceEnd() || st.inputCursor < this.inputs.length;
      if (!inPast) return null;
      const discarded = traceEnd() - st.traceLen;
      trace.truncate(st.traceLen);
      violations = violations.filter((v) => v.i < st.traceLen);
      this.inputs.length = st.inputCursor;
      snaps = snaps.filter((s, i) => i === 0 || !isAfter(s, st));
      refreshDue();
      this.horizonTime = st.now;
      return discarded;
    },

    noteReached(st: SimState): void {
      if (st.now > this.horizonTime) this.horizonTime = st.now;
    },
  };
}
