// The town picture of the outbox: the service is a shop whose clerk writes the order in the ledger and,
// in the outbox design, drops a slip in the out-tray on the same desk in the same stroke; the postman
// (the relay) empties the tray onto the bulletin board; the readers' houses keep an inbox of the slips
// they have acted on. A dual write has no tray: the clerk walks to the board himself, and the two points
// where that can go wrong are numbered on his way (① and ②), with what went wrong written where it did.
import { useMemo } from 'react';
import type { StageViewProps } from '../stages.ts';
import { FlightLayer, useFlightMenu } from '../kit/FlightLayer.tsx';
import { StageMenu } from '../kit/menu.tsx';
import { useStagePicture } from '../kit/stage.ts';
import { Building, Flames } from '../drawings/buildings.tsx';
import { firstFit } from '../shared/measure.ts';
import { nodeStyle, OKABE_ITO, STATUS } from '../shared/palette.ts';
import { AlarmStrip, NodeCard } from './parts.tsx';
import { outboxFlights, OutboxMessageIcon, type OutboxFlight } from './flights.tsx';
import { outboxLayout, type Box } from './layout.ts';
import { NO_OUTBOX, outboxPicture, type ServicePic } from './model.ts';
import { describeBoard, describeConsumer, describeRelay, describeService } from './words.ts';
import '../shared/views.css';

const tag = (f: OutboxFlight) => f.tag;
const LOOK = (i: number, down: boolean) => ({ accent: down ? '#9a9a9a' : nodeStyle(i).colour, wall: down ? '#d8d8d8' : '#f4ead5', line: STATUS.ink });

/** A centred label: its phrasings, longest first; the first that fits is drawn. */
function Label({ x, y, w, fs, text, bold, warn }: { x: number; y: number; w: number; fs: number; text: readonly string[]; bold?: boolean; warn?: boolean }) {
  return <text x={x} y={y} textAnchor="middle" fontSize={fs} fontWeight={bold || warn ? 800 : 400} className={warn ? 'tb-status-fire' : undefined}
    fill={STATUS.ink}>{firstFit(text, w, fs, { bold: bold || warn })}</text>;
}

/** A building in the top part of a box, scaled to fit, with flames when it is down. */
function BuildingIn({ box, kind, i, down, top }: { box: Box; kind: 'bakery' | 'house' | 'post'; i: number; down: boolean; top: number }) {
  const s = Math.max(0.2, Math.min(box.w * 0.55, top) / 100);
  return (
    <g transform={`translate(${box.x + box.w * 0.3},${box.y + 6 + top / 2}) scale(${s})`} aria-hidden="true">
      <Building kind={kind} look={LOOK(i, down)} />
      {down && <Flames />}
    </g>
  );
}

/** The out-tray on the clerk's desk: one slip per unpublished row (at most five drawn). */
function Tray({ x, y, w, slips, fs }: { x: number; y: number; w: number; slips: number; fs: number }) {
  return (
    <g aria-hidden="true">
      {Array.from({ length: Math.min(5, slips) }, (_, k) => (
        <rect key={k} x={x + 6 + k * 3} y={y - 8 - k * 3} width={w - 18} height={9} fill="#ffffff" stroke={STATUS.ink} strokeWidth={0.8} />
      ))}
      <path d={`M${x},${y - 4}L${x + 4},${y + 6}H${x + w - 4}L${x + w},${y - 4}`} fill="#c89b6d" stroke={STATUS.ink} strokeWidth={1.2} />
      <text x={x + w / 2} y={y + 6 + fs} textAnchor="middle" fontSize={fs} fill={STATUS.ink}>out-tray {slips}</text>
    </g>
  );
}

/** The postman: a figure in a cap with a satchel. */
function Postman({ x, y, h, down }: { x: number; y: number; h: number; down: boolean }) {
  const k = h / 40;
  const c = down ? '#9a9a9a' : OKABE_ITO.blue;
  return (
    <g transform={`translate(${x},${y}) scale(${k})`} aria-hidden="true">
      <circle cy={-30} r={6} fill="#f1c9a5" stroke={STATUS.ink} strokeWidth={1.2} />
      <path d="M-7,-35H7L5,-39H-5Z" fill={c} stroke={STATUS.ink} strokeWidth={1} />
      <path d="M-7,-22H7L6,0H-6Z" fill={c} stroke={STATUS.ink} strokeWidth={1.2} />
      <rect x={4} y={-16} width={9} height={8} rx={1} fill="#a8743f" stroke={STATUS.ink} strokeWidth={1} />
      <path d="M-6,-22L9,-16" stroke="#6b4a2a" strokeWidth={1.4} />
    </g>
  );
}

