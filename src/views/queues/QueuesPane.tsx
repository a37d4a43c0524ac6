// One pane (town or technical) of the queue systems: a section per rule book the run uses — stream,
// RabbitMQ, SQS, pub/sub — stacked in the order the run first used them, with the same three columns
// each (where messages come from, where they wait, who takes them), messages in flight through the
// shared FlightLayer, hover cards, action menus, and (technical pane) the comparison scoreboard.
// Structure re-renders on `version`; timers and flights move every frame through useFrame.
import { useCallback, useMemo, useRef, useState } from 'react';
import { useLab } from '../../store/lab-store.ts';
import { useLesson } from '../../store/lesson-store.ts';
import type { Sim } from '../../engine/core/index.ts';
import type { SqsState } from '../../engine/sqs/index.ts';
import type { RabbitState } from '../../engine/rabbit/index.ts';
import type { PubsubState } from '../../engine/pubsub/index.ts';
import type { StreamState } from '../../engine/stream/index.ts';
import { useElementMap, useFrame, useSize, useStructureVersion } from '../shared/hooks.ts';
import { useFocus, type Focus } from '../shared/highlight.ts';
import { FlightLayer } from '../shared/FlightLayer.tsx';
import { NodeMenu, type MenuRequest } from '../shared/interaction.tsx';
import { formatTime } from '../panels/format.ts';
import { QUEUE_SYSTEMS, type QueueSys } from './ids.ts';
import { chooseFont, metrics, stackSections, type Metrics, type Need, type Rect } from './layout.ts';
import { layoutSqs, sqsNeed, type SqsGeom } from './layout-sqs.ts';
import { graphNeed, layoutGraph } from './layout-graph.ts';
import { layoutStream, streamNeed, type StreamGeom } from './layout-stream.ts';
import { sqsModel, type SqsChip, type SqsModel } from './model-sqs.ts';
import { rabbitModel, routeEdges, type RabbitChip, type RabbitModel } from './model-rabbit.ts';
import { pubsubModel, type PubsubChip, type PubsubModel } from './model-pubsub.ts';
import { handsOnly, planHands, type HandsPlan } from './layout-hands.ts';
import { streamModel, type StreamModel } from './model-stream.ts';
import { queueFlights, type QueueFlight } from './flights.ts';
import { itemActions } from './actions.ts';
import { compareRows, isComparison } from './compare.ts';
import { cardFor } from './cards.ts';
import { SECTION_TITLES } from './looks.ts';
import { chipText, SqsSection } from './SqsSection.tsx';
import { RabbitSection, type RabbitGeom } from './RabbitSection.tsx';
import { PubsubSection, type PubsubGeom } from './PubsubSection.tsx';
import { StreamSection } from './StreamSection.tsx';
import { ActionMenu, type ActionRequest } from './ActionMenu.tsx';
import { Tooltip } from './Tooltip.tsx';
import { Scoreboard } from './Scoreboard.tsx';
import { FlightIcon, Legend, legendWidth, PaneDefs } from './decor.tsx';
import { firstFit, textWidth } from '../shared/measure.ts';
import type { SectionCtx } from './section-ctx.ts';
import '../shared/views.css';
import './queues.css';

/** A RabbitMQ consumer's box has a line more than the others: its prefetch window. */
const rabbitClientH = (m: Metrics) => Math.round(m.boxH + m.fs * 1.3);

type Section =
  | { sys: 'sqs'; r: Rect; model: SqsModel; geom: SqsGeom; hands: HandsPlan<SqsChip> | null }
  | { sys: 'rabbit'; r: Rect; model: RabbitModel; geom: RabbitGeom; hands: HandsPlan<RabbitChip> | null }
  | { sys: 'pubsub'; r: Rect; model: PubsubModel; geom: PubsubGeom; hands: HandsPlan<PubsubChip> | null }
  | { sys: 'stream'; r: Rect; model: StreamModel; geom: StreamGeom; hands: null };

/** The queue systems this run uses, in the order it first used them. */
export function systemsInRun(sim: Sim): QueueSys[] {
  return sim.activeSystems().filter((s): s is QueueSys => (QUEUE_SYSTEMS as readonly string[]).includes(s));
}

type Models = { sqs?: SqsModel; rabbit?: RabbitModel; pubsub?: PubsubModel; stream?: StreamModel };

function modelsOf(sim: Sim, systems: readonly QueueSys[]): Models {
  const nodes = sim.nodes();
  const out: Models = {};
  for (const sys of systems) {
    if (sys === 'sqs') out.sqs = sqsModel(sim.state<SqsState>('sqs'), nodes);
    if (sys === 'rabbit') out.rabbit = rabbitModel(sim.state<RabbitState>('rabbit'), nodes);
    if (sys === 'pubsub') out.pubsub = pubsubModel(sim.state<PubsubState>('pubsub'), nodes);
    if (sys === 'stream') out.stream = streamModel(sim.state<StreamState>('stream'), nodes);
  }
  return out;
}

