// The message arrows of the space-time diagram. One arrow is in the tab order at a time (a roving
// tabindex); the left and right arrow keys move between messages in time order. Each arrow is a memoised
// component with plain props, so a re-render for a new event only touches the arrows that changed.
import { memo, useState, type KeyboardEvent } from 'react';
import { scaleLinear, type ScaleLinear } from 'd3';
import type { Highlight } from '../../store/lab-store.ts';
import { msgFocused, type Focus } from '../shared/highlight.ts';
import { pointable } from '../shared/interaction.tsx';
import { messageStyle, STATUS } from '../shared/palette.ts';
import type { Arrow } from './model.ts';
import type { DrawnArrow } from './visible.ts';

/** Labels on every arrow only while few are shown; otherwise on the pointed-at ones. */
const LABEL_ALL_BELOW = 40;

export function describeArrow(a: Arrow, live: boolean, arrivesAt: number): string {
  const what = `message #${a.msgId} ${a.type} from ${a.from} to ${a.to}, sent at ${a.sentAt}ms`;
  if (a.status === 'delivered') return `${what}, delivered at ${a.endAt}ms${a.duplicate ? ' (a duplicate copy)' : ''}`;
  if (a.status === 'dropped') return `${what}, DROPPED at ${a.endAt}ms: ${a.reason}`;
  return `${what}, still in flight${live ? `, arrives at ${arrivesAt}ms` : ''}`;
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
  const chunks = chunksOf(drawn);
  // Keyboard moves between arrows are handled once here for all of them (events bubble up).
  const move = (e: KeyboardEvent<SVGGElement>) => {
    const el = (e.target as Element).closest('[data-k]');
    const k = Number(el?.getAttribute('data-k') ?? -1);
    if (k < 0) return;
    const step = e.key === 'ArrowRight' ? 1 : e.key === 'ArrowLeft' ? -1 : e.key === 'Home' ? -k : e.key === 'End' ? drawn.length - 1 - k : 0;
    const next = step === 0 ? undefined : drawn[k + step];
    if (!next) return;
    e.preventDefault();
    setActive(next.key);
    (e.currentTarget.querySelector(`[data-k="${k + step}"]`) as SVGGElement | null)?.focus();
  };
  return (
    <g className="tb-arrows" onKeyDown={move}
      onFocus={(e) => { const key = (e.target as Element).getAttribute('data-key'); if (key) setActive(key); }}>
      {chunks.map((c) => (
        <ArrowChunk key={c.id} items={c.items} sig={c.sig} first={c.first} domain={x.domain() as [number, number]}
          range={x.range() as [number, number]} focus={focus} selected={selected} tabKey={tabKey} labelAll={labelAll} fs={fs} live={live} />
      ))}
    </g>
  );
}

/** Arrows grouped by their place in the model, so a new event re-renders only the newest group. */
const CHUNK = 48;

function chunksOf(drawn: readonly DrawnArrow[]) {
  const out: { id: number; first: number; items: DrawnArrow[]; sig: string }[] = [];
  drawn.forEach((d, k) => {
    const id = Math.floor(d.seq / CHUNK);
    const last = out[out.length - 1];
    if (last && last.id === id) last.items.push(d);
    else out.push({ id, first: k, items: [d], sig: '' });
  });
  for (const c of out) c.sig = c.items.map((d) => `${d.key}${d.live ? '~' : ''}${d.y0},${d.y1},${d.t1}`).join(' ');
  return out;
}

interface ChunkProps {
  items: DrawnArrow[]; sig: string; first: number; domain: [number, number]; range: [number, number]; focus: Focus;
  selected: Highlight | null; tabKey: string | null; labelAll: boolean; fs: number; live: Map<string, SVGGElement>;
}

