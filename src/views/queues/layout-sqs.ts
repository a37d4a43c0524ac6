// Where the SQS section puts things: producers on the left, one row per queue (each dead-letter queue
// indented under its source) with its messages in queue order, consumers on the right.
import type { SqsChip, SqsConsumerBox, SqsModel, SqsQueueRow } from './model-sqs.ts';
import { chipLine, chipRow, chipsPerLine, clientWidth, columns, compactBox, inlineRowH, rowsHeight, stackBoxes, type Metrics, type Need, type Rect } from './layout.ts';
import { itemId } from './ids.ts';

export interface RowGeom<Q, C> {
  q: Q;
  /** The whole row; `head` is its heading line, `strip` where its chips sit. */
  r: Rect;
  head: Rect;
  strip: Rect;
  chips: { chip: C; r: Rect }[];
  more: Rect | null;
  hidden: number;
  indent: number;
  /** Drawn on one line (short of room): the heading beside the chips instead of above them. */
  inline: boolean;
}

export interface ClientGeom<T> { item: T; r: Rect }

export interface SqsGeom {
  rows: RowGeom<SqsQueueRow, SqsChip>[];
  hiddenRows: number;
  /** Where the rows left out are counted (null: none is). */
  countRow: Rect | null;
  consumers: ClientGeom<SqsConsumerBox>[];
  moreConsumers: { r: Rect; n: number } | null;
  producers: ClientGeom<string>[];
  /** Hands boxes (town) for whoever holds messages without a consumer box of their own (`you`). */
  hands: ClientGeom<string>[];
  /** `node:<id>` and item ids -> their rectangle, for flights and tooltips. */
  rects: Record<string, Rect>;
}

/** The height the section would like (full rows and boxes) and the least it needs (one-line rows and boxes). */
export function sqsNeed(model: SqsModel, m: Metrics, width: number, hands: readonly string[] = []): Need {
  const clients = Math.max(model.consumers.length + hands.length, model.producers.length);
  const stripW = width - (model.consumers.length + hands.length ? m.fs * 12 + m.gap : 0) - (model.producers.length ? m.fs * 9 + m.gap : 0) - 12;
  const pref = m.title + Math.max(rowsHeight(m, model.queues.map((q) => q.msgs.length), stripW), clients * (m.boxH + m.rowGap), m.rowH);
  const min = m.title + Math.max(model.queues.length * (inlineRowH(m) + 3), clients * (compactBox(m) + 3), inlineRowH(m));
  return { pref, min };
}

/** A line of small print under the shown rows that counts the rows left out ("+2 more queues"). */
export const countLineH = (m: Metrics) => m.small + 4;

/**
 * Rows of holders (queues, subscriptions) stacked from the top of `r`, their chips laid out. Rows with
 * more chips than one line holds get more lines while there is height to spare (at most 4); what still
 * does not fit is counted in a "+N" chip, and rows that do not fit at all are counted in `hidden`, on
 * the line `count` kept for it under the rows (null when every row is shown).
 */
export function holderRows<Q, C>(r: Rect, m: Metrics, items: readonly { q: Q; chips: readonly C[]; indent: number; name?: string }[]): { rows: RowGeom<Q, C>[]; hidden: number; count: Rect | null } {
  const all = placeRows(r, m, items);
  if (all.hidden === 0) return { ...all, count: null };
  const h = countLineH(m);
  const fewer = placeRows({ ...r, h: Math.max(0, r.h - h) }, m, items);
  const last = fewer.rows[fewer.rows.length - 1];
  const y = last ? Math.min(last.r.y + last.r.h + 1, r.y + r.h - h) : r.y;
  return { ...fewer, count: { x: r.x, y, w: r.w, h } };
}

