// Messages in flight between consensus servers (Raft and Paxos): React draws each once per structural
// change; `useFrame` moves them every frame by writing `transform`. They form one tab stop (a roving
// tabindex: arrow keys move between messages); Enter, a click or the context-menu key opens the
// message's menu (drop it, inspect it), Delete drops it at once.
import { memo, useState, type KeyboardEvent, type ReactNode } from 'react';
import { pointOnCurve, type Point } from '../shared/geometry.ts';
import { flightProgress } from '../shared/flight.ts';
import { setAttr, useElementMap, useFrame } from '../shared/hooks.ts';
import { msgFocused, type Focus } from '../shared/highlight.ts';
import { pointable } from '../shared/interaction.tsx';

export interface ConsensusFlight {
  msgId: number;
  /** Several copies of one message can fly at once (network duplication). */
  key: string;
  from: string;
  to: string;
  sentAt: number;
  arrivesAt: number;
  a: Point;
  c: Point;
  b: Point;
  /** A short label shown beside the shape (`AE t3 +2`). */
  label: string;
  /** The message in words (aria-label and title). */
  words: string;
  /** Whatever the icon needs to draw it (shape, colour, ok). */
  look: { shape: string; colour: string; ok: boolean | null };
  /** Already lost (dropped by hand, a lossy link): it still flies and vanishes on arrival. */
  doomed: boolean;
}

export interface FlightsProps {
  flights: readonly ConsensusFlight[];
  focus: Focus;
  selectedMsg: number | null;
  icon: (f: ConsensusFlight) => ReactNode;
  fontSize: number;
  /** Opens the message's menu at a viewport position. */
  onMenu: (f: ConsensusFlight, x: number, y: number) => void;
  onDrop: (f: ConsensusFlight) => void;
  /** Label every message, or (a crowded picture) only the one pointed at. */
  labelAll: boolean;
}

/** Labels show in mid-flight only, so they never cover a server's own name. */
const labelShown = (t: number) => t > 0.12 && t < 0.88;

export function Flights({ flights, focus, selectedMsg, icon, fontSize, onMenu, onDrop, labelAll }: FlightsProps) {
  const els = useElementMap<string, SVGGElement>();
  const [active, setActive] = useState<string | null>(null);
  const tabKey = flights.some((f) => f.key === active) ? active : flights[0]?.key ?? null;
  useFrame((now, reduced) => {
    for (const f of flights) {
      const el = els.get(f.key);
      if (!el) continue;
      const t = flightProgress(f, now, reduced);
      const p = pointOnCurve(f.a, f.c, f.b, t);
      setAttr(el, 'transform', `translate(${p.x.toFixed(1)},${p.y.toFixed(1)})`);
      const label = el.lastElementChild;
      if (label?.tagName === 'text') setAttr(label, 'opacity', reduced || labelShown(t) ? '1' : '0');
    }
  });
  const onKey = (e: KeyboardEvent<SVGGElement>) => {
    const k = flights.findIndex((f) => f.key === (e.target as Element).closest('[data-key]')?.getAttribute('data-key'));
    const f = flights[k];
    if (!f) return;
    const to = (j: number) => {
      const next = flights[(j + flights.length) % flights.length]!;
      setActive(next.key);
      els.get(next.key)?.focus();
    };
    if (e.key === 'ArrowRight' || e.key === 'ArrowDown') to(k + 1);
    else if (e.key === 'ArrowLeft' || e.key === 'ArrowUp') to(k - 1);
    else if (e.key === 'Home') to(0);
    else if (e.key === 'End') to(flights.length - 1);
    else if (e.key === 'Delete' || e.key === 'Backspace') { if (!f.doomed) onDrop(f); }
    else if (e.key === 'Enter' || e.key === ' ' || e.key === 'ContextMenu' || (e.key === 'F10' && e.shiftKey)) {
      const r = (e.target as Element).getBoundingClientRect();
      onMenu(f, r.left + r.width / 2, r.top + r.height / 2);
    } else return;
    e.preventDefault();
    e.stopPropagation();
  };
  return (
    <g className="tb-flights" role="group" aria-label={`${flights.length} message${flights.length === 1 ? '' : 's'} in flight: arrow keys move between them, Enter opens a message's menu, Delete drops it`}
      onKeyDown={onKey}>
      {flights.map((f) => {
        const focused = msgFocused(focus, f.msgId, null) || focus.nodes.has(f.from) || focus.nodes.has(f.to);
        return (
          <FlightItem key={f.key} f={f} focused={focused} dimmed={focus.any && !focused} selected={selectedMsg === f.msgId}
            tab={f.key === tabKey} icon={icon} fontSize={fontSize} els={els} onMenu={onMenu} onActive={setActive}
            labelled={f.label !== '' && (labelAll || msgFocused(focus, f.msgId, null))} />
        );
      })}
    </g>
  );
}

