// The timeline: drag (or use arrow keys on it) to any moment. Message traffic is drawn as a density strip;
// inputs, faults and invariant violations are individual marks with their own shapes, not only colours.
import { memo, useMemo, useRef, type KeyboardEvent, type PointerEvent } from 'react';
import { labStore, useLab } from '../../store/lab-store.ts';
import type { TraceEvent } from '../../engine/core/index.ts';
import { useStructureVersion } from '../kit/version.ts';
import { formatTime, niceCeil } from './format.ts';

const BINS = 160;

interface Mark { i: number; t: number; kind: 'input' | 'fault' | 'violation' | 'fork'; label: string }

interface Tally {
  sim: unknown;
  end: number;
  /** The entries counted, from index `firstI` on: each one's bin (-1 for none), to take back off the
   *  counts when the engine's bounded trace lets its oldest entries go. */
  firstI: number;
  binOf: number[];
  last: TraceEvent | undefined;
  counts: number[];
  marks: Mark[];
}

/** The tally with the new entries counted and the ones the trace no longer holds taken off; a fresh one
 *  when the trace is another run's (a new sim, a new scale, a seek that forked it). */
function recount(prev: Tally | null, sim: { formatEvent(e: TraceEvent): string }, trace: readonly TraceEvent[], end: number): Tally {
  const base = trace[0]?.i ?? 0;
  const lastAt = prev?.last ? prev.last.i - base : -1;
  const valid = prev && prev.sim === sim && prev.end === end && base >= prev.firstI
    && (prev.last === undefined ? base === prev.firstI : lastAt >= -1 && lastAt < trace.length && (lastAt < 0 || trace[lastAt] === prev.last));
  const t: Tally = valid ? prev : { sim, end, firstI: base, binOf: [], last: undefined, counts: new Array<number>(BINS).fill(0), marks: [] };
  const gone = Math.min(t.binOf.length, base - t.firstI);
  for (let k = 0; k < gone; k++) if (t.binOf[k]! >= 0) t.counts[t.binOf[k]!]! -= 1;
  if (gone > 0) {
    t.binOf.splice(0, gone);
    t.marks = t.marks.filter((m) => m.i >= base);
  }
  t.firstI = base;
  for (let k = t.binOf.length; k < trace.length; k++) {
    const e = trace[k]!;
    let bin = -1;
    if (e.kind === 'deliver' || e.kind === 'drop' || e.kind === 'timer') t.counts[bin = Math.min(BINS - 1, Math.floor((e.t / end) * BINS))]! += 1;
    else if (e.kind === 'input' || e.kind === 'fault' || e.kind === 'violation' || e.kind === 'fork') {
      t.marks.push({ i: e.i, t: e.t, kind: e.kind, label: sim.formatEvent(e) });
    }
    t.binOf.push(bin);
  }
  t.last = trace[trace.length - 1];
  return t;
}

export function Timeline() {
  // The strip and marks follow the (throttled) structure version; only the cursor moves every frame.
  const version = useStructureVersion();
  const now = useLab((s) => s.now);
  const session = useLab((s) => s.session);
  const track = useRef<HTMLDivElement>(null);
  const sim = session.sim;
  const horizon = sim.horizon;
  const end = niceCeil(Math.max(100, horizon, now, sim.nextEventTime() ?? 0) * 1.05);

  // Counted incrementally: each update reads just the new entries (and takes off those the trace let go).
  const tally = useRef<Tally | null>(null);
  const { bins, marks } = useMemo(() => {
    void version;
    const t = recount(tally.current, sim, sim.fullTrace(), end);
    tally.current = t;
    const max = Math.max(1, ...t.counts);
    // Whole percent heights: a bin's span is rewritten only when its height visibly changes.
    return { bins: t.counts.map((c) => (c > 0 ? 20 + Math.round((c / max) * 80) : 0)), marks: t.marks.slice(-300) };
  }, [sim, version, end]);

  const seekToClientX = (clientX: number) => {
    const el = track.current;
    if (!el) return;
    const r = el.getBoundingClientRect();
    const frac = Math.min(1, Math.max(0, (clientX - r.left) / r.width));
    labStore.getState().jumpTo(Math.round(frac * end));
  };

  const onPointerDown = (e: PointerEvent<HTMLDivElement>) => {
    if (e.button !== 0) return;
    e.currentTarget.setPointerCapture(e.pointerId);
    seekToClientX(e.clientX);
  };
  const onPointerMove = (e: PointerEvent<HTMLDivElement>) => {
    if (e.currentTarget.hasPointerCapture(e.pointerId)) seekToClientX(e.clientX);
  };
  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    const stepMs = Math.max(1, Math.round(end / 100));
    const st = labStore.getState();
    const to = (t: number) => { e.preventDefault(); e.stopPropagation(); st.jumpTo(Math.max(0, Math.round(t))); };
    if (e.key === 'ArrowRight' || e.key === 'ArrowUp') to(now + stepMs);
    else if (e.key === 'ArrowLeft' || e.key === 'ArrowDown') to(now - stepMs);
    else if (e.key === 'PageUp') to(now + stepMs * 10);
    else if (e.key === 'PageDown') to(now - stepMs * 10);
    else if (e.key === 'Home') to(0);
    else if (e.key === 'End') to(horizon);
  };

  const pct = (t: number) => pctOf(t, end);
  const violations = marks.filter((m) => m.kind === 'violation');

  return (
    <div className="timeline">
      <div
        ref={track}
        className="timeline-track"
        role="slider"
        tabIndex={0}
        aria-label="Time"
        aria-valuemin={0}
        aria-valuemax={end}
        aria-valuenow={now}
        aria-valuetext={`${formatTime(now)}${violations.length ? `, ${violations.length} invariant violation${violations.length > 1 ? 's' : ''}` : ''}`}
        data-testid="timeline"
        onPointerDown={onPointerDown}
        onPointerMove={onPointerMove}
        onKeyDown={onKeyDown}
      >
        <div className="timeline-reached" style={{ width: pct(horizon) }} />
        <Strip bins={bins} marks={marks} end={end} />
        <div className="timeline-cursor" style={{ left: pct(now) }} aria-hidden="true" />
      </div>
      <div className="timeline-scale" aria-hidden="true">
        <span>0</span><span>{formatTime(end / 2)}</span><span>{formatTime(end)}</span>
      </div>
    </div>
  );
}

const pctOf = (t: number, end: number) => `${Math.min(100, (t / end) * 100)}%`;

/** The density strip and the marks: re-rendered only when they change, not as the cursor moves. */
const Strip = memo(function Strip({ bins, marks, end }: { bins: number[]; marks: Mark[]; end: number }) {
  return (
    <>
      <div className="timeline-density" aria-hidden="true">
        {bins.map((h, k) => (h > 0 ? <span key={k} style={{ left: `${(k / BINS) * 100}%`, height: `${h}%` }} /> : null))}
      </div>
      {marks.map((m) => (
        <span key={m.i} className={`timeline-mark mark-${m.kind}`} style={{ left: pctOf(m.t, end) }} title={m.label} aria-hidden="true">
          {m.kind === 'violation' ? <span>!</span> : null}
        </span>
      ))}
    </>
  );
});
