// The message arrows of the space-time diagram. One arrow is in the tab order at a time (a roving
// tabindex); the left and right arrow keys move between messages in time order.
import { useState, type KeyboardEvent } from 'react';
import type { ScaleLinear } from 'd3';
import type { Highlight } from '../../store/lab-store.ts';
import { msgFocused, type Focus } from '../shared/highlight.ts';
import { pointable } from '../shared/interaction.tsx';
import { messageStyle, STATUS } from '../shared/palette.ts';
import type { DrawnArrow } from './visible.ts';

/** Labels on every arrow only while few are shown; otherwise on the pointed-at ones. */
const LABEL_ALL_BELOW = 40;

export function describeArrow(d: DrawnArrow): string {
  const a = d.arrow;
  const what = `message #${a.msgId} ${a.type} from ${a.from} to ${a.to}, sent at ${a.sentAt}ms`;
  if (a.status === 'delivered') return `${what}, delivered at ${a.endAt}ms${a.duplicate ? ' (a duplicate copy)' : ''}`;
  if (a.status === 'dropped') return `${what}, DROPPED at ${a.endAt}ms: ${a.reason}`;
  return `${what}, still in flight${d.live ? `, arrives at ${d.t1}ms` : ''}`;
}

export function Arrows({ drawn, x, focus, selected, fs, live }: {
  drawn: readonly DrawnArrow[];
  x: ScaleLinear<number, number>;
  focus: Focus;
  selected: Highlight | null;
  fs: number;
  live: Map<string, SVGGElement>;
}) {
  const [active, setActive] = useState<string | null>(null);
  const tabKey = drawn.some((d) => d.key === active) ? active : drawn[drawn.length - 1]?.key ?? null;
  const labelAll = drawn.length < LABEL_ALL_BELOW;
  const move = (e: KeyboardEvent<SVGGElement>, k: number) => {
    const step = e.key === 'ArrowRight' ? 1 : e.key === 'ArrowLeft' ? -1 : e.key === 'Home' ? -k : e.key === 'End' ? drawn.length - 1 - k : 0;
    if (step === 0) return;
    e.preventDefault();
    const next = drawn[k + step];
    if (!next) return;
    setActive(next.key);
    (e.currentTarget.parentNode?.querySelector(`[data-key="${next.key}"]`) as SVGGElement | null)?.focus();
  };
  return (
    <g className="tb-arrows">
      {drawn.map((d, k) => {
        const a = d.arrow;
        const x0 = x(d.t0);
        const dropAtSend = a.status === 'dropped' && a.endAt === a.sentAt;
        const x1 = dropAtSend ? x0 + 16 : x(d.t1);
        const y1 = dropAtSend ? d.y0 + (d.y1 - d.y0) * 0.35 : d.y1;
        // A live arrow starts at its send point and grows every frame (see useFrame in the diagram).
        const endX = d.live ? x0 : x1;
        const endY = d.live ? d.y0 : y1;
        const pointedAt = msgFocused(focus, a.msgId, a.notice);
        const focused = pointedAt || focus.nodes.has(a.from) || focus.nodes.has(a.to);
        const isSel = (selected?.kind === 'msg' && selected.id === a.msgId) || (selected?.kind === 'notice' && selected.id === a.notice);
        const colour = messageStyle(a.type).colour;
        const label = describeArrow(d);
        const props = pointable({ kind: 'msg', id: a.msgId }, label);
        const dashed = a.status === 'dropped' ? '5 4' : a.status === 'flying' ? '2 3' : undefined;
        return (
          <g key={d.key} data-key={d.key} ref={d.live ? (el) => { if (el) live.set(d.key, el); else live.delete(d.key); } : undefined}
            className={`tb-arrow${focused ? ' is-focused' : ''}${focus.any && !focused ? ' is-dimmed' : ''}`}
            {...props} tabIndex={d.key === tabKey ? 0 : -1}
            onFocus={() => { setActive(d.key); props.onFocus(); }}
            onKeyDown={(e) => { props.onKeyDown(e); move(e, k); }}>
            <title>{label}</title>
            <line className="tb-arrow-hit" x1={x0} y1={d.y0} x2={endX} y2={endY} />
            {isSel && <line x1={x0} y1={d.y0} x2={endX} y2={endY} stroke="#000000" strokeWidth={7} strokeLinecap="round" opacity={0.35} />}
            <line x1={x0} y1={d.y0} x2={endX} y2={endY} stroke="#1d1d1f" strokeWidth={focused ? 4.5 : 3} strokeDasharray={dashed}
              markerEnd={a.status === 'delivered' ? 'url(#tb-st-head)' : undefined} />
            <line className="tb-arrow-line" x1={x0} y1={d.y0} x2={endX} y2={endY} stroke={colour} strokeWidth={focused ? 2.6 : 1.6} strokeDasharray={dashed} />
            <circle cx={x0} cy={d.y0} r={3} fill="#1d1d1f" />
            {a.status === 'dropped' && (
              <g transform={`translate(${x1.toFixed(1)},${y1.toFixed(1)})`}>
                <circle r={8} fill="#ffffff" stroke={STATUS.drop} strokeWidth={1.5} />
                <path d="M-5,-5L5,5M-5,5L5,-5" stroke={STATUS.drop} strokeWidth={3} strokeLinecap="round" />
              </g>
            )}
            {!d.live && (pointedAt || (labelAll && Math.abs(x1 - x0) > 30)) && (
              <text x={(x0 + x1) / 2} y={(d.y0 + y1) / 2 - 4} textAnchor="middle" fontSize={fs - 3} className="tb-halo">
                {a.type}{a.status === 'dropped' ? ` ✕ ${a.reason}` : ''}
              </text>
            )}
          </g>
        );
      })}
    </g>
  );
}
