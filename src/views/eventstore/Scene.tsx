// The event store drawn for both panes: clerks on the left, the log in the middle (the town: the town
// hall's ledger, an append-only book; technical: the $all table with stream versions and global
// positions), each projector's checkpoint marked on it (the town: a bookmark), and the read models on the
// right (the town: summary boards; technical: tables). `town` switches words and styling only.
import { useMemo } from 'react';
import type { StageViewProps } from '../stages.ts';
import { firstFit, textWidth } from '../shared/measure.ts';
import { pointable } from '../shared/interaction.tsx';
import { OKABE_ITO, STATUS, inkOn, nodeStyle } from '../shared/palette.ts';
import { FlightLayer, useFlightMenu, type Flight } from '../kit/FlightLayer.tsx';
import { StageMenu } from '../kit/menu.tsx';
import { useStagePicture } from '../kit/stage.ts';
import { STORE_NODE } from '../../engine/eventstore/index.ts';
import { describePicture, eventStorePicture, NO_EVENTSTORE, type EventStorePicture, type ProjectorRow } from './model.ts';
import { eventStoreLayout, rowY, type Box, type EventStoreLayout } from './layout.ts';
import { storeFlights, type Anchor } from './flights.ts';
import '../shared/views.css';

const INK = STATUS.ink;
const LEDGER = '#fbf3dc';
/** The share of the log's width kept on the right for the checkpoint labels. */
const LABEL_SHARE = 0.34;

/** The first phrasing that fits (each list ends with a short one, so a narrow pane reads whole words). */
const fit = (s: string | readonly string[], w: number, fs: number, bold = false) => firstFit(typeof s === 'string' ? [s] : s, w, fs, { bold });
const textW = (s: string, fs: number) => textWidth(s, fs, { bold: true });

function Icon(f: Flight) {
  const ok = f.tag?.startsWith('✓');
  const bad = f.tag?.startsWith('✗');
  return (
    <g>
      <rect x={-8} y={-6} width={16} height={12} rx={2} fill={bad ? OKABE_ITO.vermillion : ok ? OKABE_ITO.bluishGreen : '#fff8e6'} stroke={INK} strokeWidth={1.3} />
      <path d="M-8,-6L0,1L8,-6" fill="none" stroke={INK} strokeWidth={1.1} />
    </g>
  );
}

