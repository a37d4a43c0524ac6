// The town picture of sagas: the school's coordinator with a checklist (orchestration), or the shops
// passing notices to each other (choreography: who listens to whom, drawn dashed); a compensation is a red
// "take it back" notice running backwards. For 2PC, the council chair (the coordinator) and the shops that
// voted yes waiting with their hand up, their record locked, until the chair says commit or abort.
import { useMemo } from 'react';
import type { BuildingKind } from '../../engine/town/index.ts';
import type { StageViewProps } from '../stages.ts';
import { firstFit, textWidth } from '../shared/measure.ts';
import { keepInside, wrapWords } from './wrap.ts';
import { pointable } from '../shared/interaction.tsx';
import { OKABE_ITO, STATUS } from '../shared/palette.ts';
import { Building, Flames } from '../drawings/buildings.tsx';
import { FlightLayer, useFlightMenu } from '../kit/FlightLayer.tsx';
import { StageMenu } from '../kit/menu.tsx';
import { useStagePicture } from '../kit/stage.ts';
import { sagaLayout, type SagaLayout } from './layout.ts';
import { describeShop, NO_SAGA, sagaPicture, stepTownWords, type SagaPicture, type ShopView } from './model.ts';
import { nodeAt, SagaMessageIcon, sagaFlights } from './parts.tsx';
import '../shared/views.css';

const KINDS = new Set<string>(['bakery', 'grocery', 'school', 'deli', 'fruit', 'bank', 'hall', 'post', 'library']);
const kindOf = (id: string): BuildingKind => (KINDS.has(id) ? id : 'house') as BuildingKind;

/** The checklist's lines: the saga in focus, step by step, then the tally, the council and the reads. */
export function checklistLines(pic: SagaPicture): { text: string; tone?: 'bad' | 'good' | 'muted' | 'strong' }[] {
  const out: { text: string; tone?: 'bad' | 'good' | 'muted' | 'strong' }[] = [];
  const f = pic.focus;
  if (f) {
    const who = f.mode === 'orchestrated' ? 'the school\'s checklist' : 'nobody holds this list (choreography)';
    out.push({ text: `${f.id}: ${f.qty} lunches · ${f.status}`, tone: 'strong' }, { text: who, tone: 'muted' });
    f.steps.forEach((s, i) => {
      const w = stepTownWords(s.shop, s.status, f.qty);
      const tone = s.status === 'done' ? 'good' : s.status === 'failed' || s.status === 'stuck' || s.status.startsWith('compens') ? 'bad' : undefined;
      out.push({ text: `${w.mark} ${w.words}${i === f.pivot ? '  ◆ pivot' : ''}`, tone });
    });
    if (pic.total > 1) out.push({ text: `all orders: ${pic.counts.done} served, ${pic.counts.compensated} taken back, ${pic.counts.running + pic.counts.compensating} going`, tone: 'muted' });
  }
  for (const t of pic.txs.slice(-2)) {
    const up = t.participants.filter((p) => p.state === 'prepared').length;
    out.push({ text: `council ${t.id}: ${t.decision ?? (up ? `${up} hands up, waiting` : 'asking')}`, tone: t.decision === 'abort' ? 'bad' : t.decision ? 'good' : 'strong' });
  }
  for (const r of pic.reads.slice(-2)) out.push({ text: r.waiting ? `${r.id} waits at ${r.shop} (locked)` : `${r.id} read ${r.value} at ${r.shop}`, tone: r.waiting ? 'bad' : 'muted' });
  for (const p of pic.problems) out.push({ text: `⚠ ${p}`, tone: 'bad' });
  return out;
}

const toneColour = (t?: string) => (t === 'bad' ? '#a83a00' : t === 'good' ? '#006644' : t === 'muted' ? STATUS.muted : STATUS.ink);

