// Where the outbox pictures put things for a pane's size: the services' cards on the left (each with its
// relay beside it), the board in the middle, the consumers on the right, and the alarm strip on top.
// Both pictures use it, so a message flies between the same places in each. Pure.
import type { Point, Size } from '../shared/geometry.ts';
import type { OutboxPicture } from './model.ts';
import { SHOWN } from './model.ts';

export interface Box { x: number; y: number; w: number; h: number }
export interface OutboxLayout {
  fontSize: number;
  lineH: number;
  alarm: Box | null;
  services: Record<string, Box>;
  relays: Record<string, Box>;
  board: Box;
  consumers: Record<string, Box>;
  /** Where messages leave and arrive, per node. */
  anchor: Record<string, Point>;
}

/** The type sizes: the main size is 12 to 15 px, so the smaller lines (one less) are 11 px or more. */
export const clampFont = (x: number) => Math.max(12, Math.min(15, Math.floor(x)));
/** Lines in a service card: name, design, failure points or relay, the tables' heading, their rows. */
export const serviceLines = () => 4 + SHOWN;
/** Below this width the picture runs in two rows (services and relays, then the board and consumers). */
export const WIDE = 760;

export function outboxLayout(size: Size, pic: OutboxPicture): OutboxLayout {
  const W = Math.max(320, size.width);
  const H = Math.max(200, size.height);
  const wide = W >= WIDE;
  const nSvc = Math.max(1, pic.services.length);
  const nC = Math.max(1, pic.consumers.length);
  const alarmRows = pic.alarms.length ? 1 : 0;
  const linesTall = wide ? (serviceLines() + 1) * nSvc : (serviceLines() + 1) * nSvc + Math.max(SHOWN + 3, 4.6 * nC);
  const fontSize = clampFont(Math.min(W / (wide ? 56 : 34), (H - 24) / (linesTall + alarmRows * 2) / 1.3));
  const lineH = Math.round(fontSize * 1.3);
  const pad = 8;
  const gap = 6;
  let top = pad;
  const alarm = alarmRows ? { x: pad, y: top, w: W - 2 * pad, h: lineH + 6 } : null;
  if (alarm) top += alarm.h + gap;
  const inner = W - 2 * pad;
  // Wide: four columns left to right. Narrow: services with their relays on top, the board and consumers under them.
  const colSvc = { x: pad, w: Math.round(inner * (wide ? 0.4 : 0.66)) };
  const colRelay = { x: colSvc.x + colSvc.w + gap, w: wide ? Math.round(inner * 0.16) : inner - colSvc.w - gap };
  const colBoard = wide ? { x: colRelay.x + colRelay.w + 2 * gap, w: Math.round(inner * 0.18) } : { x: pad, w: Math.round(inner * 0.42) };
  const colCons = { x: colBoard.x + colBoard.w + 2 * gap, w: W - pad - (colBoard.x + colBoard.w + 2 * gap) };
  const avail = H - top - pad;
  const svcAvail = wide ? avail : avail * ((serviceLines() + 1) * nSvc) / linesTall;
  const svcH = Math.min(svcAvail / nSvc - gap, lineH * (serviceLines() + 0.6));
  const services: Record<string, Box> = {};
  const relays: Record<string, Box> = {};
  const anchor: Record<string, Point> = {};
  pic.services.forEach((s, i) => {
    const b = { x: colSvc.x, y: top + i * (svcH + gap), w: colSvc.w, h: svcH };
    services[s.id] = b;
    anchor[s.id] = { x: b.x + b.w, y: b.y + lineH * 1.2 };
    if (s.relay) {
      const rh = Math.min(b.h, lineH * 4.6);
      const r = { x: colRelay.x, y: b.y + (b.h - rh) / 2, w: colRelay.w, h: rh };
      relays[s.relay.id] = r;
      anchor[s.relay.id] = { x: r.x + r.w / 2, y: r.y + r.h / 2 };
    }
  });
  const top2 = wide ? top : top + nSvc * (svcH + gap) + gap;
  const avail2 = H - top2 - pad;
  const boardH = Math.min(avail2, lineH * (SHOWN + 2.6));
  const board = { x: colBoard.x, y: wide ? top + Math.max(0, (Math.min(avail, nSvc * (svcH + gap)) - boardH) / 2) : top2, w: colBoard.w, h: boardH };
  anchor['broker'] = { x: board.x + board.w / 2, y: board.y + board.h / 2 };
  const cH = Math.min((avail2 - gap * (nC - 1)) / nC, lineH * 4.6);
  const consumers: Record<string, Box> = {};
  pic.consumers.forEach((c, i) => {
    const b = { x: colCons.x, y: top2 + i * (cH + gap), w: colCons.w, h: cH };
    consumers[c.id] = b;
    anchor[c.id] = { x: b.x, y: b.y + b.h / 2 };
  });
  return { fontSize, lineH, alarm, services, relays, board, consumers, anchor };
}

/** The edge point of a box's anchor toward another point: messages leave boxes from their side. */
export function edgeToward(l: OutboxLayout, id: string, to: Point): Point {
  const a = l.anchor[id]!;
  const box = l.services[id] ?? l.relays[id] ?? l.consumers[id] ?? (id === 'broker' ? l.board : null);
  if (!box) return a;
  if (to.x >= box.x + box.w) return { x: box.x + box.w, y: a.y };
  if (to.x <= box.x) return { x: box.x, y: a.y };
  // Straight above or below: leave from the top or bottom edge.
  return { x: Math.max(box.x, Math.min(box.x + box.w, to.x)), y: to.y > box.y + box.h ? box.y + box.h : box.y };
}
