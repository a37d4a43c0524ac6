// Every server's log as a row of entries: each cell coloured by its term with the term written in it,
// committed entries filled, uncommitted ones dashed and white, a black bar at the commit index, the
// leader's nextIndex (▲) and matchIndex (■) under each follower's row, and cells that break safety
// outlined red with a ✕. The cells are one tab stop (arrow keys move across and between rows).
import { memo, useState, type KeyboardEvent } from 'react';
import type { Focus } from '../shared/highlight.ts';
import { pointable } from '../shared/interaction.tsx';
import { inkOn, markPath, STATUS, type NodeStyle } from '../shared/palette.ts';
import type { Highlight } from '../../store/lab-store.ts';
import { Crown } from './glyphs.tsx';
import { describeCell, entryItemId, parseEntryItem, termColour, type RaftPicture, type RowModel } from './model.ts';
import { cellX, LOG_LEGEND, MARKER_FONT, rowY, shownIndex, wrapItems, type LogTableGeometry } from './tech-layout.ts';
import { firstFit, textWidth } from '../shared/measure.ts';

/** Warnings shown over the table: the broken commit rule switched on, and any safety violation. */
export function tableBadges(pic: RaftPicture, violations: number): { text: string; shorter: string[]; fill: string }[] {
  const badges: { text: string; shorter: string[]; fill: string }[] = [];
  if (pic.brokenCommit) badges.push({ text: '⚠ BROKEN commit rule on', shorter: ['⚠ BROKEN commit rule', '⚠ BROKEN rule'], fill: STATUS.crashed });
  const conflicts = pic.rows.some((r) => r.cells.some((c) => c.conflict) || r.missing.length > 0);
  if (conflicts || violations > 0) {
    badges.push({ text: `◆ safety violated${violations ? ` (${violations} so far)` : ''}`, shorter: ['◆ safety violated', '◆ UNSAFE'], fill: '#000000' });
  }
  return badges;
}


type Badge = ReturnType<typeof tableBadges>[number];

/** Where each warning goes and in which words: one line each, the whole warning where it fits and a shorter
 *  one in a narrow table; or, when the table gives them one line, side by side in the longest words that
 *  fit together. The aria-label keeps the whole warning either way. */
export function badgeLayout(badges: readonly Badge[], t: Pick<LogTableGeometry, 'fontSize' | 'badgeRows'>, w: number) {
  const fs = t.fontSize - 1;
  const width = (s: string) => textWidth(s, fs, { bold: true }) + 12;
  if (t.badgeRows >= badges.length || badges.length < 2) {
    return badges.map((b, row) => ({ b, words: firstFit([b.text, ...b.shorter], w - 12, fs, { bold: true }), x: 0, row }));
  }
  const gap = 8;
  const forms = badges.map((b) => [b.text, ...b.shorter]);
  const levels = Math.max(...forms.map((f) => f.length));
  // The same step of shortening for each, from the whole words down; the shortest pair at the last.
  const at = (f: string[], k: number) => f[Math.min(k, f.length - 1)]!;
  let level = levels - 1;
  for (let k = 0; k < levels; k++) {
    if (forms.reduce((sum, f) => sum + width(at(f, k)), 0) + gap * (forms.length - 1) <= w) { level = k; break; }
  }
  let x = 0;
  return badges.map((b, i) => {
    const words = at(forms[i]!, level);
    const placed = { b, words, x, row: 0 };
    x += width(words) + gap;
    return placed;
  });
}

