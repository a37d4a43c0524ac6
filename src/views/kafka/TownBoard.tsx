// The big bulletin board of the Kafka town: one column per partition, each a stack of numbered notices
// (offsets, oldest shown at the top, newest at the bottom) as its leader square holds them. A notice not
// yet copied to every in-sync square is drawn pale and dashed: nobody may read it yet. Each team pins a
// bookmark (its committed offset) on the column's right; each reader's mark sits on the left at the
// notice it reads next; the rows at the foot say which reader of each team reads the column.
import type { KeyboardEvent } from 'react';
import { pointable } from '../shared/interaction.tsx';
import { inkOn, NODE_COLOURS, STATUS } from '../shared/palette.ts';
import type { Focus } from '../shared/highlight.ts';
import { partitionFocused, recordFocused, recordItem } from './ids.ts';
import { columnGrid, noticeText, slotAt, type BoardColumn, type TownLayout } from './layout-town.ts';
import { firstFit, fitText, textWidth } from '../shared/measure.ts';
import { earliestMark, type GroupModel, type KafkaPicture, type PartitionModel, type RecordCell } from './model.ts';
import { visibleWindow } from './layout-tech.ts';
import { partitionWords, recordWords } from './describe.ts';
import { groupColour, groupDash, NodeMark } from './glyphs.tsx';
import { walkRecords } from './record-keys.ts';

const keyColour = (key: string) => {
  let h = 0;
  for (let i = 0; i < key.length; i++) h = (h * 31 + key.charCodeAt(i)) >>> 0;
  return NODE_COLOURS[h % NODE_COLOURS.length]!;
};

/** Escape from a notice goes back to its column's head. */
const columnOf = (el: SVGElement) => el.parentElement?.querySelector<SVGElement>('[data-col-head]');

export function TownBoard({ pic, l, focus, selected, onMenu }: {
  pic: KafkaPicture; l: TownLayout; focus: Focus; selected: string | null; onMenu: (item: string) => (x: number, y: number) => void;
}) {
  const { board: b, fs } = l;
  return (
    <g>
      <rect x={b.x + b.w * 0.1} y={b.y + b.h - 6} width={8} height={14} fill="#6b4226" aria-hidden="true" />
      <rect x={b.x + b.w * 0.9 - 8} y={b.y + b.h - 6} width={8} height={14} fill="#6b4226" aria-hidden="true" />
      <rect x={b.x} y={b.y} width={b.w} height={b.h} rx={8} fill="#8b5a2b" stroke="#3d2612" strokeWidth={2} aria-hidden="true" />
      <rect x={b.x + 8} y={b.y + 8} width={b.w - 16} height={b.h - 16} rx={3} fill="#d8b27a" aria-hidden="true" />
      <text x={b.x + b.w / 2} y={l.titleY} textAnchor="middle" fontSize={fs} fontWeight={800} fill="#3d2612" letterSpacing={1.2} aria-hidden="true">
        {firstFit(pic.topics.length === 1 ? [`BULLETIN BOARD · ${pic.topics[0]!.name}`, `BOARD · ${pic.topics[0]!.name}`, pic.topics[0]!.name] : ['BULLETIN BOARD', 'BOARD'],
          b.w - 24, fs, { bold: true }, (t, f, st) => textWidth(t, f, st) + 1.2 * t.length)}
      </text>
      {pic.topics.length > 1 && l.topicHeads.map((t) => (
        <text key={t.name} x={t.x + t.w / 2} y={t.y} textAnchor="middle" fontSize={Math.max(11, fs - 2)} fontWeight={700} fill="#3d2612">{fitText(t.name, t.w, Math.max(11, fs - 2), { bold: true })}</text>
      ))}
      {pic.partitions.length === 0 && (
        <text x={b.x + b.w / 2} y={b.y + b.h / 2} textAnchor="middle" fontSize={fs - 1} fill="#5a3a1c" fontStyle="italic">no topic yet: kafka.topic name=orders</text>
      )}
      {l.columns.map((c) => {
        const p = pic.partitions.find((x) => x.topic === c.topic && x.partition === c.partition);
        return p ? <Column key={p.tp} p={p} c={c} l={l} groups={pic.groups} nodeIndex={pic.nodeIndex} focus={focus} selected={selected} onMenu={onMenu} /> : null;
      })}
      {pic.groups.map((g, k) => (
        <text key={g.id} x={b.x + 2} y={l.footerTop + 4 + k * l.footerRow + l.footerRow * 0.72} fontSize={Math.max(11, fs - 3)} fontWeight={800} fill="#ffffff" aria-hidden="true">
          {g.tag.slice(0, 1)}
        </text>
      ))}
    </g>
  );
}

