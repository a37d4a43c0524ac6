// Where the town's picture of the event store puts things, and the words it says, for a pane's size: the
// clerks at the town hall's counter across the top, the town hall with its open ledger below on the left
// (the newest lines at the bottom, one blank line for the next entry), and on the right one building per
// projection with its summary board on the wall. A projection's bookmark is a ribbon in the ledger at the
// line it has read up to. Pure; words 11 px or more, and every phrasing list ends with a short one.
import { clamp, type Size } from '../shared/geometry.ts';
import type { BuildingKind } from '../../engine/town/index.ts';
import type { ClerkRow, EventStorePicture, LogRow, ProjectorRow } from './model.ts';
import type { Box } from './layout.ts';

export interface TownLayout {
  fontSize: number;
  lineH: number;
  /** The counter's strip with one cell per clerk (the figure on its left, two lines of words beside it). */
  counter: Box | null;
  clerks: Record<string, Box>;
  /** The town hall's drawing and its two lines of words, above the ledger. */
  hall: Box;
  /** The open ledger; its first line's top is `lineTop`, and it shows `lines` lines (the last one blank). */
  book: Box;
  lineTop: number;
  lines: number;
  /** Each projection's building (drawing and words on top, its summary board below). */
  buildings: Record<string, { box: Box; drawing: number; board: Box; boardRows: number }>;
}

const PAD = 8;
const GAP = 6;

export function townLayout(size: Size, pic: EventStorePicture): TownLayout {
  const W = Math.max(300, size.width);
  const H = Math.max(220, size.height);
  const fontSize = clamp(Math.round(Math.min(W / 95, H / 42)), 12, 15);
  const lineH = fontSize + 5;
  const n = pic.clerks.length;
  const counterH = n ? Math.max(lineH * 2 + 8, 40) : 0;
  const counter = n ? { x: PAD, y: PAD, w: W - PAD * 2, h: counterH } : null;
  const clerks: Record<string, Box> = {};
  const cellW = n ? Math.min(420, (W - PAD * 2 - (n - 1) * GAP) / n) : 0;
  pic.clerks.forEach((c, i) => { clerks[c.id] = { x: PAD + i * (cellW + GAP), y: PAD, w: cellW, h: counterH }; });
  const top = PAD + (n ? counterH + GAP + 4 : 0);
  const m = pic.projectors.length;
  const leftW = Math.round((W - PAD * 3) * (m ? 0.58 : 1));
  const hallH = clamp(Math.round(H * 0.13), lineH * 2 + 4, 84);
  const hall = { x: PAD, y: top, w: leftW, h: hallH };
  const book = { x: PAD, y: top + hallH + 4, w: leftW, h: H - PAD - (top + hallH + 4) };
  const lineTop = book.y + lineH * 1.3 + 4;
  // A blank ruled line is kept at the book's foot: a small pane can be clipped at its bottom (a lesson's
  // stage at 1024x768 with the invariant banner shows 210 px of a 240 px picture).
  const lines = Math.max(2, Math.floor((book.y + book.h - 4 - lineH - lineTop) / lineH));
  const buildings: TownLayout['buildings'] = {};
  const rx = PAD * 2 + leftW;
  const rw = W - rx - PAD;
  const bodyH = H - PAD - top;
  const bh = m ? (bodyH - (m - 1) * GAP) / m : 0;
  pic.projectors.forEach((p, i) => {
    const box = { x: rx, y: top + i * (bh + GAP), w: rw, h: bh };
    const drawing = Math.round(clamp(Math.min(bh * 0.42, rw * 0.3), lineH * 2, 72));
    const board = { x: box.x + 4, y: box.y + drawing + 6, w: box.w - 8, h: box.h - drawing - 10 };
    buildings[p.id] = { box, drawing, board, boardRows: Math.max(0, Math.floor((board.h - lineH * 1.1 - 6) / lineH)) };
  });
  return { fontSize, lineH, counter, clerks, hall, book, lineTop, lines, buildings };
}

/** The ledger lines shown (the newest, oldest first), leaving the last line blank for the next entry. */
export function shownLines(l: TownLayout, pic: EventStorePicture): LogRow[] {
  return pic.log.slice(-(l.lines - 1));
}

