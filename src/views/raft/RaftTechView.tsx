// The technical picture of a Raft cluster (RaftScope's, extended): servers on a ring with role, term,
// vote and a draining election timer; messages in flight that can be dropped; the links, which can be
// cut and healed; and every server's log as a row of term-coloured entries with the commit index, the
// leader's nextIndex/matchIndex and any safety violation marked. Structure re-renders on `version`;
// timers and flights move every frame through `useFrame`.
import { useMemo } from 'react';
import type { StageViewProps } from '../stages.ts';
import { curveControl, type Point } from '../shared/geometry.ts';
import { setAttr, useElementMap, useFrame } from '../shared/hooks.ts';
import { nodeStyle, STATUS } from '../shared/palette.ts';
import { useCallbackCache } from '../kit/callbacks.ts';
import { CONSENSUS_STAGE, linksBetween, straight, useConsensusMenus, type ConsensusFlight } from '../kit/consensus.tsx';
import { FlightLayer, SMALL_RING } from '../kit/FlightLayer.tsx';
import { Links } from '../kit/Links.tsx';
import { StageMenu } from '../kit/menu.tsx';
import { useStagePicture } from '../kit/stage.ts';
import { LogTable, tableBadges } from './LogTable.tsx';
import { ServerNode } from './ServerNode.tsx';
import { RaftMessageIcon } from './glyphs.tsx';
import { raftMessageLook } from './messages.ts';
import { describeServer, raftPicture } from './model.ts';
import { logTable, raftTechLayout } from './tech-layout.ts';
import { timerDash, timerFraction } from './timer.ts';
import '../shared/views.css';
import './raft.css';

/** A point `d` along the segment from p towards q. */
export const towards = (p: Point, q: Point, d: number): Point => {
  const len = Math.hypot(q.x - p.x, q.y - p.y) || 1;
  return { x: p.x + ((q.x - p.x) / len) * d, y: p.y + ((q.y - p.y) / len) * d };
};

export function RaftTechView({ className }: StageViewProps) {
  const k = useStagePicture('raft', raftPicture, CONSENSUS_STAGE);
  const { size, sim, focus, selected } = k;
  const { flightMenu, onLinkMenu } = useConsensusMenus(k, 'Link');
  const timers = useElementMap<string, SVGCircleElement>();
  const timerRefFor = useCallbackCache((id) => (el: SVGCircleElement | null) => { if (el) timers.set(id, el); else timers.delete(id); });

  const pic = k.picture;
  const statuses = sim.nodes();
  const status = new Map(statuses.map((n, i) => [n.id, { n, i }]));
  const ids = pic?.servers.map((s) => s.id) ?? [];
  const idsKey = ids.join(',');
  // The layout depends only on the pane's size and the servers: worked out once, not on every event.
  // eslint-disable-next-line react-hooks/exhaustive-deps -- ids are keyed by idsKey
  const layout = useMemo(() => raftTechLayout(size, ids), [size.width, size.height, idsKey]);
  const g = layout.server;
  const violations = sim.violations().length;
  const styleOf = (id: string) => nodeStyle(status.get(id)?.i ?? 0);

  // The election timers drain every frame, without React.
  useFrame((now) => {
    for (const s of pic?.servers ?? []) {
      const el = timers.get(s.id);
      if (el) setAttr(el, 'stroke-dasharray', timerDash(timerFraction(s.timerStart, s.timerDeadline, now)));
    }
  });
  if (!pic) return <div ref={k.wrap} className={`tb-view tb-tech tb-raft ${className ?? ''}`} data-testid="raft-tech" />;
  const table = logTable(layout.log, ids.length, pic.longest, g.fontSize, tableBadges(pic, violations).length);

  const edge = (id: string, toward: string) => towards(layout.at[id]!, layout.at[toward]!, g.timerR + 3);
  const links = linksBetween(ids, sim, (x, y) => straight(edge(x, y), edge(y, x)));
  const flights: ConsensusFlight[] = sim.inFlight().filter((f) => layout.at[f.from] && layout.at[f.to]).map((f, n) => {
    const look = raftMessageLook(f.msg);
    const a = edge(f.from, f.to);
    const b = edge(f.to, f.from);
    return {
      msgId: f.msgId, key: `${f.msgId}:${n}`, from: f.from, to: f.to, sentAt: f.sentAt, arrivesAt: f.arrivesAt,
      a, b, c: curveControl(a, b, 0.07), tag: look.label, label: look.words, look, doomed: f.doomed,
    };
  });
  const badCell = new Set(pic.rows.filter((r) => r.cells.some((c) => c.conflict) || r.missing.length).map((r) => r.id));

  return (
    <div ref={k.wrap} className={`tb-view tb-tech tb-raft ${className ?? ''}`} data-testid="raft-tech">
      <svg width={size.width} height={size.height} role="group"
        aria-label={`Raft cluster, technical view: ${ids.length} servers, leader ${pic.leader ?? 'none'}, highest term ${pic.maxTerm}, ${flights.length} messages in flight`}>
        <defs>
          <pattern id="tb-raft-down" width="6" height="6" patternUnits="userSpaceOnUse" patternTransform="rotate(45)">
            <rect width="6" height="6" fill="#d6d6d6" /><line x1="0" y1="0" x2="0" y2="6" stroke="#9a9a9a" strokeWidth="2.5" />
          </pattern>
        </defs>
        <rect width={size.width} height={size.height} fill="#f7f7f9" />
        <rect x={layout.log.x - 3} y={layout.log.y - 3} width={layout.log.w + 6} height={layout.log.h + 6} rx={6} fill="#ffffff" stroke="#e2e2e8" />
        <Links links={links} fontSize={g.fontSize} onMenu={onLinkMenu} faint={ids.length > 6} />
        {pic.servers.map((s) => {
          const info = status.get(s.id);
          const paused = info?.n.paused ?? false;
          return (
            <ServerNode key={s.id} s={s} at={layout.at[s.id]!} g={g} style={styleOf(s.id)} paused={paused}
              focused={focus.nodes.has(s.id)} selected={k.isSelectedNode(s.id)} violation={badCell.has(s.id)}
              label={describeServer(s, paused, null)} timerRef={timerRefFor(s.id)} onMenu={k.nodeMenu(s.id)} />
          );
        })}
        <FlightLayer flights={flights} focus={focus} selectedMsg={k.selectedMsg} icon={RaftMessageIcon} menu={flightMenu} ring={SMALL_RING} labelFrom={0.12}
          tags={{ fontSize: g.fontSize - 1, all: flights.length <= (layout.server.compact ? 6 : 12) }} />
        <LogTable pic={pic} t={table} focus={focus} selected={selected} styleOf={styleOf} violations={violations} />
        {ids.length === 0 && (
          <text x={size.width / 2} y={size.height / 2} textAnchor="middle" fontSize={14} fill={STATUS.muted}>
            No Raft servers yet: raft.start servers=5
          </text>
        )}
      </svg>
      <StageMenu menu={k.menu} onClose={k.closeMenu} />
    </div>
  );
}
