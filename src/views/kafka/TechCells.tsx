// The cells of a lane in the technical picture: a partition's copy on one broker (★ leader, ✓ in sync,
// −N behind, ✕ down), a record (its offset, key and value on the lines its mode has), and a group's lag
// on the partition (who reads it, a chart of the last seconds, the number).
import { STATUS } from '../shared/palette.ts';
import { pointable } from '../shared/interaction.tsx';
import { recordItem } from './ids.ts';
import type { GroupModel, PartitionModel, RecordCell } from './model.ts';
import { copyWords, recordWords } from './describe.ts';
import { groupColour, NodeMark } from './glyphs.tsx';
import { lagScale, sparkPaths } from './lag-history.ts';
import { cellText, type CellMode } from './layout-lane.ts';
import { firstFit, fitText, textWidth } from '../shared/measure.ts';
import { walkRecords } from './record-keys.ts';

/** Escape from a record goes back to its lane. */
const laneOf = (el: SVGElement) => el.closest('[data-lane]')?.querySelector<SVGElement>('[data-lane-label]');

export function ReplicaCell({ p, broker, x, cy, cell, fs }: { p: PartitionModel; broker: string; x: number; cy: number; cell: number; fs: number }) {
  const c = p.copies.find((r) => r.broker === broker);
  const s = cell - 3;
  const cx = x + cell / 2;
  if (!c) return <circle cx={cx} cy={cy} r={1.5} fill="#c8c8ce" aria-hidden="true" />;
  const down = !c.up || c.fenced;
  const fill = down ? 'url(#kt-hatch)' : c.role === 'leader' ? '#1d1d1f' : c.inSync ? '#d6ecf8' : '#ffffff';
  // "−N" (how far behind) when it fits the square at 11 px, else "−" alone (the count is in the title).
  const behind = `−${c.behind > 99 ? '∞' : c.behind}`;
  const glyph = down ? '✕' : c.role === 'leader' ? '★' : c.inSync ? '✓' : c.behind > 0 ? ((s - 2) / (behind.length * 0.62) >= 11 ? behind : '−') : '…';
  const ink = c.role === 'leader' && !down ? '#ffffff' : down ? '#a83a00' : STATUS.ink;
  const gfs = Math.max(11, Math.min(fs - 1, (s - 2) / Math.max(1, glyph.length * 0.62)));
  return (
    <g aria-hidden="true">
      <title>{`${p.tp} on ${copyWords(c)}`}</title>
      <rect x={cx - s / 2} y={cy - s / 2} width={s} height={s} rx={3} fill={fill} stroke={c.inSync || down ? '#1d1d1f' : '#a83a00'}
        strokeWidth={c.inSync ? 1 : 1.6} strokeDasharray={c.inSync ? undefined : '3 2'} />
      <text x={cx} y={cy + gfs * 0.36} textAnchor="middle" fontSize={gfs} fontWeight={800} fill={ink}>{glyph}</text>
    </g>
  );
}

