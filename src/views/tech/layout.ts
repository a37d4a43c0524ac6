// Where the technical view puts its boxes: the broker in the middle (when there is one), the other nodes
// on an ellipse around it while few, in columns either side when many, so boxes never overlap.
import { clamp, type Point, type Size } from '../shared/geometry.ts';

export interface TechLayout {
  box: { w: number; h: number };
  broker: { w: number; h: number } | null;
  centre: Point;
  at: Record<string, Point>;
  fontSize: number;
  /** How many summary lines fit in a box. */
  lines: number;
}

const GAP = 10;

export function techLayout(size: Size, ids: readonly string[], brokerRows: number | null, lines: number, longest = 24): TechLayout {
  let fontSize = clamp(Math.round(Math.min(size.width, size.height) / 45), 11, 17);
  const centre = { x: size.width / 2, y: size.height / 2 };
  const n = ids.length;
  const boxW = (fs: number) => clamp(longest * (fs - 1) * 0.61 + 22, 150, Math.max(150, Math.min(320, size.width * (n <= 4 ? 0.45 : 0.3))));
  const boxH = (fs: number, l: number) => (fs + 4) * (l + 1) + 12;
  const brokerOf = (fs: number, w: number) => (brokerRows === null ? null : {
    w,
    h: Math.min(size.height * 0.6, (fs + 4) * (Math.max(1, brokerRows) * 2 + 2) + 16),
  });
  let w = boxW(fontSize);
  let l = lines;
  // Few nodes: a ring, when no two boxes (nor a box and the broker) overlap; the broker may be narrowed.
  if (n <= 8) {
    for (const bw of [clamp(size.width * 0.34, 200, 380), 170]) {
      const r = ring(size, ids, w, boxH(fontSize, l), brokerOf(fontSize, bw), fontSize, l);
      const pts = Object.values(r.at);
      const apart = pts.every((p, i) => pts.every((q, j) => j <= i || !overlaps(p, r.box, q, r.box)));
      if (apart && (!r.broker || pts.every((p) => !overlaps(p, r.box, centre, r.broker!)))) return r;
    }
  }
  // Many: columns left and right of the middle (the broker's column), shrinking text and lines to fit.
  const middle = brokerRows === null ? 0 : clamp(size.width * 0.3, 190, 340);
  for (;;) {
    const perSide = Math.max(1, Math.ceil(n / 2));
    const cols = Math.max(1, Math.floor((size.width - middle - GAP * 2) / 2 / (w + GAP)));
    const rows = Math.ceil(perSide / cols);
    const h = boxH(fontSize, l);
    if (rows * (h + GAP) <= size.height - GAP || (fontSize <= 11 && l <= 1)) {
      const at: Record<string, Point> = {};
      const colW = (size.width - middle) / 2 / cols;
      const rowH = (size.height - GAP) / rows;
      ids.forEach((id, k) => {
        const left = k < perSide;
        const j = left ? k : k - perSide;
        const col = j % cols;
        const row = Math.floor(j / cols);
        const x = left ? colW * (col + 0.5) : size.width - colW * (col + 0.5);
        at[id] = { x, y: GAP / 2 + rowH * (row + 0.5) };
      });
      return { box: { w: Math.min(w, colW - GAP), h: Math.min(h, rowH - GAP) }, broker: brokerOf(fontSize, middle - GAP * 2), centre, at, fontSize, lines: l };
    }
    if (l > 2) l--;
    else if (fontSize > 11) { fontSize--; w = boxW(fontSize); }
    else l--;
  }
}

function ring(size: Size, ids: readonly string[], w: number, h: number, broker: TechLayout['broker'], fontSize: number, lines: number): TechLayout {
  const centre = { x: size.width / 2, y: size.height / 2 };
  const rx = Math.max(size.width / 2 - w / 2 - 8, 0);
  const ry = Math.max(size.height / 2 - h / 2 - 8, 0);
  const at: Record<string, Point> = {};
  ids.forEach((id, k) => {
    const a = -Math.PI / 2 + (k * 2 * Math.PI) / Math.max(1, ids.length);
    at[id] = { x: centre.x + rx * Math.cos(a), y: centre.y + ry * Math.sin(a) };
  });
  return { box: { w, h }, broker, centre, at, fontSize, lines };
}

/** Whether a box centred at p overlaps the broker centred at c (with a small gap). */
function overlaps(p: Point, box: { w: number; h: number }, c: Point, broker: { w: number; h: number }): boolean {
  return Math.abs(p.x - c.x) < (box.w + broker.w) / 2 + 6 && Math.abs(p.y - c.y) < (box.h + broker.h) / 2 + 6;
}
