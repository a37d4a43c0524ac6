// The technical picture of single-decree Paxos: one card per server with its three roles (proposer's
// phase, number and tally; acceptor's promise and accepted proposal; learner's value), the messages of
// both phases in flight (droppable), the links (cut and heal), and in the middle the decree: the chosen
// value, or the rounds piling up while proposers duel.
import { memo, useMemo } from 'react';
import { firstFit } from '../shared/measure.ts';
import type { PaxosAgentView } from '../../engine/paxos/index.ts';
import type { StageViewProps } from '../stages.ts';
import { boxExit, curveControl, type Point } from '../shared/geometry.ts';
import { pointable } from '../shared/interaction.tsx';
import { markPath, nodeStyle, OKABE_ITO, STATUS, type NodeStyle } from '../shared/palette.ts';
import { CONSENSUS_STAGE, linksBetween, straight, useConsensusMenus, type ConsensusFlight } from '../kit/consensus.tsx';
import { FlightLayer, SMALL_RING } from '../kit/FlightLayer.tsx';
import { Links } from '../kit/Links.tsx';
import { StageMenu } from '../kit/menu.tsx';
import { useStagePicture } from '../kit/stage.ts';
import { PaxosMessageIcon } from './glyphs.tsx';
import { acceptedWords, describeAgent, NO_PAXOS, paxosMessageLook, paxosPicture, promiseWords, proposerWords, type PaxosPicture } from './model.ts';
import { paxosLayout, type PaxosLayout } from './layout.ts';
import '../shared/views.css';
import './paxos.css';

export function PaxosTechView({ className }: StageViewProps) {
  const k = useStagePicture('paxos', paxosPicture, CONSENSUS_STAGE);
  const { size, sim, focus } = k;
  const { flightMenu, onLinkMenu } = useConsensusMenus(k, 'Link');

  const pic = k.picture ?? NO_PAXOS;
  const status = new Map(sim.nodes().map((n, i) => [n.id, { n, i }]));
  const ids = pic.agents.map((a) => a.id);
  const idsKey = ids.join(',');
  // The layout depends only on the pane's size and the servers: worked out once, not on every event.
  // eslint-disable-next-line react-hooks/exhaustive-deps -- ids are keyed by idsKey
  const layout = useMemo(() => paxosLayout(size, ids), [size.width, size.height, idsKey]);
  const half = { w: layout.card.w / 2 + 3, h: layout.card.h / 2 + 3 };
  const edge = (id: string, toward: string): Point => boxExit(layout.at[id]!, half.w, half.h, layout.at[toward]!);
  const links = linksBetween(ids, sim, (x, y) => straight(edge(x, y), edge(y, x)));
  // A proposer sends to itself too (it is one of the acceptors); those messages are not drawn.
  const flights: ConsensusFlight[] = sim.inFlight().filter((f) => f.from !== f.to && layout.at[f.from] && layout.at[f.to]).map((f, n) => {
    const look = paxosMessageLook(f.msg);
    const a = edge(f.from, f.to);
    const b = edge(f.to, f.from);
    return { msgId: f.msgId, key: `${f.msgId}:${n}`, from: f.from, to: f.to, sentAt: f.sentAt, arrivesAt: f.arrivesAt, a, b, c: curveControl(a, b, 0.07), tag: look.label, label: look.words, look, doomed: f.doomed };
  });
  const fs = layout.fontSize;
  return (
    <div ref={k.wrap} className={`tb-view tb-tech tb-paxos ${className ?? ''}`} data-testid="paxos-tech">
      <svg width={size.width} height={size.height} role="group"
        aria-label={`Paxos, technical view: ${ids.length} servers, ${pic.chosen.length ? `chosen ${pic.chosen.join(', ')}` : 'nothing chosen yet'}, ${pic.rounds} rounds, ${flights.length} messages in flight`}>
        <rect width={size.width} height={size.height} fill="#f7f7f9" />
        <Links links={links} fontSize={fs} onMenu={onLinkMenu} faint={ids.length > 5} />
        <DecreePanel pic={pic} layout={layout} />
        {pic.agents.map((a) => {
          const info = status.get(a.id);
          const paused = info?.n.paused ?? false;
          return (
            <AgentCard key={a.id} a={a} at={layout.at[a.id]!} layout={layout} majority={pic.majority} style={nodeStyle(info?.i ?? 0)} paused={paused}
              distinguished={pic.leader === a.id} focused={focus.nodes.has(a.id)} selected={k.isSelectedNode(a.id)} onMenu={k.nodeMenu(a.id)} />
          );
        })}
        <FlightLayer flights={flights} focus={focus} selectedMsg={k.selectedMsg} icon={PaxosMessageIcon} menu={flightMenu} ring={SMALL_RING} labelFrom={0.12}
          tags={{ fontSize: Math.max(11, fs - 1), all: flights.length <= 10 }} />
        {ids.length === 0 && <text x={size.width / 2} y={size.height / 2} textAnchor="middle" fontSize={14} fill={STATUS.muted}>No Paxos servers yet: paxos.start servers=5</text>}
      </svg>
      <StageMenu menu={k.menu} onClose={k.closeMenu} />
    </div>
  );
}

