// The technical picture of a Kafka run: partition logs as lanes (see TechLane), the brokers as columns of
// replica cells, the clients as chips, the groups band (see TechBand), and the messages in flight between
// them (fetches and heartbeats small and unlabelled, the rest with their type).
import { useMemo } from 'react';
import { pointable } from '../shared/interaction.tsx';
import { FlightLayer, useFlightMenu } from '../kit/FlightLayer.tsx';
import { StageMenu } from '../kit/menu.tsx';
import { messageStyle, STATUS } from '../shared/palette.ts';
import type { Point } from '../shared/geometry.ts';
import type { StageViewProps } from '../stages.ts';
import { replicaY, type TechLayout } from './layout-tech.ts';
import type { KafkaPicture } from './model.ts';
import { TechLane } from './TechLane.tsx';
import { bandChips, GroupRow } from './TechBand.tsx';
import { kafkaFlights, shortType } from './flights.ts';
import { Bookmark, KafkaDefs, NodeMark } from './glyphs.tsx';
import { firstFit, textWidth } from '../shared/measure.ts';
import { TechKey } from './TechKey.tsx';
import { chipText, planTech } from './plan.ts';
import { useLesson } from '../../store/lesson-store.ts';
import { LAG_WINDOW_MS, useKafka, type KafkaStage } from './useKafka.ts';
import { groupFocused } from './ids.ts';
import '../shared/views.css';
import './kafka.css';


