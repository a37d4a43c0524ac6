// The groups band under the lanes: per consumer group its name, assignor, generation and state, a chip per
// member (its mark, name, the partitions it reads now) and the rebalance as it happens — what each member
// had before, what moves, and what each has after.
import { pointable } from '../shared/interaction.tsx';
import { STATUS } from '../shared/palette.ts';
import type { Focus } from '../shared/highlight.ts';
import type { Rect } from './layout-tech.ts';
import type { GroupModel, MemberModel } from './model.ts';
import { groupFocused } from './ids.ts';
import { effectsWords, groupWords, rebalanceLine, rebalanceLines } from './describe.ts';
import { Bookmark, groupColour, NodeMark, partitionList } from './glyphs.tsx';
import { estimateWidth, firstFit, textWidth, type TextWidth } from '../shared/measure.ts';

export interface ChipSpot { id: string; x: number; y: number; w: number; h: number; text: string }

const headText = (g: GroupModel, short: boolean) =>
  short ? `${g.id} · g${g.generation} ${g.state === 'Stable' ? '' : '⟳'}` : `${g.id} · ${g.assignor} · gen ${g.generation} · ${g.state}`;

export function memberText(m: MemberModel, full: boolean, multi = false): string {
  const st = !m.up ? ' ✕down' : m.phase !== 'stable' ? ` ${m.phase}` : '';
  return full ? `${m.id}: ${partitionList(m.owned, 18, multi)}${st}` : `${m.id}·${m.owned.length}${st}`;
}

/**
 * Where each member's chip goes in its group's row: full text when it fits, else short, else names, else
 * marks alone; members that still do not fit are left out (they are in the group's label and inspector).
 */
export function bandChips(g: GroupModel, row: Rect, fs: number, measure: TextWidth = estimateWidth): { headW: number; short: boolean; chips: ChipSpot[]; textX: number; hidden: number } {
  const lineH = fs + 6;
  const levels = [[false, 'full'], [false, 'short'], [true, 'short'], [true, 'name'], [true, 'mark']] as const;
  for (const [short, mode] of levels) {
    const headW = Math.ceil(measure(headText(g, short), fs - 1, { bold: true }) + fs * 1.6 + 14);
    let x = row.x + headW;
    const chips: ChipSpot[] = [];
    let hidden = 0;
    for (const m of g.members) {
      const text = mode === 'mark' ? '' : mode === 'name' ? m.id : memberText(m, mode === 'full', g.topics.length > 1);
      const w = Math.ceil((text ? measure(text, fs - 1, { mono: true }) + 6 : 0) + fs * 1.5);
      if (mode === 'mark' && x + w > row.x + row.w) { hidden++; continue; }
      chips.push({ id: m.id, x, y: row.y, w, h: lineH, text });
      x += w + 4;
    }
    if (x <= row.x + row.w || mode === 'mark') return { headW, short, chips, textX: x + 4, hidden };
  }
  throw new Error('unreachable');
}

