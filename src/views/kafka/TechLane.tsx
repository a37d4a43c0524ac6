// One partition as a lane of the technical picture: its name, a cell per broker (★ leader, ✓ in-sync
// follower, −N lagging copy, ✕ down), the newest records with the high watermark (solid bar) and last
// stable offset (dashed), each group's committed offset (bookmark above) and each reader's position
// (its mark below), then per group the owner, a lag chart and the lag.
import type { KeyboardEvent } from 'react';
import { STATUS } from '../shared/palette.ts';
import { pointable } from '../shared/interaction.tsx';
import type { Focus } from '../shared/highlight.ts';
import { partitionFocused, recordFocused, recordItem } from './ids.ts';
import { offsetX, visibleTail, type LaneRow, type TechLayout } from './layout-tech.ts';
import type { GroupModel, PartitionModel, RecordCell } from './model.ts';
import { copyWords, partitionWords, recordWords } from './describe.ts';
import { cut, groupColour, groupDash, NodeMark } from './glyphs.tsx';
import { lagScale, sparkPaths } from './lag-history.ts';

export interface LaneProps {
  p: PartitionModel;
  row: LaneRow;
  l: TechLayout;
  groups: GroupModel[];
  brokers: string[];
  nodeIndex: Record<string, number>;
  focus: Focus;
  selected: string | null;
  now: number;
  lagWindowMs: number;
  onMenu: (item: string) => (x: number, y: number) => void;
  odd: boolean;
}

/** Arrow keys move between a lane's records; Escape goes back to the lane. */
function recordKeys(e: KeyboardEvent<SVGElement>) {
  const el = e.currentTarget;
  const sibs = [...(el.parentElement?.querySelectorAll<SVGElement>('[data-rec]') ?? [])];
  const at = sibs.indexOf(el);
  if (e.key === 'ArrowRight' || e.key === 'ArrowLeft') {
    e.preventDefault(); e.stopPropagation();
    sibs[Math.max(0, Math.min(sibs.length - 1, at + (e.key === 'ArrowRight' ? 1 : -1)))]?.focus();
  } else if (e.key === 'Escape') {
    e.preventDefault(); e.stopPropagation();
    el.closest('[data-lane]')?.querySelector<SVGElement>('[data-lane-label]')?.focus();
  }
}

