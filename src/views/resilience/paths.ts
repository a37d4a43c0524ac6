// Many small same-looking shapes as one SVG path each (a window's cells, a queue's slots, a crowd): one
// element instead of dozens, which keeps a re-render at 100x cheap. Pure.

export interface Box { x: number; y: number; w: number; h: number }

/** Rectangles as one path's subpaths. */
export function rectsPath(boxes: readonly Box[]): string {
  return boxes.map((b) => `M${b.x.toFixed(1)},${b.y.toFixed(1)}h${b.w.toFixed(1)}v${b.h.toFixed(1)}h${(-b.w).toFixed(1)}Z`).join('');
}

/** Boxes grouped by a key (their fill), each group as one path, in first-seen order. */
export function pathsBy<K extends string>(items: readonly { key: K; box: Box }[]): { key: K; d: string }[] {
  const groups = new Map<K, Box[]>();
  for (const it of items) {
    const g = groups.get(it.key);
    if (g) g.push(it.box);
    else groups.set(it.key, [it.box]);
  }
  return [...groups].map(([key, boxes]) => ({ key, d: rectsPath(boxes) }));
}

/** Small people (a head and shoulders) at points, as one path. */
export function peoplePath(points: readonly { x: number; y: number }[]): string {
  return points.map((p) => `M${(p.x + 2.6).toFixed(1)},${(p.y - 2).toFixed(1)}a2.6,2.6 0 1,0 -5.2,0a2.6,2.6 0 1,0 5.2,0ZM${(p.x - 3).toFixed(1)},${(p.y + 4).toFixed(1)}q3,-5 6,0Z`).join('');
}
