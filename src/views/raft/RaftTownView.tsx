// The town picture of Raft: the council electing the town crier. Members' houses stand around the council
// hall; the crier (the leader) wears a hat and rings a bell, candidates canvass with placards, ballots fly
// between houses, and beside each house lies that member's copy of the town ledger. A burning house has
// crashed, an iced one is paused. Same store, same highlights and menus as the technical picture.
import { memo, useMemo } from 'react';
import type { StageViewProps } from '../stages.ts';
import type { Point } from '../shared/geometry.ts';
import { setAttr, useElementMap, useFrame } from '../shared/hooks.ts';
import { pointable } from '../shared/interaction.tsx';
import { markPath, nodeStyle, STATUS, type NodeStyle } from '../shared/palette.ts';
import { Building, Flames, Frost } from '../drawings/buildings.tsx';
import { Defs } from '../drawings/decor.tsx';
import { aroundSquare } from '../drawings/square.ts';
import { useCallbackCache } from '../kit/callbacks.ts';
import { CONSENSUS_STAGE, Crier, linksBetween, useConsensusMenus, type ConsensusFlight } from '../kit/consensus.tsx';
import { councilLayout, type CouncilGeometry } from '../kit/council-layout.ts';
import { FlightLayer, SMALL_RING } from '../kit/FlightLayer.tsx';
import { Links } from '../kit/Links.tsx';
import { StageMenu } from '../kit/menu.tsx';
import { useStagePicture } from '../kit/stage.ts';
import { Ledger } from './Ledger.tsx';
import { Placard, TownMessageIcon } from './town-drawings.tsx';
import { raftMessageLook } from './messages.ts';
import { parseEntryItem, raftPicture, type RowModel, type ServerModel } from './model.ts';
import { pieWedge, timerFraction } from './timer.ts';
import '../shared/views.css';
import './raft.css';

/** The two lines under a member's house, in the town's words; short ones when the ring is crowded. */
export function townLabels(s: ServerModel, paused: boolean, short: boolean): [string, string] {
  const role = s.role === 'leader' ? (short ? 'crier' : 'town crier') : s.role === 'candidate' ? 'candidate'
    : s.role === 'down' ? 'ON FIRE' : !s.inCluster ? (short ? 'outside' : 'off the council') : short ? 'member' : 'council member';
  const term = short ? `t${s.term}` : `term ${s.term}`;
  const what = paused ? 'PAUSED' : s.role === 'leader' ? (short ? 'leads' : 'rings the bell') : s.role === 'candidate' ? `${s.votes}/${s.needed} votes`
    : s.role === 'down' ? 'crashed' : s.votedFor ? `voted ${s.votedFor}` : 'no vote';
  return [short ? `${s.id} ${role}` : `${s.id} · ${role}`, `${term} · ${what}`];
}

