// One partition as a lane of the technical picture: its name, its copies (★ leader, ✓ in-sync follower,
// −N lagging copy, ✕ down), the newest records with the high watermark (solid bar) and last stable offset
// (dashed), each group's committed offset (a bookmark above the records) and each reader's position (its
// mark below), then per group the owner, a lag chart and the lag. A stacked lane gives the markers rows
// of their own, with words (TechMarks); a compact one draws them on the records, without words.
import type { KeyboardEvent } from 'react';
import { STATUS } from '../shared/palette.ts';
import { pointable } from '../shared/interaction.tsx';
import type { Focus } from '../shared/highlight.ts';
import { partitionFocused, recordFocused, recordItem } from './ids.ts';
import { offsetX, replicaY, visibleWindow, type LaneRow, type TechLayout } from './layout-tech.ts';
import { earliestMark, type GroupModel, type PartitionModel } from './model.ts';
import { partitionWords } from './describe.ts';
import { groupColour, groupDash, NodeMark } from './glyphs.tsx';
import { firstFit, fitText } from '../shared/measure.ts';
import { LagBlock, LagCell, RecordBox, ReplicaCell } from './TechCells.tsx';
import { StackedMarks } from './TechMarks.tsx';

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

export function TechLane({ p, row, l, groups, brokers, nodeIndex, focus, selected, now, lagWindowMs, onMenu, odd }: LaneProps) {
  const { fs } = l;
  const y = row.y;
  const h = row.h;
  const lane = l.lane;
  const mine = groups.filter((g) => g.topics.includes(p.topic));
  const holders = [...p.copies.map((c) => c.broker), ...mine.flatMap((g) => (g.holder[p.tp] ? [g.holder[p.tp]!] : []))];
  const focused = partitionFocused(focus, p.tp, holders) || mine.some((g) => focus.items.has(g.item));
  const sel = selected === p.item;
  const { shown, newer } = visibleWindow(p.cells, l.log.slots - 1, earliestMark(p, mine));
  const x0 = l.log.x + l.log.gutter;
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
  const warn = !p.leader || under;
  // Records: the whole lane when compact, their row when stacked.
  const recY = lane ? y + lane.cellTop : y;
  const recH = lane ? lane.cellH : h;
  const recMid = recY + recH / 2;
  const copiesY = replicaY(l, row);
  // The lane's background answers the mouse; its name is the keyboard stop (no button inside a button).
  const { role: _r, tabIndex: _t, 'aria-label': _a, onFocus: _f, onBlur: _b, onKeyDown: _k, ...mouse } = lanePoint;
  const nameY = lane ? y + 3 + fs : y + h / 2 + fs * 0.35;
  return (
    <g className={`kf-lane${focused ? ' is-focused' : ''}${sel ? ' is-selected' : ''}`} data-lane={p.tp} data-testid={`lane-${p.tp}`}>
      <rect x={l.pad} y={y + 1} width={l.width - l.pad * 2} height={h - 2} fill={focused ? 'rgba(0,114,178,0.10)' : odd ? '#f1f1f4' : '#ffffff'}
        stroke={sel ? '#000000' : focused ? '#0072B2' : 'none'} strokeWidth={sel ? 2.5 : 1.5} {...mouse} aria-hidden="true">
        <title>{words}</title>
      </rect>
      <g {...lanePoint} onKeyDown={laneKeys} className="kf-lane-label" data-lane-label={p.tp}>
        <rect className="kf-focus" x={l.label.x} y={y + 2} width={l.label.w} height={lane ? fs + 8 : h - 4} rx={3} fill="transparent" />
        <text x={l.label.x + 4} y={nameY} fontSize={fs} className="tb-mono" fontWeight={700} fill={warn ? '#a83a00' : STATUS.ink}>
          {warn ? '⚠ ' : ''}{fitText(p.tp, l.label.w - (warn ? fs * 1.4 : 6), fs, { mono: true, bold: true })}
        </text>
      </g>
      {brokers.map((b, j) => <ReplicaCell key={b} p={p} broker={b} x={l.brokers.x + j * l.brokers.cell} cy={copiesY} cell={l.brokers.cell} fs={fs} />)}
      {lane && (
        <text x={l.label.x + 4} y={copiesY + l.brokers.cell / 2 + fs} fontSize={fs - 1} fill={under ? '#a83a00' : STATUS.muted} fontWeight={under ? 800 : 400} aria-hidden="true">
          {p.leader ? `ISR ${p.isr.length}/${p.copies.length}${under ? ' ⚠' : ''}` : 'offline'}
        </text>
      )}
      {hidden > 0 && (
        <text x={l.log.x + 2} y={recMid + fs * 0.35} fontSize={fs - 1} fill={STATUS.muted} aria-hidden="true">
          <title>{`${hidden} older offset${hidden === 1 ? '' : 's'} not shown (log starts at ${p.logStart})`}</title>⋯
        </text>
      )}
      {hidden === 0 && p.logStart > 0 && (
        <text x={l.log.x + 1} y={recMid + fs * 0.35} fontSize={fs - 1} fill="#a83a00" aria-hidden="true">
          <title>{`offsets below ${p.logStart} were deleted (retention or compaction)`}</title>✂
        </text>
      )}
      {shown.map((r, k) => (
        <RecordBox key={r.offset} r={r} tp={p.tp} x={x0 + k * cw} y={recY} w={cw} h={recH} fs={l.log.cellFs} mode={l.log.mode}
          focused={recordFocused(focus, p.tp, r.offset)} selected={selected === recordItem(p.tp, r.offset)}
          processing={mine.some((g) => g.members.some((m) => m.processing?.tp === p.tp && m.processing.offset === r.offset))}
          onMenu={onMenu(recordItem(p.tp, r.offset))} />
      ))}
      {newer > 0 && (
        <text x={x0 + shown.length * cw + 4} y={recMid + fs * 0.35} fontSize={fs - 1} fill={STATUS.muted} aria-hidden="true">
          <title>{`${newer} newer record${newer === 1 ? '' : 's'} not shown (the window follows the readers)`}</title>
          {firstFit([`⋯ ${newer} newer`, `⋯ ${newer}`, '⋯'], l.log.x + l.log.w - (x0 + shown.length * cw) - 6, fs - 1)}
        </text>
      )}
      {/* A compact lane's bookmarks and readers of an empty log stand at its start: the word goes after them. */}
      {p.count === 0 && <text x={x0 + (lane ? 2 : 6 + 8 * mine.length)} y={recMid + fs * 0.35} fontSize={fs - 1} fill={STATUS.muted} fontStyle="italic">empty</text>}
      {lane ? <StackedMarks p={p} shown={shown} newer={newer} groups={groups} l={l} lane={lane} y={y} x0={x0} nodeIndex={nodeIndex} />
        : <CompactMarks p={p} shown={shown} newer={newer} mine={mine} l={l} y={y} h={h} x0={x0} nodeIndex={nodeIndex} />}
      {lane ? groups.map((g, gi) => {
        if (!g.topics.includes(p.topic)) return null;
        const bh = (h - 4) / groups.length;
        return <LagBlock key={g.id} g={g} name={l.lag.names[gi] ?? g.id} tp={p.tp} x={l.lag.x[0]!} y={y + 2 + gi * bh} w={l.lag.w} h={bh - 2} fs={fs}
          nodeIndex={nodeIndex} now={now} windowMs={lagWindowMs} />;
      }) : mine.map((g) => <LagCell key={g.id} g={g} tp={p.tp} x={l.lag.x[groups.indexOf(g)]!} y={y} w={l.lag.w} h={h} fs={fs} spark={l.lag.spark}
        nodeIndex={nodeIndex} now={now} windowMs={lagWindowMs} />)}
    </g>
  );
}

