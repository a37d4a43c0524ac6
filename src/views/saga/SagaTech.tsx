// The technical picture of sagas: a card per node (the orchestrator's tally, the 2PC coordinator's
// decisions, each shop's value, PENDING bookings, votes and lock), the saga in focus as an execution history
// in Temporal's style (StepStarted, StepCompleted, StepFailed, CompensationStarted, StepCompensated; the
// pivot marked), the step state machine with the shops in each state, and the 2PC participants' states.
import { useMemo } from 'react';
import type { StepStatus } from '../../engine/saga/index.ts';
import type { StageViewProps } from '../stages.ts';
import { firstFit } from '../shared/measure.ts';
import { wrapWords } from './wrap.ts';
import { pointable } from '../shared/interaction.tsx';
import { OKABE_ITO, STATUS } from '../shared/palette.ts';
import { FlightLayer, useFlightMenu } from '../kit/FlightLayer.tsx';
import { StageMenu } from '../kit/menu.tsx';
import { useStagePicture } from '../kit/stage.ts';
import type { Rect } from '../kit/ring-layout.ts';
import { sagaLayout, type SagaLayout } from './layout.ts';
import { historyLine, NO_SAGA, participantWords, sagaPicture, type SagaPicture, type ShopView } from './model.ts';
import { SagaMessageIcon, sagaFlights } from './parts.tsx';
import '../shared/views.css';

/** The step state machine: each state, where it leads, and which of the focus saga's shops are in it. */
export const STATE_MACHINE: readonly { state: StepStatus; next: readonly StepStatus[] }[] = [
  { state: 'pending', next: ['started'] },
  { state: 'started', next: ['done', 'failed', 'timed-out'] },
  { state: 'done', next: ['compensating'] },
  { state: 'failed', next: [] },
  { state: 'timed-out', next: ['compensating'] },
  { state: 'compensating', next: ['compensated', 'stuck'] },
  { state: 'compensated', next: [] },
  { state: 'stuck', next: [] },
];

export function machineLines(pic: SagaPicture): string[] {
  const f = pic.focus;
  if (!f) return [];
  return STATE_MACHINE.map(({ state, next }) => {
    const here = f.steps.filter((s) => s.status === state).map((s) => s.shop);
    return `${here.length ? '●' : '○'} ${state}${next.length ? ` → ${next.join('|')}` : ''}${here.length ? `: ${here.join(', ')}` : ''}`;
  });
}

/** A shop card's second line: its lock, else its latest vote, else how it is set to fail, in a long and a short phrasing. */
export function shopLine(s: ShopView): string[] {
  if (s.lock) return [`locked by ${s.lock}${s.waiting ? ` · ${s.waiting} wait` : ''}`, `lock ${s.lock}`];
  const v = s.votes[s.votes.length - 1];
  if (v) return [`${v.tx} ${participantWords[v.state]}`, `${v.tx} ${v.state}`];
  if (s.failing) return [s.failing, 'failing'];
  return s.noUndo ? ['cannot take back', 'no undo'] : ['no lock'];
}

/** The steps' states on one line, for a pane too narrow for the whole state machine. */
export function stepStatesLine(pic: SagaPicture): string {
  return `steps: ${pic.focus!.steps.map((s) => `${s.shop} ${s.status}`).join(' · ')}`;
}

export function historyLines(pic: SagaPicture, room: number): string[] {
  const f = pic.focus;
  if (!f) return [];
  const head = `${f.id} (${f.mode}) · ${f.status}${f.pivot >= 0 ? ` · pivot ◆ ${f.steps[f.pivot]!.shop}` : ''}`;
  const rows = f.history.map((h) => `${historyLine(h, f.steps)}${h.step !== undefined && h.step === f.pivot && h.kind === 'StepCompleted' ? ' ◆' : ''}`);
  const keep = Math.max(1, room - 1);
  return [head, ...(rows.length > keep ? [`… ${rows.length - keep + 1} earlier`, ...rows.slice(rows.length - keep + 1)] : rows)];
}