/** The decree in the middle: what was chosen, or how many rounds have gone by without a choice. */
export function decreeLines(pic: PaxosPicture): { text: string; strong?: boolean; warn?: boolean }[] {
  const lines: { text: string; strong?: boolean; warn?: boolean }[] = [];
  if (pic.chosen.length > 1) lines.push({ text: `✕ TWO VALUES CHOSEN: ${pic.chosen.join(' and ')}`, strong: true, warn: true });
  else lines.push({ text: pic.chosen.length ? `★ chosen: ${pic.chosen[0]}` : 'nothing chosen yet', strong: true });
  const rounds = `${pic.rounds} round${pic.rounds === 1 ? '' : 's'}`;
  // The most telling line second: the panel may only have room for two.
  if (pic.duel) lines.push({ text: `DUEL: ${pic.active.join(' vs ')} · ${rounds}`, warn: true }, { text: 'each pre-empts the other' , warn: true });
  else lines.push({ text: `${rounds}${pic.active.length ? ` · proposing: ${pic.active.join(', ')}` : ''}` });
  lines.push({ text: `majority ${pic.majority} of ${pic.agents.length}` });
  if (pic.leader) lines.push({ text: `distinguished proposer: ${pic.leader}` });
  return lines;
}

function DecreePanel({ pic, layout }: { pic: PaxosPicture; layout: PaxosLayout }) {
  const lines = decreeLines(pic).slice(0, layout.panelLines);
  if (!lines.length) return null;
  const { panel, lineH, fontSize: fs } = layout;
  const warn = lines.some((l) => l.warn);
  return (
    <g role="img" aria-label={decreeLines(pic).map((l) => l.text).join('. ')}>
      <rect x={panel.x} y={panel.y} width={panel.w} height={lines.length * lineH + 10} rx={6} fill="#ffffff" stroke={warn ? STATUS.crashed : '#c9c9d1'} strokeWidth={warn ? 2 : 1} />
      {lines.map((l, k) => (
        <text key={k} x={panel.x + panel.w / 2} y={panel.y + 5 + lineH * (k + 0.78)} textAnchor="middle" fontSize={l.strong ? fs + 1 : fs - 1}
          fontWeight={l.strong || l.warn ? 800 : 500} className={l.warn ? 'tb-status-fire' : undefined} fill={STATUS.ink}>
          {firstFit([l.text], panel.w - 8, l.strong ? fs + 1 : fs - 1, { bold: l.strong || l.warn })}
        </text>
      ))}
    </g>
  );
}

interface CardProps {
  a: PaxosAgentView;
  at: Point;
  layout: PaxosLayout;
  majority: number;
  style: NodeStyle;
  paused: boolean;
  distinguished: boolean;
  focused: boolean;
  selected: boolean;
  onMenu: (x: number, y: number) => void;
}

const AgentCard = memo(function AgentCard({ a, at, layout, majority, style, paused, distinguished, focused, selected, onMenu }: CardProps) {
  const { w, h } = layout.card;
  const fs = layout.fontSize;
  const lh = layout.lineH;
  const active = a.proposer.phase === 'prepare' || a.proposer.phase === 'accept' || a.proposer.phase === 'backoff';
  const label = describeAgent(a, majority, paused);
  const fit = (s: string) => firstFit([s], w - 14, fs - 1, { mono: true });
  return (
    <g transform={`translate(${(at.x - w / 2).toFixed(1)},${(at.y - h / 2).toFixed(1)})`}
      className={`tb-node${focused ? ' is-focused' : ''}${selected ? ' is-selected' : ''}`}
      {...pointable({ kind: 'node', id: a.id }, `${label}. Enter to inspect, context menu key for actions.`, onMenu)}>
      <title>{label}</title>
      <rect className="tb-ring" x={-5} y={-5} width={w + 10} height={h + 10} rx={8} />
      <rect width={w} height={h} rx={5} fill={a.down ? '#e3e3e3' : '#ffffff'} stroke={STATUS.ink} strokeWidth={active ? 2.5 : 1.3}
        strokeDasharray={paused ? '5 3' : undefined} />
      {paused && <rect width={w} height={h} rx={5} fill="#56B4E9" opacity={0.2} />}
      <rect width={6} height={h} rx={2} fill={a.down ? '#9a9a9a' : style.colour} />
      <path d={markPath(style.mark, fs * 0.42)} transform={`translate(16,${lh * 0.72})`} fill={style.colour} stroke={STATUS.ink} strokeWidth={1} />
      <text x={27} y={lh * 0.72 + fs * 0.36} fontSize={fs} fontWeight={800} fill={STATUS.ink}>
        {a.id}{distinguished ? ' ♛' : ''}
        <tspan fontWeight={700} className={a.down ? 'tb-status-fire' : paused ? 'tb-status-ice' : undefined}>
          {a.down ? ' · DOWN' : paused ? ' · PAUSED' : a.learned ? ` · ★ ${a.learned}` : ''}
        </tspan>
      </text>
      {active && <rect x={w - 14} y={5} width={9} height={9} fill={OKABE_ITO.orange} stroke={STATUS.ink} aria-hidden="true" />}
      {[`P ${proposerWords(a, majority)}`, `A ${promiseWords(a)}`, `  ${acceptedWords(a)}`].map((line, k) => (
        <text key={k} x={12} y={lh * (k + 1.75) + 2} fontSize={fs - 1} className="tb-mono" fill={STATUS.ink} xmlSpace="preserve"
          fontWeight={k === 0 && active ? 700 : 400}>{fit(line)}</text>
      ))}
    </g>
  );
}, (a, b) => a.at.x === b.at.x && a.at.y === b.at.y && a.layout.card.w === b.layout.card.w && a.layout.fontSize === b.layout.fontSize
  && a.majority === b.majority && a.style.colour === b.style.colour && a.paused === b.paused && a.distinguished === b.distinguished
  && a.focused === b.focused && a.selected === b.selected && a.onMenu === b.onMenu && JSON.stringify(a.a) === JSON.stringify(b.a));