export function EventStoreScene({ className, town }: StageViewProps & { town: boolean }) {
  const k = useStagePicture('eventstore', eventStorePicture);
  const pic = k.picture ?? NO_EVENTSTORE;
  const { size, sim, focus } = k;
  const l = useMemo(() => eventStoreLayout(size, pic), [size, pic]);
  const flightMenu = useFlightMenu<Flight>(k.openMenu);
  const fs = l.fontSize;
  const anchor: Anchor = (id, toward) => {
    const c = l.clerks[id];
    if (c) return toward === 'node' ? { x: c.x + c.w, y: c.y + c.h / 2 } : { x: l.store.x, y: l.store.y + l.store.h / 2 };
    const p = l.projectors[id];
    if (p) return toward === 'node' ? { x: p.x, y: p.y + p.h / 2 } : { x: l.logCol.x + l.logCol.w, y: l.logTop + l.lineH * 2 };
    return null;
  };
  const flights = storeFlights(sim, anchor, town, 0.12);
  const empty = pic.total === 0 && pic.clerks.length === 0 && pic.projectors.length === 0;
  return (
    <div ref={k.wrap} className={`tb-view ${town ? 'tb-town' : 'tb-tech'} tb-eventstore ${className ?? ''}`} data-testid={town ? 'eventstore-town' : 'eventstore-tech'}>
      <svg width={size.width} height={size.height} role="group" aria-label={describePicture(pic, town)}>
        <rect width={size.width} height={size.height} fill={town ? '#eef3e6' : '#f7f7f9'} />
        {!l.narrow && <ColumnTitle box={l.clerkCol} fs={fs} text={town ? ['Clerks'] : ['Command handlers', 'Clerks']} />}
        <ColumnTitle box={l.projCol} fs={fs} text={town ? ['Summary boards', 'Boards'] : ['Read models', 'Views']} />
        {pic.clerks.map((c, i) => (
          <ClerkBox key={c.id} c={c} box={l.clerks[c.id]!} fs={fs} lineH={l.lineH} town={town} colour={nodeStyle(i + 1).colour}
            focused={focus.nodes.has(c.id)} selected={k.isSelectedNode(c.id)} onMenu={k.nodeMenu(c.id)} />
        ))}
        <StoreBox pic={pic} l={l} town={town} focused={focus.nodes.has(STORE_NODE)} selected={k.isSelectedNode(STORE_NODE)} onMenu={k.nodeMenu(STORE_NODE)} />
        <LogRows pic={pic} l={l} town={town} />
        <Bookmarks pic={pic} l={l} town={town} />
        {pic.projectors.map((p, i) => (
          <ProjectorBox key={p.id} p={p} box={l.projectors[p.id]!} l={l} town={town} index={i}
            focused={focus.nodes.has(p.id)} selected={k.isSelectedNode(p.id)} onMenu={k.nodeMenu(p.id)} />
        ))}
        <FlightLayer flights={flights} focus={focus} selectedMsg={k.selectedMsg} icon={Icon} menu={flightMenu} tags={{ fontSize: Math.max(11, fs - 1), all: false }} />
        {empty && <text x={size.width / 2} y={size.height / 2} textAnchor="middle" fontSize={14} fill={STATUS.muted}>No events yet: eventstore.append stream=account-1 type=Opened</text>}
      </svg>
      <StageMenu menu={k.menu} onClose={k.closeMenu} />
    </div>
  );
}

function ColumnTitle({ box, fs, text }: { box: Box; fs: number; text: readonly string[] }) {
  return <text x={box.x + 2} y={box.y + fs} fontSize={fs} fontWeight={800} fill={INK}>{fit(text, box.w, fs, true)}</text>;
}

interface NodeProps { focused: boolean; selected: boolean; onMenu: (x: number, y: number) => void }

function ClerkBox({ c, box, fs, lineH, town, colour, focused, selected, onMenu }: NodeProps & { c: EventStorePicture['clerks'][number]; box: Box; fs: number; lineH: number; town: boolean; colour: string }) {
  const label = `${town ? 'Clerk' : 'Clerk (command handler)'} ${c.id}${c.down ? ', down' : ''}: ${c.doing}${c.result ? `; last: ${c.result}` : ''}`;
  const bad = /WrongExpectedVersion|refused|failed/.test(c.result);
  return (
    <g className={`tb-node${focused ? ' is-focused' : ''}${selected ? ' is-selected' : ''}`} {...pointable({ kind: 'node', id: c.id }, `${label}. Enter to inspect, context menu key for actions.`, onMenu)}>
      <title>{label}</title>
      <rect className="tb-ring" x={box.x - 4} y={box.y - 4} width={box.w + 8} height={box.h + 8} rx={8} />
      <rect x={box.x} y={box.y} width={box.w} height={box.h} rx={town ? 10 : 4} fill={c.down ? '#e3e3e3' : '#ffffff'} stroke={INK} strokeWidth={c.doing !== 'idle' ? 2.4 : 1.2} />
      <rect x={box.x} y={box.y} width={6} height={box.h} rx={2} fill={c.down ? '#9a9a9a' : colour} />
      {town && <circle cx={box.x + 18} cy={box.y + lineH * 0.6} r={fs * 0.4} fill={colour} stroke={INK} />}
      <text x={box.x + (town ? 28 : 12)} y={box.y + lineH * 0.85} fontSize={fs} fontWeight={800} fill={INK}>
        {fit([`${c.id}${c.down ? ' · DOWN' : ''}${c.queued ? ` · +${c.queued} queued` : ''}`, `${c.id}${c.down ? ' DOWN' : ''}`], box.w - 34, fs, true)}
      </text>
      <text x={box.x + 12} y={box.y + lineH * 1.85} fontSize={fs - 1} fill={bad && c.doing === 'idle' ? '#a3360f' : INK}>
        {fit(c.doing === 'idle' && c.result ? [c.result, ...c.resultShort] : [c.doing, ...c.short], box.w - 18, fs - 1)}
      </text>
      {box.h > lineH * 2.6 && c.doing !== 'idle' && <text x={box.x + 12} y={box.y + lineH * 2.8} fontSize={fs - 1} fill={bad ? '#a3360f' : STATUS.muted} fontWeight={bad ? 700 : 400}>{fit([c.result || '—', ...c.resultShort], box.w - 18, fs - 1, bad)}</text>}
    </g>
  );
}

