// The town's picture of the event store, drawn with the town's drawings: clerks at the town hall's counter
// (a thought bubble while deciding, a pen while writing, a red card when someone wrote first), the town
// hall with its open ledger (an append-only book, newest line at the bottom, nothing erased), and one
// building per projection with its summary board on the wall and its bookmark ribbon in the ledger at the
// line it has read up to (the gap to the last line is its lag). Same node ids as the technical picture.
import { useMemo } from 'react';
import type { StageViewProps } from '../stages.ts';
import { firstFit } from '../shared/measure.ts';
import { pointable } from '../shared/interaction.tsx';
import { OKABE_ITO, STATUS, nodeStyle } from '../shared/palette.ts';
import { Building, Flames } from '../drawings/buildings.tsx';
import { FlightLayer, useFlightMenu, type Flight } from '../kit/FlightLayer.tsx';
import { StageMenu } from '../kit/menu.tsx';
import { useStagePicture } from '../kit/stage.ts';
import { STORE_NODE } from '../../engine/eventstore/index.ts';
import { describePicture, eventStorePicture, NO_EVENTSTORE, type ClerkRow, type EventStorePicture, type ProjectorRow } from './model.ts';
import type { Box } from './layout.ts';
import { bookmarkWords, clerkMood, clerkWords, ledgerWords, lineY, projectionKind, shownLines, townLayout, type TownLayout } from './town-layout.ts';
import { storeFlights, type Anchor } from './flights.ts';
import '../shared/views.css';

const INK = STATUS.ink;
const PAGE = '#fbf3dc';
const CHALK = '#f4f1e4';
const BOARD = '#2f4a3a';
const RED = '#a3360f';
const fit = (s: readonly string[], w: number, fs: number, bold = false) => firstFit(s, w, fs, { bold });
const ribbonColour = (i: number) => nodeStyle(i + 4).colour;

function Letter(f: Flight) {
  const ok = f.tag?.startsWith('✓');
  const bad = f.tag?.startsWith('✗');
  return (
    <g>
      <rect x={-8} y={-6} width={16} height={12} rx={2} fill={bad ? OKABE_ITO.vermillion : ok ? OKABE_ITO.bluishGreen : '#fff8e6'} stroke={INK} strokeWidth={1.3} />
      <path d="M-8,-6L0,1L8,-6" fill="none" stroke={INK} strokeWidth={1.1} />
    </g>
  );
}

interface NodeProps { focused: boolean; selected: boolean; onMenu: (x: number, y: number) => void }
const nodeClass = (p: NodeProps) => `tb-node${p.focused ? ' is-focused' : ''}${p.selected ? ' is-selected' : ''}`;
const hint = (label: string) => `${label}. Enter to inspect, context menu key for actions.`;

export function EventStoreTownScene({ className }: StageViewProps) {
  const k = useStagePicture('eventstore', eventStorePicture);
  const pic = k.picture ?? NO_EVENTSTORE;
  const { size, sim, focus } = k;
  const l = useMemo(() => townLayout(size, pic), [size, pic]);
  const flightMenu = useFlightMenu<Flight>(k.openMenu);
  const anchor: Anchor = (id, toward) => {
    const c = l.clerks[id];
    // A clerk's letters go to the ledger's next blank line (where an append is written); a projection's to its bookmark.
    const next = lineY(l, pic, pic.total) ?? l.lineTop;
    if (c) return toward === 'node' ? { x: c.x + 18, y: c.y + c.h - 6 } : { x: l.book.x + Math.min(l.book.w * 0.45, 260), y: next + l.lineH / 2 };
    const b = l.buildings[id];
    const p = pic.projectors.find((r) => r.id === id);
    if (b) return toward === 'node' ? { x: b.box.x + 4, y: b.box.y + b.drawing / 2 } : { x: l.book.x + l.book.w - 20, y: (p && lineY(l, pic, p.checkpoint)) ?? next };
    return null;
  };
  const flights = storeFlights(sim, anchor, true, 0.15);
  const empty = pic.total === 0 && pic.clerks.length === 0 && pic.projectors.length === 0;
  return (
    <div ref={k.wrap} className={`tb-view tb-town tb-eventstore ${className ?? ''}`} data-testid="eventstore-town">
      <svg width={size.width} height={size.height} role="group" aria-label={describePicture(pic, true)}>
        <rect width={size.width} height={size.height} fill="#eef3e6" />
        {l.counter && <rect x={l.counter.x} y={l.counter.y + l.counter.h} width={l.counter.w} height={6} rx={2} fill="#a8743f" stroke={INK} strokeWidth={1} aria-hidden="true" />}
        {pic.clerks.map((c, i) => (
          <Clerk key={c.id} c={c} box={l.clerks[c.id]!} l={l} colour={nodeStyle(i + 1).colour}
            focused={focus.nodes.has(c.id)} selected={k.isSelectedNode(c.id)} onMenu={k.nodeMenu(c.id)} />
        ))}
        <HallAndLedger pic={pic} l={l} focused={focus.nodes.has(STORE_NODE)} selected={k.isSelectedNode(STORE_NODE)} onMenu={k.nodeMenu(STORE_NODE)} />
        <Ribbons pic={pic} l={l} />
        {pic.projectors.map((p, i) => (
          <Projection key={p.id} p={p} l={l} index={i} focused={focus.nodes.has(p.id)} selected={k.isSelectedNode(p.id)} onMenu={k.nodeMenu(p.id)} />
        ))}
        <FlightLayer flights={flights} focus={focus} selectedMsg={k.selectedMsg} icon={Letter} menu={flightMenu} tags={{ fontSize: Math.max(11, l.fontSize - 1), all: false }} />
        {empty && <text x={size.width / 2} y={size.height / 2} textAnchor="middle" fontSize={14} fill={STATUS.muted}>No events yet: eventstore.append stream=account-1 type=Opened</text>}
      </svg>
      <StageMenu menu={k.menu} onClose={k.closeMenu} />
    </div>
  );
}