function placeRows<Q, C>(r: Rect, m: Metrics, items: readonly { q: Q; chips: readonly C[]; indent: number; name?: string }[]): { rows: RowGeom<Q, C>[]; hidden: number } {
  if (items.length === 0) return { rows: [], hidden: 0 };
  if (items.length * (m.rowH + m.rowGap) - m.rowGap > r.h + 0.5) return inlineRows(r, m, items);
  const fitRows = Math.max(1, Math.floor((r.h + m.rowGap) / (m.rowH + m.rowGap)));
  const shown = items.slice(0, fitRows);
  const lines = shown.map(() => 1);
  let spare = r.h - (shown.length * m.rowH + (shown.length - 1) * m.rowGap);
  for (let pass = 0; pass < 3; pass++) {
    shown.forEach((it, k) => {
      const want = Math.min(4, Math.ceil(it.chips.length / chipsPerLine(r.w - it.indent - 8, m)));
      if (want > lines[k]! && spare >= chipLine(m)) { lines[k]!++; spare -= chipLine(m); }
    });
  }
  let y = r.y;
  const rows = shown.map((it, k): RowGeom<Q, C> => {
    const h = m.rowH + (lines[k]! - 1) * chipLine(m);
    const row: Rect = { x: r.x + it.indent, y, w: r.w - it.indent, h };
    y += h + m.rowGap;
    const head: Rect = { x: row.x, y: row.y, w: row.w, h: m.line };
    const strip: Rect = { x: row.x + 4, y: row.y + m.line + 2, w: row.w - 8, h: lines[k]! * chipLine(m) - 2 };
    const cr = chipRow(strip, m, it.chips.length, lines[k]);
    return { q: it.q, r: row, head, strip, chips: cr.chips.map((c, i) => ({ chip: it.chips[i]!, r: c })), more: cr.more, hidden: cr.hidden, indent: it.indent, inline: false };
  });
  return { rows, hidden: items.length - shown.length };
}

/** Short of height: each row on one line, its name and numbers at the left and its chips beside them. */
function inlineRows<Q, C>(r: Rect, m: Metrics, items: readonly { q: Q; chips: readonly C[]; indent: number; name?: string }[]): { rows: RowGeom<Q, C>[]; hidden: number } {
  const h = inlineRowH(m);
  const gap = 3;
  const fitRows = Math.max(1, Math.floor((r.h + gap) / (h + gap)));
  const shown = items.slice(0, fitRows);
  const rows = shown.map((it, k): RowGeom<Q, C> => {
    const row: Rect = { x: r.x + it.indent, y: r.y + k * (h + gap), w: r.w - it.indent, h };
    // Room for the whole name (and its ✕ mark) when the row allows, else about a third of it.
    const nameW = ((it.name?.length ?? 6) + 3) * m.fs * 0.62 + 8;
    const headW = Math.min(row.w * 0.5, m.fs * 11, Math.max(row.w * 0.3, nameW));
    const head: Rect = { x: row.x, y: row.y, w: headW, h };
    const strip: Rect = { x: row.x + headW + 4, y: row.y, w: row.w - headW - 8, h };
    const cr = chipRow(strip, m, it.chips.length, 1);
    return { q: it.q, r: row, head, strip, chips: cr.chips.map((c, i) => ({ chip: it.chips[i]!, r: c })), more: cr.more, hidden: cr.hidden, indent: it.indent, inline: true };
  });
  return { rows, hidden: items.length - shown.length };
}

/** `hands`: holders to give a hands box under the consumers (the town's `you`). */
export function layoutSqs(model: SqsModel, body: Rect, m: Metrics, hands: readonly string[] = []): SqsGeom {
  const takers = [...model.consumers.map((c) => c.id), ...hands];
  const rightW = takers.length ? clientWidth(m, takers) : null;
  const leftW = model.producers.length ? clientWidth(m, model.producers) * 0.8 : null;
  const cols = columns(body, m, leftW, rightW);
  const items = model.queues.map((q) => ({ q, chips: q.msgs, indent: q.sources.length ? Math.round(m.fs * 1.6) : 0, name: q.name }));
  const { rows, hidden, count } = holderRows(cols.mid, m, items);
  const cs = cols.right ? stackBoxes(cols.right, takers.length, m.boxH, m.rowGap / 2, compactBox(m)) : { boxes: [], more: null, hidden: 0 };
  const ps = cols.left ? stackBoxes(cols.left, model.producers.length, m.boxH * 0.75, m.rowGap / 2, compactBox(m)) : { boxes: [], more: null, hidden: 0 };
  const consumers = cs.boxes.slice(0, model.consumers.length).map((r, k) => ({ item: model.consumers[k]!, r }));
  const handBoxes = cs.boxes.slice(model.consumers.length).map((r, k) => ({ item: hands[k]!, r }));
  const producers = ps.boxes.map((r, k) => ({ item: model.producers[k]!, r }));
  const rects: Record<string, Rect> = { 'node:sqs': cols.mid };
  for (const row of rows) {
    rects[itemId('sqs', 'queue', row.q.name)] = row.strip;
    for (const c of row.chips) rects[itemId('sqs', 'msg', c.chip.id)] = c.r;
  }
  for (const c of consumers) rects[`node:${c.item.id}`] = c.r;
  for (const p of producers) rects[`node:${p.item}`] = p.r;
  for (const h of handBoxes) rects[`node:${h.item}`] = h.r;
  return { rows, hiddenRows: hidden, countRow: count, consumers, moreConsumers: cs.more ? { r: cs.more, n: cs.hidden } : null, producers, hands: handBoxes, rects };
}