export function SagaTown({ className }: StageViewProps) {
  const k = useStagePicture('saga', sagaPicture);
  const { size, sim, focus } = k;
  const flightMenu = useFlightMenu<ReturnType<typeof sagaFlights>[number]>(k.openMenu);
  const pic = k.picture ?? NO_SAGA;
  const shopIds = pic.shops.map((s) => s.id);
  const key = `${shopIds.join(',')}|${pic.school.present}|${pic.coordinator.present}`;
  // eslint-disable-next-line react-hooks/exhaustive-deps -- the shops are keyed by key
  const layout = useMemo(() => sagaLayout(size, shopIds, pic.school.present, pic.coordinator.present), [size.width, size.height, key]);
  const flights = sagaFlights(sim, layout, true);
  const fs = layout.fontSize;
  const lines = checklistLines(pic);
  return (
    <div ref={k.wrap} className={`tb-view tb-town tb-saga ${className ?? ''}`} data-testid="saga-town">
      <svg width={size.width} height={size.height} role="group"
        aria-label={`Sagas, town view: ${lines.map((l) => l.text).join('; ') || 'no saga yet'}`}>
        <rect width={size.width} height={size.height} fill="#eef3e2" />
        {pic.listen.map((e, i) => {
          const a = nodeAt(layout, e.from);
          const b = nodeAt(layout, e.to);
          if (!a || !b || !e.event.startsWith('Step') && e.event !== 'Ordered') return null;
          return <line key={i} x1={a.x} y1={a.y} x2={b.x} y2={b.y} stroke="#8a8a8a" strokeDasharray="5 4" strokeWidth={1.5} aria-hidden="true" />;
        })}
        <Checklist lines={lines} layout={layout} />
        {layout.school && (
          <Place id="school" at={layout.school} s={layout.s} fs={fs} kind="school" down={pic.school.down}
            line2={pic.focus?.mode === 'choreographed' ? 'orders, then listens' : 'coordinator'} k={k} width={size.width} />
        )}
        {layout.coordinator && (
          <Place id="coordinator" at={layout.coordinator} s={layout.s} fs={fs} kind="hall" down={pic.coordinator.down} line2="council chair (2PC)" k={k} width={size.width} />
        )}
        {pic.shops.map((s) => <ShopPlace key={s.id} shop={s} layout={layout} k={k} width={size.width} />)}
        <FlightLayer flights={flights} focus={focus} selectedMsg={k.selectedMsg} icon={SagaMessageIcon} menu={flightMenu}
          tags={{ fontSize: Math.max(11, fs - 1), all: flights.length <= 8 }} />
        {shopIds.length === 0 && (
          <text x={size.width / 2} y={size.height / 2} textAnchor="middle" fontSize={14} fill={STATUS.muted}>{firstFit(['No shops yet: saga.define name=lunch steps=bakery,deli,fruit', 'No shops yet'], size.width - 16, 14)}</text>
        )}
      </svg>
      <StageMenu menu={k.menu} onClose={k.closeMenu} />
    </div>
  );
}

function Checklist({ lines, layout }: { lines: ReturnType<typeof checklistLines>; layout: SagaLayout }) {
  const { panel, lineH, fontSize: fs, panelLines } = layout;
  if (!lines.length || panelLines < 1) return null;
  const wrapped = lines.flatMap((l) => wrapWords(l.text, panel.w - 12, fs, { bold: l.tone === 'strong' }).map((text) => ({ text, tone: l.tone })));
  const shown = wrapped.slice(0, panelLines);
  return (
    <g role="img" aria-label={lines.map((l) => l.text).join('. ')}>
      <rect x={panel.x} y={panel.y} width={panel.w} height={shown.length * lineH + 8} rx={4} fill="#fffdf5" stroke="#8a5a3b" strokeWidth={1.5} />
      {shown.map((l, i) => (
        <text key={i} x={panel.x + 6} y={panel.y + 4 + lineH * (i + 0.8)} fontSize={fs} fontWeight={l.tone === 'strong' ? 800 : 500} fill={toneColour(l.tone)} xmlSpace="preserve">
          {l.text}
        </text>
      ))}
    </g>
  );
}

type Kit = ReturnType<typeof useStagePicture<unknown, SagaPicture>>;

function Place({ id, at, s, fs, kind, down, line2, k, width }: { id: string; at: { x: number; y: number }; s: number; fs: number; kind: BuildingKind; down: boolean; line2: string; k: Kit; width: number }) {
  const label = `${id}${down ? ' (crashed)' : ''}: ${line2}`;
  const line1 = down ? `${id} · ON FIRE` : id;
  const small = Math.max(11, fs - 1);
  const dx1 = keepInside(at.x, textWidth(line1, fs, { bold: true }) + 8, width);
  const dx2 = keepInside(at.x, textWidth(line2, small) + 8, width);
  return (
    <g data-node={id} transform={`translate(${at.x.toFixed(1)},${at.y.toFixed(1)})`} className={`tb-node tb-building${k.focus.nodes.has(id) ? ' is-focused' : ''}${k.isSelectedNode(id) ? ' is-selected' : ''}`}
      {...pointable({ kind: 'node', id }, `${label}. Enter to inspect, context menu key for actions.`, k.nodeMenu(id))}>
      <title>{label}</title>
      <rect className="tb-ring" x={-s * 0.55} y={-s * 0.4} width={s * 1.1} height={s * 0.8 + fs * 2.4} rx={8} />
      <g transform={`scale(${(s / 100).toFixed(3)})`}>
        <g className={down ? 'is-burnt' : undefined}><Building kind={kind} look={{ accent: down ? '#8d8d8d' : OKABE_ITO.orange, wall: down ? '#bdbdbd' : '#f7f0e1', line: '#2b2b2e' }} /></g>
        {down && <Flames />}
      </g>
      <text x={dx1} y={s * 0.45 + fs} textAnchor="middle" fontSize={fs} fontWeight={700} className={`tb-halo${down ? ' tb-status-fire' : ''}`}>{line1}</text>
      <text x={dx2} y={s * 0.45 + fs * 2.15} textAnchor="middle" fontSize={small} className="tb-halo">{line2}</text>
    </g>
  );
}

