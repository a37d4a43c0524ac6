// Where the technical picture's parts go: the callers (each a box listing its pipeline's stages) with links to
// the servers (a queue of slots and a row of workers each, a server's own dependency pipeline under it), the
// chosen caller's breaker as a state machine with its sliding window, and the live charts. Side by side when the
// pane is wide, stacked when it is not. Pure; words measured (shared/measure.ts), 11 px or more.
import { estimateWidth, type TextWidth } from '../shared/measure.ts';
import type { Size } from '../shared/geometry.ts';
import type { Rect } from '../kit/ring-layout.ts';
import { stateStripHeight, type StateStripSpec } from '../kit/charts-strip.ts';
import { serverDepths, type CallerPic, type ResiliencePicture, type ServerPic } from './model.ts';

export const TECH_FONT = 12;

/** The type a picture magnified `zoom` times uses, so a projector draws it at 18 px or more (12 px unmagnified). */
export const fontForZoom = (zoom: number) => (zoom > 1 ? Math.max(TECH_FONT, Math.ceil(18 / zoom)) : TECH_FONT);
const PAD = 8;
const GAP = 10;
const WORKER = 12;

export interface StageRow { name: string; values: string[]; tone: string; y: number }
/** Titles and lines carry their phrasings from longest to shortest; the drawing writes the first that fits. */
export interface CallerBox { id: string; box: Rect; title: string[]; rows: StageRow[] }
export interface ServerBox {
  id: string;
  box: Rect;
  title: string[];
  line: string[];
  /** The queue: `slots` cells from `queue.x`, each `cell` wide; the rest written as "+N". */
  queue: Rect & { slots: number; cell: number };
  workers: { x: number; y: number; size: number; per: number };
  dependency: StageRow[];
}

export interface TechLayout {
  fontSize: number;
  wide: boolean;
  callers: CallerBox[];
  servers: ServerBox[];
  links: { from: string; to: string; d: string }[];
  /** The breaker state machine and its window, or null when the chosen caller has no breaker or no room. */
  breaker: Rect | null;
  charts: { load: Rect | null; latency: Rect | null; amplification: Rect | null; strip: Rect | null };
}

export const NAME_COL = (fs: number, m: TextWidth) => Math.max(...['Retry', 'Breaker', 'Rate limit', 'Timeout', 'Bulkhead', 'Fallback'].map((n) => m(n, fs, { bold: true }))) + 8;

function callerBox(c: CallerPic, x: number, y: number, maxW: number, fs: number, m: TextWidth): CallerBox {
  const lineH = Math.round(fs * 1.45);
  const title = [...(c.rate !== null ? [`${c.id} · ${c.rate} calls/s → ${c.target}`] : []), `${c.id} → ${c.target}`, c.id];
  const nameW = NAME_COL(fs, m);
  const rows = c.stages.map((s, i) => ({ name: s.name, values: s.values, tone: s.tone, y: y + lineH * (i + 2) }));
  if (!rows.length) rows.push({ name: 'Direct', values: ['no policies', 'none'], tone: 'calm', y: y + lineH * 2 });
  const widest = (k: number) => Math.max(m(title[Math.min(k, title.length - 1)]!, fs, { bold: true }), ...rows.map((r) => nameW + fs + m(r.values[Math.min(k, r.values.length - 1)]!, fs) + 6)) + 16;
  // As wide as the longest phrasings need, within maxW, but never narrower than the shortest ones.
  const w = Math.max(widest(9), Math.min(maxW, widest(0)));
  return { id: c.id, title, rows, box: { x, y, w, h: lineH * (rows.length + 1) + 8 } };
}

const serverTitle = (s: ServerPic) => (s.spike ? [`${s.id} · spike +${s.spike.extraMs} ms`, `${s.id} · spike`, s.id] : [s.id]);
const serverCounts = (s: ServerPic) => [`${s.busy}/${s.workers} busy · queue ${s.queue}${s.queueLimit ? `/${s.queueLimit}` : ''}`,
  `${s.busy}/${s.workers} busy · q ${s.queue}`, `${s.busy}/${s.workers} · ${s.queue}`];

/** A server: its name, its counts, then its workers as squares and its queue as slots on one
 *  row when both fit (else two), then its dependency pipeline. */