/**
 * A compact lane's markers, on the records themselves and without words (the key under the lanes says
 * what they are): the HW and LSO bars, each group's bookmark (a triangle at the top, its letter when the
 * lane is tall enough) and each reader's mark at the bottom.
 */
function CompactMarks({ p, shown, newer, mine, l, y, h, x0, nodeIndex }: {
  p: PartitionModel; shown: PartitionModel['cells']; newer: number; mine: GroupModel[]; l: TechLayout; y: number; h: number; x0: number; nodeIndex: Record<string, number>;
}) {
  const { fs } = l;
  const cw = l.log.cellW;
  const hw = offsetX(shown, p.hw, x0, cw, newer);
  const lso = p.lso < p.hw ? offsetX(shown, p.lso, x0, cw, newer) : null;
  const letters = h >= fs * 1.9;
  return (
    <>
      {(p.count > 0 || p.hw > 0) && (
        <g aria-hidden="true">
          <line x1={hw.x} y1={y + 1} x2={hw.x} y2={y + h - 1} stroke="#1d1d1f" strokeWidth={3} />
          {lso && <line x1={lso.x} y1={y + 1} x2={lso.x} y2={y + h - 1} stroke="#E69F00" strokeWidth={2.5} strokeDasharray="3 2" />}
        </g>
      )}
      {p.lost > 0 && (
        <text x={Math.min(x0 + (shown.length + (p.count === 0 ? 3 : 0.3)) * cw, l.log.x + l.log.w - fs * 7)} y={y + h / 2 + fs * 0.35} fontSize={fs - 1} fontWeight={800} className="tb-halo tb-status-fire">
          ✕ {p.lost} lost
        </text>
      )}
      {(() => {
        // Bookmarks at the same boundary stand side by side around it (8 px each), their letters after them.
        const at = new Map<number, GroupModel[]>();
        for (const g of mine) {
          const c = g.committed[p.tp];
          if (c === undefined) continue;
          const x = offsetX(shown, c, x0, cw, newer).x;
          at.set(x, [...(at.get(x) ?? []), g]);
        }
        return [...at.entries()].map(([bx, gs]) => (
          <g key={`b-${bx}`} aria-hidden="true">
            <title>{gs.map((g) => `${g.id} committed offset ${g.committed[p.tp]}`).join('; ')}</title>
            {gs.map((g, k) => {
              const x = bx + (k - (gs.length - 1) / 2) * 8;
              const colour = groupColour(g.index);
              return (
                <g key={g.id}>
                  <line x1={x} y1={y + 2} x2={x} y2={y + h * 0.62} stroke={colour} strokeWidth={2.5} strokeDasharray={groupDash(g.index)} />
                  <path d={`M${x - 4},${y + 1}H${x + 4}L${x},${y + 6}Z`} fill={colour} stroke="#1d1d1f" strokeWidth={0.7} />
                </g>
              );
            })}
            {letters && <text x={bx + gs.length * 4 + 1} y={y + fs * 0.8} fontSize={Math.max(11, fs - 3)} fontWeight={800} className="tb-halo">{gs.map((g) => g.tag.slice(0, 1)).join('')}</text>}
          </g>
        ));
      })()}
      {(() => {
        // Readers at the same boundary stand side by side, rightwards.
        const r = Math.max(3.5, fs * 0.33);
        const seen = new Map<number, number>();
        return mine.flatMap((g) => g.members.filter((m) => m.up && m.owned.includes(p.tp)).map((m) => {
          const pos = m.position[p.tp];
          if (pos === undefined) return null;
          const at = offsetX(shown, pos, x0, cw, newer);
          const k = seen.get(at.x) ?? 0;
          seen.set(at.x, k + 1);
          return <NodeMark key={`${g.id}:${m.id}`} x={at.x + k * (2 * r + 1)} y={y + h - Math.max(4, fs * 0.35)} index={nodeIndex[m.id] ?? 0} r={r} />;
        }));
      })()}
    </>
  );
}
