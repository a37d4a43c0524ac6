// Where everything of the queue pictures goes in a pane: the font that lets every section fit, the
// sections stacked, each one laid out (SQS's rows, RabbitMQ's and pub/sub's graph, the stream's log),
// the town's hands boxes for held messages, and every drawn thing's box (for flights and hover cards).
// Pure: a function of the picture (picture.ts), the pane's size and mode, tested without a browser.
import type { Size } from '../shared/geometry.ts';
import type { QueueSys } from './ids.ts';
import { chooseFont, metrics, stackSections, type Metrics, type Need, type Rect } from './layout.ts';
import { layoutSqs, sqsNeed, type SqsGeom } from './layout-sqs.ts';
import { graphNeed, layoutGraph } from './layout-graph.ts';
import { layoutStream, streamNeed, type StreamGeom } from './layout-stream.ts';
import type { SqsChip, SqsModel } from './model-sqs.ts';
import type { RabbitChip, RabbitModel } from './model-rabbit.ts';
import type { PubsubChip, PubsubModel } from './model-pubsub.ts';
import type { StreamModel } from './model-stream.ts';
import { handsOnly, planHands, type HandsPlan } from './layout-hands.ts';
import type { Models, QueuesPicture } from './picture.ts';
import type { RabbitGeom } from './RabbitSection.tsx';
import type { PubsubGeom } from './PubsubSection.tsx';

/** A RabbitMQ consumer's box has a line more than the others: its prefetch window. */
const rabbitClientH = (m: Metrics) => Math.round(m.boxH + m.fs * 1.3);

export type Section =
  | { sys: 'sqs'; r: Rect; model: SqsModel; geom: SqsGeom; hands: HandsPlan<SqsChip> | null }
  | { sys: 'rabbit'; r: Rect; model: RabbitModel; geom: RabbitGeom; hands: HandsPlan<RabbitChip> | null }
  | { sys: 'pubsub'; r: Rect; model: PubsubModel; geom: PubsubGeom; hands: HandsPlan<PubsubChip> | null }
  | { sys: 'stream'; r: Rect; model: StreamModel; geom: StreamGeom; hands: null };

/** Who holds each held message, per system (null: it waits in its queue). */
const sqsHolder = (c: SqsChip) => (c.status === 'inflight' ? c.holder : null);
const rabbitHolder = (c: RabbitChip) => (c.status === 'unacked' ? c.consumer : null);
const pubsubHolder = (c: PubsubChip) => (c.status === 'leased' ? c.leasedTo : null);

/** The town's holders of messages that have no client box of their own (`you`, at the console): each gets a hands box. */
function handsOf(sys: QueueSys, models: Models, town: boolean): string[] {
  if (!town) return [];
  switch (sys) {
    case 'sqs': { const q = models.sqs!; return handsOnly(q.queues.flatMap((x) => x.msgs.map(sqsHolder)), q.consumers.map((c) => c.id)); }
    case 'rabbit': { const q = models.rabbit!; return handsOnly(q.queues.flatMap((x) => x.unacked.map(rabbitHolder)), q.consumers.map((c) => c.id)); }
    case 'pubsub': { const q = models.pubsub!; return handsOnly(q.subs.flatMap((x) => x.msgs.map(pubsubHolder)), q.subscribers.map((c) => c.id)); }
    case 'stream': return [];
  }
}

function need(sys: QueueSys, models: Models, m: Metrics, width: number, town: boolean): Need {
  const hands = handsOf(sys, models, town);
  switch (sys) {
    case 'sqs': return sqsNeed(models.sqs!, m, width, hands);
    case 'stream': return streamNeed(models.stream!, m, width);
    case 'rabbit': {
      const r = models.rabbit!;
      return graphNeed(r.exchanges.length, r.producers.length, r.queues.map((q) => q.ready.length + q.unacked.length), r.consumers.length + hands.length, m, width, { clientH: rabbitClientH(m), labels: true });
    }
    case 'pubsub': { const p = models.pubsub!; return graphNeed(p.topics.length, p.publishers.length, p.subs.map((q) => q.msgs.length), p.subscribers.length + hands.length, m, width); }
  }
}

/** The boxes that can hold messages in a graph section: clients and hands boxes, by id. */
const holderBoxes = (g: { clients: { item: { id: string }; r: Rect }[]; hands: { item: string; r: Rect }[] }) =>
  Object.fromEntries([...g.clients.map((c) => [c.item.id, c.r] as const), ...g.hands.map((h) => [h.item, h.r] as const)]);