/** A clerk: a figure behind the counter, with what it is doing drawn above its head and said beside it. */
function Clerk({ c, box, l, colour, ...node }: NodeProps & { c: ClerkRow; box: Box; l: TownLayout; colour: string }) {
  const fs = l.fontSize;
  const mood = clerkMood(c);
  const bad = mood === 'conflict' || mood === 'refused';
  const label = `Clerk ${c.id}${c.down ? ', down' : ''}: ${c.doing}${c.result ? `; last: ${c.result}` : ''}`;
  const s = box.h / 44;
  const fx = box.x + 16;
  const fy = box.y + box.h;
  const tx = box.x + 36;
  const tw = box.w - 40;
  return (
    <g className={nodeClass(node)} {...pointable({ kind: 'node', id: c.id }, hint(label), node.onMenu)}>
      <title>{label}</title>
      <rect className="tb-ring" x={box.x - 3} y={box.y - 3} width={box.w + 6} height={box.h + 6} rx={8} />
      <rect x={box.x} y={box.y} width={box.w} height={box.h} rx={6} fill={bad ? '#fde9df' : '#f9f6ee'} stroke={bad ? RED : '#b9b2a0'} strokeWidth={bad ? 1.8 : 1} />
      <g transform={`translate(${fx},${fy}) scale(${s})`} aria-hidden="true">
        <circle cy={-32} r={7} fill={c.down ? '#cfcfcf' : '#f1c9a5'} stroke={INK} strokeWidth={1.2} />
        <path d="M-9,-23H9L11,0H-11Z" fill={c.down ? '#9a9a9a' : colour} stroke={INK} strokeWidth={1.2} />
        {mood === 'writing' && <path d="M6,-14L18,-26" stroke={INK} strokeWidth={2.4} strokeLinecap="round" />}
      </g>
      {mood === 'thinking' && (
        <g aria-hidden="true">
          <circle cx={fx + 8} cy={box.y + 9} r={2} fill="#fff" stroke={INK} strokeWidth={0.8} />
          <ellipse cx={fx + 15} cy={box.y + 6} rx={7} ry={5} fill="#fff" stroke={INK} strokeWidth={0.9} />
          <text x={fx + 15} y={box.y + 8.5} textAnchor="middle" fontSize={9} fill={INK}>…</text>
        </g>
      )}
      {bad && <g aria-hidden="true"><rect x={fx + 4} y={box.y + 2} width={12} height={15} rx={1.5} fill={OKABE_ITO.vermillion} stroke={INK} strokeWidth={1} />
        <path d={`M${fx + 7},${box.y + 6}l6,7m0,-7l-6,7`} stroke="#fff" strokeWidth={1.8} /></g>}
      {c.down && <g transform={`translate(${fx},${fy - 10}) scale(${s * 0.5})`} aria-hidden="true"><Flames /></g>}
      <text x={tx} y={box.y + l.lineH * 0.95} fontSize={fs} fontWeight={800} fill={INK}>
        {fit([`${c.id}${c.queued ? ` · ${c.queued} more waiting` : ''}`, `${c.id}${c.queued ? ` +${c.queued}` : ''}`, c.id], tw, fs, true)}
      </text>
      <text x={tx} y={box.y + l.lineH * 1.95} fontSize={fs - 1} fontWeight={bad ? 700 : 400} fill={bad ? RED : INK}>{fit(clerkWords(c), tw, fs - 1, bad)}</text>
    </g>
  );
}