export function GroupRow({ g, row, fs, twoLines, focus, selected, now, nodeIndex, onGroupMenu, onNodeMenu, measure = textWidth }: {
  g: GroupModel; row: Rect; fs: number; twoLines: boolean; focus: Focus; selected: { kind: string; id: unknown } | null; now: number;
  nodeIndex: Record<string, number>; onGroupMenu: (x: number, y: number) => void; onNodeMenu: (node: string) => (x: number, y: number) => void;
  measure?: TextWidth;
}) {
  const lay = bandChips(g, { ...row, h: fs + 6 }, fs, measure);
  const lineH = fs + 6;
  const focused = groupFocused(focus, g.id);
  const sel = selected?.kind === 'item' && selected.id === g.item;
  const rb = rebalanceLine(g, now, !twoLines);
  const modes = `${g.readCommitted ? ' · read_committed' : ''}${g.eos ? ' · exactly-once' : ''}`;
  const second = rb ? rebalanceLines(g, now)
    : [`coordinator ${g.coordinator ?? 'none'} · total lag ${g.totalLag} · ${effectsWords(g)}${modes}`, `total lag ${g.totalLag} · ${effectsWords(g)}${modes}`, `lag ${g.totalLag} · ${effectsWords(g)}`];
  return (
    <g data-testid={`group-${g.id}`}>
      <g className={`tb-node${focused ? ' is-focused' : ''}${sel ? ' is-selected' : ''}`} data-testid={`group-head-${g.id}`}
        {...pointable({ kind: 'item', id: g.item }, `${groupWords(g)}${rb ? `. ${rb}` : ''}. Context-menu key: actions.`, onGroupMenu)}>
        <title>{`${groupWords(g)}${rb ? `\n${rb}` : ''}`}</title>
        <rect className="tb-ring" x={row.x - 2} y={row.y - 1} width={lay.headW - 2} height={lineH + 2} rx={4} />
        <rect x={row.x} y={row.y + 1} width={lay.headW - 6} height={lineH - 2} rx={3} fill={g.rebalance?.active ? '#fff2d6' : '#ffffff'} stroke={groupColour(g.index)} strokeWidth={2} />
        <Bookmark x={row.x + fs * 0.8} y={row.y + lineH - 1} tag={g.tag.slice(0, 1)} index={g.index} fs={Math.max(11, fs - 2)} />
        <text x={row.x + fs * 1.6} y={row.y + lineH / 2 + fs * 0.35} fontSize={fs - 1} fontWeight={700}>{headText(g, lay.short)}</text>
      </g>
      {lay.chips.map((c) => {
        const m = g.members.find((x) => x.id === c.id)!;
        const f = focus.nodes.has(m.id);
        const s = selected?.kind === 'node' && selected.id === m.id;
        return (
          <g key={c.id} className={`tb-node${f ? ' is-focused' : ''}${s ? ' is-selected' : ''}`} data-testid={`member-${m.id}`}
            {...pointable({ kind: 'node', id: m.id }, `consumer ${m.id} of group ${g.id}: ${m.up ? m.phase : 'down'}, ${m.busy}, reads ${m.owned.join(',') || 'nothing'}, processed ${m.processed}, commits ${m.commit}`, onNodeMenu(m.id))}>
            <title>{`${m.id}: ${m.up ? `${m.phase}, ${m.busy}` : 'DOWN'} · reads ${m.owned.join(', ') || 'nothing'} · processed ${m.processed} · commit=${m.commit}`}</title>
            <rect className="tb-ring" x={c.x - 2} y={c.y - 1} width={c.w + 4} height={c.h + 2} rx={4} />
            <rect x={c.x} y={c.y + 1} width={c.w} height={c.h - 2} rx={3} fill={m.up ? '#ffffff' : 'url(#kt-hatch)'} stroke="#6b6b70" strokeDasharray={m.up && m.phase === 'stable' ? undefined : '3 2'} />
            <NodeMark x={c.x + fs * 0.7} y={c.y + c.h / 2} index={nodeIndex[m.id] ?? 0} r={fs * 0.36} dim={!m.up} />
            <text x={c.x + fs * 1.35} y={c.y + c.h / 2 + fs * 0.35} fontSize={fs - 1} className="tb-mono" fill={m.up ? STATUS.ink : '#a83a00'} fontWeight={m.up ? 400 : 700}>{c.text}</text>
          </g>
        );
      })}
      {lay.hidden > 0 && (
        <text x={lay.textX} y={row.y + lineH / 2 + fs * 0.35} fontSize={Math.max(11, fs - 2)} fill={STATUS.muted} aria-hidden="true">+{lay.hidden}</text>
      )}
      {twoLines ? (
        <text x={row.x + 4} y={row.y + lineH + lineH / 2 + fs * 0.35} fontSize={fs - 1} fill={rb?.startsWith('⟳') ? '#8a4b00' : STATUS.ink} fontWeight={rb?.startsWith('⟳') ? 700 : 400} aria-hidden="true">
          {firstFit(second, row.w - 8, fs - 1, { bold: true }, measure)}
        </text>
      ) : rb && row.x + row.w - lay.textX > fs * 5 ? (
        <text x={lay.textX} y={row.y + lineH / 2 + fs * 0.35} fontSize={fs - 1} fill="#8a4b00" fontWeight={700} aria-hidden="true">
          {firstFit(rebalanceLines(g, now), row.x + row.w - lay.textX, fs - 1, { bold: true }, measure)}
        </text>
      ) : null}
    </g>
  );
}