function layoutSection(sys: QueueSys, models: Models, r: Rect, m: Metrics, town: boolean): Section {
  const body: Rect = { x: r.x, y: r.y + m.title, w: r.w, h: Math.max(0, r.h - m.title) };
  const hands = handsOf(sys, models, town);
  switch (sys) {
    case 'sqs': {
      const geom = layoutSqs(models.sqs!, body, m, hands);
      const boxes = Object.fromEntries([...geom.consumers.map((c) => [c.item.id, c.r] as const), ...geom.hands.map((h) => [h.item, h.r] as const)]);
      return { sys, r, model: models.sqs!, geom, hands: town ? planHands(geom.rows, sqsHolder, boxes, m) : null };
    }
    case 'stream': return { sys, r, model: models.stream!, geom: layoutStream(models.stream!, body, m), hands: null };
    case 'rabbit': {
      const model = models.rabbit!;
      const geom = layoutGraph(body, m, {
        sources: model.exchanges, sourceName: (x) => x.name, producers: model.producers,
        rows: model.queues.map((q) => ({ q, chips: [...q.ready, ...q.unacked] })), rowName: (q) => q.name,
        clients: model.consumers, clientName: (c) => c.id, clientH: rabbitClientH(m), hands,
        edges: model.exchanges.flatMap((x) => x.bindings.map((b) => ({ from: x.name, to: b.queue, label: b.label || '(empty key)' }))),
      });
      return { sys, r, model, geom, hands: town ? planHands(geom.rows, rabbitHolder, holderBoxes(geom), m) : null };
    }
    case 'pubsub': {
      const model = models.pubsub!;
      const geom = layoutGraph(body, m, {
        sources: model.topics, sourceName: (t) => t.name, producers: model.publishers,
        rows: model.subs.map((q) => ({ q, chips: q.msgs })), rowName: (q) => q.name,
        clients: model.subscribers, clientName: (c) => c.id, edges: [], hands,
      });
      return { sys, r, model, geom, hands: town ? planHands(geom.rows, pubsubHolder, holderBoxes(geom), m) : null };
    }
  }
}

/** Every drawn node and item, for flights and hover cards. */
function rectsOf(sections: readonly Section[]): Record<string, Rect> {
  const out: Record<string, Rect> = {};
  for (const s of sections) {
    if (s.sys === 'sqs' || s.sys === 'stream') Object.assign(out, s.geom.rects);
    else {
      const g = s.geom;
      const kind = s.sys === 'rabbit' ? ['exchange', 'queue'] : ['topic', 'sub'];
      out[`node:${s.sys}`] = { x: s.r.x + s.r.w / 2, y: s.r.y + s.r.h / 2, w: 1, h: 1 };
      for (const src of g.sources) out[`${s.sys}:${kind[0]}:${(src.item as { name: string }).name}`] = src.r;
      for (const row of g.rows) {
        out[`${s.sys}:${kind[1]}:${(row.q as { name: string }).name}`] = row.strip;
        for (const c of row.chips) out[`${s.sys}:msg:${(c.chip as { id: number }).id}`] = c.r;
      }
      for (const c of g.clients) out[`node:${(c.item as { id: string }).id}`] = c.r;
      for (const h of g.hands) out[`node:${h.item}`] = h.r;
      for (const p of g.producers) out[`node:${p.item}`] = p.r;
    }
    // The town draws a held message in its holder's hands: hover cards and flights go there.
    for (const t of s.hands?.taken ?? []) out[`${s.sys}:msg:${(t.chip as { id: number }).id}`] = t.r;
  }
  return out;
}

export interface PanePlan {
  /** The font size every section fits at, and the sizes that follow from it. */
  fs: number;
  m: Metrics;
  sections: Section[];
  /** Every drawn node and item's box, by id. */
  rects: Record<string, Rect>;
}

/** The queue pictures laid out in a pane of `size`, the town's or the technical one, in presenter mode or not. */
export function planPane(pic: QueuesPicture, size: Size, town: boolean, presenter: boolean): PanePlan {
  const { systems, models, longest } = pic;
  const crowded = systems.length >= 3;
  const gap = crowded ? 4 : 6;
  const fs = chooseFont(size, systems.length, (f) => systems.map((s) => need(s, models, metrics(f, longest, crowded), size.width, town)), gap, presenter);
  const m = metrics(fs, longest, crowded);
  const sectionRects = stackSections(size, systems.map((s) => need(s, models, m, size.width, town)), gap);
  const sections = systems.map((sys, k) => layoutSection(sys, models, sectionRects[k]!, m, town));
  return { fs, m, sections, rects: rectsOf(sections) };
}
