// Messages in flight, for every picture: React draws each once per structural change (`version`);
// `useFrame` moves them every frame by writing `transform` (no re-render per frame). Hovering or focusing a
// message lights it and what it concerns in every view. Two ways to act on them:
// - with `menu` (the consensus pictures; the town board's, Kafka's, the queues' and the generic ones through `useFlightMenu`):
//   all messages are one tab stop (a roving tabindex: arrow keys, Home and End move between them); Enter,
//   a click or the context-menu key opens the message's menu (drop it, inspect it), Delete drops it at once;
// - without (no picture today; a view still being built): a click selects the message for the inspector.
import { memo, useMemo, useState, type KeyboardEvent, type ReactNode } from 'react';
import { pointOnCurve, type Point } from '../shared/geometry.ts';
import { flightProgress, type FlightTimes } from '../shared/flight.ts';
import { setAttr, useElementMap, useFrame } from '../shared/hooks.ts';
import { msgFocused, type Focus } from '../shared/highlight.ts';
import { pointable } from '../shared/interaction.tsx';
import { messageMenu, run, type MenuState } from './menu.tsx';
import './kit.css';

export interface Flight extends FlightTimes {
  msgId: number;
  /** Several copies of one message can fly at once (network duplication). */
  key: string;
  from: string;
  to: string;
  /** Path: a quadratic curve a -> c -> b. */
  a: Point;
  c: Point;
  b: Point;
  /** The message in words: its aria-label and hover title. */
  label: string;
  /** The message type, for icons that draw by type. */
  type?: string;
  /** The notice or topic it carries, lit when that notice or topic is pointed at. */
  notice?: number | null;
  topic?: string | null;
  /** A short tag drawn beside the icon in mid-flight (`AE t3 +2`), when the layer is given `tags`. */
  tag?: string;
  /** Already lost (dropped by hand, a lossy link): it still flies, crossed out, and vanishes on arrival. */
  doomed?: boolean;
}

/** A message that always has a type and says which notice and topic it carries (the town board's, Kafka's, the queues'). */
export interface FlightSpec extends Flight {
  type: string;
  notice: number | null;
  topic: string | null;
}

export interface FlightMenu<F extends Flight> {
  /** Opens the message's menu at a viewport position. */
  open: (f: F, x: number, y: number) => void;
  drop: (f: F) => void;
}

export interface FlightLayerProps<F extends Flight> {
  flights: readonly F[];
  focus: Focus;
  /** The selected message's id, drawn with a selection ring. */
  selectedMsg?: number | null;
  icon: (f: F, focused: boolean) => ReactNode;
  className?: string;
  /** Draw each flight's `tag` (at this size): for every flight, or (a crowded picture) only the one pointed at. */
  tags?: { fontSize: number; all: boolean };
  menu?: FlightMenu<F>;
  /** The selection ring's radius and stroke (the town's bigger icons take a bigger ring). */
  ring?: { r: number; width: number };
  /** A label (the tag, or an icon's `data-flight-label` text) shows between these fractions of the path,
   *  where it covers neither end's own words. */
  labelFrom?: number;
}

/** A message's words in its menu by default: its label, which says what it is and where it goes. */
const byLabel = (f: Flight) => f.label;

/**
 * The menu of a message in flight (drop it with `drop msg=N`, inspect it) on the stage's one menu, for a
 * picture whose flights are not consensus messages (the town board's, Kafka's, the queues', the generic
 * pictures'). `what` says the message in the menu's drop entry (by default its label); pass a module-level
 * function so the menu stays the same object and memoised flights skip re-rendering.
 */
export function useFlightMenu<F extends Flight>(openMenu: (m: MenuState) => void, what: (f: F) => string = byLabel): FlightMenu<F> {
  return useMemo(() => ({
    open: (f, x, y) => openMenu({ kind: 'items', label: `Message #${f.msgId}`, items: messageMenu(f.msgId, what(f), f.doomed), x, y }),
    drop: (f) => run(`drop msg=${f.msgId}`),
  }), [openMenu, what]);
}

const BIG_RING = { r: 17, width: 3 };
/** The selection ring of the consensus pictures' smaller message shapes. */
export const SMALL_RING = { r: 15, width: 2.5 };

