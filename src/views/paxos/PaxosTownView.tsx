// The town picture of single-decree Paxos: the council settling one decree. A member who proposes holds
// up a numbered motion; every member keeps a slate of what it promised ("nothing below #10") and what
// it agreed to; when a majority agree to one motion, the decree is cut into the hall's stone. Two members
// who keep out-numbering each other's motions argue forever: the stone stays blank and the count grows.
import { memo, useMemo } from 'react';
import { textWidth } from '../shared/measure.ts';
import type { PaxosAgentView } from '../../engine/paxos/index.ts';
import type { StageViewProps } from '../stages.ts';
import type { Point } from '../shared/geometry.ts';
import { pointable } from '../shared/interaction.tsx';
import { markPath, nodeStyle, STATUS, type NodeStyle } from '../shared/palette.ts';
import { Building, Flames, Frost } from '../drawings/buildings.tsx';
import { Defs } from '../drawings/decor.tsx';
import { aroundSquare } from '../drawings/square.ts';
import { CONSENSUS_STAGE, Crier, linksBetween, shiftInto, useConsensusMenus, type ConsensusFlight } from '../kit/consensus.tsx';
import { councilLayout, type CouncilGeometry } from '../kit/council-layout.ts';
import { FlightLayer, SMALL_RING } from '../kit/FlightLayer.tsx';
import { Links } from '../kit/Links.tsx';
import { StageMenu } from '../kit/menu.tsx';
import { useStagePicture } from '../kit/stage.ts';
import { PaxosMessageIcon } from './glyphs.tsx';
import { describeAgent, NO_PAXOS, paxosMessageLook, paxosPicture } from './model.ts';
import '../shared/views.css';
import './paxos.css';

/** The slate by a member's house: what it promised (≥ #n: no motion below n), what it agreed to (✓ #n:v),
 *  what it heard was decided (★ v). The house's words say the same in full. */
export function slateLines(a: PaxosAgentView): string[] {
  return [a.promised ? `≥ #${a.promised}` : '≥ —', a.accepted ? `✓ #${a.accepted.n}:${a.accepted.value}` : '✓ —', a.learned ? `★ ${a.learned}` : '★ —'];
}