export function TechLane({ p, row, l, groups, brokers, nodeIndex, focus, selected, now, lagWindowMs, onMenu, odd }: LaneProps) {
  const { fs } = l;
  const y = row.y;
  const h = row.h;
  const mine = groups.filter((g) => g.topics.includes(p.topic));
  const holders = [...p.copies.map((c) => c.broker), ...mine.flatMap((g) => (g.holder[p.tp] ? [g.holder[p.tp]!] : []))];
  const focused = partitionFocused(focus, p.tp, holders) || mine.some((g) => focus.items.has(g.item));
  const sel = selected === p.item;
  const shown = visibleTail(p.cells, l.log.slots);
  const gutter = Math.round(fs * 1.1);
  const x0 = l.log.x + gutter;
  const cw = l.log.cellW;
  const hidden = p.cells.length > 0 ? shown[0]!.offset - p.logStart : 0;
  const words = partitionWords(p, groups);
  const lanePoint = pointable({ kind: 'item', id: p.item }, `${words}. Right arrow: its records; context-menu key: actions.`, onMenu(p.item));
  const laneKeys = (e: KeyboardEvent<SVGElement>) => {
    if (e.key === 'ArrowRight') {
      e.preventDefault();
      const recs = e.currentTarget.parentElement?.querySelectorAll<SVGElement>('[data-rec]');
      recs?.[recs.length - 1]?.focus();
      return;
    }
    lanePoint.onKeyDown(e);
  };
  const under = p.isr.length < p.minIsr;
  const two = h >= fs * 2 + 6;
  // The lane's background answers the mouse; its name is the keyboard stop (no button inside a button).
  const { role: _r, tabIndex: _t, 'aria-label': _a, onFocus: _f, onBlur: _b, onKeyDown: _k, ...mouse } = lanePoint;
  return (
    <g className={`kf-lane${focused ? ' is-focused' : ''}${sel ? ' is-selected' : ''}`} data-lane={p.tp} data-testid={`lane-${p.tp}`}>
      <rect x={l.pad} y={y + 1} width={l.width - l.pad * 2} height={h - 2} fill={focused ? 'rgba(0,114,178,0.10)' : odd ? '#f1f1f4' : '#ffffff'}
        stroke={sel ? '#000000' : focused ? '#0072B2' : 'none'} strokeWidth={sel ? 2.5 : 1.5} {...mouse} aria-hidden="true">
        <title>{words}</title>
      </rect>
      <g {...lanePoint} onKeyDown={laneKeys} className="kf-lane-label" data-lane-label={p.tp}>
        <rect className="kf-focus" x={l.label.x} y={y + 2} width={l.label.w} height={h - 4} rx={3} fill="transparent" />
        <text x={l.label.x + 4} y={y + h / 2 + fs * 0.35} fontSize={fs} className="tb-mono" fontWeight={700} fill={!p.leader || under ? '#a83a00' : STATUS.ink}>
          {!p.leader || under ? '⚠ ' : ''}{cut(p.tp, l.label.w - (p.leader && !under ? 6 : fs * 1.4), fs)}
        </text>
      </g>
      {brokers.map((b, j) => <ReplicaCell key={b} p={p} broker={b} x={l.brokers.x + j * l.brokers.cell} y={y} h={h} cell={l.brokers.cell} fs={fs} />)}
      {hidden > 0 && (
        <text x={l.log.x + 2} y={y + h / 2 + fs * 0.35} fontSize={fs - 1} fill={STATUS.muted} aria-hidden="true">
          <title>{`${hidden} older offset${hidden === 1 ? '' : 's'} not shown (log starts at ${p.logStart})`}</title>⋯
        </text>
      )}
      {hidden === 0 && p.logStart > 0 && (
        <text x={l.log.x + 1} y={y + h / 2 + fs * 0.35} fontSize={fs - 1} fill="#a83a00" aria-hidden="true">
          <title>{`offsets below ${p.logStart} were deleted (retention or compaction)`}</title>✂
        </text>
      )}
      {shown.map((r, k) => (
        <RecordBox key={r.offset} r={r} tp={p.tp} x={x0 + k * cw} y={y} w={cw} h={h} fs={fs} two={two} showKeys={l.log.showKeys}
          focused={recordFocused(focus, p.tp, r.offset)} selected={selected === recordItem(p.tp, r.offset)}
          processing={mine.flatMap((g) => g.members.filter((m) => m.processing?.tp === p.tp && m.processing.offset === r.offset).map((m) => nodeIndex[m.id] ?? 0))}
          onMenu={onMenu(recordItem(p.tp, r.offset))} />
      ))}
      {p.count === 0 && <text x={x0 + 2} y={y + h / 2 + fs * 0.35} fontSize={fs - 1} fill={STATUS.muted} fontStyle="italic">empty</text>}
      {p.lost > 0 && (
        <text x={Math.min(x0 + (shown.length + (p.count === 0 ? 3 : 0.3)) * cw, l.log.x + l.log.w - fs * 5)} y={y + h / 2 + fs * 0.35} fontSize={fs - 1} fontWeight={800} className="tb-halo tb-status-fire">
          ✕ {p.lost} acked lost
        </text>
      )}
      <Watermarks p={p} shown={shown} x0={x0} cw={cw} y={y} h={h} fs={fs} />
      {mine.map((g, k) => {
        const c = g.committed[p.tp];
        if (c === undefined) return null;
        const at = offsetX(shown, c, x0, cw);
        const x = at.x + k * 2 - 1;
        const colour = groupColour(g.index);
        const letters = h >= fs * 1.9;
        return (
          <g key={g.id} aria-hidden="true">
            <title>{`${g.id} committed offset ${c}${at.before ? ' (older than shown)' : ''}`}</title>
            <line x1={x} y1={y + 2} x2={x} y2={y + h * 0.62} stroke={colour} strokeWidth={2.5} strokeDasharray={groupDash(g.index)} />
            <path d={`M${x - 4},${y + 1}H${x + 4}L${x},${y + 6}Z`} fill={colour} stroke="#1d1d1f" strokeWidth={0.7} />
            {letters && <text x={x + 4} y={y + fs * 0.8} fontSize={Math.max(8, fs - 4)} fontWeight={800} fill={colour} className="tb-halo">{g.tag.slice(0, 1)}</text>}
          </g>
        );
      })}
      {mine.flatMap((g) => g.members.filter((m) => m.up && m.owned.includes(p.tp)).map((m) => {
        const pos = m.position[p.tp];
        if (pos === undefined) return null;
        const at = offsetX(shown, pos, x0, cw);
        return <NodeMark key={`${g.id}:${m.id}`} x={at.x} y={y + h - Math.max(4, fs * 0.35)} index={nodeIndex[m.id] ?? 0} r={Math.max(3.5, fs * 0.33)} />;
      }))}
      {mine.map((g) => <LagCell key={g.id} g={g} tp={p.tp} x={l.lag.x[groups.indexOf(g)]!} y={y} w={l.lag.w} h={h} fs={fs} spark={l.lag.spark}
        nodeIndex={nodeIndex} now={now} windowMs={lagWindowMs} />)}
    </g>
  );
}