/** The town hall (a building and its words) and its open ledger: one tab stop, the store's node. */
function HallAndLedger({ pic, l, ...node }: NodeProps & { pic: EventStorePicture; l: TownLayout }) {
  const fs = l.fontSize;
  const { hall, book } = l;
  const down = pic.storeDown;
  const lines = shownLines(l, pic);
  const hidden = pic.total - lines.length;
  const above = `${hidden} line${hidden === 1 ? '' : 's'} above`;
  // The newest summary page (snapshot): its ledger line when the last rows hold it, else the stream's version.
  const snapped = pic.streams.filter((s) => s.snapshot !== null).at(-1);
  const snapRow = snapped && pic.log.find((r) => r.stream === snapped.name && r.version === snapped.snapshot);
  const snapWords = !snapped ? '' : snapRow ? ` (last after line ${snapRow.pos + 1})` : ` (last at ${snapped.name} v${snapped.snapshot!})`;
  const flags = [pic.lostUpdates ? `✕ ${pic.lostUpdates} lost update${pic.lostUpdates > 1 ? 's' : ''}` : '', pic.conflicts ? `${pic.conflicts} refused: someone wrote first` : '', pic.upcast ? '' : 'old entries read as written', pic.snapshotEvery ? `summary page every ${pic.snapshotEvery}${snapWords}` : ''].filter(Boolean);
  const shortFlag = pic.lostUpdates ? '✕ lost update' : pic.conflicts ? `${pic.conflicts} refused` : pic.upcast ? `summary every ${pic.snapshotEvery}` : 'old form';
  const streams = pic.streams.map((s) => `${s.name}: ${s.state}`).join(' · ');
  const label = `Town hall's ledger${down ? ', closed' : ''}: ${pic.total} lines. ${pic.streams.map((s) => `${s.name} version ${s.version}, ${s.state}${s.snapshot !== null ? `, summary page at v${s.snapshot}` : ''}`).join('; ')}${flags.length ? `. ${flags.join('; ')}` : ''}`;
  const snapAt = new Set(pic.streams.filter((s) => s.snapshot !== null).map((s) => `${s.name}@${s.snapshot!}`));
  const size = hall.h;
  const tx = hall.x + size + 8;
  const tw = hall.w - size - 10;
  const page = { x: book.x + 10, y: book.y + 4, w: book.w - 20, h: book.h - 8 };
  const numW = Math.max(22, fs * 2.2);
  return (
    <g className={nodeClass(node)} {...pointable({ kind: 'node', id: STORE_NODE }, hint(label), node.onMenu)}>
      <title>{label}</title>
      <rect className="tb-ring" x={hall.x - 4} y={hall.y - 4} width={hall.w + 8} height={book.y + book.h - hall.y + 8} rx={8} />
      <g transform={`translate(${hall.x + size / 2},${hall.y + size / 2}) scale(${size / 100})`} aria-hidden="true">
        <Building kind="hall" look={{ accent: down ? '#9a9a9a' : '#7a5c8e', wall: down ? '#d8d8d8' : '#f4ead5', line: INK }} />
        {down && <Flames />}
      </g>
      <text x={tx} y={hall.y + l.lineH * 0.95} fontSize={fs} fontWeight={800} fill={down ? RED : INK}>
        {fit([`Town hall${down ? ' (closed)' : ''} · ledger of ${pic.total} lines`, `Town hall · ${pic.total} lines`, `${pic.total} lines`], tw, fs, true)}
      </text>
      {snapped && <g aria-hidden="true"><SummaryPage x={tx} y={hall.y + l.lineH * 1.95 - fs + 1} h={fs + 1} /></g>}
      <text x={tx + (snapped ? fs + 4 : 0)} y={hall.y + l.lineH * 1.95} fontSize={fs - 1} fontWeight={flags.length ? 700 : 400} fill={pic.lostUpdates ? RED : INK}>
        {fit(flags.length ? [flags.join(' · '), flags[0]!, shortFlag] : [streams, streams.split(' · ')[0] ?? '', 'nothing erased'], tw - (snapped ? fs + 4 : 0), fs - 1, flags.length > 0)}
      </text>
      <g aria-hidden="true">
        <rect x={book.x} y={book.y} width={book.w} height={book.h} rx={5} fill="#6b4a2a" stroke={INK} strokeWidth={1.2} />
        <rect x={page.x} y={page.y} width={page.w} height={page.h} fill={down ? '#e8e8e8' : PAGE} stroke={INK} strokeWidth={0.8} />
        <line x1={page.x + numW} x2={page.x + numW} y1={page.y} y2={page.y + page.h} stroke="#d9a0a0" strokeWidth={1} />
        <text x={page.x + 6} y={book.y + l.lineH * 1.05} fontSize={fs - 1} fontWeight={700} fill={STATUS.muted}>
          {fit([`ledger · append only${hidden > 0 ? ` · ${above}` : ''}`, hidden > 0 ? above : 'ledger', 'ledger'], page.w - 12, fs - 1, true)}
        </text>
        {Array.from({ length: l.lines }, (_, i) => {
          const y = l.lineTop + (i + 1) * l.lineH;
          return <line key={i} x1={page.x + 2} x2={page.x + page.w - 2} y1={y} y2={y} stroke="#e2d3ad" strokeWidth={0.8} />;
        })}
        {lines.map((r, i) => {
          const y = l.lineTop + l.lineH * (i + 0.78);
          const words = ledgerWords(r);
          const snap = snapAt.has(`${r.stream}@${r.version}`);
          return (
            <g key={r.pos}>
              <text x={page.x + numW - 3} y={y} textAnchor="end" fontSize={fs - 1} fill={STATUS.muted}>{words.at(-1)}</text>
              <text x={page.x + numW + 4} y={y} fontSize={fs - 1} fill={INK}>{fit(words.slice(0, -1).map((s) => s.replace(/^\d+\. /, '')), page.w - numW - 36 - (snap ? 14 : 0), fs - 1)}</text>
              {snap && <SummaryPage x={page.x + page.w - 40} y={y - fs + 1} h={fs + 1} />}
            </g>
          );
        })}
        <text x={page.x + numW + 4} y={l.lineTop + l.lineH * (lines.length + 0.78)} fontSize={fs - 1} fill={STATUS.muted} fontStyle="italic">
          {fit(['next line: only ever added', 'next line', '…'], page.w - numW - 36, fs - 1)}
        </text>
      </g>
    </g>
  );
}

