// Pure: where the discovery pictures put things for a pane's size. The directory part: clients on the
// left, the registry (and the balancer) in the middle, instances on the right, each a box of lines at 12 px
// (11 px in a small pane). The SWIM part: the members on a ring (town) or the membership grid (technical).
import type { DiscoveryPicture } from './model.ts';

export interface Size { width: number; height: number }
export interface Box { x: number; y: number; w: number; h: number }
export interface Area { x: number; y: number; width: number; height: number }

export interface DirectoryLayout {
  area: Area;
  font: number;
  line: number;
  registry: Box;
  balancer: Box | null;
  clients: Record<string, Box>;
  instances: Record<string, Box>;
}

export interface GridLayout {
  area: Area;
  font: number;
  /** Top-left of cell (0, 0) and the cell's side. */
  x0: number;
  y0: number;
  cell: number;
  /** Member names beside the rows and above the columns: every rowEvery-th row, every colEvery-th column,
   *  so no two names touch. */
  labels: boolean;
  rowEvery: number;
  colEvery: number;
  legendY: number;
}

export interface RingLayout {
  area: Area;
  font: number;
  r: number;
  at: { x: number; y: number }[];
  person: number;
  names: boolean;
}

export interface DiscoveryLayout {
  directory: DirectoryLayout | null;
  grid: GridLayout | null;
  ring: RingLayout | null;
}

const PAD = 10;

function stack(ids: readonly string[], x: number, w: number, top: number, bottom: number, h: number): Record<string, Box> {
  const out: Record<string, Box> = {};
  if (ids.length === 0) return out;
  const room = bottom - top;
  const gap = Math.max(4, Math.min(16, (room - ids.length * h) / Math.max(1, ids.length)));
  const used = ids.length * h + (ids.length - 1) * gap;
  let y = top + Math.max(0, (room - used) / 2);
  for (const id of ids) { out[id] = { x, y, w, h }; y += h + gap; }
  return out;
}

export function directoryLayout(area: Area, pic: DiscoveryPicture): DirectoryLayout {
  const rows = Math.max(pic.listings.length, 1);
  const tight = area.height < 300 || area.width < 520;
  const font = tight ? 11 : 12;
  const line = font + 4;
  const colW = Math.max(40, Math.floor((area.width - 4 * PAD) / 3));
  const top = area.y + PAD + line + 4;
  const bottom = area.y + area.height - PAD;
  // Boxes shrink to fit the pane: three lines for a client, two for an instance, when there is room.
  const fitH = (n: number, lines: number) => Math.max(line + 6, Math.min(lines * line + 8, (bottom - top - (n - 1) * 4) / Math.max(1, n)));
  const lbH = 2 * line + 8;
  // The registry grows with its listings but leaves room under it for the balancer when there is one.
  const regH = Math.max(line + 6, Math.min(bottom - top - (pic.balancer ? lbH + 8 : 0), (rows + 1) * line + 12));
  const registry: Box = { x: area.x + 2 * PAD + colW, y: top, w: colW, h: regH };
  const balancer: Box | null = pic.balancer ? { x: registry.x, y: Math.min(bottom - lbH, top + regH + 16), w: colW, h: lbH } : null;
  return {
    area, font, line, registry, balancer,
    clients: stack(pic.clients.map((c) => c.id), area.x + PAD, colW, top, bottom, fitH(pic.clients.length, 3)),
    instances: stack(pic.listings.map((l) => l.id), area.x + 3 * PAD + 2 * colW, colW, top, bottom, fitH(pic.listings.length, 2)),
  };
}

export function gridLayout(area: Area, n: number): GridLayout {
  const font = 11;
  const legend = 3 * (font + 5);
  const labelRoom = 34;
  const side = Math.min(area.width - 2 * PAD - labelRoom, area.height - 2 * PAD - labelRoom - legend - font - 6);
  const cell = Math.max(2, Math.floor(side / Math.max(1, n)));
  const labels = cell >= 5;
  const widest = 7 * String(n).length + 9;
  const rowEvery = Math.max(1, Math.ceil(14 / cell));
  const colEvery = Math.max(1, Math.ceil((widest + 4) / cell));
  const x0 = area.x + PAD + (labels ? labelRoom : 8) + Math.max(0, (area.width - 2 * PAD - labelRoom - cell * n) / 2);
  const y0 = area.y + PAD + font + 8 + (labels ? labelRoom - 8 : 10);
  return { area, font, x0, y0, cell, labels, rowEvery, colEvery, legendY: y0 + cell * n + 14 };
}

export function ringLayout(area: Area, n: number): RingLayout {
  const font = 11;
  const cx = area.x + area.width / 2;
  const cy = area.y + (area.height - 2 * (font + 10)) / 2 + font + 8;
  const r = Math.max(20, Math.min(area.width, area.height - 3 * (font + 8)) / 2 - 26);
  const person = Math.max(3, Math.min(12, (Math.PI * r) / Math.max(1, n) - 1));
  const at = Array.from({ length: n }, (_, i) => {
    const a = -Math.PI / 2 + (2 * Math.PI * i) / Math.max(1, n);
    return { x: cx + r * Math.cos(a), y: cy + r * Math.sin(a) };
  });
  return { area, font, r, at, person, names: person >= 9 };
}

export function discoveryLayout(size: Size, pic: DiscoveryPicture, kind: 'town' | 'tech'): DiscoveryLayout {
  const hasDir = pic.listings.length > 0 || pic.clients.length > 0 || pic.registryUp;
  const swim = pic.swim;
  const swimPart = (area: Area) => ({
    grid: swim && kind === 'tech' ? gridLayout(area, swim.members.length) : null,
    ring: swim && kind === 'town' ? ringLayout(area, swim.members.length) : null,
  });
  if (hasDir && swim) {
    // Side by side in a wide pane, one above the other in a narrow one: never on top of each other.
    if (size.width >= 760) {
      const left = Math.floor(size.width * 0.5);
      return {
        directory: directoryLayout({ x: 0, y: 0, width: left, height: size.height }, pic),
        ...swimPart({ x: left, y: 0, width: size.width - left, height: size.height }),
      };
    }
    const top = Math.floor(size.height * 0.5);
    return {
      directory: directoryLayout({ x: 0, y: 0, width: size.width, height: top }, pic),
      ...swimPart({ x: 0, y: top, width: size.width, height: size.height - top }),
    };
  }
  const whole: Area = { x: 0, y: 0, width: size.width, height: size.height };
  return { directory: hasDir ? directoryLayout(whole, pic) : null, ...swimPart(whole) };
}