function ReplicaCell({ p, broker, x, y, h, cell, fs }: { p: PartitionModel; broker: string; x: number; y: number; h: number; cell: number; fs: number }) {
  const c = p.copies.find((r) => r.broker === broker);
  const s = Math.min(cell - 3, h - 4);
  const cx = x + cell / 2;
  const cy = y + h / 2;
  if (!c) return <circle cx={cx} cy={cy} r={1.5} fill="#c8c8ce" aria-hidden="true" />;
  const down = !c.up || c.fenced;
  const fill = down ? 'url(#kt-hatch)' : c.role === 'leader' ? '#1d1d1f' : c.inSync ? '#d6ecf8' : '#ffffff';
  const glyph = down ? '✕' : c.role === 'leader' ? '★' : c.inSync ? '✓' : c.behind > 0 ? `−${c.behind > 99 ? '∞' : c.behind}` : '…';
  const ink = c.role === 'leader' && !down ? '#ffffff' : down ? '#a83a00' : STATUS.ink;
  return (
    <g aria-hidden="true">
      <title>{`${p.tp} on ${copyWords(c)}`}</title>
      <rect x={cx - s / 2} y={cy - s / 2} width={s} height={s} rx={3} fill={fill} stroke={c.inSync || down ? '#1d1d1f' : '#a83a00'}
        strokeWidth={c.inSync ? 1 : 1.6} strokeDasharray={c.inSync ? undefined : '3 2'} />
      <text x={cx} y={cy + fs * 0.33} textAnchor="middle" fontSize={glyph.length > 2 ? fs - 4 : fs - 2} fontWeight={800} fill={ink}>{glyph}</text>
    </g>
  );
}

function RecordBox({ r, tp, x, y, w, h, fs, two, showKeys, focused, selected, processing, onMenu }: {
  r: RecordCell; tp: string; x: number; y: number; w: number; h: number; fs: number; two: boolean; showKeys: boolean;
  focused: boolean; selected: boolean; processing: number[]; onMenu: (x: number, y: number) => void;
}) {
  const ph = pointable({ kind: 'item', id: recordItem(tp, r.offset) }, `record ${tp} ${recordWords(r)}. Arrow keys: other records; Escape: the lane.`, onMenu);
  const aborted = r.txn === 'aborted';
  const fill = r.control === 'commit' ? '#cdeee2' : r.control === 'abort' ? '#f6d3c0' : aborted ? '#e4e4e8' : r.aboveHw ? 'url(#kt-pale)' : '#ffffff';
  const stroke = r.txn === 'open' ? '#E69F00' : r.control === 'abort' || aborted ? '#a83a00' : '#6b6b70';
  const sfs = Math.max(9, fs - 2);
  const label = r.control ? (r.control === 'commit' ? 'C✓' : 'A✕') : r.tombstone ? `${r.key ?? ''}∅` : showKeys ? (r.key === null ? r.value ?? '' : `${r.key}=${r.value ?? ''}`) : r.key ? r.key : '';
  return (
    <g {...ph} tabIndex={-1} data-rec={r.offset} data-testid={`record-${tp}-${r.offset}`} onKeyDown={(e) => { recordKeys(e); if (!e.defaultPrevented) ph.onKeyDown(e); }}
      className={`tb-notice kf-rec${focused ? ' is-focused' : ''}${selected ? ' is-selected' : ''}`}>
      <title>{recordWords(r)}</title>
      <rect className="tb-ring" x={x - 1} y={y + 1} width={w} height={h - 2} rx={3} />
      <rect x={x + 1} y={y + 3} width={w - 3} height={h - 6} rx={2} fill={fill} stroke={stroke}
        strokeWidth={r.txn === 'open' ? 2 : 1} strokeDasharray={r.aboveHw || r.tombstone ? '3 2' : undefined} />
      {processing.length > 0 && <rect x={x - 0.5} y={y + 1.5} width={w} height={h - 3} rx={3} fill="none" stroke="#1d1d1f" strokeWidth={2.5} />}
      {two ? (
        <>
          <text x={x + 3} y={y + 3 + sfs} fontSize={sfs} className="tb-mono" fill={STATUS.muted}>{r.offset}</text>
          <text x={x + 3} y={y + h - 6} fontSize={sfs} className="tb-mono" fill={STATUS.ink} fontWeight={600}>{cut(label, w - 6, sfs)}</text>
        </>
      ) : (
        <text x={x + 3} y={y + h / 2 + sfs * 0.35} fontSize={sfs} className="tb-mono" fill={STATUS.ink}>
          {r.offset}{label && w > sfs * 3.2 ? <tspan fill={STATUS.muted}>{` ${cut(label, w - 6 - String(r.offset).length * sfs * 0.6, sfs)}`}</tspan> : null}
        </text>
      )}
      {aborted && <line x1={x + 2} y1={y + h / 2} x2={x + w - 3} y2={y + h / 2} stroke="#a83a00" strokeWidth={1.5} />}
      {r.duplicate && <text x={x + w - 4} y={y + h - 2} textAnchor="end" fontSize={Math.max(8, sfs - 2)} fontWeight={800} className="tb-halo tb-status-fire">×2</text>}
    </g>
  );
}