/** The top of ledger line `pos` (0-based position; `pic.total` is the blank next line), or null when scrolled out. */
export function lineY(l: TownLayout, pic: EventStorePicture, pos: number): number | null {
  const shown = shownLines(l, pic);
  const first = shown[0]?.pos ?? pic.total;
  if (pos < first || pos > pic.total) return null;
  return l.lineTop + (pos - first) * l.lineH;
}

/** What a clerk is doing, as the town shows it: a thought bubble, a pen, or a refusal card. */
export type ClerkMood = 'idle' | 'reading' | 'thinking' | 'writing' | 'conflict' | 'refused' | 'queued' | 'down';

export function clerkMood(c: ClerkRow): ClerkMood {
  if (c.down) return 'down';
  if (c.retrying) return 'conflict';
  if (c.doing.startsWith('thinking')) return 'thinking';
  if (c.doing.startsWith('appending')) return 'writing';
  if (c.doing.startsWith('loading')) return 'reading';
  if (c.doing.startsWith('queued')) return 'queued';
  if (/failed/.test(c.result)) return 'conflict';
  if (/refused/.test(c.result)) return 'refused';
  return 'idle';
}

/** A clerk's second line: what it does now, longest phrasing first. */
export function clerkWords(c: ClerkRow): string[] {
  const job = c.doing.replace(/^(\w+) /, '');
  const what = job.replace(/ \(read v\d+\)$/, '');
  const verb = what.split(' ')[0] ?? '';
  switch (clerkMood(c)) {
    case 'down': return ['away (crashed)', 'away'];
    case 'reading': return [`reading the ledger to ${what}`, `reading for ${verb}`, 'reading'];
    case 'thinking': return [`thinking: ${what}${/read v\d+/.test(c.doing) ? `, read to v${/read v(\d+)/.exec(c.doing)![1]!}` : ''}`, `thinking: ${verb}`, 'thinking'];
    case 'writing': return [`writing ${what} in the ledger`, `writing ${verb}`, 'writing'];
    case 'queued': return [`next: ${what}`, 'waiting'];
    case 'conflict': return c.retrying ? ['✗ someone wrote first: reading again', '✗ conflict: again', '✗ conflict'] : ['✗ someone wrote first: gave up', '✗ conflict: gave up', '✗ conflict'];
    case 'refused': return [c.result.replace(/^.* refused: /, '✗ refused: '), '✗ refused'];
    default: return c.result ? [c.result.replace(/ appended to (\S+) at version (\d+).*$/, ' written in $1 (v$2)'), ...c.resultShort, 'done'] : ['at the counter', 'idle'];
  }
}

/** The building a projection works in: a bank for balances, the bakery for loaves on order, else the library. */
export function projectionKind(p: ProjectorRow): BuildingKind {
  return /balance/.test(p.kind) ? 'bank' : /loaves/.test(p.kind) ? 'bakery' : 'library';
}

/** A projection's line under its name: how far its bookmark is, and the lag. */
export function bookmarkWords(p: ProjectorRow): string[] {
  if (p.down) return [`closed · bookmark at line ${p.checkpoint}`, `closed · line ${p.checkpoint}`, 'closed'];
  if (p.rebuilding) return [`rebuilding: board wiped, read to line ${p.checkpoint}`, `rebuilding · line ${p.checkpoint}`, 'rebuilding'];
  if (!p.lag) return [`read to line ${p.checkpoint} · up to date`, `line ${p.checkpoint} · up to date`, 'up to date'];
  return [`read to line ${p.checkpoint} · ${p.lag} line${p.lag > 1 ? 's' : ''} unread${p.lagMs ? ` (${p.lagMs} ms)` : ''}`, `line ${p.checkpoint} · ${p.lag} unread`, `${p.lag} unread`];
}

/** A ledger line: its number, the account or book, the entry; shorter phrasings drop the account, then the details. */
export function ledgerWords(r: LogRow): string[] {
  const n = `${r.pos + 1}.`;
  return [`${n} ${r.stream} — ${r.words}${r.v1 ? ' (old form)' : ''}`, `${n} ${r.stream} — ${r.brief}`, `${n} ${r.brief}`, `${n} ${r.type}`, n];
}