export function PaxosTownView({ className }: StageViewProps) {
  const k = useStagePicture('paxos', paxosPicture, CONSENSUS_STAGE);
  const { size, sim, focus } = k;
  const { flightMenu, onLinkMenu } = useConsensusMenus(k, 'Path');

  const pic = k.picture ?? NO_PAXOS;
  const status = new Map(sim.nodes().map((n, i) => [n.id, { n, i }]));
  const ids = pic.agents.map((a) => a.id);
  const idsKey = ids.join(',');
  // The layout depends only on the pane's size and the servers: worked out once, not on every event.
  // eslint-disable-next-line react-hooks/exhaustive-deps -- ids are keyed by idsKey
  const layout = useMemo(() => councilLayout(size, ids), [size.width, size.height, idsKey]);
  const { g } = layout;
  const clear = layout.hall ? layout.hall * 0.75 : 0;
  const curve = (from: string, to: string) => {
    const a: Point = { x: layout.at[from]!.x, y: layout.at[from]!.y + g.s * 0.05 };
    const b: Point = { x: layout.at[to]!.x, y: layout.at[to]!.y + g.s * 0.05 };
    return { a, b, c: clear ? aroundSquare(a, b, layout.centre, clear) : { x: (a.x + b.x) / 2, y: (a.y + b.y) / 2 } };
  };
  const links = linksBetween(ids, sim, curve);
  const flights: ConsensusFlight[] = sim.inFlight().filter((f) => f.from !== f.to && layout.at[f.from] && layout.at[f.to]).map((f, n) => {
    const look = paxosMessageLook(f.msg);
    const c = curve(f.from, f.to);
    return { msgId: f.msgId, key: `${f.msgId}:${n}`, from: f.from, to: f.to, sentAt: f.sentAt, arrivesAt: f.arrivesAt, ...c, tag: look.town, label: look.words, look, doomed: f.doomed };
  });
  const fs = g.fontSize;
  const decree = pic.chosen.length > 1 ? `TWO DECREES: ${pic.chosen.join(' / ')}` : pic.chosen.length ? `DECREE: ${pic.chosen[0]}` : 'no decree yet';
  const hallY = layout.centre.y + layout.hall * 0.08;
  return (
    <div ref={k.wrap} className={`tb-view tb-town tb-paxos ${className ?? ''}`} data-testid="paxos-town">
      <svg width={size.width} height={size.height} role="group"
        aria-label={`The council settling one decree, town view: ${ids.length} members, ${pic.chosen.length ? decree : 'no decree yet'}, ${pic.rounds} motions so far${pic.duel ? ', two members are arguing (duelling proposers)' : ''}`}>
        <Defs />
        <rect width={size.width} height={size.height} fill="#eef3e2" />
        <Links links={links} fontSize={fs} onMenu={onLinkMenu} faint="hidden" />
        {layout.hall > 0 && (
          <g transform={`translate(${layout.centre.x.toFixed(1)},${hallY.toFixed(1)})`} role="img" aria-label={`the hall's stone: ${decree}`}>
            <ellipse cy={layout.hall * 0.42} rx={layout.hall * 0.75} ry={layout.hall * 0.16} fill="url(#tb-cobbles)" stroke="#d6cdb8" />
            <g transform={`scale(${(layout.hall / 100).toFixed(3)})`}><Building kind="hall" look={{ accent: '#9a7b4f', wall: '#f7f0e1', line: '#2b2b2e' }} /></g>
            <rect x={-Math.max(layout.hall * 0.55, decree.length * fs * 0.34)} y={layout.hall * 0.42 + 2} width={Math.max(layout.hall * 1.1, decree.length * fs * 0.68)} height={fs + 8} rx={3}
              fill={pic.chosen.length ? '#cfcfcf' : '#e8e8e8'} stroke="#6b6b70" strokeWidth={1.5} />
            <text y={layout.hall * 0.42 + fs + 4} textAnchor="middle" fontSize={fs} fontWeight={800} fill={pic.chosen.length > 1 ? '#a83a00' : STATUS.ink}>{decree}</text>
            <text y={layout.hall * 0.42 + fs * 2 + 10} textAnchor="middle" fontSize={fs - 1} className={pic.duel ? 'tb-halo tb-status-fire' : 'tb-halo'}>
              {pic.duel ? `${pic.active.join(' and ')} keep arguing · ${pic.rounds} motions` : `${pic.rounds} motion${pic.rounds === 1 ? '' : 's'} · majority ${pic.majority}`}
            </text>
          </g>
        )}
        {pic.agents.map((a) => {
          const info = status.get(a.id);
          return (
            <g key={a.id} transform={`translate(${layout.at[a.id]!.x.toFixed(1)},${layout.at[a.id]!.y.toFixed(1)})`}>
              <MemberHouse a={a} g={g} style={nodeStyle(info?.i ?? 0)} paused={info?.n.paused ?? false} majority={pic.majority}
                span={{ left: -layout.at[a.id]!.x, right: size.width - layout.at[a.id]!.x }}
                chair={pic.leader === a.id} focused={focus.nodes.has(a.id)} selected={k.isSelectedNode(a.id)} onMenu={k.nodeMenu(a.id)} />
            </g>
          );
        })}
        <FlightLayer flights={flights} focus={focus} selectedMsg={k.selectedMsg} icon={PaxosMessageIcon} menu={flightMenu} ring={SMALL_RING} labelFrom={0.12}
          tags={{ fontSize: Math.max(11, fs - 1), all: flights.length <= 10 }} />
        {ids.length === 0 && <text x={size.width / 2} y={size.height / 2} textAnchor="middle" fontSize={14} fill={STATUS.muted}>The council has no members yet: paxos.start servers=5</text>}
      </svg>
      <StageMenu menu={k.menu} onClose={k.closeMenu} />
    </div>
  );
}

interface HouseProps {
  a: PaxosAgentView;
  g: CouncilGeometry;
  style: NodeStyle;
  paused: boolean;
  majority: number;
  chair: boolean;
  focused: boolean;
  selected: boolean;
  onMenu: (x: number, y: number) => void;
  /** The picture's left and right edges from the house's anchor: placard and slate stay between them. */
  span: { left: number; right: number };
}

