// The technical picture of the outbox: each service's orders table and outbox table side by side (the
// published flag as ✓, rows in flight as →, the relay's position as a marker), the dual write's two
// writes and where a crash between them hurts, the relay, the board's last events (duplicates and
// phantoms marked), each consumer's inbox, the detectors' alarms on top, and the messages in flight.
import { useMemo } from 'react';
import type { StageViewProps } from '../stages.ts';
import { FlightLayer, SMALL_RING, useFlightMenu } from '../kit/FlightLayer.tsx';
import { StageMenu } from '../kit/menu.tsx';
import { useStagePicture } from '../kit/stage.ts';
import { STATUS } from '../shared/palette.ts';
import { AlarmStrip, CardLines, NodeCard } from './parts.tsx';
import { outboxFlights, OutboxMessageIcon, type OutboxFlight } from './flights.tsx';
import { outboxLayout } from './layout.ts';
import { consumerLines, NO_OUTBOX, outboxPicture } from './model.ts';
import { describeBoard, describeConsumer, describeRelay, describeService, serviceLines } from './words.ts';
import '../shared/views.css';

const tag = (f: OutboxFlight) => f.tag;

export function OutboxTech({ className }: StageViewProps) {
  const k = useStagePicture('outbox', outboxPicture);
  const pic = k.picture ?? NO_OUTBOX;
  const layout = useMemo(() => outboxLayout(k.size, pic), [k.size, pic]);
  const menu = useFlightMenu<OutboxFlight>(k.openMenu, tag);
  const flights = outboxFlights(k.sim.inFlight(), layout);
  const { fontSize: fs, lineH } = layout;
  return (
    <div ref={k.wrap} className={`tb-view tb-tech tb-outbox ${className ?? ''}`} data-testid="outbox-tech">
      <svg width={k.size.width} height={k.size.height} role="group"
        aria-label={`Outbox, technical view: ${pic.services.length} services, ${pic.board.total} events on the board, ${pic.consumers.length} consumers${pic.alarms.length ? `; ${pic.alarms.join('; ')}` : ''}`}>
        <rect width={k.size.width} height={k.size.height} fill="#f7f7f9" />
        {layout.alarm && <AlarmStrip box={layout.alarm} alarms={pic.alarms} fs={fs} />}
        {pic.services.map((s) => {
          const box = layout.services[s.id]!;
          const half = (box.w - 24) / 2;
          const tableTop = box.y + lineH * 3.3;
          return (
            <g key={s.id}>
              <NodeCard id={s.id} box={box} label={describeService(s)} down={!s.up} focused={k.focus.nodes.has(s.id)} selected={k.isSelectedNode(s.id)}
                onMenu={k.nodeMenu(s.id)} stroke={s.lost + s.phantoms > 0 ? STATUS.crashed : STATUS.ink}>
                <CardLines box={box} lines={serviceLines(s)} fs={fs} lineH={lineH} />
                <line x1={box.x + 8} x2={box.x + box.w - 8} y1={tableTop} y2={tableTop} stroke="#c9c9d1" />
                <CardLines box={{ ...box, y: tableTop, h: box.y + box.h - tableTop }} fs={fs - 1} lineH={lineH} lines={[
                  { text: [`orders table${s.moreOrders ? ` (+${s.moreOrders})` : ''}`, 'orders'], bold: true, w: half },
                  ...s.orders.map((o) => ({ text: [o.words, o.words.split(' ')[0]!], mono: true, w: half })),
                  ...(s.orders.length ? [] : [{ text: 'empty', muted: true, w: half }]),
                ]} />
                <CardLines box={{ ...box, y: tableTop, h: box.y + box.h - tableTop }} fs={fs - 1} lineH={lineH} lines={
                  s.design === 'outbox' ? [
                    { text: [`outbox table ✓ published${s.moreRows ? ` (+${s.moreRows})` : ''}`, `outbox ✓ published`, 'outbox ✓ sent', 'outbox'], bold: true, x: half + 8, w: half },
                    ...s.rows.map((r) => ({ text: [`${r.published ? '✓' : r.inFlight ? '→' : '·'} ${r.id} ${r.words.split(' ')[1]!.replace('order.', '')} ${r.words.split(' ')[2]}`, `${r.published ? '✓' : r.inFlight ? '→' : '·'} ${r.id} ${r.words.split(' ')[2]}`, `${r.published ? '✓' : r.inFlight ? '→' : '·'} ${r.id}`], mono: true, x: half + 8, w: half, warn: false })),
                    ...(s.rows.length ? [] : [{ text: 'empty', muted: true, x: half + 8, w: half }]),
                  ] : [{ text: ['no outbox table', 'no outbox'], muted: true, x: half + 8, w: half },
                    ...(s.failure ? [{ text: [s.failure.between.split(': ')[0]!, s.failure.short.split(': ')[0]!], warn: s.lost + s.phantoms > 0, x: half + 8, w: half },
                      { text: [s.failure.between.split(': ')[1]!, s.failure.short.split(': ')[1]!], warn: s.lost + s.phantoms > 0, x: half + 8, w: half }] : [])]} />
              </NodeCard>
            </g>
          );
        })}
        {pic.services.filter((s) => s.relay).map((s) => {
          const r = s.relay!;
          const box = layout.relays[r.id]!;
          return (
            <NodeCard key={r.id} id={r.id} box={box} label={describeRelay(s)} down={!r.up} focused={k.focus.nodes.has(r.id)} selected={k.isSelectedNode(r.id)} onMenu={k.nodeMenu(r.id)}>
              <CardLines box={box} fs={fs - 1} lineH={lineH} pad={6} lines={[
                { text: [`${r.id}${r.up ? '' : ' DOWN'}`, r.up ? 'relay' : 'DOWN'], bold: true, warn: !r.up }, { text: [`relay: ${r.kind}`, r.kind], muted: true }, ...r.words.map((text) => ({ text })),
              ]} />
            </NodeCard>
          );
        })}
        <NodeCard id="broker" box={layout.board} label={describeBoard(pic)} down={false} focused={k.focus.nodes.has('broker')} selected={k.isSelectedNode('broker')} onMenu={k.nodeMenu('broker')} fill="#fffdf5">
          <CardLines box={layout.board} fs={fs - 1} lineH={lineH} pad={6} lines={[
            { text: ['board (broker)', 'board'], bold: true },
            { text: [`${pic.board.total} event${pic.board.total === 1 ? '' : 's'}${pic.board.duplicates ? `, ${pic.board.duplicates} dup` : ''}`, `${pic.board.total}${pic.board.duplicates ? ` (${pic.board.duplicates} dup)` : ''}`], muted: true },
            ...pic.board.entries.map((e) => ({ text: [`${e.words}${e.phantom ? ' PHANTOM' : e.duplicate ? ' dup' : ''}`, `${e.id} ${e.words.split(' ')[2]}${e.phantom ? ' PHANTOM' : e.duplicate ? ' dup' : ''}`, `${e.id}${e.phantom ? ' PHANTOM' : e.duplicate ? ' dup' : ''}`, `${e.id}${e.phantom ? ' ✕' : e.duplicate ? '²' : ''}`], mono: true, warn: e.phantom })),
          ]} />
        </NodeCard>
        {pic.consumers.map((c) => {
          const box = layout.consumers[c.id]!;
          return (
            <NodeCard key={c.id} id={c.id} box={box} label={describeConsumer(c)} down={!c.up} focused={k.focus.nodes.has(c.id)} selected={k.isSelectedNode(c.id)} onMenu={k.nodeMenu(c.id)}
              stroke={c.doubled + c.disorder > 0 ? STATUS.crashed : STATUS.ink}>
              <CardLines box={box} fs={fs - 1} lineH={lineH} pad={6} lines={[
                { text: [`${c.id}${c.up ? '' : ' · DOWN'}`, c.id], bold: true, warn: !c.up },
                ...consumerLines(c).map((text, j) => ({ text, warn: j === 1 ? c.doubled > 0 : c.disorder > 0 })),
                { text: c.inbox ? [`inbox: ${c.seen.join(',') || 'empty'}`, `inbox: ${c.seen.length} ids`, `inbox ${c.seen.length}`] : ['no inbox table', 'no inbox'], mono: c.inbox, muted: !c.inbox },
              ]} />
            </NodeCard>
          );
        })}
        <FlightLayer flights={flights} focus={k.focus} selectedMsg={k.selectedMsg} icon={OutboxMessageIcon} menu={menu} ring={SMALL_RING}
          tags={{ fontSize: Math.max(11, fs - 1), all: flights.length <= 6 }} />
        {pic.services.length === 0 && (
          <text x={k.size.width / 2} y={k.size.height / 2} textAnchor="middle" fontSize={14} fill={STATUS.muted}>No outbox service yet: outbox.service name=orders</text>
        )}
      </svg>
      <StageMenu menu={k.menu} onClose={k.closeMenu} />
    </div>
  );
}