function StoreBox({ pic, l, town, focused, selected, onMenu }: NodeProps & { pic: EventStorePicture; l: EventStoreLayout; town: boolean }) {
  const b = l.store;
  const fs = l.fontSize;
  const down = pic.storeDown ? ' · DOWN' : '';
  const head = `${town ? "Town hall's ledger" : 'Event store'} · ${pic.total} events${down}`;
  const heads = [head, `${town ? 'Ledger' : 'Store'} · ${pic.total} events${down}`, `${pic.total} events${down}`];
  const shortFlags = [pic.lostUpdates ? `✕ ${pic.lostUpdates} lost` : '', pic.conflicts ? `${pic.conflicts} conflicts` : ''].filter(Boolean).join(' · ');
  const flags = [pic.snapshotEvery ? `snapshot every ${pic.snapshotEvery}` : '', pic.upcast ? '' : 'upcasting OFF', pic.lostUpdates ? `✕ ${pic.lostUpdates} lost update${pic.lostUpdates > 1 ? 's' : ''}` : '', pic.conflicts ? `${pic.conflicts} conflicts` : ''].filter(Boolean).join(' · ');
  const label = `${head}. ${pic.streams.map((s) => `${s.name} version ${s.version}, ${s.state}`).join('; ')}${flags ? `. ${flags}` : ''}`;
  return (
    <g className={`tb-node${focused ? ' is-focused' : ''}${selected ? ' is-selected' : ''}`} {...pointable({ kind: 'node', id: STORE_NODE }, `${label}. Enter to inspect, context menu key for actions.`, onMenu)}>
      <title>{label}</title>
      <rect className="tb-ring" x={b.x - 4} y={b.y - 4} width={b.w + 8} height={b.h + 8} rx={8} />
      <rect x={b.x} y={b.y} width={b.w} height={b.h} rx={4} fill={pic.storeDown ? '#e3e3e3' : town ? LEDGER : '#ffffff'} stroke={INK} strokeWidth={1.6} />
      <text x={b.x + 8} y={b.y + l.lineH * 0.85} fontSize={fs} fontWeight={800} fill={INK}>{fit(heads, b.w - 16, fs, true)}</text>
      {pic.streams.slice(-l.streamLines).map((s, i) => (
        <text key={s.name} x={b.x + 8} y={b.y + l.lineH * (i + 1.85)} fontSize={fs - 1} className="tb-mono" fill={INK}>
          {fit([`${s.name} v${s.version} · ${s.state}${s.snapshot !== null ? ` · snap@v${s.snapshot}` : ''}`, `${s.name} v${s.version} · ${s.state}`, `${s.name} v${s.version} · ${s.value}`, `${s.name} v${s.version}`], b.w - 16, fs - 1)}
        </text>
      ))}
      {flags && <text x={b.x + 8} y={b.y + b.h + l.lineH * 0.95} fontSize={fs - 1} fontWeight={700} fill={pic.lostUpdates ? '#a3360f' : INK}>{fit([flags, shortFlags, pic.lostUpdates ? '✕ lost update' : ''], b.w - 16, fs - 1, true)}</text>}
    </g>
  );
}

