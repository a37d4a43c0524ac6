// The event log: every trace entry, filterable by node and kind; click one to jump to that moment. The list
// is one tab stop (the row at the cursor, or the last one reached): Up, Down, Home and End move between rows
// and Enter jumps, so a busy run's hundreds of rows do not stand between the keyboard and the console.
// Entries after the cursor (after a seek back) are shown dimmed as "later", except in a prediction's run,
// whose future the learner watches unfold rather than reads ahead.
import { memo, useDeferredValue, useEffect, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import { labStore, useLab } from '../../store/lab-store.ts';
import { useStructureVersion } from '../kit/version.ts';
import type { TraceEvent, TraceKind } from '../../engine/core/index.ts';
import { jumpToEvent } from './jump.ts';

const KINDS: { kind: TraceKind; label: string }[] = [
  { kind: 'send', label: 'send' }, { kind: 'deliver', label: 'deliver' }, { kind: 'drop', label: 'drop' },
  { kind: 'timer', label: 'timer' }, { kind: 'note', label: 'note' }, { kind: 'fault', label: 'fault' },
  { kind: 'input', label: 'input' }, { kind: 'fork', label: 'fork' }, { kind: 'violation', label: 'violation' },
];
const DEFAULT_ON: TraceKind[] = ['deliver', 'drop', 'note', 'fault', 'input', 'fork', 'violation'];
const SHOWN = 400;
/** While playing, at least this many rows either side of the cursor's row are drawn (a list-full more
 *  once its height is known); the rest are spacers. */
const AROUND = 20;

const GLYPH: Record<TraceKind, string> = {
  send: '↗', deliver: '↘', drop: '✕', timer: '◔', note: '•', fault: '⚡', input: '▸', fork: '⤴', violation: '!',
};

/** Pointing at an entry highlights its message (or node) in the views. */
const hover = (e: TraceEvent) => {
  const h = e.msgId !== undefined ? { kind: 'msg' as const, id: e.msgId } : e.node ? { kind: 'node' as const, id: e.node } : null;
  labStore.getState().setHighlight(h);
};
const unhover = () => labStore.getState().setHighlight(null);

/** Where a key moves focus in a list of `n` rows from row `k`, or null for a key the list leaves alone. */
function rowFor(key: string, k: number, n: number): number | null {
  switch (key) {
    case 'ArrowDown': return Math.min(n - 1, k + 1);
    case 'ArrowUp': return Math.max(0, k - 1);
    case 'Home': return 0;
    case 'End': return n - 1;
  }
  return null;
}

function moveInList(ev: KeyboardEvent<HTMLOListElement>): void {
  const buttons = [...ev.currentTarget.querySelectorAll<HTMLButtonElement>('button')];
  const k = buttons.indexOf(document.activeElement as HTMLButtonElement);
  const to = k < 0 ? null : rowFor(ev.key, k, buttons.length);
  if (to === null) return;
  ev.preventDefault();
  buttons[to]!.focus();
}

const touches = (e: TraceEvent, node: string) => e.node === node || e.from === node || e.to === node;

/** The last `limit` entries that pass the filter, scanning back from the end (a long run has 100k entries). */
function lastMatching(trace: readonly TraceEvent[], keep: (e: TraceEvent) => boolean, limit: number) {
  const out: TraceEvent[] = [];
  let k = trace.length - 1;
  for (; k >= 0 && out.length < limit; k--) if (keep(trace[k]!)) out.push(trace[k]!);
  return { rows: out.reverse(), more: k >= 0 };
}

export function EventLog({ active = true }: { active?: boolean }) {
  // At fast playback hundreds of events land every frame and the newest 400 all change: the log catches
  // up five times a second then (at once when paused, stepping or seeking).
  const version = useStructureVersion(12);
  const sim = useLab((s) => s.session.sim);
  const selected = useLab((s) => s.selected);
  // Playing, the list follows the cursor, so only the rows around it can be seen: drawing just those
  // spares building ~400 new rows on every update at fast playback. Paused, every row is there.
  const playing = useLab((s) => s.playing);
  const predictionRun = useLab((s) => s.scene?.kind === 'run');
  const rowHeight = useRef(20);
  const around = useRef(AROUND);
  const [node, setNode] = useState('');
  const [kinds, setKinds] = useState<TraceKind[]>(DEFAULT_ON);
  const [reached, setReached] = useState<number | null>(null); // the row the keyboard last reached
  const list = useRef<HTMLOListElement>(null);

  const latest = useMemo(() => {
    void version;
    if (!active) return { rows: [], more: false, cursor: -1, nodes: [] };
    const past = sim.trace();
    const cursor = past.length ? past[past.length - 1]!.i : -1;
    const found = lastMatching(predictionRun ? past : sim.fullTrace(), (e) => kinds.includes(e.kind) && (node === '' || touches(e, node)), SHOWN);
    return { ...found, cursor, nodes: sim.nodes().map((n) => n.id) };
  }, [sim, version, node, kinds, active, predictionRun]);
  // Up to 400 new rows at once (a link's hour-long catch-up, a seek far ahead) are drawn in the background,
  // a few at a time between the page's other work, rather than as one long task: the old rows show meanwhile.
  const { rows, more, cursor, nodes } = useDeferredValue(latest);

  useEffect(() => {
    // Keep the row at the cursor visible by scrolling the list only (scrollIntoView would move the page too).
    const el = list.current;
    const current = el?.querySelector<HTMLElement>('[data-current="true"]');
    if (!el || !current) return;
    rowHeight.current = current.offsetHeight || rowHeight.current;
    around.current = Math.max(AROUND, Math.ceil(el.clientHeight / rowHeight.current) + 5);
    const top = current.offsetTop - el.offsetTop;
    if (top < el.scrollTop || top + current.offsetHeight > el.scrollTop + el.clientHeight) {
      el.scrollTop = Math.max(0, top - el.clientHeight + current.offsetHeight + 8);
    }
  }, [rows, cursor, playing]);

  const toggle = (k: TraceKind) => setKinds((ks) => (ks.includes(k) ? ks.filter((x) => x !== k) : [...ks, k]));
  const currentRow = [...rows].reverse().find((e) => e.i <= cursor);
  const at = currentRow ? rows.indexOf(currentRow) : rows.length - 1;
  const from = playing ? Math.max(0, at - around.current) : 0;
  const to = playing ? Math.min(rows.length, at + around.current + 1) : rows.length;
  const drawn = rows.slice(from, to);
  const tabStop = drawn.some((e) => e.i === reached) ? reached : (currentRow ?? drawn[drawn.length - 1])?.i;
  const spacer = (n: number) => (n > 0 ? <li className="log-spacer" aria-hidden="true" style={{ height: n * rowHeight.current }} /> : null);

  return (
    <div className="event-log">
      <div className="log-filters" role="group" aria-label="Filter the event log">
        <label className="select-label">
          <span className="visually-hidden">Show events of</span>
          <select value={node} onChange={(e) => setNode(e.target.value)} data-testid="log-node">
            <option value="">all nodes</option>
            {nodes.map((n) => <option key={n} value={n}>{n}</option>)}
          </select>
        </label>
        <div className="chips">
          {KINDS.map(({ kind, label }) => (
            <label key={kind} className={`chip kind-${kind}`}>
              <input type="checkbox" checked={kinds.includes(kind)} onChange={() => toggle(kind)} />
              {label}
            </label>
          ))}
        </div>
      </div>
      {more ? <p className="muted small log-more">Showing the last {SHOWN} matching entries; narrow the filter or jump on the timeline for earlier ones.</p> : null}
      {rows.length === 0 ? <p className="muted empty">Nothing here yet. Press play, or step forward.</p> : null}
      <ol className="log-list" ref={list} aria-label="Events: up and down arrows move, Enter jumps to one" data-testid="event-log" onKeyDown={moveInList}>
        {spacer(from)}
        {drawn.map((e) => {
          const later = e.i > cursor;
          const isSelected = selected?.kind === 'trace' && selected.id === e.i;
          return <LogRow key={e.i} e={e} text={sim.formatEvent(e)} later={later} selected={isSelected} current={e === currentRow}
            tabbable={e.i === tabStop} onReach={setReached} />;
        })}
        {spacer(rows.length - to)}
      </ol>
    </div>
  );
}

/** One entry; memoised, so a new event renders only the rows that came and went. */
const LogRow = memo(function LogRow({ e, text, later, selected, current, tabbable, onReach }: {
  e: TraceEvent; text: string; later: boolean; selected: boolean; current: boolean; tabbable: boolean; onReach: (i: number) => void;
}) {
  return (
    <li className={`log-row kind-${e.kind}${later ? ' later' : ''}${selected ? ' selected' : ''}`} data-current={current ? 'true' : undefined}>
      <button type="button" onClick={() => jumpToEvent(e)} tabIndex={tabbable ? 0 : -1}
        onMouseEnter={() => hover(e)} onFocus={() => { hover(e); onReach(e.i); }} onMouseLeave={unhover} onBlur={unhover} aria-label={`${later ? 'later: ' : ''}${text}. Jump here`}>
        <span className="log-glyph" aria-hidden="true">{GLYPH[e.kind]}</span>
        <span className="log-text">{text}</span>
      </button>
    </li>
  );
});