export function SagaTech({ className }: StageViewProps) {
  const k = useStagePicture('saga', sagaPicture);
  const { size, sim, focus } = k;
  const flightMenu = useFlightMenu<ReturnType<typeof sagaFlights>[number]>(k.openMenu);
  const pic = k.picture ?? NO_SAGA;
  const shopIds = pic.shops.map((s) => s.id);
  const key = `${shopIds.join(',')}|${pic.school.present}|${pic.coordinator.present}`;
  // eslint-disable-next-line react-hooks/exhaustive-deps -- the shops are keyed by key
  const layout = useMemo(() => sagaLayout(size, shopIds, pic.school.present, pic.coordinator.present, 'tech'), [size.width, size.height, key]);
  const flights = sagaFlights(sim, layout, false);
  const fs = layout.fontSize;
  const { panel } = layout;
  const twoCols = panel.w > 620;
  const colW = twoCols ? (panel.w - 8) / 2 : panel.w;
  const txLines = pic.txs.slice(-3).map((t) => `${t.id} ${t.decision ?? 'undecided'}: ${t.participants.map((p) => `${p.shop} ${p.state}`).join(', ')}`);
  const extra = [...txLines, ...pic.problems.map((p) => `⚠ ${p}`)];
  const right = [...machineLines(pic), ...extra];
  // One column: the history, then one line of step states, the 2PC transactions and any problem.
  const left = twoCols ? historyLines(pic, layout.panelLines)
    : [...historyLines(pic, layout.panelLines - extra.length - (pic.focus ? 1 : 0)), ...(pic.focus ? [stepStatesLine(pic)] : []), ...extra];
  const cardW = layout.card.w;
  const card = (id: string, lines: readonly (readonly string[])[], down: boolean, at: { x: number; y: number } | null) => at && (
    <NodeCard key={id} id={id} lines={lines} down={down} at={at} w={cardW} fs={fs} layout={layout} k={k} />
  );
  return (
    <div ref={k.wrap} className={`tb-view tb-tech tb-saga ${className ?? ''}`} data-testid="saga-tech">
      <svg width={size.width} height={size.height} role="group"
        aria-label={`Sagas, technical view: ${pic.total} sagas (${pic.counts.done} completed, ${pic.counts.compensated} compensated), ${pic.txs.length} 2PC transactions, ${flights.length} messages in flight`}>
        <rect width={size.width} height={size.height} fill="#f7f7f9" />
        {layout.panelLines > 0 && <Column lines={left} rect={{ ...panel, w: colW }} layout={layout} title="execution history" />}
        {twoCols && layout.panelLines > 0 && <Column lines={right} rect={{ ...panel, x: panel.x + colW + 8, w: colW }} layout={layout} title="step states and 2PC" />}
        {card('school', [[pic.focus?.mode === 'choreographed' ? 'orders; no orchestrator' : 'orchestrator', pic.focus?.mode === 'choreographed' ? 'orders' : 'orchestrator'], [
          `${pic.counts.running + pic.counts.compensating} going · ${pic.counts.done} done · ${pic.counts.compensated} undone`, `${pic.counts.running + pic.counts.compensating} ▶ ${pic.counts.done} ✓ ${pic.counts.compensated} ↩`,
        ]], pic.school.down, layout.school)}
        {card('coordinator', [['2PC coordinator', '2PC'], ...pic.txs.slice(-1).map((t) => [`${t.id}: ${t.decision ?? 'undecided'}`, `${t.id} ${t.decision ?? '?'}`])], pic.coordinator.down, layout.coordinator)}
        {pic.shops.map((s) => card(s.id, [
          s.pending ? [`value ${s.value} · ${s.pending} PENDING`, `${s.value} · ${s.pending} PEND.`, `${s.value}`] : [`value ${s.value}`],
          shopLine(s),
        ], s.down, layout.shops[s.id]!))}
        <FlightLayer flights={flights} focus={focus} selectedMsg={k.selectedMsg} icon={SagaMessageIcon} menu={flightMenu}
          tags={{ fontSize: Math.max(11, fs - 1), all: flights.length <= 6 }} />
        {shopIds.length === 0 && (
          <text x={size.width / 2} y={size.height / 2} textAnchor="middle" fontSize={14} fill={STATUS.muted}>{firstFit(['No shops yet: saga.define name=lunch steps=bakery,deli,fruit', 'No shops yet'], size.width - 16, 14)}</text>
        )}
      </svg>
      <StageMenu menu={k.menu} onClose={k.closeMenu} />
    </div>
  );
}

