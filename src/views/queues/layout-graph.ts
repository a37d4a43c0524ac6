// Where the RabbitMQ and pub/sub sections put things: a routing graph. Exchanges (or topics) on the
// left with any publishers above them, the queues (or subscriptions) they feed in the middle, the
// consumers (subscribers) on the right. Each binding's label (its key or pattern) sits just left of
// its queue, stacked, so labels never pile up where edges cross.
import { clientWidth, columns, compactBox, inlineRowH, rowsHeight, stackBoxes, type Metrics, type Need, type Rect } from './layout.ts';
import { holderRows, type ClientGeom, type RowGeom } from './layout-sqs.ts';

export interface EdgeIn { from: string; to: string; label: string }

export interface GraphGeom<L, Q, C, K> {
  sources: ClientGeom<L>[];
  hiddenSources: number;
  producers: ClientGeom<string>[];
  rows: RowGeom<Q, C>[];
  hiddenRows: number;
  /** Where the rows left out are counted (null: none is). */
  countRow: Rect | null;
  clients: ClientGeom<K>[];
  /** Hands boxes (town) for whoever holds messages without a client box of their own (`you`). */
  hands: ClientGeom<string>[];
  moreClients: { r: Rect; n: number } | null;
  /** Each edge's label box, placed left of its target row; null when the edge's ends are not shown. */
  labels: { edge: EdgeIn; r: Rect }[];
}

export function graphNeed(sources: number, producers: number, rowChips: readonly number[], clients: number, m: Metrics, width: number, opts: { clientH?: number; labels?: boolean } = {}): Need {
  const rows = rowChips.length;
  const clientH = opts.clientH ?? m.boxH;
  const stripW = width - m.fs * 9 - (clients ? m.fs * 12 : 0) - m.gap * 2 - (opts.labels ? m.fs * 7 : 0) - 12;
  const pref = m.title + Math.max((sources + producers) * (m.boxH * 0.85 + m.rowGap), rowsHeight(m, rowChips, stripW), clients * (clientH + m.rowGap), m.rowH);
  const min = m.title + Math.max((sources + producers) * (compactBox(m) * 1.2 + 3), rows * (inlineRowH(m) + 3), clients * (compactBox(m) + 3), inlineRowH(m));
  return { pref, min };
}

export function layoutGraph<L, Q, C, K>(body: Rect, m: Metrics, spec: {
  sources: readonly L[]; sourceName: (l: L) => string;
  producers: readonly string[];
  rows: readonly { q: Q; chips: readonly C[] }[]; rowName: (q: Q) => string;
  clients: readonly K[]; clientName: (k: K) => string;
  /** A client box's height (RabbitMQ consumers have a line more: the prefetch window). */
  clientH?: number;
  edges: readonly EdgeIn[];
  /** Holders to give a hands box under the clients (the town's `you`). */
  hands?: readonly string[];
}): GraphGeom<L, Q, C, K> {
  const hands = spec.hands ?? [];
  const leftW = spec.sources.length + spec.producers.length ? Math.max(m.fs * 9, clientWidth(m, [...spec.sources.map(spec.sourceName), ...spec.producers]) * 0.85) : null;
  const takers = [...spec.clients.map(spec.clientName), ...hands];
  const rightW = takers.length ? clientWidth(m, takers) : null;
  const cols = columns(body, m, leftW, rightW);
  // Room for the binding labels between the sources and the rows.
  const longest = Math.max(0, ...spec.edges.map((e) => e.label.length));
  const labelW = spec.edges.some((e) => e.label) ? Math.min(cols.mid.w * 0.4, Math.max(m.fs * 3, (longest + 1) * m.small * 0.6 + 8)) : 0;
  const mid: Rect = { x: cols.mid.x + labelW + (labelW ? 6 : 0), y: cols.mid.y, w: Math.max(0, cols.mid.w - labelW - (labelW ? 6 : 0)), h: cols.mid.h };
  const { rows, hidden, count } = holderRows(mid, m, spec.rows.map((r) => ({ ...r, indent: 0, name: spec.rowName(r.q) })));

  let producers: ClientGeom<string>[] = [];
  let sources: ClientGeom<L>[] = [];
  let hiddenSources = 0;
  if (cols.left) {
    const all = stackBoxes(cols.left, spec.producers.length + spec.sources.length, m.boxH * 0.85, m.rowGap / 2, compactBox(m) * 1.2);
    producers = all.boxes.slice(0, spec.producers.length).map((r, k) => ({ item: spec.producers[k]!, r }));
    sources = all.boxes.slice(spec.producers.length).map((r, k) => ({ item: spec.sources[k]!, r }));
    hiddenSources = spec.sources.length - sources.length;
  }
  const cs = cols.right ? stackBoxes(cols.right, takers.length, spec.clientH ?? m.boxH, m.rowGap / 2, compactBox(m)) : { boxes: [], more: null, hidden: 0 };
  const clients = cs.boxes.slice(0, spec.clients.length).map((r, k) => ({ item: spec.clients[k]!, r }));
  const handBoxes = cs.boxes.slice(spec.clients.length).map((r, k) => ({ item: hands[k]!, r }));

  // Labels: for each shown row, its incoming edges from shown sources, stacked around the row's middle.
  const shownSource = new Set(sources.map((s) => spec.sourceName(s.item)));
  const labels: { edge: EdgeIn; r: Rect }[] = [];
  const lh = m.fs + 3;
  for (const row of rows) {
    const name = spec.rowName(row.q);
    const mine = spec.edges.filter((e) => e.to === name && shownSource.has(e.from));
    const step = Math.min(lh + 1, (row.r.h + m.rowGap) / Math.max(1, mine.length));
    const cy = row.r.y + row.r.h / 2;
    mine.forEach((edge, k) => {
      const y = cy + (k - (mine.length - 1) / 2) * step - lh / 2;
      labels.push({ edge, r: { x: mid.x - 6 - labelW, y, w: labelW, h: Math.min(lh, step - 1) } });
    });
  }
  return { sources, hiddenSources, producers, rows, hiddenRows: hidden, countRow: count, clients, hands: handBoxes, moreClients: cs.more ? { r: cs.more, n: cs.hidden } : null, labels };
}