export function RecordBox({ r, tp, x, y, w, h, fs, mode, focused, selected, processing, onMenu }: {
  r: RecordCell; tp: string; x: number; y: number; w: number; h: number; fs: number; mode: CellMode;
  focused: boolean; selected: boolean; processing: boolean; onMenu: (x: number, y: number) => void;
}) {
  const ph = pointable({ kind: 'item', id: recordItem(tp, r.offset) }, `record ${tp} ${recordWords(r)}. Arrow keys: other records; Escape: the lane.`, onMenu);
  const aborted = r.txn === 'aborted';
  const fill = r.control === 'commit' ? '#cdeee2' : r.control === 'abort' ? '#f6d3c0' : aborted ? '#e4e4e8' : r.aboveHw ? 'url(#kt-pale)' : '#ffffff';
  const stroke = r.txn === 'open' ? '#E69F00' : r.control === 'abort' || aborted ? '#a83a00' : '#6b6b70';
  const lines = cellText(mode, r);
  const pitch = (h - 8) / lines.length;
  const base = (k: number) => y + 4 + pitch * k + pitch / 2 + fs * 0.36;
  const ink = aborted ? '#6b6b70' : STATUS.ink;
  const dupW = r.duplicate ? textWidth('×2', fs - 1, { bold: true }) + 3 : 0;
  const one = lines.length === 1;
  // Offsets muted over a key in bold (multi-line cells); in a one-line cell the offset in ink, the rest muted.
  const line = (k: number) => {
    const room = w - 7 - (k === 0 ? dupW : 0);
    const bold = (mode === 'kv3' || mode === 'key2') && k === 1;
    const t = firstFit(lines[k]!, room, fs, { mono: true, bold: bold || (mode === 'kv2' && k === 0) });
    const sp = t.indexOf(' ');
    const splitLine = sp > 0 && (one || (mode === 'kv2' && k === 0));
    return (
      <text key={k} x={x + 4} y={base(k)} fontSize={fs} className="tb-mono" fill={!one && (k === 0) && !splitLine ? STATUS.muted : ink}
        fontWeight={bold ? 700 : 400} textDecoration={aborted && (one || k > 0) ? 'line-through' : undefined}>
        {splitLine ? (
          one ? <>{t.slice(0, sp)}<tspan fill={STATUS.muted}>{t.slice(sp)}</tspan></>
            : <><tspan fill={STATUS.muted}>{t.slice(0, sp)}</tspan><tspan fontWeight={700}>{t.slice(sp)}</tspan></>
        ) : t}
      </text>
    );
  };
  return (
    <g {...ph} tabIndex={-1} data-rec={r.offset} data-testid={`record-${tp}-${r.offset}`} onKeyDown={(e) => { walkRecords(e, ['ArrowLeft', 'ArrowRight'], laneOf); if (!e.defaultPrevented) ph.onKeyDown(e); }}
      className={`tb-notice kf-rec${focused ? ' is-focused' : ''}${selected ? ' is-selected' : ''}`}>
      <title>{recordWords(r)}</title>
      <rect className="tb-ring" x={x - 1} y={y + 1} width={w} height={h - 2} rx={3} />
      <rect x={x + 1} y={y + 3} width={w - 3} height={h - 6} rx={2} fill={fill} stroke={stroke}
        strokeWidth={r.txn === 'open' ? 2 : 1} strokeDasharray={r.aboveHw || r.tombstone ? '3 2' : undefined} />
      {processing && <rect x={x - 0.5} y={y + 1.5} width={w} height={h - 3} rx={3} fill="none" stroke="#1d1d1f" strokeWidth={2.5} />}
      {lines.map((_, k) => line(k))}
      {r.duplicate && (
        <text x={x + w - 4} y={base(0)} textAnchor="end" fontSize={fs - 1} fontWeight={800} className="tb-halo tb-status-fire">×2</text>
      )}
    </g>
  );
}

const holderWords = (g: GroupModel, tp: string) => {
  const st = g.status[tp];
  const holder = g.holder[tp];
  return holder ? `read by ${holder}` : st === 'stopped' ? 'stopped (eager rebalance)' : st === 'moving' ? 'moving to another reader' : 'nobody reads it';
};

function Holder({ g, tp, x, y, r, fs, nodeIndex }: { g: GroupModel; tp: string; x: number; y: number; r: number; fs: number; nodeIndex: Record<string, number> }) {
  const holder = g.holder[tp];
  const st = g.status[tp];
  if (holder) return <NodeMark x={x} y={y} index={nodeIndex[holder] ?? 0} r={r} />;
  return (
    <text x={x} y={y + fs * 0.36} textAnchor="middle" fontSize={fs} fontWeight={800} fill={st === 'unowned' ? STATUS.muted : '#a83a00'}>
      {st === 'stopped' ? '‖' : st === 'moving' ? '⇄' : '–'}
    </text>
  );
}

function Spark({ g, tp, x, y, w, h, now, windowMs, lag }: { g: GroupModel; tp: string; x: number; y: number; w: number; h: number; now: number; windowMs: number; lag: number }) {
  const series = g.lagHistory[tp] ?? [];
  const paths = sparkPaths(series, now, windowMs, w, h, lagScale(Math.max(lag, ...series.map((s) => s.lag))));
  const colour = groupColour(g.index);
  return (
    <g transform={`translate(${x.toFixed(1)},${y.toFixed(1)})`}>
      <rect width={w} height={h} fill="#ffffff" stroke="#e0e0e6" />
      <path d={paths.area} fill={colour} opacity={0.25} />
      <path d={paths.line} fill="none" stroke={colour} strokeWidth={1.5} />
    </g>
  );
}