export function KafkaTech({ className }: StageViewProps) {
  const k = useKafka();
  const flightMenu = useFlightMenu(k.openMenu);
  const { wrap, size } = k;
  const presenter = useLesson((s) => s.presenter);
  const pic = k.picture;
  // Planned once per picture and size: a hover re-renders with the same ones.
  const planned = useMemo(() => (pic ? planTech(pic, { width: size.width, height: size.height }, presenter, textWidth) : null), [pic, size.width, size.height, presenter]);
  if (!pic || !planned) return <div ref={wrap} className={`tb-view ${className ?? ''}`}><p className="muted empty">No Kafka cluster yet: start one with kafka.cluster brokers=3.</p></div>;
  const { layout: l, entries, roomy } = planned;
  const { fs } = l;
  const brokerIds = pic.brokers.map((b) => b.id);
  const laneRow = (tp: string) => l.rows.find((r) => r.kind === 'lane' && `${r.topic}-${r.partition}` === tp);
  const chipAt = (i: number): Point => ({ x: l.chips[i]!.x + l.chips[i]!.w / 2, y: l.chips[i]!.y + l.chips[i]!.h / 2 });
  const bands = pic.groups.map((g, i) => bandChips(g, { ...l.groupRows[i]!, h: fs + 6 }, fs, textWidth));
  const at = (node: string, tp: string | null): Point | null => {
    const bi = brokerIds.indexOf(node);
    if (bi >= 0) {
      const row = tp ? laneRow(tp) : undefined;
      const x = l.brokers.x + (bi + 0.5) * l.brokers.cell;
      return row ? { x, y: replicaY(l, row) } : { x, y: l.colHead.y + l.colHead.h / 2 };
    }
    const pi = pic.producers.findIndex((p) => p.id === node);
    if (pi >= 0) return chipAt(pi);
    if (node === 'controller' && pic.controller) return chipAt(pic.producers.length);
    for (const b of bands) {
      const c = b.chips.find((x) => x.id === node);
      if (c) return { x: c.x + c.w / 2, y: c.y + c.h / 2 };
    }
    return null;
  };
  const flights = kafkaFlights(k.sim.inFlight(), { at, bend: 0.08 });
  const sel = k.selected;
  const byKey = new Map(flights.map((f) => [f.key, f]));

  return (
    <div ref={wrap} className={`tb-view tb-tech kf-view ${className ?? ''}`} data-testid="kafka-tech">
      <svg width={l.width} height={l.height} role="group"
        aria-label={`Kafka technical view: ${pic.partitions.length} partitions on ${pic.brokers.length} brokers, ${pic.groups.length} consumer groups, ${flights.length} messages in flight`}>
        <KafkaDefs id="kt" />
        <rect width={l.width} height={l.height} fill="#f7f7f9" />
        <Header pic={pic} l={l} />
        {pic.producers.map((p, i) => {
          const r = l.chips[i]!;
          return (
            <g key={p.id} className={`tb-node${k.focus.nodes.has(p.id) ? ' is-focused' : ''}${sel?.kind === 'node' && sel.id === p.id ? ' is-selected' : ''}`}
              {...pointable({ kind: 'node', id: p.id }, `producer ${p.id}: ${p.up ? 'up' : 'DOWN'}, acks=${p.acks}${p.idempotent ? ', idempotent' : ''}${p.txnId ? `, transactional ${p.txnId} (${p.txnState})` : ''}, ${p.acked} acknowledged, ${p.inflight} in flight, ${p.failed} failed${p.lastError ? `, last error ${p.lastError}` : ''}`, k.nodeMenu(p.id))}>
              <title>{`${p.id}: acked ${p.acked} · in flight ${p.inflight} · waiting ${p.queued} · retries ${p.retries} · failed ${p.failed}${p.lastError ? ` · last error ${p.lastError}` : ''}`}</title>
              <rect className="tb-ring" x={r.x - 3} y={r.y - 3} width={r.w + 6} height={r.h + 6} rx={5} />
              <rect x={r.x} y={r.y} width={r.w} height={r.h} rx={4} fill={p.up ? '#fff8e6' : 'url(#kt-hatch)'} stroke={p.lastError && p.failed ? '#a83a00' : '#6b6b70'} />
              <NodeMark x={r.x + fs * 0.7} y={r.y + r.h / 2} index={p.index} r={fs * 0.36} dim={!p.up} />
              <text x={r.x + fs * 1.35} y={r.y + r.h / 2 + fs * 0.35} fontSize={fs - 1} className="tb-mono">{roomy ? chipText(p) : p.id}{p.up ? '' : ' ✕'}</text>
            </g>
          );
        })}
        {pic.controller && (() => {
          const r = l.chips[pic.producers.length]!;
          const c = pic.controller;
          return (
            <g className={`tb-node${k.focus.nodes.has('controller') ? ' is-focused' : ''}`} {...pointable({ kind: 'node', id: 'controller' }, `the controller (elects leaders, tracks ISRs): ${c.up ? 'up' : 'DOWN'}`, k.nodeMenu('controller'))}>
              <rect className="tb-ring" x={r.x - 3} y={r.y - 3} width={r.w + 6} height={r.h + 6} rx={5} />
              <rect x={r.x} y={r.y} width={r.w} height={r.h} rx={4} fill={c.up ? '#eef3fb' : 'url(#kt-hatch)'} stroke="#6b6b70" />
              <NodeMark x={r.x + fs * 0.7} y={r.y + r.h / 2} index={c.index} r={fs * 0.36} dim={!c.up} />
              <text x={r.x + fs * 1.35} y={r.y + r.h / 2 + fs * 0.35} fontSize={fs - 1} className="tb-mono">controller{c.up ? '' : ' ✕'}</text>
            </g>
          );
        })()}
        <ColumnHeads pic={pic} l={l} k={k} />
        {l.key && <TechKey entries={entries} items={l.key.items} fs={l.key.fs} />}
        {l.rows.map((row, i) => {
          if (row.kind === 'topic') {
            return <text key={`t-${row.topic}`} x={l.pad + 4} y={row.y + row.h / 2 + fs * 0.35} fontSize={fs - 1} fontWeight={800} fill={STATUS.muted}>topic {row.topic}</text>;
          }
          const p = pic.partitions.find((x) => x.topic === row.topic && x.partition === row.partition)!;
          return (
            <TechLane key={p.tp} p={p} row={row} l={l} groups={pic.groups} brokers={brokerIds} nodeIndex={pic.nodeIndex} focus={k.focus}
              selected={k.selectedItem} now={pic.now} lagWindowMs={LAG_WINDOW_MS} onMenu={k.openItem} odd={i % 2 === 1} />
          );
        })}
        {pic.groups.length > 0 && <line x1={l.band.x} y1={l.band.y} x2={l.band.x + l.band.w} y2={l.band.y} stroke="#c5c5cc" />}
        {pic.groups.map((g, i) => (
          <GroupRow key={g.id} g={g} row={l.groupRows[i]!} fs={fs} twoLines={l.twoLines} focus={k.focus} selected={sel} now={pic.now}
            nodeIndex={pic.nodeIndex} onGroupMenu={k.openItem(g.item)} onNodeMenu={k.nodeMenu} />
        ))}
        <FlightLayer flights={flights} focus={k.focus} selectedMsg={k.selectedMsg} menu={flightMenu} icon={(f) => {
          const kf = byKey.get(f.key);
          const st = messageStyle(f.type);
          if (kf?.quiet) return <circle r={3} fill={st.colour} stroke="#1d1d1f" strokeWidth={0.75} opacity={0.7} />;
          return (
            <>
              <circle r={6} fill={kf?.error ? '#D55E00' : st.colour} stroke="#1d1d1f" strokeWidth={1.5} />
              <text x={9} y={4} fontSize={Math.max(11, fs - 2)} className="tb-halo" fontWeight={600} data-flight-label="">{shortType(f.type)}{kf?.error ? ` ✕ ${kf.error}` : ''}</text>
            </>
          );
        }} />
      </svg>
      <StageMenu menu={k.menu} onClose={k.closeMenu} />
    </div>
  );
}