function Column({ lines, rect, layout, title }: { lines: string[]; rect: Rect; layout: SagaLayout; title: string }) {
  const { lineH, fontSize: fs } = layout;
  const small = Math.max(11, fs - 1);
  const wrapped = lines.flatMap((l, i) => wrapWords(l, rect.w - 12, i === 0 ? fs : small, { mono: true, bold: i === 0 }).map((text) => ({ text, head: i === 0, from: l })));
  // Too many lines: keep the heading and the newest lines (the end of a history is what just happened).
  const head = wrapped.filter((l) => l.head);
  const shown = wrapped.length <= layout.panelLines ? wrapped
    : [...head, ...wrapped.filter((l) => !l.head).slice(-(layout.panelLines - head.length))].slice(0, layout.panelLines);
  if (!shown.length) return null;
  return (
    <g role="img" aria-label={`${title}: ${lines.join('. ')}`}>
      <rect x={rect.x} y={rect.y} width={rect.w} height={shown.length * lineH + 8} rx={4} fill="#ffffff" stroke="#c9c9d1" />
      {shown.map((l, i) => (
        <text key={i} x={rect.x + 6} y={rect.y + 4 + lineH * (i + 0.8)} fontSize={l.head ? fs : small} className="tb-mono" xmlSpace="preserve"
          fontWeight={l.head ? 800 : l.from.startsWith('●') ? 700 : 400} fill={l.from.startsWith('⚠') || /Failed|TimedOut|Compensat|abort/.test(l.from) ? '#a83a00' : STATUS.ink}>
          {l.text}
        </text>
      ))}
    </g>
  );
}

type Kit = ReturnType<typeof useStagePicture<unknown, SagaPicture>>;

/** A card: its name and lines, each given as phrasings from the fullest to the shortest; the first that fits is drawn. */
function NodeCard({ id, lines, down, at, w, fs, layout, k }: { id: string; lines: readonly (readonly string[])[]; down: boolean; at: { x: number; y: number }; w: number; fs: number; layout: SagaLayout; k: Kit }) {
  const lh = layout.lineH;
  const shown = down ? [['DOWN (crashed)', 'DOWN'], ...lines.slice(0, 1)] : lines;
  const h = lh * (shown.length + 1) + 6;
  const small = Math.max(11, fs - 1);
  const label = `${id}${down ? ' (crashed)' : ''}: ${lines.map((l) => l[0]).join('; ')}`;
  return (
    <g data-node={id} transform={`translate(${(at.x - w / 2).toFixed(1)},${(at.y - h / 2).toFixed(1)})`} className={`tb-node${k.focus.nodes.has(id) ? ' is-focused' : ''}${k.isSelectedNode(id) ? ' is-selected' : ''}`}
      {...pointable({ kind: 'node', id }, `${label}. Enter to inspect, context menu key for actions.`, k.nodeMenu(id))}>
      <title>{label}</title>
      <rect className="tb-ring" x={-5} y={-5} width={w + 10} height={h + 10} rx={8} />
      <rect width={w} height={h} rx={5} fill={down ? '#e3e3e3' : '#ffffff'} stroke={STATUS.ink} strokeWidth={1.3} />
      <rect width={6} height={h} rx={2} fill={down ? '#9a9a9a' : id === 'school' || id === 'coordinator' ? OKABE_ITO.orange : OKABE_ITO.bluishGreen} />
      <text x={12} y={lh * 0.85} fontSize={fs} fontWeight={800} fill={STATUS.ink}>{firstFit([id], w - 16, fs, { bold: true })}</text>
      {shown.map((l, i) => (
        <text key={i} x={12} y={lh * (i + 1.85)} fontSize={small} className={`tb-mono${down && i === 0 ? ' tb-status-fire' : ''}`} fill={STATUS.ink}>
          {firstFit(l, w - 16, small, { mono: true })}
        </text>
      ))}
    </g>
  );
}