export function LogTable({ pic, t, focus, selected, styleOf, violations }: {
  pic: RaftPicture;
  t: LogTableGeometry;
  focus: Focus;
  selected: Highlight | null;
  styleOf: (id: string) => NodeStyle;
  /** Safety violations the run has reported so far. */
  violations: number;
}) {
  const [active, setActive] = useState<{ row: number; index: number } | null>(null);
  const rows = pic.rows;
  const withCells = rows.findIndex((r) => r.cells.length > 0);
  const at = active && rows[active.row]?.cells[active.index - 1] ? active
    : withCells >= 0 ? { row: withCells, index: rows[withCells]!.cells.length } : null;
  // The entry pointed at anywhere (this table, the town's ledgers): the same index and term elsewhere is the same entry.
  const pointed = [...focus.items].map(parseEntryItem).find((x) => x !== null) ?? null;
  const pointedTerm = pointed ? rows.find((r) => r.id === pointed.server)?.cells[pointed.index - 1]?.term ?? null : null;
  const sel = selected?.kind === 'item' ? parseEntryItem(selected.id) : null;

  const onKey = (e: KeyboardEvent<SVGGElement>) => {
    if (!at) return;
    let { row, index } = at;
    if (e.key === 'ArrowRight') index++;
    else if (e.key === 'ArrowLeft') index--;
    else if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
      const dir = e.key === 'ArrowDown' ? 1 : -1;
      let r = row + dir;
      while (r >= 0 && r < rows.length && rows[r]!.cells.length === 0) r += dir;
      if (r < 0 || r >= rows.length) return;
      row = r;
      index = Math.min(index, rows[r]!.cells.length);
    } else if (e.key === 'Home') index = Math.max(1, t.first);
    else if (e.key === 'End') index = rows[row]!.cells.length;
    else return;
    const cells = rows[row]!.cells.length;
    index = Math.max(Math.max(1, t.first), Math.min(cells, index));
    e.preventDefault();
    setActive({ row, index });
    (e.currentTarget.querySelector(`[data-cell="${rows[row]!.id}:${index}"]`) as SVGGElement | null)?.focus();
  };

  const leaderRow = rows.findIndex((r) => r.id === pic.leader);
  const fs = t.fontSize;
  const { region } = t;
  // Each caption worded as long as the table's width allows (measured), never cut.
  const commit = pic.clusterCommit;
  const captionA = [`Logs · committed up to index ${commit}`, `Logs · committed to index ${commit}`, `committed up to ${commit}`, `commit ${commit}`];
  const captionB = pic.leader
    ? [`leader ${pic.leader} · term ${pic.maxTerm} · majority ${pic.majority} of ${pic.members.length}`,
      `leader ${pic.leader} · term ${pic.maxTerm} · needs ${pic.majority}/${pic.members.length}`,
      `leader ${pic.leader} · term ${pic.maxTerm}`, `${pic.leader} leads · t${pic.maxTerm}`]
    : [`no leader · highest term ${pic.maxTerm}`, `no leader · term ${pic.maxTerm}`, `no leader · t${pic.maxTerm}`];
  const captionLines = t.captionLines === 1
    ? [firstFit([`${captionA[0]} · ${captionB[0]}`, `${captionA[0]} · ${captionB[1]}`, ...captionA], region.w, fs, { bold: true })]
    : [firstFit(captionA, region.w, fs, { bold: true }), firstFit(captionB, region.w, fs)];
  const legendFs = fs - 1;
  const legend = wrapItems(LOG_LEGEND, t.legend.w, (s) => textWidth(s, legendFs)).slice(0, t.legend.lines);
  const headerY = region.y + t.captionH + t.headerH - 4;
  const step = t.cellW < fs * 1.6 ? 2 : 1;
  const badges = tableBadges(pic, violations);
  return (
    <g className="tb-raft-logs">
      {captionLines.map((line, k) => (
        <text key={k} x={region.x} y={region.y + fs + k * (fs + 3)} fontSize={fs} fontWeight={k === 0 ? 700 : 500} fill={STATUS.ink}>
          {line}
        </text>
      ))}
      {badgeLayout(badges, t, region.w).map(({ b, words, x, row }) => (
        <g key={b.text} transform={`translate(${region.x + x},${region.y + t.captionLines * (fs + 3) + 4 + row * t.badgeH})`} role="img" aria-label={b.text}>
          <rect width={Math.min(region.w - x, textWidth(words, fs - 1, { bold: true }) + 12)} height={t.badgeH - 3} rx={3} fill={b.fill} />
          <text x={6} y={t.badgeH - 7} fontSize={fs - 1} fontWeight={800} fill="#ffffff">{words}</text>
        </g>
      ))}
      {Array.from({ length: t.cols }, (_, k) => t.first + k).filter((i) => (i - t.first) % step === 0).map((i) => (
        <text key={i} x={cellX(t, i) + t.cellW / 2} y={headerY} textAnchor="middle" fontSize={fs - 1} fill={STATUS.muted} className="tb-mono">{i}</text>
      ))}
      {t.first > 1 && (
        <text x={region.x} y={headerY} fontSize={fs - 1} fill={STATUS.muted}>{firstFit([`${t.first - 1} older`, `${t.first - 1}+`], t.nameW, fs - 1)}</text>
      )}
      {legend.map((line, k) => (
        <text key={k} x={t.legend.x} y={t.legend.y + legendFs + k * (legendFs + 2)} fontSize={legendFs} fill={STATUS.muted}>{line}</text>
      ))}
      <g role="group" aria-label="Server logs: arrow keys move between entries, Enter inspects one" onKeyDown={onKey}>
        {rows.map((row, k) => (
          <LogRow key={row.id} row={row} k={k} t={t} style={styleOf(row.id)} isLeader={k === leaderRow}
            tabIndex={at?.row === k ? at.index : -1}
            pointedIndex={pointed && pointedTerm !== null ? pointed.index : -1}
            pointedTerm={pointedTerm ?? -1} pointedHere={pointed?.server === row.id}
            selectedIndex={sel?.server === row.id ? sel.index : -1}
            nodeFocused={focus.nodes.has(row.id)}
            onActive={(index) => setActive({ row: k, index })} />
        ))}
      </g>
    </g>
  );
}

