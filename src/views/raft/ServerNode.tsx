// One Raft server on the ring: a circle coloured and badged by role (crown for the leader, a ballot box
// for a candidate, a cross for a crashed server, a snowflake when paused) with its term inside, the
// election timer as an arc around it (drained by the frame loop, not by React), and two lines of words.
import { memo } from 'react';
import type { Point } from '../shared/geometry.ts';
import { inkOn, markPath, OKABE_ITO, STATUS, type NodeStyle } from '../shared/palette.ts';
import { pointable } from '../shared/interaction.tsx';
import { BallotBox, Crown, Snowflake, WarningBadge } from './glyphs.tsx';
import { roleWord, serverLine2, serverVoteWords, type ServerModel } from './model.ts';
import { minorFont, termFont, type ServerGeometry } from './tech-layout.ts';

export const ROLE_FILL = {
  leader: OKABE_ITO.bluishGreen,
  candidate: OKABE_ITO.orange,
  follower: '#ffffff',
  down: '#bdbdbd',
} as const;

/** The role word's ink: dark enough to read on the view's light background. */
export const ROLE_INK = { leader: '#006b4e', candidate: '#8a5a00', follower: STATUS.ink, down: '#a83a00' } as const;

export interface ServerNodeProps {
  s: ServerModel;
  at: Point;
  g: ServerGeometry;
  style: NodeStyle;
  paused: boolean;
  focused: boolean;
  selected: boolean;
  violation: boolean;
  label: string;
  timerRef: (el: SVGCircleElement | null) => void;
  onMenu: (x: number, y: number) => void;
}

export const ServerNode = memo(function ServerNode({ s, at, g, style, paused, focused, selected, violation, label, timerRef, onMenu }: ServerNodeProps) {
  const fill = ROLE_FILL[s.role];
  const { r, timerR } = g;
  const down = s.role === 'down';
  return (
    <g transform={`translate(${at.x.toFixed(1)},${at.y.toFixed(1)})`} data-server={s.id}
      className={`tb-node tb-raft-server${focused ? ' is-focused' : ''}${selected ? ' is-selected' : ''}`} opacity={s.inCluster ? undefined : 0.55}
      {...pointable({ kind: 'node', id: s.id }, `${label}. Enter to inspect, context menu key for actions.`, onMenu)}>
      <title>{label}</title>
      <circle className="tb-ring" r={timerR + 5} />
      {s.role !== 'leader' && !down && <circle r={timerR} fill="none" stroke="#dedee4" strokeWidth={3} />}
      {s.role !== 'leader' && !down && (
        <circle ref={timerRef} r={timerR} fill="none" stroke={STATUS.ink} strokeWidth={3} pathLength={1} transform="rotate(-90)"
          strokeDasharray="0 1" strokeLinecap="butt" data-timer={s.id} />
      )}
      {s.role === 'leader' && <circle r={timerR} fill="none" stroke={OKABE_ITO.bluishGreen} strokeWidth={3} />}
      <circle r={r} fill={down ? 'url(#tb-raft-down)' : fill} stroke={STATUS.ink} strokeWidth={s.role === 'leader' ? 2.5 : 1.5}
        strokeDasharray={s.role === 'candidate' ? '4 2.5' : undefined} />
      {paused && <circle r={r} fill="#56B4E9" opacity={0.35} />}
      <text y={termFont(r) * 0.38} textAnchor="middle" fontSize={termFont(r)} fontWeight={800} fill={down ? STATUS.ink : inkOn(fill)}>{s.term}</text>
      {/* the role's badge, at the top left of the circle */}
      <g transform={`translate(${(-r * 0.82).toFixed(1)},${(-r * 0.82).toFixed(1)})`} aria-hidden="true">
        {s.role === 'leader' && <Crown size={r * 0.95} />}
        {s.role === 'candidate' && <BallotBox size={r * 0.9} />}
        {down && <path d={`M${-r * 0.35},${-r * 0.35}L${r * 0.35},${r * 0.35}M${-r * 0.35},${r * 0.35}L${r * 0.35},${-r * 0.35}`} stroke={STATUS.crashed} strokeWidth={3} strokeLinecap="round" />}
      </g>
      {paused && <g transform={`translate(${(r * 0.85).toFixed(1)},${(-r * 0.85).toFixed(1)})`} aria-hidden="true"><Snowflake size={r * 0.8} /></g>}
      {violation && <g transform={`translate(${(r * 1.05).toFixed(1)},${(r * 0.1).toFixed(1)})`} aria-hidden="true"><WarningBadge size={r * 0.8} /></g>}
      {/* crowded rings have no room for the node's mark beside its name: it sits on the circle */}
      {g.compact && (
        <path d={markPath(style.mark, r * 0.36)} transform={`translate(${(-r * 0.78).toFixed(1)},${(r * 0.78).toFixed(1)})`} fill={style.colour} stroke={STATUS.ink} strokeWidth={1} aria-hidden="true" />
      )}
      <ServerLabels s={s} g={g} style={style} paused={paused} />
    </g>
  );
}, (a, b) => a.at.x === b.at.x && a.at.y === b.at.y && a.g.r === b.g.r && a.g.fontSize === b.g.fontSize && a.g.compact === b.g.compact && a.paused === b.paused && a.focused === b.focused
  && a.selected === b.selected && a.violation === b.violation && a.label === b.label && a.style.colour === b.style.colour && a.style.mark === b.style.mark
  && a.onMenu === b.onMenu && a.timerRef === b.timerRef && sameServer(a.s, b.s));

