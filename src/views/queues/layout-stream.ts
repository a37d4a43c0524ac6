// Where the stream section puts things: one row per topic with its retained log as a strip of cells (a
// window of it when it is long), every reader's bookmark under the cell it reads next, and the readers on
// the right.
import type { StreamModel, StreamReaderMark, StreamTopicRow } from './model-stream.ts';
import { chipLine, chipsPerLine, clientWidth, columns, compactBox, stackBoxes, type Metrics, type Need, type Rect } from './layout.ts';
import type { ClientGeom } from './layout-sqs.ts';
import { itemId, recordId } from './ids.ts';

export interface LogWindow { lo: number; hi: number; before: number; after: number }

/**
 * Which offsets to show when the log is longer than `cap` cells: the whole log if it fits; else a window
 * that keeps the end in view when every reader is near it, or starts at the furthest-behind reader.
 * One cell is given up for each "+N" marker on a side that is cut off.
 */
export function logWindow(start: number, end: number, positions: readonly number[], cap: number): LogWindow {
  const n = end - start;
  if (n <= cap) return { lo: start, hi: end, before: 0, after: 0 };
  const behind = positions.length ? Math.max(start, Math.min(...positions)) : end;
  const tailLo = end - (cap - 1);
  if (behind >= tailLo) return { lo: tailLo, hi: end, before: tailLo - start, after: 0 };
  const lo = behind;
  const room = lo > start ? cap - 2 : cap - 1;
  const hi = Math.min(end, lo + Math.max(1, room));
  return { lo, hi, before: lo - start, after: end - hi };
}

export interface StreamRowGeom {
  t: StreamTopicRow;
  r: Rect;
  head: Rect;
  cells: { offset: number; body: string; r: Rect }[];
  window: LogWindow;
  beforeR: Rect | null;
  afterR: Rect | null;
  /** Where each reader's bookmark sits (x is the left edge of the cell it reads next). */
  flags: { reader: StreamReaderMark; x: number; y: number; offscreen: 'before' | 'after' | null }[];
  /** Lines the log is drawn on. */
  lines: number;
}

export interface StreamGeom {
  rows: StreamRowGeom[];
  hiddenRows: number;
  readers: ClientGeom<StreamReaderMark>[];
  moreReaders: { r: Rect; n: number } | null;
  producers: ClientGeom<string>[];
  rects: Record<string, Rect>;
}

const flagRows = (t: StreamTopicRow) => Math.min(3, Math.max(1, t.readers.length));
/** One line of the log: its cells with their timer gap, then the bookmarks under them. */
const logLineH = (t: StreamTopicRow, m: Metrics) => chipLine(m) + flagRows(t) * (m.fs + 2) + 2;

export function streamRowH(t: StreamTopicRow, m: Metrics, lines = 1): number {
  return m.line + 2 + lines * logLineH(t, m) + 2;
}

/** Lines a topic's log would like (up to 3) in a strip `width` wide. */
const wantedLines = (t: StreamTopicRow, width: number, m: Metrics) => Math.min(3, Math.max(1, Math.ceil((t.end - t.start) / chipsPerLine(width, m))));

export function streamNeed(model: StreamModel, m: Metrics, width = 600): Need {
  const rows = (lines: (t: StreamTopicRow) => number) => model.topics.reduce((a, t) => a + streamRowH(t, m, lines(t)) + m.rowGap, 0);
  const readers = model.topics.reduce((a, t) => a + t.readers.length, 0);
  const pref = m.title + Math.max(rows((t) => wantedLines(t, width * 0.6, m)), readers * (m.boxH + m.rowGap), m.rowH);
  const min = m.title + Math.max(rows(() => 1), readers * (compactBox(m) + 3), m.rowH);
  return { pref, min };
}