/** A compact lane's lag cell: the holder's mark, the chart (when there is room) and the lag. */
export function LagCell({ g, tp, x, y, w, h, fs, spark, nodeIndex, now, windowMs }: {
  g: GroupModel; tp: string; x: number; y: number; w: number; h: number; fs: number; spark: boolean;
  nodeIndex: Record<string, number>; now: number; windowMs: number;
}) {
  const lag = g.lag[tp] ?? 0;
  const mark = fs * 1.2;
  const num = String(lag);
  const numW = textWidth(num.length < 2 ? '00' : num, fs - 1, { mono: true, bold: true });
  const sw = w - mark - numW - 8;
  return (
    <g aria-hidden="true" transform={`translate(${x.toFixed(1)},${y})`}>
      <title>{`${g.id} on ${tp}: ${holderWords(g, tp)}, committed ${g.committed[tp] ?? 'nothing'}, lag ${lag}`}</title>
      <line x1={0} y1={1} x2={0} y2={h - 1} stroke="#d0d0d6" />
      <Holder g={g} tp={tp} x={mark / 2 + 2} y={h / 2} r={fs * 0.38} fs={fs - 1} nodeIndex={nodeIndex} />
      {spark && sw > 10 && <Spark g={g} tp={tp} x={mark + 3} y={3} w={sw} h={h - 6} now={now} windowMs={windowMs} lag={lag} />}
      <text x={w - 3} y={h / 2 + fs * 0.35} textAnchor="end" fontSize={fs - 1} className="tb-mono" fontWeight={lag > 0 ? 800 : 400} fill={lag > 0 ? STATUS.ink : STATUS.muted}>{num}</text>
    </g>
  );
}

/**
 * A stacked lane's block for one group in the lag column: its tag and name with the lag on the first line,
 * the holder's mark and a chart under it; on one line (tag, holder, chart, lag) when the block is low.
 */
export function LagBlock({ g, name, tp, x, y, w, h, fs, nodeIndex, now, windowMs }: {
  g: GroupModel; name: string; tp: string; x: number; y: number; w: number; h: number; fs: number;
  nodeIndex: Record<string, number>; now: number; windowMs: number;
}) {
  const lag = g.lag[tp] ?? 0;
  const num = String(lag);
  const nfs = fs - 1;
  const numW = textWidth(num, nfs, { mono: true, bold: true });
  const colour = groupColour(g.index);
  const badge = fs * 1.2;
  const two = h >= 2 * fs + 10;
  const tagW = Math.max(badge, textWidth(g.tag.slice(0, 1), nfs, { bold: true }) + 5);
  return (
    <g aria-hidden="true" transform={`translate(${x.toFixed(1)},${y.toFixed(1)})`} data-lag-block={`${g.id}:${tp}`}>
      <title>{`${g.id} on ${tp}: ${holderWords(g, tp)}, committed ${g.committed[tp] ?? 'nothing'}, lag ${lag}`}</title>
      <rect x={1} y={1} width={tagW} height={fs + 3} rx={2} fill={colour} stroke="#1d1d1f" strokeWidth={0.7} />
      <text x={1 + tagW / 2} y={1 + (fs + 3) / 2 + nfs * 0.36} textAnchor="middle" fontSize={nfs} fontWeight={800} fill="#ffffff">{g.tag.slice(0, 1)}</text>
      {two ? (
        <>
          <text x={tagW + 5} y={1 + (fs + 3) / 2 + nfs * 0.36} fontSize={nfs} fontWeight={700}>{fitText(name, w - tagW - numW - 14, nfs, { bold: true })}</text>
          <text x={w - 3} y={1 + (fs + 3) / 2 + nfs * 0.36} textAnchor="end" fontSize={nfs} className="tb-mono" fontWeight={lag > 0 ? 800 : 400} fill={lag > 0 ? STATUS.ink : STATUS.muted}>{num}</text>
          <Holder g={g} tp={tp} x={fs * 0.6 + 1} y={fs + 6 + (h - fs - 8) / 2} r={fs * 0.4} fs={nfs} nodeIndex={nodeIndex} />
          <Spark g={g} tp={tp} x={fs * 1.3 + 3} y={fs + 6} w={w - fs * 1.3 - 6} h={Math.max(6, h - fs - 9)} now={now} windowMs={windowMs} lag={lag} />
        </>
      ) : (
        <>
          <Holder g={g} tp={tp} x={tagW + fs * 0.6 + 3} y={(fs + 3) / 2 + 1} r={fs * 0.38} fs={nfs} nodeIndex={nodeIndex} />
          <Spark g={g} tp={tp} x={tagW + fs * 1.3 + 4} y={2} w={Math.max(6, w - tagW - fs * 1.3 - numW - 12)} h={Math.max(6, h - 4)} now={now} windowMs={windowMs} lag={lag} />
          <text x={w - 3} y={(fs + 3) / 2 + 1 + nfs * 0.36} textAnchor="end" fontSize={nfs} className="tb-mono" fontWeight={lag > 0 ? 800 : 400} fill={lag > 0 ? STATUS.ink : STATUS.muted}>{num}</text>
        </>
      )}
    </g>
  );
}