function serverBox(s: ServerPic, x: number, y: number, w: number, fs: number, m: TextWidth): ServerBox {
  const lineH = Math.round(fs * 1.45);
  const cell = 6;
  const inner = w - 16;
  const per = Math.max(1, Math.floor(inner / WORKER));
  const workersW = Math.min(s.workers, per) * WORKER;
  const workerRows = Math.ceil(s.workers / per);
  const rowY = y + lineH + 6;
  // The queue beside the workers when 8 slots and its "+N" fit there, else on its own row under them.
  const more = m(`+${s.queue}`, fs) + 6;
  const besideW = inner - workersW - 8 - more;
  const beside = workerRows === 1 && besideW >= cell * 8;
  const queueX = beside ? x + 8 + workersW + 8 : x + 8;
  const queueY = beside ? rowY : rowY + workerRows * WORKER + 4;
  const slots = Math.max(1, Math.floor((beside ? besideW : inner - more) / cell));
  const depY = queueY + 14 + 4;
  const dependency = (s.dependency?.stages ?? []).map((st, i) => ({ name: st.name, values: st.values, tone: st.tone, y: depY + lineH * (i + 1) - 4 }));
  const bottom = dependency.length ? depY + lineH * dependency.length + 4 : depY + 2;
  return {
    id: s.id, title: serverTitle(s), line: serverCounts(s),
    box: { x, y, w, h: bottom - y + lineH },
    queue: { x: queueX, y: queueY + lineH, w: slots * cell, h: 12, slots, cell },
    workers: { x: x + 8, y: rowY + lineH, size: WORKER - 2, per },
    dependency: dependency.map((d) => ({ ...d, y: d.y + lineH })),
  };
}

/** The boxes of callers (left) and servers (right, in their calling order), and the links between them. */
function system(p: ResiliencePicture, region: Rect, fs: number, m: TextWidth) {
  // The servers' column as wide as their words need (their pipelines' too), the callers the rest.
  const nameW = NAME_COL(fs, m);
  const serverNeed = Math.max(140, ...p.servers.map((s) => Math.max(
    m(serverTitle(s)[0]!, fs, { bold: true }), m(serverCounts(s)[0]!, fs), ...(s.dependency?.stages ?? []).map((st) => nameW + fs + m(st.value, fs) + 6),
  ) + 16));
  const callerMax = Math.max(region.w * 0.45, region.w - Math.min(serverNeed, region.w * 0.55) - GAP * 3);
  const callers: CallerBox[] = [];
  let y = region.y;
  for (const c of p.clients) {
    const b = callerBox(c, region.x, y, callerMax, fs, m);
    callers.push(b);
    y += b.box.h + GAP;
  }
  // Servers in calling order: those the clients call first, then their dependencies.
  const depth = serverDepths(p);
  const ordered = [...p.servers].sort((a, b) => (depth.get(a.id) ?? 1) - (depth.get(b.id) ?? 1));
  const servers: ServerBox[] = [];
  let sy = region.y;
  const sx = region.x + Math.max(0, ...callers.map((c) => c.box.w)) + GAP * 3;
  // Never narrower than the servers' shortest phrasings (their dependency's stages too).
  const serverMin = Math.max(...p.servers.map((s) => Math.max(
    m(serverTitle(s).at(-1)!, fs, { bold: true }), m(serverCounts(s).at(-1)!, fs), ...(s.dependency?.stages ?? []).map((st) => nameW + fs + m(st.values.at(-1)!, fs) + 6),
  ) + 16), 0);
  const sw = Math.max(serverMin, Math.min(serverNeed, region.x + region.w - sx));
  for (const s of ordered) {
    const b = serverBox(s, sx, sy, sw, fs, m);
    servers.push(b);
    sy += b.box.h + GAP;
  }
  const boxes = new Map<string, Rect>([...callers.map((c) => [c.id, c.box] as const), ...servers.map((s) => [s.id, s.box] as const)]);
  const links = p.links.flatMap((l) => {
    const a = boxes.get(l.from);
    const b = boxes.get(l.to);
    if (!a || !b) return [];
    // A client to a server: right edge to left edge. A server to its dependency (same column): down its left side.
    if (a.x + a.w <= b.x) {
      const y1 = a.y + a.h / 2;
      const y2 = b.y + Math.min(b.h / 2, 20);
      const mx = (a.x + a.w + b.x) / 2;
      return [{ from: l.from, to: l.to, d: `M${a.x + a.w},${y1}C${mx},${y1} ${mx},${y2} ${b.x},${y2}` }];
    }
    const x = Math.min(a.x, b.x);
    return [{ from: l.from, to: l.to, d: `M${x},${a.y + a.h - 10}C${x - GAP * 1.5},${a.y + a.h} ${x - GAP * 1.5},${b.y} ${x},${b.y + 12}` }];
  });
  const bottom = Math.max(y - GAP, sy - GAP, region.y);
  return { callers, servers, links, bottom };
}