function LogRows({ pic, l, town }: { pic: EventStorePicture; l: EventStoreLayout; town: boolean }) {
  const rows = pic.log.slice(-l.logRows);
  const x = l.logCol.x;
  const w = l.logCol.w;
  const fs = l.fontSize - 1;
  const header = town ? ['line · account or book · entry', 'line · entry', 'ledger'] : ['@pos  stream  v  event', '@pos v event', '$all'];
  const marked = pic.projectors.length > 0;
  const hidden = pic.total - rows.length;
  const earlier = hidden <= 0 ? '' : firstFit([`${hidden} earlier`, `+${hidden}`], w / 3, fs);
  return (
    <g aria-hidden="true">
      <rect x={x} y={l.logTop - l.lineH * 1.1} width={w} height={(rows.length + 1.3) * l.lineH} fill={town ? LEDGER : '#ffffff'} stroke="#c9c9d1" />
      <text x={x + 8} y={l.logTop - l.lineH * 0.3} fontSize={fs} fontWeight={700} fill={STATUS.muted}>{fit(header, w - 24 - (earlier ? textWidth(earlier, fs) : 0), fs, true)}</text>
      {rows.map((r, i) => (
        <text key={r.pos} x={x + 8} y={l.logTop + l.lineH * (i + 0.75)} fontSize={fs} className={town ? undefined : 'tb-mono'} fill={INK}>
          {fit(town
            ? [`${r.pos + 1}. ${r.stream} — ${r.words}${r.v1 ? ' (old form)' : ''}`, `${r.pos + 1}. ${r.stream} — ${r.brief}`, `${r.pos + 1}. ${r.brief}`, `${r.pos + 1}. ${r.type}`]
            : [`@${r.pos} ${r.stream} v${r.version} ${r.words}${r.v1 ? ' ⇡v1' : ''}`, `@${r.pos} ${r.stream} v${r.version} ${r.brief}`, `@${r.pos} v${r.version} ${r.brief}`, `@${r.pos} ${r.type}`], w * (marked ? 1 - LABEL_SHARE : 1) - 16, fs)}
        </text>
      ))}
      {earlier && <text x={x + w - 8} y={l.logTop - l.lineH * 0.3} textAnchor="end" fontSize={fs} fill={STATUS.muted}>{earlier}</text>}
    </g>
  );
}

/** Each projector's checkpoint on the log (a bookmark in the town's ledger): one marker per position, naming every projector there. */
function Bookmarks({ pic, l, town }: { pic: EventStorePicture; l: EventStoreLayout; town: boolean }) {
  const at = new Map<number, { ids: string[]; index: number }>();
  pic.projectors.forEach((p, i) => { const g = at.get(p.checkpoint); if (g) g.ids.push(p.id); else at.set(p.checkpoint, { ids: [p.id], index: i }); });
  const fs = Math.max(11, l.fontSize - 2);
  const right = l.logCol.x + l.logCol.w;
  return (
    <g aria-hidden="true">
      {[...at].map(([pos, g]) => {
        const y = rowY(l, pic, pos);
        if (y === null) return null;
        const colour = nodeStyle(g.index + 4).colour;
        const words = [g.ids.join(', '), `${g.ids[0]!}${g.ids.length > 1 ? ` +${g.ids.length - 1}` : ''}`, g.ids[0]!];
        const w = Math.min(textW(words[0]!, fs) + 12, Math.max(l.logCol.w * LABEL_SHARE, textW(words[2]!, fs) + 12));
        return (
          <g key={pos}>
            <line x1={l.logCol.x + 2} x2={right} y1={y} y2={y} stroke={colour} strokeWidth={2.5} strokeDasharray={town ? undefined : '5 3'} />
            <rect x={right - w - 2} y={y - fs * 0.7} width={w} height={fs * 1.4} rx={3} fill={colour} stroke={INK} strokeWidth={1} />
            <text x={right - w / 2 - 2} y={y + fs * 0.36} textAnchor="middle" fontSize={fs} fontWeight={700} fill={inkOn(colour)}>{fit(words, w - 8, fs, true)}</text>
            <path d={`M${right},${y}L${right + 9},${y - 5}L${right + 9},${y + 5}Z`} fill={colour} stroke={INK} />
          </g>
        );
      })}
    </g>
  );
}

