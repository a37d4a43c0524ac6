// Small drawings both Kafka pictures use: a group's bookmark (colour plus its tag letters), a node's mark
// (colour plus shape, as in every other view), a state word on a coloured tag.
import { inkOn, markPath, nodeStyle, OKABE_ITO, STATUS } from '../shared/palette.ts';

/** Group colours, in the order groups were created; a group is never told by colour alone (its tag is written on it). */
export const GROUP_COLOURS: readonly string[] = [OKABE_ITO.blue, OKABE_ITO.vermillion, OKABE_ITO.bluishGreen, OKABE_ITO.reddishPurple, OKABE_ITO.orange, OKABE_ITO.skyBlue];
export const groupColour = (index: number) => GROUP_COLOURS[index % GROUP_COLOURS.length]!;
/** And a line pattern per group, so two groups' bookmarks differ without colour too. */
export const GROUP_DASH: readonly (string | undefined)[] = [undefined, '5 2', '2 2', '8 2 2 2'];
export const groupDash = (index: number) => GROUP_DASH[index % GROUP_DASH.length];

/** A bookmark ribbon pointing down at (x, y): the group's colour and tag. */
export function Bookmark({ x, y, tag, index, fs, title }: { x: number; y: number; tag: string; index: number; fs: number; title?: string }) {
  const colour = groupColour(index);
  const w = Math.max(fs * 0.62 * tag.length + 5, fs * 0.9);
  const h = fs + 3;
  return (
    <g transform={`translate(${x.toFixed(1)},${y.toFixed(1)})`} aria-hidden="true">
      {title ? <title>{title}</title> : null}
      <path d={`M${-w / 2},${-h - 4}H${w / 2}V-4L0,0L${-w / 2},-4Z`} fill={colour} stroke="#1d1d1f" strokeWidth={1} />
      <text y={-7} textAnchor="middle" fontSize={Math.max(11, fs - 1)} fontWeight={800} fill={inkOn(colour)}>{tag}</text>
    </g>
  );
}

/** A node's mark (shape in its colour) centred at (x, y). */
export function NodeMark({ x, y, index, r, dim = false }: { x: number; y: number; index: number; r: number; dim?: boolean }) {
  const st = nodeStyle(index);
  return <path d={markPath(st.mark, r)} transform={`translate(${x.toFixed(1)},${y.toFixed(1)})`} fill={dim ? '#bdbdbd' : st.colour} stroke="#1d1d1f" strokeWidth={1} aria-hidden="true" />;
}

/** A word on a small coloured tag ("DOWN", "OFFLINE", "⟳ REBALANCING"), centred on x. */
export function Tag({ x, y, word, fs, fill = STATUS.crashed }: { x: number; y: number; word: string; fs: number; fill?: string }) {
  const w = word.length * fs * 0.62 + 8;
  return (
    <g transform={`translate(${x.toFixed(1)},${y.toFixed(1)})`} aria-hidden="true">
      <rect x={-w / 2} y={-fs + 1} width={w} height={fs + 4} rx={3} fill={fill} stroke="#1d1d1f" strokeWidth={1} />
      <text y={1.5} textAnchor="middle" fontSize={fs - 1} fontWeight={800} fill={inkOn(fill)}>{word}</text>
    </g>
  );
}

/** Hatching for down things, defined once per picture. */
export function KafkaDefs({ id }: { id: string }) {
  return (
    <defs>
      <pattern id={`${id}-hatch`} width="6" height="6" patternUnits="userSpaceOnUse" patternTransform="rotate(45)">
        <rect width="6" height="6" fill="#eeeeee" /><line x1="0" y1="0" x2="0" y2="6" stroke="#b0b0b0" strokeWidth="2.5" />
      </pattern>
      <pattern id={`${id}-pale`} width="5" height="5" patternUnits="userSpaceOnUse" patternTransform="rotate(-45)">
        <rect width="5" height="5" fill="#ffffff" /><line x1="0" y1="0" x2="0" y2="5" stroke="#d8d8de" strokeWidth="1.5" />
      </pattern>
    </defs>
  );
}

/** Offsets as a short list: "0,1,2,5" or "0–7" for runs, cut to `max` characters. */
export function partitionList(tps: readonly string[], max = 24, multi = false): string {
  const topics = new Set(tps.map((tp) => tp.slice(0, tp.lastIndexOf('-'))));
  // A group reading several topics names each partition with its topic ("t1-0"), even when a member holds one topic's.
  if (multi || topics.size > 1) { const all = [...tps].sort().join(','); return all.length > max ? `${tps.length} partitions` : all; }
  const nums = tps.map((tp) => Number(tp.slice(tp.lastIndexOf('-') + 1))).filter((n) => Number.isFinite(n)).sort((a, b) => a - b);
  const parts: string[] = [];
  for (let i = 0; i < nums.length;) {
    let j = i;
    while (j + 1 < nums.length && nums[j + 1] === nums[j]! + 1) j++;
    parts.push(j - i >= 2 ? `${nums[i]}–${nums[j]}` : nums.slice(i, j + 1).join(','));
    i = j + 1;
  }
  const s = parts.join(',');
  return s.length > max ? `${s.slice(0, max - 1)}…` : s || '–';
}