function Watermarks({ p, shown, x0, cw, y, h, fs }: { p: PartitionModel; shown: RecordCell[]; x0: number; cw: number; y: number; h: number; fs: number }) {
  if (p.count === 0 && p.hw === 0) return null;
  const hw = offsetX(shown, p.hw, x0, cw);
  const lso = p.lso < p.hw ? offsetX(shown, p.lso, x0, cw) : null;
  return (
    <g aria-hidden="true">
      <line x1={hw.x} y1={y + 1} x2={hw.x} y2={y + h - 1} stroke="#1d1d1f" strokeWidth={3} />
      {h >= fs * 1.9 && <text x={hw.x + 2} y={y + fs * 0.75} fontSize={Math.max(8, fs - 4)} fontWeight={800} fill="#1d1d1f">HW</text>}
      {lso && <line x1={lso.x} y1={y + 1} x2={lso.x} y2={y + h - 1} stroke="#E69F00" strokeWidth={2.5} strokeDasharray="3 2" />}
      {lso && h >= fs * 1.9 && <text x={lso.x + 2} y={y + h - 3} fontSize={Math.max(8, fs - 4)} fontWeight={800} fill="#8a5a00">LSO</text>}
    </g>
  );
}

function LagCell({ g, tp, x, y, w, h, fs, spark, nodeIndex, now, windowMs }: {
  g: GroupModel; tp: string; x: number; y: number; w: number; h: number; fs: number; spark: boolean;
  nodeIndex: Record<string, number>; now: number; windowMs: number;
}) {
  const lag = g.lag[tp] ?? 0;
  const holder = g.holder[tp];
  const st = g.status[tp];
  const series = g.lagHistory[tp] ?? [];
  const max = lagScale(Math.max(lag, ...series.map((s) => s.lag)));
  const mark = fs * 1.2;
  const num = String(lag);
  const numW = Math.max(2, num.length) * fs * 0.62;
  const sw = w - mark - numW - 8;
  const sh = h - 6;
  const paths = spark && sw > 10 ? sparkPaths(series, now, windowMs, sw, sh, max) : null;
  const colour = groupColour(g.index);
  return (
    <g aria-hidden="true" transform={`translate(${x.toFixed(1)},${y})`}>
      <title>{`${g.id} on ${tp}: ${holder ? `read by ${holder}` : st === 'stopped' ? 'stopped (eager rebalance)' : st === 'moving' ? 'moving to another reader' : 'nobody reads it'}, committed ${g.committed[tp] ?? 'nothing'}, lag ${lag}`}</title>
      <line x1={0} y1={1} x2={0} y2={h - 1} stroke="#d0d0d6" />
      {holder ? <NodeMark x={mark / 2 + 2} y={h / 2} index={nodeIndex[holder] ?? 0} r={fs * 0.38} />
        : <text x={mark / 2 + 2} y={h / 2 + fs * 0.35} textAnchor="middle" fontSize={fs - 1} fontWeight={800} fill={st === 'unowned' ? STATUS.muted : '#a83a00'}>
          {st === 'stopped' ? '‖' : st === 'moving' ? '⇄' : '–'}</text>}
      {paths && (
        <g transform={`translate(${mark + 3},3)`}>
          <rect width={sw} height={sh} fill="#ffffff" stroke="#e0e0e6" />
          <path d={paths.area} fill={colour} opacity={0.25} />
          <path d={paths.line} fill="none" stroke={colour} strokeWidth={1.5} />
        </g>
      )}
      <text x={w - 3} y={h / 2 + fs * 0.35} textAnchor="end" fontSize={fs - 1} className="tb-mono" fontWeight={lag > 0 ? 800 : 400} fill={lag > 0 ? STATUS.ink : STATUS.muted}>{num}</text>
    </g>
  );
}
