// Where the event store pictures put things, for a pane's size: three columns — clerks on the left, the
// log (the ledger) in the middle with each projector's checkpoint marked on it, and the projectors'
// read-model tables on the right. Pure; words are 11 px or more whenever the pane allows.
import { clamp, type Size } from '../shared/geometry.ts';
import type { EventStorePicture } from './model.ts';

export interface Box { x: number; y: number; w: number; h: number }
export interface EventStoreLayout {
  /** Clerks in a strip across the top (a narrow pane) rather than a column. */
  narrow: boolean;
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
  // A narrow pane (a lesson page's, both pictures side by side) puts the clerks in a strip across the top
  // and gives the log and the read models the width.
  const narrow = W < 760;
  const top = PAD;
  const colH = H - PAD * 2;
  const stripH = narrow && pic.clerks.length ? lineH * 2 + 8 : 0;
  const clerkW = narrow ? W - PAD * 2 : Math.round(W * 0.2);
  const projW = Math.round((narrow ? W : W - clerkW) * (narrow ? 0.4 : 0.36));
  const logW = narrow ? W - projW - PAD * 3 : W - clerkW - projW - PAD * 4;
  const logX = narrow ? PAD : PAD * 2 + clerkW;
  const bodyTop = top + (narrow ? stripH + (stripH ? 6 : 0) : 0);
  const bodyH = top + colH - bodyTop;
  const clerkCol = narrow ? { x: PAD, y: top, w: clerkW, h: stripH } : { x: PAD, y: top, w: clerkW, h: colH };
  const logCol = { x: logX, y: bodyTop, w: logW, h: bodyH };
  const projCol = { x: logX + logW + PAD, y: bodyTop, w: projW, h: bodyH };
  const streamLines = Math.min(pic.streams.length, Math.max(1, Math.floor((bodyH * 0.25) / lineH)));
  const store = { x: logCol.x, y: bodyTop, w: logW, h: lineH * (streamLines + 1.6) };
  const logTop = store.y + store.h + lineH * 2.5;
  const logRows = Math.max(1, Math.floor((top + colH - logTop) / lineH));
  const clerks: Record<string, Box> = {};
  if (narrow) {
    const cw = pic.clerks.length ? (clerkW - (pic.clerks.length - 1) * 6) / pic.clerks.length : 0;
    pic.clerks.forEach((c, i) => { clerks[c.id] = { x: PAD + i * (cw + 6), y: top, w: cw, h: stripH }; });
  } else {
    const ch = lineH * 3 + 8;
    const clerkStep = pic.clerks.length ? Math.min(ch + 10, (colH - lineH) / pic.clerks.length) : 0;
    pic.clerks.forEach((c, i) => { clerks[c.id] = { x: clerkCol.x, y: top + lineH + i * clerkStep, w: clerkW, h: Math.min(ch, clerkStep - 4) }; });
  }
  const projectors: Record<string, Box> = {};
  const n = Math.max(1, pic.projectors.length);
  const ph = (bodyH - lineH) / n - 8;
  const tableRows = Math.max(0, Math.floor((ph - lineH * 2.6) / lineH));
  pic.projectors.forEach((p, i) => { projectors[p.id] = { x: projCol.x, y: bodyTop + lineH + i * (ph + 8), w: projW, h: ph }; });
  return { narrow, fontSize, lineH, clerkCol, logCol, projCol, store, clerks, projectors, logRows, logTop, streamLines, tableRows };
}

/** Where a log position's row is drawn (its top), or null when it is scrolled out; the end of the log is one row past the last. */
export function rowY(l: EventStoreLayout, pic: EventStorePicture, pos: number): number | null {
  const shown = pic.log.slice(-l.logRows);
  const first = shown[0]?.pos ?? pic.total;
  if (pos < first) return null;
  const i = pos - first;
  return i > shown.length ? null : l.logTop + i * l.lineH;
}
