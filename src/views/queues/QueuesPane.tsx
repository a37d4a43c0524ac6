// One pane (town or technical) of the queue systems: a section per rule book the run uses — stream,
// RabbitMQ, SQS, pub/sub — stacked in the order the run first used them, with the same three columns
// each (where messages come from, where they wait, who takes them), messages in flight through the
// kit's FlightLayer, hover cards, action menus, and (technical pane) the comparison scoreboard.
// Structure re-renders on `version`; timers and flights move every frame through useFrame.
import { useCallback, useMemo, useState } from 'react';
import { useLesson } from '../../store/lesson-store.ts';
import { useElementMap, useFrame } from '../shared/hooks.ts';
import type { Focus } from '../shared/highlight.ts';
import { firstFit, textWidth } from '../shared/measure.ts';
import { FlightLayer, useFlightMenu } from '../kit/FlightLayer.tsx';
import { run, StageMenu } from '../kit/menu.tsx';
import { useStagePicture } from '../kit/stage.ts';
import { formatTime } from '../panels/format.ts';
import { QUEUE_SYSTEMS, type QueueSys } from './ids.ts';
import type { Metrics, Rect } from './layout.ts';
import { routeEdges } from './model-rabbit.ts';
import { NO_QUEUES, queuesPicture, type Models } from './picture.ts';
import { planPane } from './plan.ts';
import { queueFlights, type QueueFlight } from './flights.ts';
import { itemActions } from './actions.ts';
import { compareRows, isComparison } from './compare.ts';
import { cardFor } from './cards.ts';
import { SECTION_TITLES } from './looks.ts';
import { SqsSection } from './SqsSection.tsx';
import { RabbitSection } from './RabbitSection.tsx';
import { PubsubSection } from './PubsubSection.tsx';
import { StreamSection } from './StreamSection.tsx';
import { Tooltip } from './Tooltip.tsx';
import { Scoreboard } from './Scoreboard.tsx';
import { Ledger } from './Ledger.tsx';
import { FlightIcon, Legend, legendWidth, PaneDefs } from './decor.tsx';
import type { SectionCtx } from './section-ctx.ts';
import '../shared/views.css';
import './queues.css';

/** A pane this wide has room for each query beside its value in the scoreboard, on one line per rule book. */
const WIDE_SCOREBOARD = 1150;
/** A drawing this tall can spare a line under the scoreboard saying where its queries are (shorter ones keep every queue row). */
const KEY_LINE_H = 460;

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
  const k = useStagePicture(QUEUE_SYSTEMS, queuesPicture);
  const flightMenu = useFlightMenu(k.openMenu);
  const { size, sim, version, focus, selected, selectedItem, openMenu } = k;
  const presenter = useLesson((s) => s.presenter);
  const [hover, setHover] = useState<string | null>(null);
  const timers = useElementMap<string, Element>();

  const pic = k.picture ?? NO_QUEUES;
  const { systems, models } = pic;
  // Laid out once per picture and pane: a hover re-renders with the same plan.
  const { fs, m, sections, rects } = useMemo(() => planPane(pic, size, town, presenter), [pic, size, town, presenter]);
  const flights = queueFlights(sim.inFlight(), new Set(systems), rects, (f) => {
    const fmt = sim.systemDef(f.sys)?.formatMessage;
    return fmt ? fmt(f.msg) : f.msg.type;
  });
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
    const i = nodes.findIndex((n) => n.id === id);
    const n = nodes[i];
    return { index: Math.max(0, i), up: n?.up ?? true, paused: n?.paused ?? false };
    // eslint-disable-next-line react-hooks/exhaustive-deps -- nodes change only with `version`
  }, [version, sim]);
  // Each entry runs one scenario command; the command is its tooltip.
  const onItemMenu = useCallback((item: string, x: number, y: number) => openMenu({
    kind: 'items', label: `Actions for ${item.split(':').slice(1).join(' ')}`, title: true, empty: 'Nothing to do with it right now.', x, y,
    items: itemActions(sim, item).map((a) => ({ id: a.line, label: a.label, hint: a.line, run: () => run(a.line) })),
  }), [sim, openMenu]);
  const onNodeMenu = useCallback((id: string, x: number, y: number) => openMenu({ kind: 'node', node: id, x, y }), [openMenu]);
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
    <div className={`tb-view qv qv-${skin}${models.sqs?.payments ? ' has-ledger' : ''} ${className ?? ''}`}>
      <div ref={k.wrap} className="qv-stage">
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
          <FlightLayer flights={flights} focus={flightFocus} selectedMsg={k.selectedMsg} menu={flightMenu}
            icon={(f) => <FlightIcon flight={f as QueueFlight} town={town} fs={fs} />} />
        </svg>
        {card && rects[hover!] && <Tooltip card={card} at={rects[hover!]!} width={size.width} height={size.height} timerRef={timerRef} />}
      </div>
      {compare && <Scoreboard rows={rows} wide={size.width >= WIDE_SCOREBOARD} keyLine={size.height >= KEY_LINE_H} />}
      {models.sqs?.payments && <Ledger model={models.sqs.payments} now={sim.now} town={town} />}
      <StageMenu menu={k.menu} onClose={k.closeMenu} />
    </div>
  );
}

