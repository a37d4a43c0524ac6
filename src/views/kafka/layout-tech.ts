// Where the technical picture puts things: a table with one lane per partition. Columns, left to right:
// the partition's name, one cell per broker (leader / in-sync follower / lagging copy), the log's newest
// records, and per consumer group the owner and a small lag chart. A header names the topic, the clients
// and the columns; a band at the bottom holds each group's members and its rebalance. Pure: a function of
// the pane's size and the counts, tested for overlaps (tests/unit/views/kafka-layout.test.ts).
import { clamp, type Size } from '../shared/geometry.ts';

export interface Rect { x: number; y: number; w: number; h: number }

export interface TechCounts {
  topics: { name: string; partitions: number }[];
  brokers: number;
  groups: number;
  /** Chips in the header row: producers plus the controller. */
  chips: string[];
  /** The longest partition name, in characters. */
  longestTp: number;
  /** The most records any lane has to show (wide cells pay off sooner when logs are short). */
  maxCells?: number;
}

export interface LaneRow { kind: 'topic' | 'lane'; topic: string; partition: number; y: number; h: number }

export interface TechLayout {
  width: number;
  /** The drawing's height: more than the pane's when the lanes need scrolling. */
  height: number;
  fs: number;
  pad: number;
  header: Rect;
  chips: Rect[];
  colHead: Rect;
  label: { x: number; w: number };
  brokers: { x: number; cell: number };
  log: { x: number; w: number; cellW: number; slots: number; showKeys: boolean };
  lag: { x: number[]; w: number; spark: boolean };
  rows: LaneRow[];
  band: Rect;
  groupRows: Rect[];
  /** Two lines per group (members, then the rebalance) when there is room. */
  twoLines: boolean;
}

const GAP = 8;

export function techLayout(size: Size, c: TechCounts): TechLayout {
  const W = Math.max(320, size.width);
  const H = Math.max(220, size.height);
  const multi0 = c.topics.length > 1;
  const rowCount0 = c.topics.reduce((n, t) => n + t.partitions + (multi0 ? 1 : 0), 0);
  // The largest font (up to what the pane's size suggests) at which every lane fits on one text line.
  let fs = clamp(Math.round(Math.min(W / 46, H / 26)), 11, 16);
  while (fs > 11 && 12 + (fs + 12) + (fs + 8) + rowCount0 * (fs + 5) + c.groups * (fs + 8) + (c.groups ? 6 : 0) + 6 > H) fs--;
  const pad = 6;
  const headH = fs + 12;
  const colHeadH = fs + 8;
  const header: Rect = { x: pad, y: pad, w: W - 2 * pad, h: headH };
  const charW = fs * 0.62;

  // Header chips from the right edge leftwards; the topic summary takes what is left.
  const chips: Rect[] = [];
  let right = W - pad;
  for (const name of [...c.chips].reverse()) {
    const w = Math.round(charW * (name.length + 4) + 12);
    right -= w;
    chips.unshift({ x: right, y: pad + 3, w, h: headH - 6 });
    right -= 4;
  }

  // Columns.
  const labelW = Math.round(charW * Math.min(14, Math.max(8, c.longestTp + 1)) + 8);
  let cell = clamp(Math.round(fs * 1.45), 15, 26);
  let lagW = Math.round(fs * 6.5);
  let spark = true;
  const logMin = Math.round(fs * 2.4 * 6);
  const fixed = () => 2 * pad + labelW + c.brokers * cell + c.groups * lagW + GAP * 3;
  if (W - fixed() < logMin) lagW = Math.round(fs * 5);
  if (W - fixed() < logMin) { lagW = Math.round(fs * 3.4); spark = false; }
  if (W - fixed() < logMin) cell = 14;
  const labelX = pad;
  const brokersX = labelX + labelW + GAP / 2;
  const logX = brokersX + c.brokers * cell + GAP;
  const lagX0 = W - pad - c.groups * lagW;
  const logW = Math.max(fs * 6, lagX0 - GAP - logX);
  // Wide cells with the key and value when at least six of them fit, else offsets (and a key's start).
  const showKeys = logW / (fs * 4.4) >= Math.min(6, (c.maxCells ?? 6) + 1);
  const cellW = Math.round(showKeys ? fs * 4.4 : fs * 2.3);
  const slots = Math.max(3, Math.floor(logW / cellW));

  // Rows.
  const multi = c.topics.length > 1;
  const rowCount = c.topics.reduce((n, t) => n + t.partitions + (multi ? 1 : 0), 0);
  const groupLine = fs + 8;
  const top = pad + headH + colHeadH;
  const minLane = fs + 5;
  const twoLines = c.groups > 0 && H - top - rowCount * minLane - c.groups * 2 * groupLine - pad * 2 >= 0;
  const bandH = c.groups * groupLine * (twoLines ? 2 : 1) + (c.groups ? 6 : 0);
  const laneH = clamp(Math.floor((H - top - bandH - pad * 2) / Math.max(1, rowCount)), minLane, Math.round(fs * 2.4));
  const rows: LaneRow[] = [];
  let y = top;
  for (const t of c.topics) {
    if (multi) { rows.push({ kind: 'topic', topic: t.name, partition: -1, y, h: laneH }); y += laneH; }
    for (let p = 0; p < t.partitions; p++) { rows.push({ kind: 'lane', topic: t.name, partition: p, y, h: laneH }); y += laneH; }
  }
  const band: Rect = { x: pad, y: y + pad, w: W - 2 * pad, h: bandH };
  const groupRows = Array.from({ length: c.groups }, (_, g): Rect => ({
    x: pad, y: band.y + 6 + g * groupLine * (twoLines ? 2 : 1), w: W - 2 * pad, h: groupLine * (twoLines ? 2 : 1),
  }));
  const height = Math.max(H, Math.ceil(band.y + bandH + pad));
  return {
    width: W, height, fs, pad, header, chips, colHead: { x: pad, y: pad + headH, w: W - 2 * pad, h: colHeadH },
    label: { x: labelX, w: labelW }, brokers: { x: brokersX, cell },
    log: { x: logX, w: logW, cellW, slots, showKeys },
    lag: { x: Array.from({ length: c.groups }, (_, g) => lagX0 + g * lagW), w: lagW, spark },
    rows, band, groupRows, twoLines,
  };
}

/** Which records a lane shows: the newest `slots - 1`, leaving the last slot for the log's end. */
export function visibleTail<T>(cells: readonly T[], slots: number): T[] {
  return cells.slice(-Math.max(1, slots - 1));
}

/**
 * The x of the boundary before `offset` in a lane drawing `shown` (offsets ascending, maybe with gaps):
 * clamped to the left edge (and `before` set) when the offset is older than what is shown.
 */
export function offsetX(shown: readonly { offset: number }[], offset: number, x0: number, cellW: number): { x: number; before: boolean } {
  if (shown.length === 0 || offset < shown[0]!.offset) return { x: x0, before: shown.length > 0 && offset < shown[0]!.offset };
  let i = 0;
  while (i < shown.length && shown[i]!.offset < offset) i++;
  return { x: x0 + i * cellW, before: false };
}