function Column({ p, c, l, groups, nodeIndex, focus, selected, onMenu }: {
  p: PartitionModel; c: BoardColumn; l: TownLayout; groups: GroupModel[]; nodeIndex: Record<string, number>;
  focus: Focus; selected: string | null; onMenu: (item: string) => (x: number, y: number) => void;
}) {
  const { fs, slipH } = l;
  const mine = groups.filter((g) => g.topics.includes(p.topic));
  const holders = [...p.copies.map((x) => x.broker), ...mine.flatMap((g) => (g.holder[p.tp] ? [g.holder[p.tp]!] : []))];
  const focused = partitionFocused(focus, p.tp, holders) || mine.some((g) => focus.items.has(g.item));
  const sel = selected === p.item;
  const grid = columnGrid(l, c, p.cells.length);
  const cap = grid.subs * l.slots;
  // The newest notices, or from the earliest bookmark or reader on when that is older; a slot at the
  // start says how many older ones are not shown, one at the end how many newer.
  const from = earliestMark(p, mine);
  let room = cap;
  let win = visibleWindow(p.cells, room, from);
  if (win.newer > 0) win = visibleWindow(p.cells, --room, from);
  const hiddenSlot = win.shown.length > 0 && win.shown[0] !== p.cells[0] ? 1 : 0;
  if (hiddenSlot) win = visibleWindow(p.cells, room - 1, from);
  const { shown, newer } = win;
  const hidden = shown.length ? shown[0]!.offset - p.logStart : 0;
  const { gut, noteW: sw } = grid;
  const flagW = grid.flag;
  const at = (j: number) => slotAt(l, grid, j);
  // The boundary before `offset`: the top of its notice, or where the next notice will go when it is newer.
  const boundary = (offset: number) => {
    if (shown.length === 0 || offset < shown[0]!.offset) return { ...at(hiddenSlot), before: shown.length > 0 };
    let i = 0;
    while (i < shown.length && shown[i]!.offset < offset) i++;
    return { ...at(hiddenSlot + i), before: false };
  };
  const end = at(hiddenSlot + shown.length);
  const head = pointable({ kind: 'item', id: p.item }, `column ${p.partition} of ${p.topic}: ${partitionWords(p, groups)}. Down arrow: its notices; context-menu key: actions.`, onMenu(p.item));
  const headKeys = (e: KeyboardEvent<SVGElement>) => {
    if (e.key === 'ArrowDown') {
      e.preventDefault();
      const recs = e.currentTarget.parentElement?.querySelectorAll<SVGElement>('[data-rec]');
      recs?.[recs.length - 1]?.focus();
      return;
    }
    head.onKeyDown(e);
  };
  const { role: _r, tabIndex: _t, 'aria-label': _a, onFocus: _f, onBlur: _b, onKeyDown: _k, ...mouse } = head;
  const colTop = l.colHeadY - fs;
  const colBottom = l.footerTop + mine.length * l.footerRow + 2;
  return (
    <g className={`kf-col-wrap${focused ? ' is-focused' : ''}`} data-testid={`column-${p.tp}`} data-focused={focused ? 'true' : 'false'}>
      <rect x={c.x + 1} y={colTop} width={c.w - 2} height={colBottom - colTop} rx={3} fill={focused ? 'rgba(0,114,178,0.18)' : 'rgba(255,255,255,0.10)'}
        stroke={sel ? '#000000' : focused ? '#0072B2' : 'rgba(61,38,18,0.25)'} strokeWidth={sel ? 2.5 : focused ? 2 : 1} {...mouse} aria-hidden="true">
        <title>{partitionWords(p, groups)}</title>
      </rect>
      <g {...head} onKeyDown={headKeys} className={`kf-col${focused ? ' is-focused' : ''}${sel ? ' is-selected' : ''}`} data-col-head={p.tp}>
        <rect className="kf-focus" x={c.x + 1} y={colTop} width={c.w - 2} height={fs + 4} rx={3} fill="transparent" />
        <text x={c.x + c.w / 2} y={l.colHeadY} textAnchor="middle" fontSize={fs - 1} fontWeight={800} fill={!p.leader ? '#a83a00' : '#3d2612'}>
          {!p.leader ? '⚠' : ''}{firstFit([`column ${p.partition}`, `col ${p.partition}`, String(p.partition)], c.w - (p.leader ? 4 : fs * 1.2 + 4), fs - 1, { bold: true })}
        </text>
      </g>
      {p.lost > 0 && (
        <text x={end.x + sw / 2} y={Math.min(end.y, l.notesTop + (l.slots - 1) * slipH) + slipH * 0.75} textAnchor="middle" fontSize={l.nfs} fontWeight={800} className="tb-halo tb-status-fire" aria-hidden="true">
          {firstFit([`✕ ${p.lost} lost`, `✕${p.lost}`], c.w - 2, l.nfs, { bold: true })}
        </text>
      )}
      {newer > 0 && (
        <text x={end.x + sw / 2} y={end.y + slipH * 0.5 + l.nfs * 0.36} textAnchor="middle" fontSize={l.nfs} fill="#3d2612" aria-hidden="true">
          {firstFit([`⋯ ${newer} newer`, `⋯${newer}`, '⋯'], sw + gut, l.nfs)}
        </text>
      )}
      {hiddenSlot > 0 && hidden > 0 && (
        <text x={grid.xs[0]! + sw / 2} y={l.notesTop + slipH * 0.5 + l.nfs * 0.36} textAnchor="middle" fontSize={l.nfs} fill="#3d2612" aria-hidden="true">
          {firstFit([`⋯ ${hidden} older`, `⋯${hidden}`, '⋯'], sw + gut, l.nfs)}
        </text>
      )}
      {hiddenSlot === 0 && p.logStart > 0 && shown.length > 0 && (
        <text x={grid.xs[0]! + sw / 2} y={l.notesTop - 2} textAnchor="middle" fontSize={Math.max(11, fs - 3)} fill="#7a2b00" aria-hidden="true">
          <title>{`notices below ${p.logStart} were taken down (retention or compaction)`}</title>{firstFit([`✂ below ${p.logStart}`, `✂ ${p.logStart}`, '✂'], c.w - 2, Math.max(11, fs - 3))}
        </text>
      )}
      {shown.map((r, k) => (
        <Notice key={r.offset} r={r} tp={p.tp} x={at(hiddenSlot + k).x} y={at(hiddenSlot + k).y} w={sw} h={slipH - 2} fs={l.nfs}
          focused={recordFocused(focus, p.tp, r.offset)} selected={selected === recordItem(p.tp, r.offset)}
          reading={mine.some((g) => g.members.some((m) => m.processing?.tp === p.tp && m.processing.offset === r.offset))}
          onMenu={onMenu(recordItem(p.tp, r.offset))} />
      ))}
      {mine.map((g, k) => {
        const off = g.committed[p.tp];
        if (off === undefined) return null;
        const b = boundary(off);
        const by = b.y - 1 + k * 2;
        const colour = groupColour(g.index);
        const fh = Math.max(11, Math.min(l.nfs, fs - 1));
        return (
          <g key={g.id} aria-hidden="true">
            <title>{`team ${g.id}'s bookmark: committed offset ${off}${b.before ? ' (older than shown)' : ''}`}</title>
            <line x1={b.x - 1} y1={by} x2={b.x + sw + 1} y2={by} stroke={colour} strokeWidth={2.5} strokeDasharray={groupDash(g.index)} />
            {flagW > 0 && (
              <g transform={`translate(${(b.x + sw).toFixed(1)},${(by + k * (fh * 0.85)).toFixed(1)})`}>
                <path d={`M0,0L3,${-fh / 2}H${flagW}V${fh / 2}H3Z`} fill={colour} stroke="#1d1d1f" strokeWidth={0.8} />
                <text x={flagW / 2 + 1.5} y={fh * 0.33} textAnchor="middle" fontSize={Math.max(11, fh - 2)} fontWeight={800} fill={inkOn(colour)}>{g.tag.slice(0, 1)}</text>
              </g>
            )}
          </g>
        );
      })}
      {(() => {
        // Readers at the same notice stand side by side, leftwards (one team's reader and another's, say).
        const r = Math.max(3, Math.min(6, gut * 0.7));
        const seen = new Map<string, number>();
        return mine.flatMap((g) => g.members.filter((m) => m.up && m.owned.includes(p.tp)).map((m) => {
          const pos = m.position[p.tp];
          if (pos === undefined) return null;
          const b = boundary(pos);
          const k = seen.get(`${b.x},${b.y}`) ?? 0;
          seen.set(`${b.x},${b.y}`, k + 1);
          return <NodeMark key={m.id} x={Math.max(c.x + r, b.x - gut * 0.5 - 0.5 - k * (2 * r + 1))} y={b.y} index={nodeIndex[m.id] ?? 0} r={r} />;
        }));
      })()}
      {mine.map((g, k) => {
        const h = g.holder[p.tp];
        const st = g.status[p.tp];
        const fy = l.footerTop + 4 + k * l.footerRow;
        return (
          <g key={g.id} aria-hidden="true">
            <rect x={c.x + 2} y={fy} width={c.w - 4} height={l.footerRow - 2} rx={2} fill="#fffdf5" stroke={groupColour(g.index)} strokeWidth={1.6} strokeDasharray={groupDash(g.index)} />
            {h ? <NodeMark x={c.x + c.w / 2} y={fy + (l.footerRow - 2) / 2} index={nodeIndex[h] ?? 0} r={Math.min(l.footerRow * 0.32, c.w * 0.3)} />
              : <text x={c.x + c.w / 2} y={fy + l.footerRow * 0.68} textAnchor="middle" fontSize={Math.max(11, fs - 3)} fontWeight={800} fill={st === 'unowned' ? STATUS.muted : '#a83a00'}>
                {st === 'stopped' ? '‖' : st === 'moving' ? '⇄' : '–'}</text>}
          </g>
        );
      })}
    </g>
  );
}