interface RowProps {
  row: RowModel;
  k: number;
  t: LogTableGeometry;
  style: NodeStyle;
  isLeader: boolean;
  /** The index of this row's cell that is the tab stop, or -1. */
  tabIndex: number;
  pointedIndex: number;
  pointedTerm: number;
  pointedHere: boolean;
  selectedIndex: number;
  nodeFocused: boolean;
  onActive: (index: number) => void;
}

const LogRow = memo(function LogRow({ row, k, t, style, isLeader, tabIndex, pointedIndex, pointedTerm, pointedHere, selectedIndex, nodeFocused, onActive }: RowProps) {
  const y = rowY(t, k);
  const fs = t.fontSize;
  const nameY = y + t.cellH / 2 + fs * 0.35;
  // A cell's command shows whole at 11 px or not at all (its term always shows; the inspector has both).
  const command = (c: string) => (textWidth(c || '·', MARKER_FONT, { mono: true }) <= t.cellW - 6 ? c || '·' : null);
  const mid = (i: number) => cellX(t, i) + t.cellW / 2;
  const markerY = y + t.cellH + 2;
  return (
    <g data-row={row.id}>
      {nodeFocused && <rect x={t.region.x - 2} y={y - 2} width={t.region.w + 2} height={t.cellH + t.markerH + 3} fill="rgba(0,114,178,0.10)" />}
      <path d={markPath(style.mark, fs * 0.36)} transform={`translate(${t.region.x + fs * 0.45},${y + t.cellH / 2})`} fill={style.colour} stroke={STATUS.ink} strokeWidth={1} />
      <text x={t.region.x + fs * 1.05} y={nameY} fontSize={fs} fontWeight={isLeader ? 800 : 600} fill={STATUS.ink}>{row.id}</text>
      {isLeader && <g transform={`translate(${t.region.x + fs * 3.1},${y + t.cellH / 2})`}><Crown size={fs * 0.8} /></g>}
      {row.cells.filter((c) => shownIndex(t, c.index)).map((c) => {
        const x = cellX(t, c.index);
        const colour = termColour(c.term);
        const id = entryItemId(row.id, c.index);
        const label = describeCell(row.id, c);
        const same = pointedIndex === c.index && pointedTerm === c.term;
        const cls = `tb-notice tb-raft-cell${same ? ' is-focused' : ''}${selectedIndex === c.index ? ' is-selected' : ''}`;
        return (
          <g key={c.index} className={cls} data-cell={`${row.id}:${c.index}`} {...pointable({ kind: 'item', id }, label)}
            tabIndex={tabIndex === c.index ? 0 : -1} onFocusCapture={() => onActive(c.index)}>
            <title>{label}</title>
            <rect className="tb-ring" x={x - 1} y={y - 2} width={t.cellW} height={t.cellH + 4} rx={3}
              strokeWidth={same && !pointedHere ? 1.5 : undefined} />
            <rect x={x + 1.5} y={y} width={t.cellW - 5} height={t.cellH} rx={2}
              fill={c.committed ? colour : '#ffffff'} stroke={c.conflict ? STATUS.crashed : c.committed ? STATUS.ink : colour}
              strokeWidth={c.conflict ? 3 : c.committed ? 1.2 : 2} strokeDasharray={c.committed || c.conflict ? undefined : '3 2'} />
            <text x={x + (t.cellW - 2) / 2} y={y + t.cellH / 2 + fs * 0.36 - (t.showCommand && t.cellH > fs * 2.2 ? fs * 0.5 : 0)} textAnchor="middle"
              fontSize={fs - 1} fontWeight={800} fill={c.committed ? inkOn(colour) : STATUS.ink}>{c.term}</text>
            {t.showCommand && t.cellH > fs * 2.2 && command(c.command) !== null && (
              <text x={x + (t.cellW - 2) / 2} y={y + t.cellH / 2 + fs * 0.86} textAnchor="middle" fontSize={MARKER_FONT} className="tb-mono"
                fill={c.committed ? inkOn(colour) : STATUS.ink}>{command(c.command)}</text>
            )}
            {c.conflict && (
              <g transform={`translate(${x + t.cellW - 5},${y + 2})`} aria-hidden="true">
                <circle r={5.5} fill="#ffffff" stroke={STATUS.crashed} strokeWidth={1.5} />
                <path d="M-2.5,-2.5L2.5,2.5M-2.5,2.5L2.5,-2.5" stroke={STATUS.crashed} strokeWidth={1.8} strokeLinecap="round" />
              </g>
            )}
          </g>
        );
      })}
      {row.missing.filter((i) => shownIndex(t, i)).map((i) => (
        <g key={`missing${i}`} role="img" aria-label={`${row.id} leads without committed entry ${i}: a safety violation`}>
          <title>{`${row.id} leads without the committed entry at index ${i}`}</title>
          <rect x={cellX(t, i) + 1.5} y={y} width={t.cellW - 5} height={t.cellH} rx={2} fill="#fdeee6" stroke={STATUS.crashed} strokeWidth={2.5} strokeDasharray="4 2" />
          <text x={mid(i) - 1} y={y + t.cellH / 2 + fs * 0.36} textAnchor="middle" fontSize={fs} fontWeight={800} className="tb-status-fire">✕</text>
        </g>
      ))}
      {/* the commit index: a black bar after the last committed entry */}
      {row.commitIndex > 0 && row.commitIndex >= t.first - 1 && row.commitIndex <= t.first + t.cols - 1 && (
        <rect x={cellX(t, row.commitIndex + 1) - 3} y={y - 3} width={3} height={t.cellH + 6} fill="#000000" aria-hidden="true" />
      )}
      {row.match !== null && row.match >= t.first && shownIndex(t, row.match) && (
        <rect x={mid(row.match) - t.markerH * 0.35 - 1} y={markerY} width={t.markerH * 0.7} height={t.markerH * 0.7} fill={STATUS.ink} aria-hidden="true" />
      )}
      {row.next !== null && shownIndex(t, row.next) && (
        <path d={`M${mid(row.next) - 1},${markerY}l${t.markerH * 0.45},${t.markerH * 0.8}h${-t.markerH * 0.9}Z`} fill="#ffffff" stroke={STATUS.ink} strokeWidth={1.3} aria-hidden="true" />
      )}
      {(row.next !== null || row.match !== null) && (
        <text x={t.region.x + t.nameW - 2} y={markerY + t.markerH * 0.75} textAnchor="end" fontSize={MARKER_FONT} fill={STATUS.muted} className="tb-mono"
          aria-label={`leader's nextIndex ${row.next} and matchIndex ${row.match} for ${row.id}`}>{`▲${row.next} ■${row.match}`}</text>
      )}
    </g>
  );
}, (a, b) => a.k === b.k && sameTable(a.t, b.t) && a.style.colour === b.style.colour && a.isLeader === b.isLeader && a.tabIndex === b.tabIndex
  && a.pointedIndex === b.pointedIndex && a.pointedTerm === b.pointedTerm && a.pointedHere === b.pointedHere && a.selectedIndex === b.selectedIndex
  && a.nodeFocused === b.nodeFocused && rowKey(a.row) === rowKey(b.row));

const sameTable = (a: LogTableGeometry, b: LogTableGeometry) => a === b || JSON.stringify(a) === JSON.stringify(b);
const rowKey = (r: RowModel) => `${r.commitIndex}|${r.next}|${r.match}|${r.missing.join(',')}|${r.cells.map((c) => `${c.id}${c.committed ? '+' : ''}${c.conflict ? '!' : ''}`).join(',')}`;