function Header({ pic, l }: { pic: KafkaPicture; l: TechLayout }) {
  const { fs } = l;
  const right = l.chips[0]?.x ?? l.width - l.pad;
  const t = pic.topics;
  const cfg = (name: string) => pic.partitions.find((p) => p.topic === name);
  const one = t.length === 1 ? t[0]! : null;
  const options = one
    ? (() => {
      const n = one.partitions.length;
      const rf = one.partitions[0]?.copies.length ?? 0;
      const c = cfg(one.name);
      const extra = c?.compact ? ' · compacted' : '';
      return [
        `${one.name}: ${n} partition${n === 1 ? '' : 's'} × ${rf} cop${rf === 1 ? 'y' : 'ies'} · min ISR ${c?.minIsr ?? 1}${extra}`,
        `${one.name}: ${n} partition${n === 1 ? '' : 's'} × ${rf} · min ISR ${c?.minIsr ?? 1}${extra}`,
        `${one.name}: ${n} × ${rf} · min ISR ${c?.minIsr ?? 1}`, `${one.name}: ${n} × ${rf}`, one.name,
      ];
    })()
    : t.length === 0 ? ['no topics yet'] : [`${t.length} topics: ${t.map((x) => `${x.name} (${x.partitions.length})`).join(', ')}`, `${t.length} topics`];
  return <text x={l.pad + 2} y={l.header.y + l.header.h / 2 + fs * 0.35} fontSize={fs} fontWeight={700}>{firstFit(options, right - l.pad - 8, fs, { bold: true })}</text>;
}

