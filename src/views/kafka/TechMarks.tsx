// The markers of a stacked lane, where layout-marks.ts puts them: the watermarks (HW a solid bar, LSO a
// dashed one, their words in a row above the records), the groups' bookmarks (a triangle per group above
// the records, a stem down to its boundary, the names and the committed offset) and the readers'
// positions (a reader's mark below the records, its name and the offset it fetches next).
import { STATUS } from '../shared/palette.ts';
import type { TechLayout } from './layout-tech.ts';
import type { LaneRows } from './layout-lane.ts';
import { laneMarks } from './layout-marks.ts';
import type { GroupModel, PartitionModel, RecordCell } from './model.ts';
import { groupColour, groupDash, NodeMark } from './glyphs.tsx';
import { textWidth } from '../shared/measure.ts';

export interface MarksProps {
  p: PartitionModel;
  shown: RecordCell[];
  /** Newer records left out on the right (markers past them sit at the end with "▸"). */
  newer: number;
  groups: GroupModel[];
  l: TechLayout;
  lane: LaneRows;
  y: number;
  x0: number;
  nodeIndex: Record<string, number>;
}

const where = (c: { before: boolean; after: boolean }) => (c.before ? ' (older than shown)' : c.after ? ' (newer than shown)' : '');

export function StackedMarks({ p, shown, newer, groups, l, lane, y, x0, nodeIndex }: MarksProps) {
  const m = laneMarks(p, shown, newer, groups, l, lane, x0, textWidth);
  const mfs = lane.markFs;
  const cellTop = y + lane.cellTop;
  const cellBottom = cellTop + lane.cellH;
  const wy = y + m.wordY;
  const w = m.watermarks;
  const { tri, dot } = m;
  return (
    <>
      {w && (
        <g aria-hidden="true">
          <line x1={w.hw.x} y1={y + w.barTop} x2={w.hw.x} y2={cellBottom} stroke="#1d1d1f" strokeWidth={3} />
          <text x={w.hw.span.x} y={wy} fontSize={mfs} fontWeight={800} fill="#1d1d1f" data-mark="hw">{w.hw.word}</text>
          {w.lso && (
            <>
              <line x1={w.lso.x} y1={y + w.barTop} x2={w.lso.x} y2={cellBottom} stroke="#E69F00" strokeWidth={2.5} strokeDasharray="3 2" />
              <text x={w.lso.span.x} y={wy} fontSize={mfs} fontWeight={800} fill="#8a5a00" data-mark="lso">{w.lso.word}</text>
            </>
          )}
        </g>
      )}
      {m.lost && <text x={m.lost.x} y={wy} fontSize={mfs} fontWeight={800} className="tb-halo tb-status-fire" aria-hidden="true" data-mark="lost">{m.lost.text}</text>}
      {m.none.map((n) => (
        <text key={`none-${n.y}`} x={n.x} y={y + n.y + mfs * 0.36} fontSize={mfs} fontStyle="italic" className="tb-halo" style={{ fill: STATUS.muted }} aria-hidden="true" data-mark="bookmark">{n.text}</text>
      ))}
      {m.bookmarks.map((c) => {
        const by = y + c.y;
        const one = c.items.length === 1 ? c.items[0]!.what : null;
        return (
          <g key={`b-${c.y}-${c.x}`} aria-hidden="true">
            <title>{c.items.map((i) => `${i.what.id} committed offset ${i.offset}${where(c)}`).join('; ')}</title>
            {/* The stem stands on the boundary itself: the group's colour and dash for one group, plain for several. */}
            <line x1={c.x} y1={by + tri} x2={c.x} y2={cellTop + 3} stroke={one ? groupColour(one.index) : '#1d1d1f'}
              strokeWidth={one ? 2 : 1.2} strokeDasharray={one ? groupDash(one.index) : '2 2'} />
            {c.items.map((i) => (
              <path key={i.what.id} d={`M${i.cx - tri},${by - tri}H${i.cx + tri}L${i.cx},${by + tri}Z`} fill={groupColour(i.what.index)} stroke="#1d1d1f" strokeWidth={0.8} data-mark="bookmark" />
            ))}
            {c.label && <text x={c.label.x} y={by + mfs * 0.36} textAnchor={c.label.anchor} fontSize={mfs} fontWeight={700} className="tb-halo" data-mark="bookmark">{c.label.text}</text>}
          </g>
        );
      })}
      {m.positions.map((c) => {
        const py = y + c.y;
        return (
          <g key={`p-${c.y}-${c.x}`} aria-hidden="true">
            <title>{c.items.map((i) => `${i.what.id} fetches offset ${i.offset} next${where(c)}`).join('; ')}</title>
            <line x1={c.x} y1={cellBottom - 3} x2={c.x} y2={py - dot} stroke="#1d1d1f" strokeWidth={1} />
            {c.items.map((i) => <g key={i.what.id} data-mark="position"><NodeMark x={i.cx} y={py} index={nodeIndex[i.what.id] ?? 0} r={dot} /></g>)}
            {c.label && <text x={c.label.x} y={py + mfs * 0.36} textAnchor={c.label.anchor} fontSize={mfs} className="tb-halo" data-mark="position">{c.label.text}</text>}
          </g>
        );
      })}
    </>
  );
}