/** Height of the breaker drawing: a title line, the three states, the window strip and its words. */
export const breakerHeight = (fs: number) => Math.round(fs * 1.45) * 2 + 34 + 16 + fs * 2.6;

export function resilienceTechLayout(size: Size, p: ResiliencePicture, chosen: CallerPic | null, strip: StateStripSpec | null, measure: TextWidth = estimateWidth, fontSize = TECH_FONT): TechLayout {
  const fs = Math.max(TECH_FONT, fontSize);
  const width = Math.max(320, size.width);
  // The pane's own height (a lesson's narrow pane can be under 240 px): what does not fit is left out.
  const height = Math.max(120, size.height);
  const wide = width >= 760 && width / height > 1.25;
  const sysRegion: Rect = wide
    ? { x: PAD, y: PAD, w: Math.round(width * 0.5) - PAD, h: height - 2 * PAD }
    : { x: PAD, y: PAD, w: width - 2 * PAD, h: height - 2 * PAD };
  const s = system(p, sysRegion, fs, measure);
  let below = s.bottom + GAP;
  let breaker: Rect | null = null;
  const bh = breakerHeight(fs);
  // Stacked, the charts keep room for one chart and the strip: the breaker drawing goes first.
  const chartsMin = wide ? 0 : MIN_CHART_H + GAP + (strip ? stateStripHeight(strip, width - 2 * PAD, fs, measure) : 0);
  if (chosen?.breaker && below + bh <= sysRegion.y + sysRegion.h - chartsMin) {
    breaker = { x: sysRegion.x, y: below, w: Math.min(sysRegion.w, 460), h: bh };
    below += bh + GAP;
  }
  const chartsRegion: Rect = wide
    ? { x: sysRegion.x + sysRegion.w + GAP, y: PAD, w: width - sysRegion.w - GAP - 2 * PAD, h: height - 2 * PAD }
    : { x: PAD, y: below, w: width - 2 * PAD, h: height - PAD - below };
  return { fontSize: fs, wide, callers: s.callers, servers: s.servers, links: s.links, breaker, charts: chartSlots(chartsRegion, strip, fs, measure) };
}

const MIN_CHART_H = 100;

/** The charts in a region: up to three time series in a grid, the state strip across the bottom; the
 *  attempts and then the latency chart go first when there is no room, then the strip. */
function chartSlots(r: Rect, strip: StateStripSpec | null, fs: number, m: TextWidth): TechLayout['charts'] {
  const slots = chartGrid(r, strip, fs, m);
  // Load against goodput is the one chart to keep: without room for it and the strip, it goes alone.
  return slots.load || !strip ? slots : { ...chartGrid(r, null, fs, m), strip: null };
}

function chartGrid(r: Rect, strip: StateStripSpec | null, fs: number, m: TextWidth): TechLayout['charts'] {
  const stripH = strip ? stateStripHeight(strip, r.w, fs, m) : 0;
  const room = r.h - (strip ? stripH + GAP : 0);
  const cols = Math.max(1, Math.min(3, Math.floor(r.w / 260)));
  let count = 3;
  while (count > 0 && Math.ceil(count / cols) * (MIN_CHART_H + GAP) - GAP > room) count--;
  const rows = Math.max(1, Math.ceil(count / cols));
  const usedCols = Math.min(cols, Math.max(1, count));
  const cw = (r.w - GAP * (usedCols - 1)) / usedCols;
  const ch = count ? Math.min(260, (room - GAP * (rows - 1)) / rows) : 0;
  const slot = (i: number): Rect | null => (i < count ? { x: r.x + (i % usedCols) * (cw + GAP), y: r.y + Math.floor(i / usedCols) * (ch + GAP), w: cw, h: ch } : null);
  const stripY = r.y + (count ? rows * (ch + GAP) : 0);
  return {
    load: slot(0), latency: slot(1), amplification: slot(2),
    strip: strip && stripY + stripH <= r.y + r.h + 0.5 ? { x: r.x, y: stripY, w: r.w, h: stripH } : null,
  };
}