/** A summary page folded into the ledger (a snapshot): a sheet with a turned-down corner. */
function SummaryPage({ x, y, h }: { x: number; y: number; h: number }) {
  const w = h * 0.8;
  return (
    <g>
      <path d={`M${x},${y}H${x + w * 0.65}L${x + w},${y + w * 0.35}V${y + h}H${x}Z`} fill="#ffffff" stroke={INK} strokeWidth={0.9} />
      <path d={`M${x + w * 0.65},${y}V${y + w * 0.35}H${x + w}`} fill="#e2d3ad" stroke={INK} strokeWidth={0.8} />
      <line x1={x + 2} x2={x + w - 2} y1={y + h * 0.6} y2={y + h * 0.6} stroke={INK} strokeWidth={0.6} />
    </g>
  );
}

/** Each projection's bookmark: a ribbon from the ledger's edge at the line it reads next, and a bracket over the unread lines. */
function Ribbons({ pic, l }: { pic: EventStorePicture; l: TownLayout }) {
  const right = l.book.x + l.book.w;
  const end = lineY(l, pic, pic.total);
  return (
    <g aria-hidden="true">
      {pic.projectors.map((p, i) => {
        const y = lineY(l, pic, p.checkpoint);
        const colour = ribbonColour(i);
        const b = l.buildings[p.id];
        const bx = right - 14 - i * 7;
        return (
          <g key={p.id}>
            {y !== null && <path d={`M${l.book.x + 12},${y}H${right}`} stroke={colour} strokeWidth={2} />}
            {y !== null && <path d={`M${right - 6},${y - 4}h14l-4,4l4,4h-14z`} fill={colour} stroke={INK} strokeWidth={0.8} />}
            {end !== null && p.lag > 0 && (
              <path d={`M${bx + 4},${y ?? l.lineTop}H${bx}V${end}H${bx + 4}`} fill="none" stroke={colour} strokeWidth={2.5} strokeDasharray={y === null ? '3 2' : undefined} />
            )}
            {y !== null && b && <path d={`M${right + 8},${y}C${right + 20},${y} ${b.box.x - 14},${b.box.y + b.drawing / 2} ${b.box.x},${b.box.y + b.drawing / 2}`} fill="none" stroke={colour} strokeWidth={1.5} strokeDasharray="4 3" />}
          </g>
        );
      })}
    </g>
  );
}