function ColumnHeads({ pic, l, k }: { pic: KafkaPicture; l: TechLayout; k: KafkaStage }) {
  const { fs } = l;
  const y = l.colHead.y;
  const h = l.colHead.h;
  const hfs = Math.max(11, fs - 2);
  const ty = y + (fs + 8) / 2 + fs * 0.33;
  const sel = k.selected;
  const stacked = l.style === 'stacked';
  // The broker heads sit over their column of copies: beside the names (compact) or under them (stacked).
  const bh = fs + 8;
  return (
    <g>
      <rect x={l.pad} y={y} width={l.width - 2 * l.pad} height={h} fill="#e9e9ee" />
      {!stacked && <text x={l.label.x + 4} y={ty} fontSize={hfs} fill={STATUS.muted} fontWeight={700}>{firstFit(['partition', 'part.'], l.brokers.x - l.label.x - 6, hfs, { bold: true })}</text>}
      {pic.brokers.map((b, j) => {
        const x = l.brokers.x + j * l.brokers.cell;
        const down = !b.up || b.fenced;
        return (
          <g key={b.id} className={`tb-node${k.focus.nodes.has(b.id) ? ' is-focused' : ''}${sel?.kind === 'node' && sel.id === b.id ? ' is-selected' : ''}`} data-testid={`broker-${b.id}`}
            {...pointable({ kind: 'node', id: b.id }, `broker ${b.id}: ${!b.up ? 'DOWN' : b.fenced ? 'fenced' : 'up'}, leads ${b.leads.length} partitions, follows ${b.follows.length}${b.outOfSync.length ? `, out of sync on ${b.outOfSync.join(',')}` : ''}${b.coordinates.length ? `, coordinates ${b.coordinates.join(',')}` : ''}. Context-menu key: crash or restart.`, k.nodeMenu(b.id))}>
            <title>{`${b.id}: ${!b.up ? 'DOWN' : b.fenced ? 'fenced' : 'up'} · leads ${b.leads.length} · follows ${b.follows.length}${b.outOfSync.length ? ` · behind on ${b.outOfSync.length}` : ''}`}</title>
            <rect className="tb-ring" x={x} y={y} width={l.brokers.cell} height={bh} rx={3} />
            <rect x={x + 1} y={y + 2} width={l.brokers.cell - 2} height={bh - 4} rx={3} fill={down ? '#D55E00' : '#ffffff'} stroke="#6b6b70" />
            <text x={x + l.brokers.cell / 2} y={ty} textAnchor="middle" fontSize={Math.max(11, Math.min(hfs, (l.brokers.cell - 3) / (b.id.length * 0.62)))} fontWeight={800}
              fill={down ? '#ffffff' : STATUS.ink} textDecoration={down ? 'line-through' : undefined}>{b.id}</text>
          </g>
        );
      })}
      <text x={l.log.x + 2} y={ty} fontSize={hfs} fill={STATUS.muted} fontWeight={700}>
        {firstFit(l.key ? ['log of records, oldest → newest', 'log, newest →', 'log'] : ['log, newest → · ▌ high watermark', 'log, newest →', 'log'], l.log.w - 4, hfs, { bold: true })}
      </text>
      {stacked && l.lag.x.length > 0 && (
        <text x={l.lag.x[0]! + 3} y={ty} fontSize={hfs} fontWeight={700} fill={STATUS.muted}>{l.lag.heads[0]![0]}</text>
      )}
      {!stacked && pic.groups.map((g, i) => {
        const x = l.lag.x[i]!;
        const f = groupFocused(k.focus, g.id);
        const lines = l.lag.heads[i] ?? [`${g.id} lag`];
        return (
          <g key={g.id} className={`tb-node${f ? ' is-focused' : ''}`} aria-hidden="true">
            <title>{`${g.id}: lag per partition (high watermark minus committed offset) and who reads it`}</title>
            <rect className="tb-ring" x={x} y={y} width={l.lag.w} height={h} rx={3} />
            <Bookmark x={x + fs * 0.7} y={y + Math.min(h, fs + 8) - 1} tag={g.tag.slice(0, 1)} index={g.index} fs={Math.max(11, fs - 2)} />
            {lines.map((t, j) => (
              <text key={j} x={x + fs * 1.4} y={y + 4 + (j + 1) * (hfs + 2) - 2} fontSize={hfs} fontWeight={700} fill={j === 1 ? STATUS.muted : STATUS.ink}>{t}</text>
            ))}
          </g>
        );
      })}
    </g>
  );
}