export function FlightLayer<F extends Flight>({ flights, focus, selectedMsg = null, icon, className, tags, menu, ring = BIG_RING, labelFrom = 0.1 }: FlightLayerProps<F>) {
  const els = useElementMap<string, SVGGElement>();
  const [active, setActive] = useState<string | null>(null);
  const tabKey = !menu ? null : flights.some((f) => f.key === active) ? active : flights[0]?.key ?? null;
  useFrame((now, reduced) => {
    for (const f of flights) {
      const el = els.get(f.key);
      if (!el) continue;
      const t = flightProgress(f, now, reduced);
      const p = pointOnCurve(f.a, f.c, f.b, t);
      setAttr(el, 'transform', `translate(${p.x.toFixed(1)},${p.y.toFixed(1)})`);
      // The tag, or an icon's own label (inside the icon's group when the layer has a menu).
      const last = el.lastElementChild;
      const label = last?.hasAttribute('data-flight-label') ? last : el.querySelector('[data-flight-label]');
      if (label) setAttr(label, 'opacity', t > labelFrom && t < 1 - labelFrom ? '1' : '0');
    }
  });
  const onKey = (e: KeyboardEvent<SVGGElement>) => {
    if (!menu) return;
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
    else if (e.key === 'Delete' || e.key === 'Backspace') { if (!f.doomed) menu.drop(f); }
    else if (e.key === 'Enter' || e.key === ' ' || e.key === 'ContextMenu' || (e.key === 'F10' && e.shiftKey)) {
      const r = (e.target as Element).getBoundingClientRect();
      menu.open(f, r.left + r.width / 2, r.top + r.height / 2);
    } else return;
    e.preventDefault();
    e.stopPropagation();
  };
  const n = flights.length;
  return (
    <g className={className ?? 'tb-flights'} onKeyDown={menu ? onKey : undefined} role={menu ? 'group' : undefined}
      aria-label={menu ? `${n} message${n === 1 ? '' : 's'} in flight: arrow keys move between them, Enter opens a message's menu, Delete drops it` : undefined}>
      {flights.map((f) => {
        const focused = msgFocused(focus, f.msgId, f.notice ?? null, f.topic) || focus.nodes.has(f.from) || focus.nodes.has(f.to);
        return (
          <FlightItem key={f.key} f={f} focused={focused} dimmed={focus.any && !focused} selected={selectedMsg === f.msgId}
            tab={f.key === tabKey} icon={icon} els={els} menu={menu} onActive={setActive} ring={ring}
            tagSize={tags && f.tag && (tags.all || msgFocused(focus, f.msgId, null)) ? tags.fontSize : 0} />
        );
      })}
    </g>
  );
}

interface ItemProps<F extends Flight> {
  f: F;
  focused: boolean;
  dimmed: boolean;
  selected: boolean;
  tab: boolean;
  icon: (f: F, focused: boolean) => ReactNode;
  els: Map<string, SVGGElement>;
  menu: FlightMenu<F> | undefined;
  onActive: (key: string) => void;
  ring: { r: number; width: number };
  /** The tag's font size; 0: no tag. */
  tagSize: number;
}

/** One message; re-rendered only when what it shows changes (its position is set by the frame loop). */
const FlightItem = memo(function FlightItem<F extends Flight>({ f, focused, dimmed, selected, tab, icon, els, menu, onActive, ring, tagSize }: ItemProps<F>) {
  const ref = (el: SVGGElement | null) => { if (el) els.set(f.key, el); else els.delete(f.key); };
  const className = `tb-flight${focused ? ' is-focused' : ''}${dimmed ? ' is-dimmed' : ''}`;
  if (!menu) {
    return (
      <g ref={ref} className={className} {...pointable({ kind: 'msg', id: f.msgId }, f.label)} tabIndex={-1}>
        <title>{f.label}</title>
        {selected && <circle r={ring.r} fill="none" stroke="#000000" strokeWidth={ring.width} />}
        {icon(f, focused)}
      </g>
    );
  }
  const p = pointable({ kind: 'msg', id: f.msgId }, `message #${f.msgId}, ${f.from} to ${f.to}: ${f.label}${f.doomed ? '. It will be lost on arrival.' : '. Enter for its menu, Delete drops it.'}`);
  return (
    <g ref={ref} data-key={f.key} className={className}
      role={p.role} aria-label={p['aria-label']} tabIndex={tab ? 0 : -1}
      onMouseEnter={p.onMouseEnter} onMouseLeave={p.onMouseLeave} onBlur={p.onBlur}
      onFocus={() => { p.onFocus(); onActive(f.key); }}
      onClick={(e) => { e.stopPropagation(); menu.open(f, e.clientX, e.clientY); }}
      onContextMenu={(e) => { e.preventDefault(); menu.open(f, e.clientX, e.clientY); }}>
      <title>{`#${f.msgId} ${f.from}→${f.to}: ${f.label}${f.doomed ? ' (will be lost)' : ''}`}</title>
      {selected && <circle r={ring.r} fill="none" stroke="#000000" strokeWidth={ring.width} />}
      <circle r={13} fill="transparent" />
      <g opacity={f.doomed ? 0.55 : 1}>{icon(f, focused)}</g>
      {f.doomed && <path d="M-7,-7L7,7M-7,7L7,-7" stroke="#D55E00" strokeWidth={3} strokeLinecap="round" aria-hidden="true" />}
      {tagSize > 0 && <text x={12} y={-8} fontSize={tagSize} fontWeight={700} className="tb-halo tb-mono" data-flight-label="">{f.tag}</text>}
    </g>
  );
}, (a, b) => a.f.key === b.f.key && a.f.label === b.f.label && a.f.type === b.f.type && a.f.topic === b.f.topic && a.f.tag === b.f.tag && a.f.doomed === b.f.doomed
  && a.f.a.x === b.f.a.x && a.f.a.y === b.f.a.y && a.f.b.x === b.f.b.x && a.f.b.y === b.f.b.y
  && a.focused === b.focused && a.dimmed === b.dimmed && a.selected === b.selected && a.tab === b.tab && a.tagSize === b.tagSize
  && a.ring === b.ring && a.menu === b.menu && a.els === b.els && (a.menu === undefined || a.icon === b.icon)) as <F extends Flight>(p: ItemProps<F>) => ReactNode;