export function RaftTownView({ className }: StageViewProps) {
  const k = useStagePicture('raft', raftPicture, CONSENSUS_STAGE);
  const { size, sim, focus } = k;
  const { flightMenu, onLinkMenu } = useConsensusMenus(k, 'Path');
  const clocks = useElementMap<string, SVGPathElement>();
  const clockRefFor = useCallbackCache((id) => (el: SVGPathElement | null) => { if (el) clocks.set(id, el); else clocks.delete(id); });

  const pic = k.picture;
  const status = new Map(sim.nodes().map((n, i) => [n.id, { n, i }]));
  const ids = pic?.servers.map((s) => s.id) ?? [];
  const idsKey = ids.join(',');
  // The layout depends only on the pane's size and the servers: worked out once, not on every event.
  // eslint-disable-next-line react-hooks/exhaustive-deps -- ids are keyed by idsKey
  const layout = useMemo(() => councilLayout(size, ids), [size.width, size.height, idsKey]);
  const { g } = layout;

  useFrame((now) => {
    for (const s of pic?.servers ?? []) {
      const el = clocks.get(s.id);
      if (el) setAttr(el, 'd', pieWedge(g.clock.r - 1.5, timerFraction(s.timerStart, s.timerDeadline, now)));
    }
  });
  if (!pic) return <div ref={k.wrap} className={`tb-view tb-town tb-raft ${className ?? ''}`} data-testid="raft-town" />;
  const pointed = [...focus.items].map(parseEntryItem).find((x) => x !== null) ?? null;
  const pointedTerm = pointed ? pic.rows.find((r) => r.id === pointed.server)?.cells[pointed.index - 1]?.term : undefined;
  const sel = k.selectedItem !== null ? parseEntryItem(k.selectedItem) : null;

  // Paths between houses swing around the hall rather than through it.
  const clear = layout.hall ? layout.hall * 0.75 : 0;
  const anchor = (id: string): Point => ({ x: layout.at[id]!.x, y: layout.at[id]!.y + g.s * 0.05 });
  const curve = (from: string, to: string) => {
    const a = anchor(from);
    const b = anchor(to);
    return { a, b, c: clear ? aroundSquare(a, b, layout.centre, clear) : { x: (a.x + b.x) / 2, y: (a.y + b.y) / 2 } };
  };
  const links = linksBetween(ids, sim, curve);
  const flights: ConsensusFlight[] = sim.inFlight().filter((f) => layout.at[f.from] && layout.at[f.to]).map((f, n) => {
    const look = raftMessageLook(f.msg);
    const lift = { x: 0, y: f.from < f.to ? -6 : 6 };
    const c = curve(f.from, f.to);
    return {
      msgId: f.msgId, key: `${f.msgId}:${n}`, from: f.from, to: f.to, sentAt: f.sentAt, arrivesAt: f.arrivesAt,
      a: c.a, b: c.b, c: { x: c.c.x + lift.x, y: c.c.y + lift.y }, tag: look.town, label: look.words, look, doomed: f.doomed,
    };
  });
  const crier = pic.leader;
  const fs = g.fontSize;
  const hallY = layout.centre.y + layout.hall * 0.08;

  return (
    <div ref={k.wrap} className={`tb-view tb-town tb-raft ${className ?? ''}`} data-testid="raft-town">
      <svg width={size.width} height={size.height} role="group"
        aria-label={`The council, town view: ${ids.length} members, ${crier ? `${crier} is the town crier` : 'no town crier'}, term ${pic.maxTerm}, ${flights.length} papers on the way`}>
        <Defs />
        <rect width={size.width} height={size.height} fill="#eef3e2" />
        <Links links={links} fontSize={fs} onMenu={onLinkMenu} faint="hidden" />
        {layout.hall > 0 && (
          <g transform={`translate(${layout.centre.x.toFixed(1)},${hallY.toFixed(1)})`} aria-hidden="true">
            <ellipse cy={layout.hall * 0.42} rx={layout.hall * 0.75} ry={layout.hall * 0.16} fill="url(#tb-cobbles)" stroke="#d6cdb8" />
            <g transform={`scale(${(layout.hall / 100).toFixed(3)})`}>
              <Building kind="hall" look={{ accent: '#9a7b4f', wall: '#f7f0e1', line: '#2b2b2e' }} />
            </g>
            <text y={layout.hall * 0.4 + fs + 4} textAnchor="middle" fontSize={fs} fontWeight={700} className="tb-halo">council hall</text>
            <text y={layout.hall * 0.4 + fs * 2 + 6} textAnchor="middle" fontSize={fs - 1} className="tb-halo">
              {crier ? `crier ${crier} · term ${pic.maxTerm}` : `no crier · term ${pic.maxTerm}`}
            </text>
          </g>
        )}
        {pic.servers.map((s, i) => {
          const info = status.get(s.id);
          const paused = info?.n.paused ?? false;
          const row = pic.rows[i]!;
          const [line1, line2] = townLabels(s, paused, g.short);
          const words = townLabels(s, paused, false).join(', ');
          return (
            <g key={s.id} transform={`translate(${layout.at[s.id]!.x.toFixed(1)},${layout.at[s.id]!.y.toFixed(1)})`}>
              <CouncilHouse s={s} g={g} style={nodeStyle(info?.i ?? 0)} paused={paused} line1={line1} line2={line2} words={words}
                focused={focus.nodes.has(s.id)} selected={k.isSelectedNode(s.id)}
                clockRef={clockRefFor(s.id)} onMenu={k.nodeMenu(s.id)} conflict={hasConflict(row)}
                span={{ left: -layout.at[s.id]!.x, right: size.width - layout.at[s.id]!.x }} />
              <Ledger server={s.id} cells={row.cells} book={g.book} lineH={g.lineH} fontSize={fs}
                pointed={pointed && pointedTerm !== undefined && row.cells[pointed.index - 1]?.term === pointedTerm ? pointed.index : -1}
                pointedHere={pointed?.server === s.id} selected={sel?.server === s.id ? sel.index : -1} burnt={s.role === 'down'} />
            </g>
          );
        })}
        <FlightLayer flights={flights} focus={focus} selectedMsg={k.selectedMsg} icon={TownMessageIcon} menu={flightMenu} ring={SMALL_RING} labelFrom={0.12}
          tags={{ fontSize: Math.max(11, fs - 1), all: flights.length <= 12 }} />
        {ids.length === 0 && (
          <text x={size.width / 2} y={size.height / 2} textAnchor="middle" fontSize={14} fill={STATUS.muted}>The council has no members yet: raft.start servers=5</text>
        )}
      </svg>
      <StageMenu menu={k.menu} onClose={k.closeMenu} />
    </div>
  );
}

const hasConflict = (r: RowModel) => r.cells.some((c) => c.conflict !== null) || r.missing.length > 0;