interface ItemProps {
  f: ConsensusFlight;
  focused: boolean;
  dimmed: boolean;
  selected: boolean;
  tab: boolean;
  icon: (f: ConsensusFlight) => ReactNode;
  fontSize: number;
  els: Map<string, SVGGElement>;
  onMenu: (f: ConsensusFlight, x: number, y: number) => void;
  onActive: (key: string) => void;
  labelled: boolean;
}

const FlightItem = memo(function FlightItem({ f, focused, dimmed, selected, tab, icon, fontSize, els, onMenu, onActive, labelled }: ItemProps) {
  const p = pointable({ kind: 'msg', id: f.msgId }, `message #${f.msgId}, ${f.from} to ${f.to}: ${f.words}${f.doomed ? '. It will be lost on arrival.' : '. Enter for its menu, Delete drops it.'}`);
  return (
    <g ref={(el) => { if (el) els.set(f.key, el); else els.delete(f.key); }} data-key={f.key}
      className={`tb-flight${focused ? ' is-focused' : ''}${dimmed ? ' is-dimmed' : ''}`}
      role={p.role} aria-label={p['aria-label']} tabIndex={tab ? 0 : -1}
      onMouseEnter={p.onMouseEnter} onMouseLeave={p.onMouseLeave} onBlur={p.onBlur}
      onFocus={() => { p.onFocus(); onActive(f.key); }}
      onClick={(e) => { e.stopPropagation(); onMenu(f, e.clientX, e.clientY); }}
      onContextMenu={(e) => { e.preventDefault(); onMenu(f, e.clientX, e.clientY); }}>
      <title>{`#${f.msgId} ${f.from}→${f.to}: ${f.words}${f.doomed ? ' (will be lost)' : ''}`}</title>
      {selected && <circle r={15} fill="none" stroke="#000000" strokeWidth={2.5} />}
      <circle r={13} fill="transparent" />
      <g opacity={f.doomed ? 0.55 : 1}>{icon(f)}</g>
      {f.doomed && <path d="M-7,-7L7,7M-7,7L7,-7" stroke="#D55E00" strokeWidth={3} strokeLinecap="round" aria-hidden="true" />}
      {labelled && <text x={12} y={-8} fontSize={fontSize} fontWeight={700} className="tb-halo tb-mono">{f.label}</text>}
    </g>
  );
}, (a, b) => a.f.key === b.f.key && a.f.label === b.f.label && a.f.doomed === b.f.doomed && a.f.a.x === b.f.a.x && a.f.a.y === b.f.a.y && a.f.b.x === b.f.b.x && a.f.b.y === b.f.b.y
  && a.labelled === b.labelled && a.focused === b.focused && a.dimmed === b.dimmed && a.selected === b.selected && a.tab === b.tab && a.fontSize === b.fontSize
  && a.icon === b.icon && a.onMenu === b.onMenu && a.els === b.els);
