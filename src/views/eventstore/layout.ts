// Where the event store pictures put things, for a pane's size: three columns — clerks on the left, the
// log (the ledger) in the middle with each projector's checkpoint marked on it, and the projectors'
// read-model tables on the right. Pure; words are 11 px or more whenever the pane allows.
import { clamp, type Size } from '../shared/geometry.ts';
import type { EventStorePicture } from './model.ts';

export interface Box { x: number; y: number; w: number; h: number }
export interface EventStoreLayout {
  fontSize: number;
  lineH: number;
  clerkCol: Box;
  logCol: Box;
  projCol: Box;
  store: Box;
  /** Each clerk's box and each projector's box, by id. */
  clerks: Record<string, Box>;
  projectors: Record<string, Box>;
  /** How many log rows fit, and the y of the first row. */
  logRows: number;
  logTop: number;
  /** How many stream lines fit above the log. */
  streamLines: number;
  /** Table rows each projector box shows. */
  tableRows: number;
}

const PAD = 10;

export function eventStoreLayout(size: Size, pic: EventStorePicture): EventStoreLayout {
  const fontSize = clamp(Math.round(Math.min(size.width / 95, size.height / 42)), 12, 15);
  const lineH = fontSize + 5;
  const W = Math.max(300, size.width);
  const H = Math.max(200, size.height);
  const clerkW = Math.round(W * 0.2);
  const projW = Math.round(W * 0.28);
  const logW = W - clerkW - projW - PAD * 4;
  const top = PAD;
  const colH = H - PAD * 2;
  const clerkCol = { x: PAD, y: top, w: clerkW, h: colH };
  const logCol = { x: PAD * 2 + clerkW, y: top, w: logW, h: colH };
  const projCol = { x: PAD * 3 + clerkW + logW, y: top, w: projW, h: colH };
  const streamLines = Math.min(pic.streams.length, Math.max(1, Math.floor((colH * 0.3) / lineH)));
  const store = { x: logCol.x, y: top, w: logW, h: lineH * (streamLines + 1.6) };
  const logTop = store.y + store.h + lineH * 2.5;
  const logRows = Math.max(1, Math.floor((top + colH - logTop) / lineH));
  const clerks: Record<string, Box> = {};
  const ch = lineH * 3 + 8;
  const clerkStep = pic.clerks.length ? Math.min(ch + 10, (colH - lineH) / pic.clerks.length) : 0;
  pic.clerks.forEach((c, i) => { clerks[c.id] = { x: clerkCol.x, y: top + lineH + i * clerkStep, w: clerkW, h: Math.min(ch, clerkStep - 4) }; });
  const projectors: Record<string, Box> = {};
  const n = Math.max(1, pic.projectors.length);
  const ph = (colH - lineH) / n - 8;
  const tableRows = Math.max(0, Math.floor((ph - lineH * 2.6) / lineH));
  pic.projectors.forEach((p, i) => { projectors[p.id] = { x: projCol.x, y: top + lineH + i * (ph + 8), w: projW, h: ph }; });
  return { fontSize, lineH, clerkCol, logCol, projCol, store, clerks, projectors, logRows, logTop, streamLines, tableRows };
}

/** Where a log position's row is drawn (its top), or null when it is scrolled out; the end of the log is one row past the last. */
export function rowY(l: EventStoreLayout, pic: EventStorePicture, pos: number): number | null {
  const shown = pic.log.slice(-l.logRows);
  const first = shown[0]?.pos ?? pic.total;
  if (pos < first) return null;
  const i = pos - first;
  return i > shown.length ? null : l.logTop + i * l.lineH;
}