interface HouseProps {
  s: ServerModel;
  g: CouncilGeometry;
  style: NodeStyle;
  paused: boolean;
  line1: string;
  line2: string;
  /** The two lines in full words, for the aria-label (whatever the picture has room for). */
  words: string;
  focused: boolean;
  selected: boolean;
  conflict: boolean;
  clockRef: (el: SVGPathElement | null) => void;
  onMenu: (x: number, y: number) => void;
  /** The picture's left and right edges from the house's anchor: the placard stays between them. */
  span: { left: number; right: number };
}

const CouncilHouse = memo(function CouncilHouse({ s, g, style, paused, line1, line2, words, focused, selected, conflict, clockRef, onMenu, span }: HouseProps) {
  const down = s.role === 'down';
  const look = { accent: down ? '#8d8d8d' : style.colour, wall: down ? '#bdbdbd' : '#f7f0e1', line: '#2b2b2e' };
  const fs = g.fontSize;
  const label = `${words}, ledger of ${s.log.length} entries, ${s.commitIndex} committed${conflict ? ', its ledger contradicts what the town committed (safety violated)' : ''}`;
  return (
    <g className={`tb-node tb-building${focused ? ' is-focused' : ''}${selected ? ' is-selected' : ''}`} opacity={s.inCluster ? undefined : 0.6}
      {...pointable({ kind: 'node', id: s.id }, `${label}. Enter to inspect, context menu key for actions.`, onMenu)}>
      <title>{label}</title>
      <rect className="tb-ring" x={-g.s * 0.62} y={-g.s * 0.5} width={g.s * 1.24} height={g.s * 0.92 + fs * 2.6} rx={10} />
      <g transform={`scale(${(g.s / 100).toFixed(3)})`}>
        <g className={down ? 'is-burnt' : undefined}><Building kind="house" look={look} /></g>
        {down && <Flames />}
        {paused && !down && <Frost />}
      </g>
      {s.role === 'leader' && <g transform={`translate(${(-g.s * 0.52).toFixed(1)},${(g.s * 0.4).toFixed(1)})`}><Crier size={g.s * 0.25} /></g>}
      {s.role === 'candidate' && (
        <g transform={`translate(${(-g.s * 0.55).toFixed(1)},${(g.s * 0.4).toFixed(1)})`}>
          <Placard id={s.id} votes={s.votes} needed={s.needed} fs={Math.max(12, fs * 0.85)} left={span.left + g.s * 0.55 + 2} right={span.right + g.s * 0.55 - 2} />
        </g>
      )}
      {/* the patience clock: how long this member waits for the crier before standing for election */}
      {!down && s.role !== 'leader' && (
        <g transform={`translate(${g.clock.x.toFixed(1)},${g.clock.y.toFixed(1)})`} aria-hidden="true">
          <circle r={g.clock.r} fill="#ffffff" stroke="#1d1d1f" strokeWidth={1.3} />
          <path ref={clockRef} d="" fill="#CC79A7" opacity={0.85} />
        </g>
      )}
      {g.short && (
        <path d={markPath(style.mark, fs * 0.4)} transform={`translate(${(g.s * 0.2).toFixed(1)},${(g.s * 0.3).toFixed(1)})`} fill={style.colour} stroke="#1d1d1f" strokeWidth={1} aria-hidden="true" />
      )}
      <g transform={`translate(${g.labelX.toFixed(1)},${g.line1.toFixed(1)})`}>
        {!g.short && (
          <path d={markPath(style.mark, fs * 0.38)} transform={`translate(${(-line1.length * fs * 0.31 - fs * 0.6).toFixed(1)},${(-fs * 0.33).toFixed(1)})`}
            fill={style.colour} stroke="#1d1d1f" strokeWidth={1} />
        )}
        <text textAnchor="middle" fontSize={fs} fontWeight={700} className={`tb-halo${down ? ' tb-status-fire' : ''}`}>{line1}</text>
      </g>
      <text x={g.labelX} y={g.line2} textAnchor="middle" fontSize={fs - 1} className={`tb-halo${paused ? ' tb-status-ice' : ''}`}>{line2}</text>
      {conflict && <text x={g.s * 0.36} y={-g.s * 0.3} fontSize={fs + 2} fontWeight={900} className="tb-halo tb-status-fire" aria-hidden="true">!</text>}
    </g>
  );
}, (a, b) => a.g.s === b.g.s && a.g.fontSize === b.g.fontSize && a.paused === b.paused && a.line1 === b.line1 && a.line2 === b.line2 && a.words === b.words
  && a.focused === b.focused && a.selected === b.selected && a.conflict === b.conflict && a.style.colour === b.style.colour
  && a.clockRef === b.clockRef && a.onMenu === b.onMenu && a.span.left === b.span.left && a.span.right === b.span.right && a.s.role === b.s.role && a.s.inCluster === b.s.inCluster && a.s.log.length === b.s.log.length && a.s.commitIndex === b.s.commitIndex);