/** A pane this wide has room for each query beside its value in the scoreboard, on one line per rule book. */
const WIDE_SCOREBOARD = 1150;
/** A drawing this tall can spare a line under the scoreboard saying where its queries are (shorter ones keep every queue row). */
const KEY_LINE_H = 460;

/** The longest text a chip shows, so chips are wide enough for it. */
function longestText(models: Models): number {
  const bodies = [
    ...(models.sqs?.queues.flatMap((q) => q.msgs.map(chipText)) ?? []),
    ...(models.rabbit?.queues.flatMap((q) => [...q.ready, ...q.unacked].map((c) => c.body)) ?? []),
    ...(models.pubsub?.subs.flatMap((q) => q.msgs.map((c) => c.body)) ?? []),
    ...(models.stream?.topics.flatMap((t) => t.records.map((r) => `${r.offset} ${r.body}`)) ?? []),
  ];
  return Math.max(3, ...bodies.map((b) => b.length));
}

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

/**
 * A section's heading: the longest phrasing that fits, never a cut one; the technical picture keeps its
 * key to the message looks beside it when a phrasing with more than the name fits next to the key.
 */
function SectionTitle({ sys, r, m, town }: { sys: QueueSys; r: Rect; m: Metrics; town: boolean }) {
  const options = SECTION_TITLES[sys]![town ? 'town' : 'tech'];
  const style = { bold: true };
  const room = r.w - 16;
  const beside = room - legendWidth(sys, m) - 12;
  const legend = !town && options.slice(0, -1).some((o) => textWidth(o, m.fs, style) <= beside);
  const text = firstFit(options, legend ? beside : room, m.fs, style);
  return (
    <>
      <text x={r.x + 8} y={r.y + m.title * 0.72} fontSize={m.fs} fontWeight={800} fill="#1d1d1f">{text}</text>
      {legend && <Legend sys={sys} r={r} m={m} />}
    </>
  );
}

/** Items lit by what is pointed at: the path a message took, the chips a pointed-at flight carries. */
function litItems(focus: Focus, selectedItem: string | null, models: Models, flights: readonly QueueFlight[]): Set<string> {
  const lit = new Set<string>();
  const pointed = [...focus.items, ...(selectedItem ? [selectedItem] : [])];
  for (const id of pointed) {
    const rm = /^rabbit:msg:(\d+)$/.exec(id);
    if (rm && models.rabbit) {
      const chip = models.rabbit.queues.flatMap((q) => [...q.ready, ...q.unacked]).find((c) => c.id === Number(rm[1]));
      if (chip) for (const e of routeEdges(chip.route)) lit.add(e);
    }
    const pm = /^pubsub:msg:(\d+)$/.exec(id);
    if (pm && models.pubsub) {
      const chip = models.pubsub.subs.flatMap((s) => s.msgs).find((c) => c.id === Number(pm[1]));
      for (const hop of chip?.route ?? []) lit.add(`copy:${hop.split('>')[0]}>${hop.split('>')[1]}`);
    }
  }
  for (const f of flights) if (focus.msgs.has(f.msgId)) for (const c of f.carries) lit.add(c);
  return lit;
}