export function layoutStream(model: StreamModel, body: Rect, m: Metrics): StreamGeom {
  const allReaders = model.topics.flatMap((t) => t.readers);
  const cols = columns(body, m, model.producers.length ? clientWidth(m, model.producers) * 0.8 : null, allReaders.length ? clientWidth(m, allReaders.map((r) => r.id)) : null);
  const mid = cols.mid;
  const perLine = chipsPerLine(mid.w - 8, m);
  // Every topic gets one line of log; long logs get more lines while there is height to spare.
  const lines = model.topics.map(() => 1);
  let spare = mid.h - model.topics.reduce((a, t) => a + streamRowH(t, m) + m.rowGap, -m.rowGap);
  for (let pass = 0; pass < 2; pass++) {
    model.topics.forEach((t, k) => {
      if (wantedLines(t, mid.w - 8, m) > lines[k]! && spare >= logLineH(t, m)) { lines[k]!++; spare -= logLineH(t, m); }
    });
  }
  const rows: StreamRowGeom[] = [];
  let y = mid.y;
  let hiddenRows = 0;
  model.topics.forEach((t, k) => {
    const n = lines[k]!;
    const h = streamRowH(t, m, n);
    if (y + h > mid.y + mid.h + 1 && rows.length > 0) { hiddenRows++; return; }
    const r: Rect = { x: mid.x, y, w: mid.w, h };
    const stripY = y + m.line + 2;
    const positions = t.readers.map((rd) => rd.position ?? rd.next ?? t.start);
    const w = logWindow(t.start, t.end, positions, Math.max(2, perLine * n));
    const slot = (i: number): Rect => ({
      x: mid.x + 4 + (i % perLine) * (m.chipW + m.chipGap), y: stripY + 3 + Math.floor(i / perLine) * logLineH(t, m), w: m.chipW, h: m.chipH,
    });
    const beforeR = w.before ? slot(0) : null;
    const first = w.before ? 1 : 0;
    const cells = t.records.filter((rec) => rec.offset >= w.lo && rec.offset < w.hi)
      .map((rec) => ({ offset: rec.offset, body: rec.body, r: slot(first + rec.offset - w.lo) }));
    const afterR = w.after ? slot(first + (w.hi - w.lo)) : null;
    // A bookmark sits at the left edge of the cell it reads next; caught up, just after the last cell.
    const place = (off: number): { x: number; line: number; offscreen: 'before' | 'after' | null } => {
      if (off < w.lo) { const b = beforeR ?? slot(0); return { x: b.x, line: 0, offscreen: 'before' }; }
      if (off > w.hi || (off === w.hi && w.after)) {
        const i = first + (w.hi - w.lo);
        const a = afterR ?? slot(i);
        return { x: a.x, line: Math.floor(i / perLine), offscreen: 'after' };
      }
      const i = first + off - w.lo;
      // Caught up at the end of a full line: just right of its last cell, not at the start of the next line.
      const atEnd = i > 0 && i % perLine === 0 && off === w.hi;
      const cell = atEnd ? slot(i - 1) : slot(i);
      return { x: atEnd ? cell.x + cell.w + m.chipGap / 2 : cell.x, line: Math.floor((atEnd ? i - 1 : i) / perLine), offscreen: null };
    };
    const flags = t.readers.map((reader, j) => {
      const at = place(positions[j]!);
      const line = Math.min(n - 1, at.line);
      return { reader, x: at.x, offscreen: at.offscreen, y: stripY + 3 + line * logLineH(t, m) + chipLine(m) + (j % flagRows(t)) * (m.fs + 2) };
    });
    rows.push({ t, r, head: { x: mid.x, y, w: mid.w, h: m.line }, cells, window: w, beforeR, afterR, flags, lines: n });
    y += h + m.rowGap;
  });
  const rs = cols.right ? stackBoxes(cols.right, allReaders.length, m.boxH, m.rowGap / 2, compactBox(m)) : { boxes: [], more: null, hidden: 0 };
  const readers = rs.boxes.map((r, k) => ({ item: allReaders[k]!, r }));
  const ps = cols.left ? stackBoxes(cols.left, model.producers.length, m.boxH * 0.75, m.rowGap / 2, compactBox(m)) : { boxes: [], more: null, hidden: 0 };
  const producers = ps.boxes.map((r, k) => ({ item: model.producers[k]!, r }));
  const rects: Record<string, Rect> = { 'node:stream': mid };
  for (const row of rows) {
    rects[itemId('stream', 'topic', row.t.name)] = { x: row.r.x, y: row.r.y + m.line, w: row.r.w, h: row.r.h - m.line };
    for (const c of row.cells) rects[recordId(row.t.name, c.offset)] = c.r;
  }
  for (const r of readers) rects[`node:${r.item.id}`] = r.r;
  for (const p of producers) rects[`node:${p.item}`] = p.r;
  return { rows, hiddenRows, readers, moreReaders: rs.more ? { r: rs.more, n: rs.hidden } : null, producers, rects };
}
