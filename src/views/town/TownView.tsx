// The town: buildings (services) around the square, the bulletin board (the broker) in the middle,
// notices flying to the board and from it to readers, phone lines for synchronous calls. Structure
// re-renders when the sim changes (`version`); flights move every frame through a transient subscription.
import { useCallback } from 'react';
import { boxExit, curvePath, pointOnCurve, type Point } from '../shared/geometry.ts';
import { useElementMap, useFrame } from '../shared/hooks.ts';
import { pointable } from '../shared/interaction.tsx';
import { useStagePicture } from '../kit/stage.ts';
import { StageMenu } from '../kit/menu.tsx';
import { FlightLayer, useFlightMenu, type FlightSpec } from '../kit/FlightLayer.tsx';
import { STATUS } from '../shared/palette.ts';
import { NO_TOWN, recentDrops, townPicture } from './model.ts';
import { boardEdge, townLayout } from './layout.ts';
import { aroundSquare } from '../drawings/square.ts';
import { badgeAbove, BuildingNode, buildingLabel } from '../drawings/BuildingNode.tsx';
import { textWidth } from '../shared/measure.ts';
import { Board } from './Board.tsx';
import { MessageIcon, PhoneIcon } from '../drawings/icons.tsx';
import { CutMarks, Defs } from '../drawings/decor.tsx';
import '../shared/views.css';

/** How long (simulated ms) the town keeps showing where a message was lost. */
const DROP_SHOWN_MS = 400;

/** A message in the words of its menu's drop entry. */
const flightWords = (f: FlightSpec) => `${f.type}${f.topic ? ` ${f.topic}` : ''} ${f.from}→${f.to}`;