function ServiceShop({ s, box, i, fs, lineH }: { s: ServicePic; box: Box; i: number; fs: number; lineH: number }) {
  const top = Math.max(30, box.h - lineH * 3.2);
  const unpublished = s.rows.filter((r) => !r.published).length;
  const cx = box.x + box.w / 2;
  return (
    <>
      <BuildingIn box={box} kind="bakery" i={i} down={!s.up} top={top} />
      {s.design === 'outbox'
        ? <Tray x={box.x + box.w * 0.62} y={box.y + top * 0.75} w={Math.min(70, box.w * 0.3)} slips={unpublished} fs={fs - 1} />
        : s.failure && (
          <g aria-hidden="true">
            {[s.failure.first, s.failure.second].map((t, k) => (
              <text key={k} x={box.x + box.w * 0.62} y={box.y + top * (0.35 + k * 0.3)} fontSize={fs - 1} fontWeight={700}
                fill={STATUS.ink}>{firstFit([t, t.slice(0, 1)], box.w * 0.36, fs - 1, { bold: true })}</text>
            ))}
          </g>
        )}
      <Label x={cx} y={box.y + top + lineH} w={box.w - 12} fs={fs} bold text={[`${s.id}${s.up ? '' : ' · DOWN'} · ${s.orders.length + s.moreOrders} orders in the ledger`, `${s.id}${s.up ? '' : ' · DOWN'} · ${s.orders.length + s.moreOrders} orders`, `${s.id}${s.up ? '' : ' DOWN'}`]} warn={!s.up} />
      <Label x={cx} y={box.y + top + lineH * 2} w={box.w - 12} fs={fs - 1}
        text={s.failure ? [s.failure.between, s.failure.short] : ['order and slip written in one stroke', 'one stroke: order + slip', 'one stroke']} warn={s.lost + s.phantoms > 0} />
      {s.lost > 0 && <Label x={cx} y={box.y + top + lineH * 3} w={box.w - 12} fs={fs} warn text={[`✕ ${s.lost} order${s.lost === 1 ? '' : 's'} saved, never announced`, `✕ ${s.lost} saved, never announced`, `✕ ${s.lost} LOST`]} />}
      {s.phantoms > 0 && <Label x={cx} y={box.y + top + lineH * 3} w={box.w - 12} fs={fs} warn text={[`✕ ${s.phantoms} announced, never saved`, `✕ ${s.phantoms} PHANTOM`]} />}
    </>
  );
}