function sameServer(a: ServerModel, b: ServerModel): boolean {
  return a.id === b.id && a.role === b.role && a.term === b.term && a.votedFor === b.votedFor && a.votes === b.votes
    && a.needed === b.needed && a.preVoting === b.preVoting && a.inCluster === b.inCluster;
}

/** The words under a server: wide (two lines) or compact (three short lines), with the node's mark. */
function ServerLabels({ s, g, style, paused }: { s: ServerModel; g: ServerGeometry; style: NodeStyle; paused: boolean }) {
  const fs = g.fontSize;
  const first = g.compact ? `${s.id} · t${s.term}` : `${s.id} ${roleWord(s)}`;
  const mark = (
    <path d={markPath(style.mark, fs * 0.38)} transform={`translate(${(-first.length * fs * 0.31 - fs * 0.6).toFixed(1)},${(-fs * 0.33).toFixed(1)})`}
      fill={style.colour} stroke={STATUS.ink} strokeWidth={1} />
  );
  const role = <tspan fontWeight={700} style={{ fill: ROLE_INK[s.role] }}>{roleWord(s)}</tspan>;
  const cls = `tb-halo tb-mono${paused ? ' tb-status-ice' : ''}`;
  if (g.compact) {
    return (
      <>
        <text y={g.lines[0]} textAnchor="middle" fontSize={fs} fontWeight={800} className="tb-halo">{first}</text>
        <text y={g.lines[1]} textAnchor="middle" fontSize={minorFont(g)} className="tb-halo">{role}</text>
        <text y={g.lines[2]} textAnchor="middle" fontSize={minorFont(g)} className={cls}>{paused ? 'PAUSED' : serverVoteWords(s)}</text>
      </>
    );
  }
  return (
    <>
      <g transform={`translate(0,${g.lines[0]!.toFixed(1)})`}>
        {mark}
        <text textAnchor="middle" fontSize={fs} className="tb-halo"><tspan fontWeight={800}>{s.id}</tspan>{' '}{role}</text>
      </g>
      <text y={g.lines[1]} textAnchor="middle" fontSize={fs - 1} className={cls}>{paused ? `t${s.term} · PAUSED` : serverLine2(s)}</text>
    </>
  );
}