function ProjectorBox({ p, box, l, town, index, focused, selected, onMenu }: NodeProps & { p: ProjectorRow; box: Box; l: EventStoreLayout; town: boolean; index: number }) {
  const fs = l.fontSize;
  const colour = nodeStyle(index + 4).colour;
  const state = p.down ? ' · DOWN' : p.rebuilding ? ' · rebuilding' : '';
  const behind = p.lag ? `${p.lag} behind${p.lagMs ? ` (${p.lagMs} ms)` : ''}` : 'caught up';
  const label = `${town ? 'Summary board' : 'Projection'} ${p.id} (${p.kind})${state}: ${town ? 'bookmark at line' : 'checkpoint'} ${p.checkpoint}, ${behind}${p.bug ? ', running buggy code' : ''}${p.drift ? `, ${p.drift} rows differ from a replay` : ''}. ${p.rows.map(([k, v]) => `${k} ${v}`).join(', ')}`;
  const rows = p.rows.slice(0, l.tableRows);
  return (
    <g>
      <g className={`tb-node${focused ? ' is-focused' : ''}${selected ? ' is-selected' : ''}`} {...pointable({ kind: 'node', id: p.id }, `${label}. Enter to inspect, context menu key for actions.`, onMenu)}>
        <title>{label}</title>
        <rect className="tb-ring" x={box.x - 4} y={box.y - 4} width={box.w + 8} height={box.h + 8} rx={8} />
        <rect x={box.x} y={box.y} width={box.w} height={box.h} rx={4} fill={p.down ? '#e3e3e3' : town ? '#fdf7ea' : '#ffffff'} stroke={INK} strokeWidth={p.bug || p.drift ? 2.4 : 1.2} strokeDasharray={p.bug ? '6 3' : undefined} />
        <rect x={box.x} y={box.y} width={6} height={box.h} rx={2} fill={p.down ? '#9a9a9a' : colour} />
        <text x={box.x + 12} y={box.y + l.lineH * 0.85} fontSize={fs} fontWeight={800} fill={INK}>{fit([`${p.id}${state}${p.bug ? ' · BUG' : ''}`, `${p.id}${p.bug ? ' BUG' : ''}`, p.id], box.w - 18, fs, true)}</text>
        <text x={box.x + 12} y={box.y + l.lineH * 1.8} fontSize={fs - 1} fill={p.lag ? '#7a4a00' : STATUS.muted}>{fit([`${town ? 'read to line' : 'checkpoint'} ${p.checkpoint} · ${behind}`, `${town ? 'line' : '@'}${town ? ' ' : ''}${p.checkpoint} · ${p.lag ? `${p.lag} behind` : 'caught up'}`, `${town ? 'line ' : '@'}${p.checkpoint} · ${p.lag ? `-${p.lag}` : 'up to date'}`, `${town ? 'line ' : '@'}${p.checkpoint}`], box.w - 18, fs - 1)}</text>
        {rows.map(([key, v], i) => (
          <text key={key} x={box.x + 12} y={box.y + l.lineH * (i + 2.8)} fontSize={fs - 1} className="tb-mono" fill={INK}>{fit([`${key} ${v}`, `${key.replace(/^account-/, 'acct ')} ${v}`, `${v}`], box.w - 18, fs - 1)}</text>
        ))}
        {p.rows.length > rows.length && l.tableRows > 0 && <text x={box.x + box.w - 8} y={box.y + l.lineH * 1.8} textAnchor="end" fontSize={fs - 1} fill={STATUS.muted}>{`+${p.rows.length - rows.length} rows`}</text>}
      </g>
    </g>
  );
}