export function TownView({ className }: { className?: string }) {
  const k = useStagePicture('town', townPicture);
  const { size, sim, focus, selected } = k;
  const flightMenu = useFlightMenu(k.openMenu, flightWords);
  const waitEls = useElementMap<string, SVGTextElement>();

  const model = k.picture ?? NO_TOWN;
  const layout = townLayout(size, model.nodes.map((n) => n.id));
  const board = model.board;

  // Anchor of each node for paths: buildings at their middle, the board at its edge facing the other end.
  const anchor = (id: string, other: string): Point => {
    if (board && id === board.id) return boardEdge(layout, layout.at[other] ?? layout.centre);
    // The edge of the building with its label, so flights never cross the building's own name.
    const p = layout.at[id] ?? layout.centre;
    const top = layout.s * 0.5;
    const bottom = layout.s * 0.42 + layout.fontSize * 2.4 + 10;
    const mid = { x: p.x, y: p.y + (bottom - top) / 2 };
    return boxExit(mid, layout.s * 0.5, (top + bottom) / 2, other === id ? p : anchorTarget(other));
  };
  const clearOfSquare = Math.hypot(layout.board.w / 2, layout.board.h / 2) + 40;
  const anchorTarget = (id: string): Point => (board && id === board.id ? layout.centre : layout.at[id] ?? layout.centre);
  // One curve per pair, whichever way a message goes, so requests and replies ride the same line.
  const curve = (from: string, to: string) => {
    const [x, y] = from < to ? [from, to] : [to, from];
    const a = anchor(x, y);
    const b = anchor(y, x);
    const straight = board !== null && (x === board.id || y === board.id);
    const c = straight ? { x: (a.x + b.x) / 2, y: (a.y + b.y) / 2 } : aroundSquare(a, b, layout.centre, clearOfSquare);
    return from === x ? { a, c, b } : { a: b, c, b: a };
  };

  const flights: FlightSpec[] = sim.inFlight().map((f, i) => {
    const topic = typeof f.msg.topic === 'string' ? f.msg.topic : typeof f.msg.about === 'string' ? f.msg.about : null;
    const notice = typeof f.msg.notice === 'number' ? f.msg.notice : null;
    return {
      msgId: f.msgId, key: `${f.msgId}:${i}`, type: f.msg.type, notice, topic, from: f.from, to: f.to,
      sentAt: f.sentAt, arrivesAt: f.arrivesAt, doomed: f.doomed, ...curve(f.from, f.to),
      // The layer says its number, from and to before these words.
      label: `${f.msg.type}${topic ? ` ${topic}` : ''}, arrives at ${f.arrivesAt}ms`,
    };
  });

  // Waiting callers count their wait up every frame.
  useFrame((now) => {
    for (const n of model.nodes) {
      const el = waitEls.get(n.id);
      const since = n.service?.waitingSince;
      if (el && since != null) el.textContent = `${Math.max(0, now - since)}ms`;
    }
  });

  const ids = [...model.nodes.map((n) => n.id), ...(board ? [board.id] : [])];
  const fs = layout.fontSize;
  // Flights grow with the buildings on a big stage (a projector), never below their drawn size.
  const iconScale = Math.round(Math.min(1.7, Math.max(1, layout.s / 90)) * 10) / 10;
  // The same function while the size holds, so memoised flights skip re-rendering.
  const flightIcon = useCallback((f: FlightSpec) => (
    <>
      <g transform={iconScale === 1 ? undefined : `scale(${iconScale})`}><MessageIcon type={f.type} /></g>
      <text y={-15 * iconScale} textAnchor="middle" fontSize={fs - 1} fontWeight={600} className="tb-halo" data-flight-label="">
        {f.type}{f.topic && f.type !== 'Call' ? ` ${f.topic}` : ''}
      </text>
    </>
  ), [iconScale, fs]);
  // What a call's label must not cover: every building (drawing, name and state) and the board.
  const labels = model.nodes.map((n) => buildingLabel(n, undefined, layout.at[n.id]!, layout.s, fs, size.width).box);
  const taken: Box[] = [
    ...labels,
    ...model.nodes.map((n) => ({ x: layout.at[n.id]!.x - layout.s * 0.5, y: layout.at[n.id]!.y - layout.s * 0.6, w: layout.s, h: layout.s * 1.02 })),
    ...(board ? [{ x: layout.board.x, y: layout.board.y, w: layout.board.w, h: layout.board.h }] : []),
  ];
  // A waiting caller's badge: above its building, else beside it, wherever it covers no other words.
  const badges: Record<string, Point | null> = {};
  for (const n of model.nodes) {
    if (!n.service?.waiting || !n.up) continue;
    const at = layout.at[n.id]!;
    const s = layout.s;
    const spots = [badgeAbove(s), { x: -(s * 0.5 + 52), y: -s * 0.2 }, { x: s * 0.5 + 52, y: -s * 0.2 }, { x: 0, y: s * 0.42 + fs * 2.6 + 16 }];
    const boxOf = (o: Point) => ({ x: at.x + o.x - 50, y: at.y + o.y - 14, w: 100, h: 24 });
    const inside = (b: Box) => b.x >= 0 && b.y >= 0 && b.x + b.w <= size.width && b.y + b.h <= size.height;
    // Its own drawing does not count (the badge above it touches its roof).
    const mine = (q: Box) => q.x === at.x - s * 0.5 && q.y === at.y - s * 0.6;
    const pick = spots.find((o) => inside(boxOf(o)) && !taken.some((q) => !mine(q) && meets(boxOf(o), q)));
    // No free spot: the hourglass alone above the roof (its status line already says "on the phone").
    badges[n.id] = pick ?? null;
    if (pick) taken.push(boxOf(pick));
  }

  return (
    <div ref={k.wrap} className={`tb-view tb-town ${className ?? ''}`}>
      <svg width={size.width} height={size.height} role="group"
        aria-label={`Town view: ${model.nodes.length} buildings${board ? ' around the bulletin board' : ''}, ${flights.length} messages on the way`}>
        <Defs />
        <rect width={size.width} height={size.height} fill="#eef3e2" />
        {/* the square */}
        <ellipse cx={layout.centre.x} cy={layout.centre.y} rx={layout.board.w / 2 + layout.s * 0.5} ry={layout.board.h / 2 + layout.s * 0.42}
          fill="url(#tb-cobbles)" stroke="#d6cdb8" strokeWidth={2} />
        {/* streets from every building to the square */}
        {board && model.nodes.map((n) => {
          const a = layout.at[n.id]!;
          const b = layout.centre;
          return <line key={n.id} x1={a.x} y1={a.y} x2={b.x} y2={b.y} stroke="#d9d2c0" strokeWidth={Math.max(10, layout.s * 0.16)} strokeLinecap="round" />;
        })}
        {!board && <Plaza at={layout.centre} fs={fs} />}
        <CutMarks ids={ids} isCut={sim.isCut} curve={curve} fs={fs} />
        {board && layout.board && (
          <Board box={layout.board} board={board} model={model} focus={focus} selected={selected} fontSize={fs} onMenu={k.nodeMenu(board.id)}
            titled={!labels.some((q) => meets(q, { x: layout.board.x + 12, y: layout.board.y + 8, w: layout.board.w - 24, h: fs + 6 }))} />
        )}
        {/* phone lines for calls in progress */}
        {model.calls.map((c) => {
          const { a, c: ctl, b } = curve(c.from, c.to);
          const focused = focus.nodes.has(c.from) || focus.nodes.has(c.to);
          const spot = callLabelSpot(a, ctl, b, `call: ${c.label}`, fs - 1, taken, size);
          taken.push(spot.box);
          return (
            <g key={c.id} className={`tb-phone-line${focused ? ' is-focused' : ''}`} aria-hidden="true">
              <path d={curvePath(a, ctl, b)} fill="none" stroke="#1d1d1f" strokeWidth={3} strokeDasharray="1 5" strokeLinecap="round" />
              <path d={curvePath(a, ctl, b)} fill="none" stroke={STATUS.waiting} strokeWidth={1.5} opacity={0.7} />
              <g transform={`translate(${spot.at.x.toFixed(1)},${spot.at.y.toFixed(1)})`}>
                <title>{`call: ${c.label}`}</title>
                <PhoneIcon r={11} />
                {spot.text && <text y={spot.dy} textAnchor="middle" fontSize={fs - 1} className="tb-halo">call: {c.label}</text>}
              </g>
            </g>
          );
        })}
        {model.nodes.map((n) => (
          <BuildingNode key={n.id} node={n} at={layout.at[n.id]!} s={layout.s} fontSize={fs} paneWidth={size.width} badge={badges[n.id]}
            focused={focus.nodes.has(n.id)} selected={k.isSelectedNode(n.id)}
            waitRef={(el) => { if (el) waitEls.set(n.id, el); else waitEls.delete(n.id); }} onMenu={k.nodeMenu(n.id)} />
        ))}
        {recentDrops(sim.trace(), sim.now, DROP_SHOWN_MS).map((d) => {
          const { a, c, b } = curve(d.from, d.to);
          const p = pointOnCurve(a, c, b, d.atSend ? 0.2 : 0.85);
          const label = `${d.type} from ${d.from} to ${d.to} was lost at ${d.t}ms: ${d.reason}`;
          return (
            <g key={`drop${d.msgId}:${d.t}`} transform={`translate(${p.x.toFixed(1)},${p.y.toFixed(1)})`}
              className={`tb-flight${focus.msgs.has(d.msgId) ? ' is-focused' : ''}`} {...pointable({ kind: 'msg', id: d.msgId }, label)} tabIndex={-1}>
              <title>{label}</title>
              <circle r={11} fill="#ffffff" stroke={STATUS.drop} strokeWidth={2.5} />
              <path d="M-6,-6L6,6M-6,6L6,-6" stroke={STATUS.drop} strokeWidth={3.5} strokeLinecap="round" />
              <text y={-16} textAnchor="middle" fontSize={fs - 1} fontWeight={800} className="tb-halo tb-status-fire">lost: {d.reason}</text>
            </g>
          );
        })}
        <FlightLayer flights={flights} focus={focus} selectedMsg={k.selectedMsg} icon={flightIcon} menu={flightMenu} />
        {model.nodes.length === 0 && !board && (
          <text x={size.width / 2} y={Math.min(size.height - 16, layout.centre.y + layout.board.h / 2 + layout.s * 0.42 + fs * 2.5)}
            textAnchor="middle" fontSize={fs} fill={STATUS.muted}>
            The town is empty: add a building with <tspan fontFamily="monospace">service name=bakery</tspan>
          </text>
        )}
      </svg>
      <StageMenu menu={k.menu} onClose={k.closeMenu} />
    </div>
  );
}

