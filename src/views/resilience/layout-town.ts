// Where the town's buildings stand: callers (houses) in the left column, servers (shops) in columns by how
// far they are from a client (a server's dependency one column further right), phone lines between them.
// Under a caller: its name and words, and the people waiting to redial, each standing as far along the
// street as the wait it drew, against the longest (jittered waits spread them out, immediate or fixed ones
// bunch into a crowd).
// Under a server: its clerks behind the counter (the worker pool) and the line of calls on hold (its queue).
// Pure; words measured, 11 px or more.
import { estimateWidth, firstFit, type TextWidth } from '../shared/measure.ts';
import { clamp, type Point, type Size } from '../shared/geometry.ts';
import { serverDepths, type CallerPic, type ResiliencePicture, type ServerPic } from './model.ts';
import { callerTownWords, serverTownWords } from './town-words.ts';

export const TOWN_FONT = 12;
export const CLERK = 14;
export const CLERKS_SHOWN = 12;
export const HOLD_CELL = 7;
export const PERSON = 9;

export interface TownSpot {
  id: string;
  kind: 'caller' | 'server';
  at: Point;
  /** The building's drawn size. */
  s: number;
  /** Name and words, centred under the building. */
  name: { x: number; y: number; text: string };
  words: { x: number; y: number; text: string }[];
  /** Where the extras go (clerks and hold line for a server, the crowd for a caller): from x, width w, at y. */
  band: { x: number; y: number; w: number };
  /** The fuse box on a caller's wall, if it has a breaker. */
  fuse: Point | null;
}

export interface TownLayout {
  fontSize: number;
  spots: Record<string, TownSpot>;
  order: string[];
  lines: { from: string; to: string; d: string }[];
  /** Each caller's people waiting to redial, where they stand. */
  crowds: Record<string, Waiter[]>;
}

/** How many lines of words a spot has under its name, and the extras' height. */
const extrasH = (kind: TownSpot['kind']) => (kind === 'server' ? CLERK + 6 + HOLD_CELL + 8 : PERSON * 3 + 6);

export function resilienceTownLayout(size: Size, p: ResiliencePicture, measure: TextWidth = estimateWidth, fontSize = TOWN_FONT): TownLayout {
  const fs = Math.max(TOWN_FONT, fontSize);
  const width = Math.max(320, size.width);
  const height = Math.max(240, size.height);
  const depth = serverDepths(p);
  const cols = 1 + Math.max(1, ...depth.values());
  const columns: { id: string; kind: TownSpot['kind'] }[][] = Array.from({ length: cols }, () => []);
  for (const c of p.clients) columns[0]!.push({ id: c.id, kind: 'caller' });
  for (const s of p.servers) columns[depth.get(s.id) ?? 1]!.push({ id: s.id, kind: 'server' });
  const colW = width / cols;
  const most = Math.max(1, ...columns.map((c) => c.length));
  // The name and up to three lines of words.
  const labelH = (fs + 2) * 4 + 6;
  const rowH = height / most;
  // The building as large as the row leaves room for after its words and extras, and the column's width.
  const s = clamp(Math.min(rowH - labelH - extrasH('server') - 14, colW * 0.45, 110), 34, 110);
  const spots: Record<string, TownSpot> = {};
  const order: string[] = [];
  const byId = new Map<string, CallerPic | ServerPic>([...p.clients.map((c) => [c.id, c] as const), ...p.servers.map((x) => [x.id, x] as const)]);
  columns.forEach((col, ci) => {
    const cx = colW * (ci + 0.5);
    col.forEach((n, ri) => {
      const block = s + labelH + extrasH(n.kind);
      const rowTop = (height - most * rowH) / 2 + rowH * (ri + (most - col.length) / 2);
      const top = rowTop + Math.max(4, (rowH - block) / 2);
      const at = { x: cx, y: top + s * 0.55 };
      const pic = byId.get(n.id)!;
      const lines = n.kind === 'caller' ? callerTownWords(pic as CallerPic) : serverTownWords(pic as ServerPic);
      const room = colW - 8;
      const nameY = at.y + s * 0.42 + fs + 4;
      const words = lines.map((text, k) => ({ x: cx, y: nameY + (fs + 2) * (k + 1), text: firstFit(text, room, fs, {}, measure) }));
      const bandY = nameY + (fs + 2) * lines.length + 8;
      const clerks = n.kind === 'server' ? Math.min(CLERKS_SHOWN, (pic as ServerPic).workers) * (CLERK + 2) + 30 : 0;
      const bandW = Math.min(room, Math.max(s * 1.4, 120, clerks));
      spots[n.id] = {
        id: n.id, kind: n.kind, at, s,
        name: { x: cx, y: nameY, text: n.id },
        words,
        band: { x: cx - bandW / 2, y: bandY, w: bandW },
        fuse: n.kind === 'caller' && (pic as CallerPic).breaker ? { x: at.x + s * 0.5 + 4, y: at.y - s * 0.1 } : null,
      };
      order.push(n.id);
    });
  });
  const lines = p.links.flatMap((l) => {
    const a = spots[l.from];
    const b = spots[l.to];
    if (!a || !b) return [];
    const ax = a.at.x + a.s * 0.5 + (a.fuse ? 20 : 2);
    const bx = b.at.x - b.s * 0.5 - 2;
    const mx = (ax + bx) / 2;
    return [{ from: l.from, to: l.to, d: `M${ax},${a.at.y - a.s * 0.25}C${mx},${a.at.y - a.s * 0.6} ${mx},${b.at.y - b.s * 0.6} ${bx},${b.at.y - b.s * 0.25}` }];
  });
  const crowds: Record<string, Waiter[]> = {};
  for (const c of p.clients) {
    const spot = spots[c.id];
    if (spot) crowds[c.id] = crowd(c, spot);
  }
  return { fontSize: fs, spots, order, lines, crowds };
}

/** Where a waiting caller stands; the crowd's last one carries how many more stand behind the first three
 *  of their spots (written "+N" after it). */
export interface Waiter { x: number; y: number; more: number }

/** The waiting callers: x by the wait each drew over the longest drawn now, three deep at one spot and the
 *  rest counted, so waits drawn alike stay one crowd and jittered ones spread along the street. */
export function crowd(c: CallerPic, spot: TownSpot): Waiter[] {
  const cap = Math.max(1, ...c.redials);
  // Room after the last person for the "+N" of those standing behind.
  const usable = spot.band.w - PERSON - 36;
  const byCol = new Map<number, number>();
  for (const d of c.redials) {
    const col = Math.round(((d / cap) * usable) / PERSON);
    byCol.set(col, (byCol.get(col) ?? 0) + 1);
  }
  const out: Waiter[] = [];
  let hidden = 0;
  for (const [col, n] of [...byCol].sort((a, b) => a[0] - b[0])) {
    for (let k = 0; k < Math.min(3, n); k++) out.push({ x: spot.band.x + PERSON / 2 + col * PERSON, y: spot.band.y + PERSON / 2 + k * PERSON, more: 0 });
    hidden += Math.max(0, n - 3);
  }
  // Those behind the first three at a spot are counted once, after the crowd's last person.
  if (hidden && out.length) out[out.length - 1]!.more = hidden;
  return out;
}