/** A padlock on a shop whose record a prepared 2PC transaction holds. */
function Padlock({ x, y, size }: { x: number; y: number; size: number }) {
  return (
    <g transform={`translate(${x.toFixed(1)},${y.toFixed(1)})`} aria-hidden="true">
      <path d={`M${size * 0.22},${size * 0.45}v${-size * 0.18}a${size * 0.28},${size * 0.28} 0 0 1 ${size * 0.56},0v${size * 0.18}`} fill="none" stroke={STATUS.ink} strokeWidth={2} />
      <rect y={size * 0.42} width={size} height={size * 0.58} rx={2} fill={OKABE_ITO.yellow} stroke={STATUS.ink} strokeWidth={1.3} />
    </g>
  );
}

function ShopPlace({ shop, layout, k, width }: { shop: ShopView; layout: SagaLayout; k: Kit; width: number }) {
  const at = layout.shops[shop.id]!;
  const { s, fontSize: fs } = layout;
  const small = Math.max(11, fs - 1);
  const prepared = shop.votes.filter((v) => v.state === 'prepared');
  const line2 = shop.pending ? `${shop.value} booked · ${shop.pending} PENDING` : `${shop.value} booked`;
  const label = describeShop(shop);
  return (
    <g data-node={shop.id} transform={`translate(${at.x.toFixed(1)},${at.y.toFixed(1)})`} className={`tb-node tb-building${k.focus.nodes.has(shop.id) ? ' is-focused' : ''}${k.isSelectedNode(shop.id) ? ' is-selected' : ''}`}
      {...pointable({ kind: 'node', id: shop.id }, `${label}. Enter to inspect, context menu key for actions.`, k.nodeMenu(shop.id))}>
      <title>{label}</title>
      <rect className="tb-ring" x={-s * 0.55} y={-s * 0.4} width={s * 1.1} height={s * 0.8 + fs * 2.4} rx={8} />
      <g transform={`scale(${(s / 100).toFixed(3)})`}>
        <g className={shop.down ? 'is-burnt' : undefined}><Building kind={kindOf(shop.id)} look={{ accent: shop.down ? '#8d8d8d' : OKABE_ITO.bluishGreen, wall: shop.down ? '#bdbdbd' : '#f7f0e1', line: '#2b2b2e' }} /></g>
        {shop.down && <Flames />}
      </g>
      {prepared.length > 0 && (() => {
        const tx = prepared[prepared.length - 1]!.tx;
        const words = firstFit([`hand up: ${tx} in doubt`, `${tx} in doubt`, 'in doubt'], layout.shopSpan - 4, small, { bold: true });
        const dx = keepInside(at.x, textWidth(words, small, { bold: true }) + 8, width);
        return (
          <g aria-hidden="true">
            <line x1={s * 0.36} y1={-s * 0.05} x2={s * 0.44} y2={-s * 0.3} stroke={STATUS.ink} strokeWidth={3} strokeLinecap="round" />
            <circle cx={s * 0.45} cy={-s * 0.33} r={Math.max(3, s * 0.05)} fill="#f1c27d" stroke={STATUS.ink} strokeWidth={1} />
            <text x={dx} y={-s * 0.42 - 4} textAnchor="middle" fontSize={small} fontWeight={700} className="tb-halo">{words}</text>
          </g>
        );
      })()}
      {shop.lock && <Padlock x={-s * 0.46} y={-s * 0.12} size={Math.max(14, s * 0.22)} />}
      <text x={keepInside(at.x, textWidth(shop.down ? `${shop.id} · ON FIRE` : shop.id, fs, { bold: true }) + 8, width)} y={s * 0.45 + fs} textAnchor="middle" fontSize={fs} fontWeight={700} className={`tb-halo${shop.down ? ' tb-status-fire' : ''}`}>{shop.down ? `${shop.id} · ON FIRE` : shop.id}</text>
      <text y={s * 0.45 + fs * 2.15} textAnchor="middle" fontSize={small} className="tb-halo">{firstFit([line2, `${shop.value} booked`, String(shop.value)], layout.shopSpan, small)}</text>
    </g>
  );
}