const MemberHouse = memo(function MemberHouse({ a, g, style, paused, majority, chair, focused, selected, onMenu, span }: HouseProps) {
  const fs = g.fontSize;
  const look = { accent: a.down ? '#8d8d8d' : style.colour, wall: a.down ? '#bdbdbd' : '#f7f0e1', line: '#2b2b2e' };
  const p = a.proposer;
  const motion = p.phase === 'prepare' || p.phase === 'accept' || p.phase === 'backoff';
  const line1 = `${a.id}${chair ? ' · chair' : ''}${a.down ? ' · ON FIRE' : ''}`;
  const line2 = paused ? 'PAUSED · frozen' : motion ? `motion #${p.n}${(p.value ?? p.want) ? `: ${p.value ?? p.want}` : ''}` : p.phase === 'done' ? 'motion carried' : 'listening';
  const { book } = g;
  // The slate's words at 11 px at least: the slate grows (right and down) to hold them.
  const slateFs = Math.max(11, Math.min(fs - 1, (book.h / 3.4) * 0.8));
  const lineH = Math.max(book.h / 3.4, slateFs / 0.8);
  const slateW = Math.max(book.w, ...slateLines(a).map((l) => textWidth(l, slateFs, { mono: true }) + 6));
  const slateH = Math.max(book.h, lineH * 3.4);
  const placardWords = p.phase === 'accept' ? `${p.accepts}/${majority} agree` : `${p.promises}/${majority} promise`;
  const placardW = Math.max(fs * 4.8, textWidth(placardWords, Math.max(11, fs * 0.75)) + 8);
  // A member at the town's edge holds its placard inward; a slate grown past the right edge hangs on the
  // house's other side (else moves in as far as it must).
  const placardX = shiftInto(placardW, span.left + g.s * 0.55 + 2, span.right + g.s * 0.55 - 2);
  const over = book.x + slateW + 2 - (span.right - 3);
  const mirrored = -book.x - slateW;
  const slateX = over <= 0 ? book.x : mirrored - 2 >= span.left + 3 ? mirrored : book.x - over;
  return (
    <g className={`tb-node tb-building${focused ? ' is-focused' : ''}${selected ? ' is-selected' : ''}`}
      {...pointable({ kind: 'node', id: a.id }, `${describeAgent(a, majority, paused)}. Enter to inspect, context menu key for actions.`, onMenu)}>
      <title>{describeAgent(a, majority, paused)}</title>
      <rect className="tb-ring" x={-g.s * 0.62} y={-g.s * 0.5} width={g.s * 1.24} height={g.s * 0.92 + fs * 2.6} rx={10} />
      <g transform={`scale(${(g.s / 100).toFixed(3)})`}>
        <g className={a.down ? 'is-burnt' : undefined}><Building kind="house" look={look} /></g>
        {a.down && <Flames />}
        {paused && !a.down && <Frost />}
      </g>
      {chair && <g transform={`translate(${(-g.s * 0.52).toFixed(1)},${(g.s * 0.4).toFixed(1)})`}><Crier size={g.s * 0.25} /></g>}
      {motion && !chair && (
        <g transform={`translate(${(-g.s * 0.55).toFixed(1)},${(g.s * 0.4).toFixed(1)})`} aria-hidden="true">
          <line x1={0} y1={0} x2={0} y2={-fs} stroke="#8a5a3b" strokeWidth={2.5} />
          <rect x={placardX - placardW / 2} y={-fs * 3.2} width={placardW} height={fs * 2.2} rx={2} fill="#fff8e6" stroke="#1d1d1f" strokeWidth={1.3} />
          <text x={placardX} y={-fs * 2.2} textAnchor="middle" fontSize={Math.max(12, fs * 0.85)} fontWeight={800}>#{p.n}</text>
          <text x={placardX} y={-fs * 1.3} textAnchor="middle" fontSize={Math.max(11, fs * 0.75)}>{placardWords}</text>
        </g>
      )}
      {/* the slate: promise, agreement, what was heard */}
      <g transform={`translate(${slateX.toFixed(1)},${book.y.toFixed(1)})`} aria-hidden="true">
        <rect x={-2} y={-2} width={slateW + 4} height={slateH + 4} rx={3} fill="#8a5a3b" stroke="#1d1d1f" />
        <rect x={1} y={1} width={slateW - 2} height={slateH - 2} rx={2} fill={a.down ? '#6b6b70' : '#2f3b35'} />
        {slateLines(a).map((l, k) => {
          return <text key={k} x={4} y={lineH * (k + 0.78) + 1} fontSize={slateFs} fill="#f4f4ee" className="tb-mono">{l}</text>;
        })}
      </g>
      {g.short && (
        <path d={markPath(style.mark, fs * 0.4)} transform={`translate(${(g.s * 0.2).toFixed(1)},${(g.s * 0.3).toFixed(1)})`} fill={style.colour} stroke="#1d1d1f" strokeWidth={1} aria-hidden="true" />
      )}
      <g transform={`translate(${g.labelX.toFixed(1)},${g.line1.toFixed(1)})`}>
        {!g.short && (
          <path d={markPath(style.mark, fs * 0.38)} transform={`translate(${(-line1.length * fs * 0.31 - fs * 0.6).toFixed(1)},${(-fs * 0.33).toFixed(1)})`}
            fill={style.colour} stroke="#1d1d1f" strokeWidth={1} />
        )}
        <text textAnchor="middle" fontSize={fs} fontWeight={700} className={`tb-halo${a.down ? ' tb-status-fire' : ''}`}>{line1}</text>
      </g>
      <text x={g.labelX} y={g.line2} textAnchor="middle" fontSize={fs - 1} className={`tb-halo${paused ? ' tb-status-ice' : ''}`}>{line2}</text>
    </g>
  );
}, (a, b) => a.g.s === b.g.s && a.g.fontSize === b.g.fontSize && a.paused === b.paused && a.majority === b.majority && a.chair === b.chair
  && a.focused === b.focused && a.selected === b.selected && a.style.colour === b.style.colour && a.onMenu === b.onMenu
  && a.span.left === b.span.left && a.span.right === b.span.right && JSON.stringify(a.a) === JSON.stringify(b.a));