const ArrowChunk = memo(function ArrowChunk({ items, first, domain, range, focus, selected, tabKey, labelAll, fs, live }: ChunkProps) {
  const x = scaleLinear().domain(domain).range(range);
  return (
    <g>
      {items.map((d, j) => {
        const k = first + j;
        const a = d.arrow;
        const dropAtSend = a.status === 'dropped' && a.endAt === a.sentAt;
        const x0 = x(d.t0);
        const x1 = dropAtSend ? x0 + 16 : x(d.t1);
        const y1 = dropAtSend ? d.y0 + (d.y1 - d.y0) * 0.35 : d.y1;
        const pointedAt = msgFocused(focus, a.msgId, a.notice);
        const focused = pointedAt || focus.nodes.has(a.from) || focus.nodes.has(a.to);
        const isSel = (selected?.kind === 'msg' && selected.id === a.msgId) || (selected?.kind === 'notice' && selected.id === a.notice);
        return (
          <ArrowItem key={d.key} k={k} itemKey={d.key} msgId={a.msgId} type={a.type} status={a.status} reason={a.reason}
            label={describeArrow(a, d.live, d.t1)} x0={x0} y0={d.y0} x1={x1} y1={y1} live={d.live ? live : null}
            focused={focused} dimmed={focus.any && !focused} selected={isSel} tabbable={d.key === tabKey}
            showType={pointedAt || (labelAll && Math.abs(x1 - x0) > 30)} fs={fs} />
        );
      })}
    </g>
  );
}, (a, b) => a.sig === b.sig && a.first === b.first && a.domain[0] === b.domain[0] && a.domain[1] === b.domain[1]
  && a.range[0] === b.range[0] && a.range[1] === b.range[1] && a.focus === b.focus && a.selected === b.selected
  && a.labelAll === b.labelAll && a.fs === b.fs && a.live === b.live
  && (a.tabKey === b.tabKey || !a.items.some((d) => d.key === a.tabKey || d.key === b.tabKey)));

interface ItemProps {
  k: number; itemKey: string; msgId: number; type: string; status: Arrow['status']; reason: string | null; label: string;
  x0: number; y0: number; x1: number; y1: number;
  /** Set for a message in flight: the diagram grows it every frame through this map. */
  live: Map<string, SVGGElement> | null;
  focused: boolean; dimmed: boolean; selected: boolean; tabbable: boolean; showType: boolean; fs: number;
}

const ArrowItem = memo(function ArrowItem(p: ItemProps) {
  // A live arrow starts at its send point and grows every frame (see useFrame in the diagram).
  const endX = p.live ? p.x0 : p.x1;
  const endY = p.live ? p.y0 : p.y1;
  const colour = messageStyle(p.type).colour;
  const dashed = p.status === 'dropped' ? '5 4' : p.status === 'flying' ? '2 3' : undefined;
  const live = p.live;
  return (
    <g data-key={p.itemKey} data-k={p.k} ref={live ? (el) => { if (el) live.set(p.itemKey, el); else live.delete(p.itemKey); } : undefined}
      className={`tb-arrow${p.focused ? ' is-focused' : ''}${p.dimmed ? ' is-dimmed' : ''}`}
      {...pointable({ kind: 'msg', id: p.msgId }, p.label)} tabIndex={p.tabbable ? 0 : -1}>
      <title>{p.label}</title>
      <line className="tb-arrow-hit" x1={p.x0} y1={p.y0} x2={endX} y2={endY} />
      {p.selected && <line x1={p.x0} y1={p.y0} x2={endX} y2={endY} stroke="#000000" strokeWidth={7} strokeLinecap="round" opacity={0.35} />}
      <line x1={p.x0} y1={p.y0} x2={endX} y2={endY} stroke="#1d1d1f" strokeWidth={p.focused ? 4.5 : 3} strokeDasharray={dashed}
        markerEnd={p.status === 'delivered' ? 'url(#tb-st-head)' : undefined} />
      <line className="tb-arrow-line" x1={p.x0} y1={p.y0} x2={endX} y2={endY} stroke={colour} strokeWidth={p.focused ? 2.6 : 1.6} strokeDasharray={dashed} />
      {p.status === 'dropped' && (
        <g transform={`translate(${p.x1.toFixed(1)},${p.y1.toFixed(1)})`}>
          <circle r={8} fill="#ffffff" stroke={STATUS.drop} strokeWidth={1.5} />
          <path d="M-5,-5L5,5M-5,5L5,-5" stroke={STATUS.drop} strokeWidth={3} strokeLinecap="round" />
        </g>
      )}
      {p.showType && !p.live && (
        <text x={(p.x0 + p.x1) / 2} y={(p.y0 + p.y1) / 2 - 4} textAnchor="middle" fontSize={p.fs - 3} className="tb-halo">
          {p.type}{p.status === 'dropped' ? ` ✕ ${p.reason}` : ''}
        </text>
      )}
    </g>
  );
});