export function QueuesPane({ skin, className }: { skin: 'town' | 'tech'; className?: string }) {
  const town = skin === 'town';
  const wrap = useRef<HTMLDivElement>(null);
  const size = useSize(wrap);
  const version = useStructureVersion();
  const session = useLab((s) => s.session);
  const highlight = useLab((s) => s.highlight);
  const selected = useLab((s) => s.selected);
  const presenter = useLesson((s) => s.presenter);
  const [menu, setMenu] = useState<ActionRequest | null>(null);
  const [nodeMenu, setNodeMenu] = useState<MenuRequest | null>(null);
  const [hover, setHover] = useState<string | null>(null);
  const closeMenu = useCallback(() => setMenu(null), []);
  const closeNodeMenu = useCallback(() => setNodeMenu(null), []);
  const timers = useElementMap<string, Element>();

  const sim = session.sim;
  const systems = systemsInRun(sim);
  const models = modelsOf(sim, systems);
  const longest = longestText(models);
  const crowded = systems.length >= 3;
  const fs = chooseFont(size, systems.length, (f) => systems.map((s) => need(s, models, metrics(f, longest, crowded), size.width, town)), crowded ? 4 : 6, presenter);
  const m = metrics(fs, longest, crowded);
  const sectionRects = stackSections(size, systems.map((s) => need(s, models, m, size.width, town)), crowded ? 4 : 6);
  const sections = systems.map((sys, k) => layoutSection(sys, models, sectionRects[k]!, m, town));
  const rects = rectsOf(sections);
  const flights = queueFlights(sim.inFlight(), new Set(systems), rects, (f) => {
    const fmt = sim.systemDef(f.sys)?.formatMessage;
    return fmt ? fmt(f.msg) : f.msg.type;
  });
  const focus = useFocus(highlight, () => sim.trace());
  const selectedItem = selected?.kind === 'item' ? selected.id : null;
  const lit = litItems(focus, selectedItem, models, flights);
  // A pointed-at message lights the flights that carry it too.
  const flightFocus = useMemo((): Focus => {
    if (focus.items.size === 0) return focus;
    const msgs = new Set(focus.msgs);
    for (const f of flights) if (f.carries.some((c) => focus.items.has(c))) msgs.add(f.msgId);
    return { ...focus, msgs };
    // eslint-disable-next-line react-hooks/exhaustive-deps -- flights change only with `version`
  }, [focus, version]);

  const nodes = sim.nodes();
  const node = useCallback((id: string) => {
    const k = nodes.findIndex((n) => n.id === id);
    const n = nodes[k];
    return { index: Math.max(0, k), up: n?.up ?? true, paused: n?.paused ?? false };
    // eslint-disable-next-line react-hooks/exhaustive-deps -- nodes change only with `version`
  }, [version, session]);
  const onItemMenu = useCallback((item: string, x: number, y: number) => {
    setNodeMenu(null);
    setMenu({ title: `Actions for ${item.split(':').slice(1).join(' ')}`, x, y, actions: itemActions(sim, item) });
  }, [sim]);
  const onNodeMenu = useCallback((id: string, x: number, y: number) => { setMenu(null); setNodeMenu({ node: id, x, y }); }, []);
  const timerRef = useCallback((key: string, el: SVGElement | HTMLElement | null) => { if (el) timers.set(key, el); else timers.delete(key); }, [timers]);

  // Timer bars shrink and the hover card's countdown ticks every frame, without React.
  useFrame((now) => {
    for (const el of timers.values()) {
      const until = Number(el.getAttribute('data-until'));
      if (el.hasAttribute('data-countdown')) {
        const left = Math.max(0, until - now);
        el.textContent = left === 0 ? 'now' : `in ${formatTime(left)}`;
        continue;
      }
      const span = Number(el.getAttribute('data-span')) || 1;
      const full = Number(el.getAttribute('data-full')) || 0;
      el.setAttribute('width', (full * Math.max(0, Math.min(1, (until - now) / span))).toFixed(1));
    }
  });

  const ctx: SectionCtx = { m, town, skin, focus, selected, lit, node, onItemMenu, onNodeMenu, onHover: setHover, timerRef };
  const card = hover ? cardFor(hover, models) : null;
  const rows = skin === 'tech' ? compareRows(sim) : [];
  const compare = isComparison(rows);
  const label = `${town ? 'Town' : 'Technical'} view of ${systems.map((s) => SECTION_TITLES[s]![town ? 'town' : 'tech'].at(-1)).join(', ')}: ${flights.length} messages on the way`;

  return (
    <div className={`tb-view qv qv-${skin} ${className ?? ''}`}>
      <div ref={wrap} className="qv-stage">
        <svg width={size.width} height={size.height} role="group" aria-label={label}>
          <PaneDefs skin={skin} />
          <rect width={size.width} height={size.height} fill={town ? '#eef3e2' : '#f7f7f9'} />
          {sections.map((s) => (
            <g key={s.sys}>
              <rect x={s.r.x} y={s.r.y} width={s.r.w} height={s.r.h} rx={6} fill={town ? '#f6f8ee' : '#ffffff'} stroke={town ? '#d6cdb8' : '#dedee4'} />
              <SectionTitle sys={s.sys} r={s.r} m={m} town={town} />
              {s.sys === 'sqs' && <SqsSection model={s.model} geom={s.geom} hands={s.hands} ctx={ctx} />}
              {s.sys === 'rabbit' && <RabbitSection model={s.model} geom={s.geom} hands={s.hands} ctx={ctx} />}
              {s.sys === 'pubsub' && <PubsubSection model={s.model} geom={s.geom} hands={s.hands} ctx={ctx} />}
              {s.sys === 'stream' && <StreamSection model={s.model} geom={s.geom} ctx={ctx} />}
            </g>
          ))}
          <FlightLayer flights={flights} focus={flightFocus} selectedMsg={selected?.kind === 'msg' ? selected.id : null}
            icon={(f) => <FlightIcon flight={f as QueueFlight} town={town} fs={fs} />} />
        </svg>
        {card && rects[hover!] && <Tooltip card={card} at={rects[hover!]!} width={size.width} height={size.height} timerRef={timerRef} />}
      </div>
      {compare && <Scoreboard rows={rows} wide={size.width >= WIDE_SCOREBOARD} keyLine={size.height >= KEY_LINE_H} />}
      {menu && <ActionMenu request={menu} onClose={closeMenu} />}
      {nodeMenu && <NodeMenu request={nodeMenu} onClose={closeNodeMenu} />}
    </div>
  );
}