export function OutboxTown({ className }: StageViewProps) {
  const k = useStagePicture('outbox', outboxPicture);
  const pic = k.picture ?? NO_OUTBOX;
  const layout = useMemo(() => outboxLayout(k.size, pic), [k.size, pic]);
  const menu = useFlightMenu<OutboxFlight>(k.openMenu, tag);
  const flights = outboxFlights(k.sim.inFlight(), layout);
  const { fontSize: fs, lineH } = layout;
  const b = layout.board;
  return (
    <div ref={k.wrap} className={`tb-view tb-town tb-outbox ${className ?? ''}`} data-testid="outbox-town">
      <svg width={k.size.width} height={k.size.height} role="group"
        aria-label={`Outbox, town view: ${pic.services.length} shops, the postman, the bulletin board with ${pic.board.total} notices, ${pic.consumers.length} readers${pic.alarms.length ? `; ${pic.alarms.join('; ')}` : ''}`}>
        <rect width={k.size.width} height={k.size.height} fill="#eaf3e1" />
        {layout.alarm && <AlarmStrip box={layout.alarm} alarms={pic.alarms} fs={fs} />}
        {pic.services.map((s, i) => (
          <NodeCard key={s.id} id={s.id} box={layout.services[s.id]!} label={describeService(s)} down={!s.up} focused={k.focus.nodes.has(s.id)}
            selected={k.isSelectedNode(s.id)} onMenu={k.nodeMenu(s.id)} fill="#f9f6ee" stroke={s.lost + s.phantoms > 0 ? STATUS.crashed : '#b9b2a0'}>
            <ServiceShop s={s} box={layout.services[s.id]!} i={i} fs={fs} lineH={lineH} />
          </NodeCard>
        ))}
        {pic.services.filter((s) => s.relay).map((s) => {
          const r = s.relay!;
          const box = layout.relays[r.id]!;
          return (
            <NodeCard key={r.id} id={r.id} box={box} label={describeRelay(s)} down={!r.up} focused={k.focus.nodes.has(r.id)} selected={k.isSelectedNode(r.id)}
              onMenu={k.nodeMenu(r.id)} fill="#f9f6ee" stroke="#b9b2a0">
              <Postman x={box.x + box.w / 2} y={box.y + box.h - lineH * 1.1} h={Math.max(16, box.h - lineH * 1.6)} down={!r.up} />
              <Label x={box.x + box.w / 2} y={box.y + box.h - 4} w={box.w - 8} fs={fs - 1} bold text={r.up ? ['postman'] : ['postman (down)', 'down']} warn={!r.up} />
            </NodeCard>
          );
        })}
        <NodeCard id="broker" box={b} label={describeBoard(pic)} down={false} focused={k.focus.nodes.has('broker')} selected={k.isSelectedNode('broker')}
          onMenu={k.nodeMenu('broker')} fill="#c89b6d">
          <rect x={b.x + 5} y={b.y + lineH + 4} width={b.w - 10} height={b.h - lineH - 9} fill="#e9d3b0" stroke={STATUS.ink} strokeWidth={0.8} aria-hidden="true" />
          <Label x={b.x + b.w / 2} y={b.y + lineH * 0.9} w={b.w - 8} fs={fs - 1} bold text={[`bulletin board · ${pic.board.total}`, `board · ${pic.board.total}`, `${pic.board.total}`]} />
          {pic.board.entries.map((e, j) => {
            const y = b.y + lineH * (j + 1.35) + 6;
            if (y + lineH > b.y + b.h) return null;
            return (
              <g key={`${e.id}:${j}`}>
                <rect x={b.x + 10} y={y} width={b.w - 20} height={lineH - 3} fill={e.phantom ? '#fde9df' : '#fffdf5'} stroke={e.phantom ? STATUS.crashed : STATUS.ink} strokeWidth={e.phantom ? 1.6 : 0.8}
                  strokeDasharray={e.duplicate ? '3 2' : undefined} />
                <circle cx={b.x + b.w / 2} cy={y + 1} r={2} fill={OKABE_ITO.vermillion} aria-hidden="true" />
                <Label x={b.x + b.w / 2} y={y + lineH * 0.72} w={b.w - 24} fs={fs - 1} text={[`${e.id} ${e.words.split(' ')[2]}${e.phantom ? ' PHANTOM' : e.duplicate ? ' again' : ''}`, `${e.id}${e.phantom ? ' PHANTOM' : e.duplicate ? ' again' : ''}`, `${e.id}${e.phantom ? ' ✕' : ''}`]} warn={e.phantom} />
              </g>
            );
          })}
        </NodeCard>
        {pic.consumers.map((c, i) => {
          const box = layout.consumers[c.id]!;
          const top = Math.max(24, box.h - lineH * 2.2);
          return (
            <NodeCard key={c.id} id={c.id} box={box} label={describeConsumer(c)} down={!c.up} focused={k.focus.nodes.has(c.id)} selected={k.isSelectedNode(c.id)}
              onMenu={k.nodeMenu(c.id)} fill="#f9f6ee" stroke={c.doubled + c.disorder > 0 ? STATUS.crashed : '#b9b2a0'}>
              <BuildingIn box={box} kind="house" i={i + 2} down={!c.up} top={top} />
              <text x={box.x + box.w * 0.62} y={box.y + top * 0.6} fontSize={fs - 1} fill={STATUS.ink}>{firstFit(c.inbox ? [`inbox ${c.seen.length}`, `${c.seen.length}`] : ['no inbox', '—'], box.w * 0.36, fs - 1)}</text>
              <Label x={box.x + box.w / 2} y={box.y + top + lineH * 0.9} w={box.w - 8} fs={fs - 1} bold text={[c.id]} />
              <Label x={box.x + box.w / 2} y={box.y + top + lineH * 1.9} w={box.w - 8} fs={fs - 1} warn={c.doubled + c.disorder > 0}
                text={c.doubled ? [`acted twice on ${c.doubled}`, `${c.doubled} twice`] : c.caught ? [`${c.applied} done, ${c.caught} repeats ignored`, `${c.applied} done, ${c.caught} skipped`, `${c.applied} done`] : [`${c.applied} done`]} />
            </NodeCard>
          );
        })}
        <FlightLayer flights={flights} focus={k.focus} selectedMsg={k.selectedMsg} icon={OutboxMessageIcon} menu={menu}
          tags={{ fontSize: Math.max(11, fs - 1), all: flights.length <= 4 }} />
        {pic.services.length === 0 && (
          <text x={k.size.width / 2} y={k.size.height / 2} textAnchor="middle" fontSize={14} fill={STATUS.muted}>No shop yet: outbox.service name=orders</text>
        )}
      </svg>
      <StageMenu menu={k.menu} onClose={k.closeMenu} />
    </div>
  );
}