function Notice({ r, tp, x, y, w, h, fs, focused, selected, reading, onMenu }: {
  r: RecordCell; tp: string; x: number; y: number; w: number; h: number; fs: number;
  focused: boolean; selected: boolean; reading: boolean; onMenu: (x: number, y: number) => void;
}) {
  const ph = pointable({ kind: 'item', id: recordItem(tp, r.offset) }, `notice ${tp} ${recordWords(r)}. Up and down arrows: other notices; Escape: the column.`, onMenu);
  const aborted = r.txn === 'aborted';
  const fill = r.control === 'commit' ? '#cdeee2' : r.control === 'abort' ? '#f6d3c0' : aborted ? '#d9d4cc' : STATUS.paper;
  const sfs = Math.max(8, Math.min(fs, h - 3));
  const n = noticeText(r, w, sfs, textWidth);
  const text = n.text;
  const tfs = n.fs;
  const off = String(r.offset);
  return (
    <g {...ph} tabIndex={-1} data-rec={r.offset} data-testid={`notice-${tp}-${r.offset}`} onKeyDown={(e) => { walkRecords(e, ['ArrowUp', 'ArrowDown'], columnOf); if (!e.defaultPrevented) ph.onKeyDown(e); }}
      className={`tb-notice kf-rec${focused ? ' is-focused' : ''}${selected ? ' is-selected' : ''}`} opacity={r.aboveHw ? 0.6 : 1}>
      <title>{recordWords(r)}</title>
      <rect className="tb-ring" x={x - 2} y={y - 1} width={w + 4} height={h + 2} rx={2} />
      <rect x={x} y={y} width={w} height={h} fill={fill} stroke={reading ? '#1d1d1f' : r.txn === 'open' ? '#E69F00' : '#6b5a3a'}
        strokeWidth={reading ? 2.5 : r.txn === 'open' ? 2 : 1} strokeDasharray={r.aboveHw ? '3 2' : undefined} />
      {r.key && !r.control && <rect x={x} y={y} width={3} height={h} fill={keyColour(r.key)} />}
      {r.duplicate && <text x={x + w - 2} y={y + h / 2 + sfs * 0.36} textAnchor="end" fontSize={Math.max(11, sfs - 1)} fontWeight={800} className="tb-halo tb-status-fire">×2</text>}
      <text x={text === off && w < sfs * 3 ? x + w / 2 + 1 : x + 6} y={y + h / 2 + tfs * 0.36} fontSize={tfs} className="tb-mono" fill={aborted ? '#6b6b70' : STATUS.ink}
        textAnchor={text === off && w < sfs * 3 ? 'middle' : undefined} textDecoration={aborted ? 'line-through' : undefined}>
        {text}
      </text>
    </g>
  );
}