interface Box { x: number; y: number; w: number; h: number }
const meets = (p: Box, q: Box) => p.x < q.x + q.w && q.x < p.x + p.w && p.y < q.y + q.h && q.y < p.y + p.h;

/**
 * Where a call's phone and label go along its line: the first of a few spots (middle first, the label
 * under or over the phone) where the label covers no building, name or board and stays inside the picture
 * (a line bowing round the square can run along its bottom edge); else the phone alone in
 * the middle (`text` false: the call's words stay in its title and the technical view's WAITING line).
 */
function callLabelSpot(a: Point, c: Point, b: Point, text: string, fs: number, taken: readonly Box[], size: { width: number; height: number }) {
  const w = textWidth(text, fs) + 4;
  for (const t of [0.5, 0.4, 0.6, 0.3, 0.7]) {
    const at = pointOnCurve(a, c, b, t);
    for (const dy of [26, -16]) {
      const box = { x: at.x - w / 2, y: at.y + dy - fs, w, h: fs + 4 };
      const inside = box.x >= 0 && box.y >= 0 && box.x + box.w <= size.width && box.y + box.h <= size.height;
      if (inside && !taken.some((q) => meets(box, q))) return { at, dy, box, text: true };
    }
  }
  const at = pointOnCurve(a, c, b, 0.5);
  return { at, dy: 0, box: { x: at.x - 11, y: at.y - 11, w: 22, h: 22 }, text: false };
}

function Plaza({ at, fs }: { at: Point; fs: number }) {
  return (
    <g aria-hidden="true">
      <circle cx={at.x} cy={at.y} r={34} fill="#cfe8f7" stroke="#8aa" strokeWidth={3} />
      <circle cx={at.x} cy={at.y} r={10} fill="#56B4E9" />
      <text x={at.x} y={at.y + 56} textAnchor="middle" fontSize={fs - 1} fill={STATUS.muted} fontStyle="italic">town square</text>
    </g>
  );
}