/** A projection: its building, its name and bookmark words, and its summary board on the wall. */
function Projection({ p, l, index, ...node }: NodeProps & { p: ProjectorRow; l: TownLayout; index: number }) {
  const fs = l.fontSize;
  const { box, drawing, board, boardRows } = l.buildings[p.id]!;
  const colour = ribbonColour(index);
  const label = `Summary board ${p.id} (${p.kind})${p.down ? ', closed' : p.rebuilding ? ', rebuilding' : ''}: bookmark at line ${p.checkpoint}, ${p.lag ? `${p.lag} behind` : 'caught up'}${p.bug ? ', running buggy code' : ''}${p.drift ? `, ${p.drift} rows differ from a replay` : ''}. ${p.rows.map(([k, v]) => `${k} ${v}`).join(', ')}`;
  const rows = p.rows.slice(0, boardRows);
  const tx = box.x + drawing + 8;
  const tw = box.w - drawing - 10;
  const chalk = (s: string) => s.replace(/^account-/, 'acct ');
  return (
    <g className={nodeClass(node)} {...pointable({ kind: 'node', id: p.id }, hint(label), node.onMenu)}>
      <title>{label}</title>
      <rect className="tb-ring" x={box.x - 3} y={box.y - 3} width={box.w + 6} height={box.h + 6} rx={8} />
      <rect x={box.x} y={box.y} width={box.w} height={box.h} rx={6} fill="#f9f6ee" stroke={p.bug || p.drift ? RED : '#b9b2a0'} strokeWidth={p.bug || p.drift ? 2 : 1} strokeDasharray={p.bug ? '6 3' : undefined} />
      <g transform={`translate(${box.x + 2 + drawing / 2},${box.y + 2 + drawing / 2}) scale(${drawing / 100})`} aria-hidden="true">
        <Building kind={projectionKind(p)} look={{ accent: p.down ? '#9a9a9a' : colour, wall: p.down ? '#d8d8d8' : '#f4ead5', line: INK }} />
        {p.down && <Flames />}
      </g>
      <rect x={tx} y={box.y + 4} width={8} height={12} fill={colour} stroke={INK} strokeWidth={0.8} aria-hidden="true" />
      <text x={tx + 12} y={box.y + l.lineH * 0.8} fontSize={fs} fontWeight={800} fill={p.bug ? RED : INK}>
        {fit([`${p.id}${p.bug ? ' · buggy code' : ''}`, `${p.id}${p.bug ? ' · bug' : ''}`, p.id], tw - 12, fs, true)}
      </text>
      <text x={tx} y={box.y + l.lineH * 1.8} fontSize={Math.max(11, fs - 1)} fill={p.lag || p.rebuilding ? '#7a4a00' : STATUS.muted}>{fit(bookmarkWords(p), tw, Math.max(11, fs - 1))}</text>
      {board.h > l.lineH && (
        <g aria-hidden="true">
          <rect x={board.x} y={board.y} width={board.w} height={board.h} rx={2} fill={BOARD} stroke="#8a5a3b" strokeWidth={3} />
          <text x={board.x + 8} y={board.y + l.lineH * 0.95} fontSize={Math.max(11, fs - 1)} fontWeight={700} fill={CHALK}>
            {fit(p.rebuilding ? ['wiped, refilling from line 1', 'refilling', '…'] : [`${p.kind}${p.drift ? ` · ${p.drift} row${p.drift > 1 ? 's' : ''} wrong` : ''}`, p.drift ? `${p.drift} row${p.drift > 1 ? 's' : ''} wrong` : 'board', p.drift ? `${p.drift} wrong` : ''], board.w - 16, Math.max(11, fs - 1), true)}
          </text>
          {rows.map(([key, v], i) => (
            <text key={key} x={board.x + 8} y={board.y + l.lineH * (i + 1.95)} fontSize={Math.max(11, fs - 1)} fill={CHALK} className="tb-mono">
              {fit([`${key} ${v}`, `${chalk(key)} ${v}`, `${v}`], board.w - 16, Math.max(11, fs - 1))}
            </text>
          ))}
          {p.rows.length > rows.length && boardRows > 0 && (
            <text x={board.x + board.w - 6} y={board.y + l.lineH * 0.95} textAnchor="end" fontSize={Math.max(11, fs - 1)} fill={CHALK}>{`+${p.rows.length - rows.length}`}</text>
          )}
          {!p.rows.length && boardRows > 0 && <text x={board.x + 8} y={board.y + l.lineH * 1.95} fontSize={Math.max(11, fs - 1)} fill={CHALK} fontStyle="italic">{fit(['(empty)', '—'], board.w - 16, Math.max(11, fs - 1))}</text>}
        </g>
      )}
    </g>
  );
}
