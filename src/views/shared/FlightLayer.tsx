// Messages in flight, drawn by React once per structural change (`version`) and moved every frame by a
// transient store subscription that writes `transform` attributes directly (no re-render per frame).
import { memo, type ReactNode } from 'react';
import { pointOnCurve, type Point } from './geometry.ts';
import { flightProgress } from './flight.ts';
import { useElementMap, useFrame } from './hooks.ts';
import { msgFocused, type Focus } from './highlight.ts';
import { pointable } from './interaction.tsx';

export interface FlightSpec {
  msgId: number;
  /** Several copies of one message can fly at once (network duplication). */
  key: string;
  type: string;
  notice: number | null;
  topic: string | null;
  from: string;
  to: string;
  sentAt: number;
  arrivesAt: number;
  /** Path: a quadratic curve a -> c -> b. */
  a: Point;
  c: Point;
  b: Point;
  /** Words for screen readers and the hover title. */
  label: string;
}

export function FlightLayer({ flights, focus, selectedMsg = null, icon, className }: {
  flights: readonly FlightSpec[];
  focus: Focus;
  /** The selected message's id, drawn with a selection ring. */
  selectedMsg?: number | null;
  icon: (f: FlightSpec, focused: boolean) => ReactNode;
  className?: string;
}) {
  const els = useElementMap<string, SVGGElement>();
  useFrame((now, reduced) => {
    for (const f of flights) {
      const el = els.get(f.key);
      if (!el) continue;
      const t = flightProgress(f, now, reduced);
      const p = pointOnCurve(f.a, f.c, f.b, t);
      el.setAttribute('transform', `translate(${p.x.toFixed(1)},${p.y.toFixed(1)})`);
      // The type label shows in mid-flight, where it does not cover the sender's or receiver's own label.
      const label = el.lastElementChild;
      if (label?.getAttribute('data-flight-label') !== null) label?.setAttribute('opacity', t > 0.1 && t < 0.9 ? '1' : '0');
    }
  });
  return (
    <g className={className ?? 'tb-flights'}>
      {flights.map((f) => {
        const focused = msgFocused(focus, f.msgId, f.notice, f.topic) || focus.nodes.has(f.from) || focus.nodes.has(f.to);
        return <FlightItem key={f.key} spec={f} focused={focused} selected={f.msgId === selectedMsg} dimmed={focus.any && !focused} icon={icon} els={els} />;
      })}
    </g>
  );
}

interface ItemProps {
  spec: FlightSpec;
  focused: boolean;
  selected: boolean;
  dimmed: boolean;
  icon: (f: FlightSpec, focused: boolean) => ReactNode;
  els: Map<string, SVGGElement>;
}

/** One message; re-rendered only when what it shows changes (its position is set by the frame loop). */
const FlightItem = memo(function FlightItem({ spec: f, focused, selected, dimmed, icon, els }: ItemProps) {
  return (
    <g ref={(el) => { if (el) els.set(f.key, el); else els.delete(f.key); }}
      className={`tb-flight${focused ? ' is-focused' : ''}${dimmed ? ' is-dimmed' : ''}`}
      {...pointable({ kind: 'msg', id: f.msgId }, f.label)} tabIndex={-1}>
      <title>{f.label}</title>
      {selected && <circle r={17} fill="none" stroke="#000000" strokeWidth={3} />}
      {icon(f, focused)}
    </g>
  );
}, (a, b) => a.focused === b.focused && a.selected === b.selected && a.dimmed === b.dimmed && a.els === b.els
  && a.spec.key === b.spec.key && a.spec.label === b.spec.label && a.spec.type === b.spec.type && a.spec.topic === b.spec.topic);
