// The town picture of service discovery: the town directory as a notice board of listings, each card
// stamped with the moment it expires (a shop that closed silently keeps its card until then); shops that
// heartbeat to keep their card; townspeople with the addresses they copied into their notebooks; and the
// gossip circle, townspeople whispering a rumour ("m4 is dead!") to their neighbours until all have heard.
import { useMemo } from 'react';
import { formatDiscoveryMessage, REGISTRY, BALANCER } from '../../engine/discovery/index.ts';
import type { StageViewProps } from '../stages.ts';
import { textWidth } from '../shared/measure.ts';
import { OKABE_ITO, STATUS } from '../shared/palette.ts';
import { pointable } from '../shared/interaction.tsx';
import { CONSENSUS_STAGE, useConsensusMenus } from '../kit/consensus.tsx';
import { FlightLayer, SMALL_RING } from '../kit/FlightLayer.tsx';
import { StageMenu } from '../kit/menu.tsx';
import { useStagePicture, type StageKit } from '../kit/stage.ts';
import { discoveryFlights } from './flights.ts';
import { discoveryLayout, type DirectoryLayout, type RingLayout } from './layout.ts';
import { cacheShort, cacheWords, discoveryPicture, NO_DISCOVERY, type DiscoveryPicture, type SwimPicture } from './model.ts';
import { DiscoveryMessageIcon, fitWords } from './parts.tsx';
import { pointsOf } from './DiscoveryTech.tsx';
import '../shared/views.css';

export function DiscoveryTown({ className }: StageViewProps) {
  const k = useStagePicture('discovery', discoveryPicture, CONSENSUS_STAGE);
  const { size, sim } = k;
  const { flightMenu } = useConsensusMenus(k, 'Path');
  const pic = k.picture ?? NO_DISCOVERY;
  const shape = `${pic.listings.length},${pic.clients.length},${pic.balancer ? 1 : 0},${pic.registryUp ? 1 : 0},${pic.swim?.members.length ?? 0}`;
  // eslint-disable-next-line react-hooks/exhaustive-deps -- the layout depends on the pane and the shape only
  const layout = useMemo(() => discoveryLayout(size, pic, 'town'), [size.width, size.height, shape]);
  const at = { ...pointsOf(layout.directory), ...ringPoints(layout.ring, pic.swim) };
  const flights = discoveryFlights(sim.inFlight(), (id) => at[id], formatDiscoveryMessage);
  const empty = !layout.directory && !layout.ring;
  return (
    <div ref={k.wrap} className={`tb-view tb-town tb-discovery ${className ?? ''}`} data-testid="discovery-town">
      <svg width={size.width} height={size.height} role="group" aria-label={townWords(pic)}>
        <rect width={size.width} height={size.height} fill="#eef3e6" />
        {layout.directory && <Board d={layout.directory} pic={pic} k={k} />}
        {layout.ring && pic.swim && <GossipCircle ring={layout.ring} swim={pic.swim} k={k} />}
        <FlightLayer flights={flights} focus={k.focus} selectedMsg={k.selectedMsg} icon={DiscoveryMessageIcon} menu={flightMenu} ring={SMALL_RING} />
        {empty && <text x={size.width / 2} y={size.height / 2} textAnchor="middle" fontSize={14} fill={STATUS.muted}>No town directory yet: discovery.start instances=3</text>}
      </svg>
      <StageMenu menu={k.menu} onClose={k.closeMenu} />
    </div>
  );
}

function townWords(pic: DiscoveryPicture): string {
  const parts = ['Service discovery, town view'];
  if (pic.registryUp || pic.listings.length) parts.push(`the directory lists ${pic.listings.filter((l) => l.listed).map((l) => l.id).join(', ') || 'nobody'}`);
  if (pic.swim?.rumour) {
    const r = pic.swim.rumour;
    parts.push(`rumour: ${pic.swim.members[r.subject]!.id} is ${r.belief}, heard by ${r.heard.filter(Boolean).length} of ${pic.swim.members.length - 1}`);
  }
  return parts.join('; ');
}

function ringPoints(ring: RingLayout | null, swim: SwimPicture | null): Record<string, { x: number; y: number }> {
  if (!ring || !swim) return {};
  return Object.fromEntries(swim.members.map((m, i) => [m.id, ring.at[i]!]));
}

function Board({ d, pic, k }: { d: DirectoryLayout; pic: DiscoveryPicture; k: StageKit }) {
  const f = d.font;
  const lh = f + 4;
  const b = d.registry;
  const cards = pic.listings;
  return (
    <g>
      <g {...pointable({ kind: 'node', id: REGISTRY }, `The town directory: ${cards.map((l) => `${l.id} ${l.listed ? `listed until ${((l.expiresAt ?? 0) / 1000).toFixed(1)}s` : 'not listed'}`).join(', ')}. Enter to inspect.`, k.nodeMenu(REGISTRY))}>
        <rect x={b.x - 4} y={b.y - 4} width={b.w + 8} height={b.h + 8} rx={4} fill="#b07a45" stroke={k.isSelectedNode(REGISTRY) ? STATUS.selected : '#6e4a26'} strokeWidth={k.focus.nodes.has(REGISTRY) ? 3 : 2} />
        <rect x={b.x} y={b.y} width={b.w} height={b.h} fill="#d9b382" />
        <text x={b.x + 6} y={b.y + lh - 2} fontSize={f} fontWeight={700} fill="#3b2a14">{fitWords([`Town directory${pic.registryUp ? '' : ' (closed)'}`, 'Directory'], b.w - 12, f, true)}</text>
        {cards.map((l, i) => {
          const y = b.y + lh * (i + 1) + 4;
          if (y + lh > b.y + b.h) return null;
          const until = `${((l.expiresAt ?? 0) / 1000).toFixed(1)}s`;
          const text = l.listed ? [`${l.id} · expires ${until}`, `${l.id} · ${until}`, l.id] : l.health === 'critical' ? [`${l.id} · failed check`, `${l.id} · failed`, l.id] : [`${l.id} · taken down`, `${l.id} · gone`, l.id];
          return (
            <g key={l.id}>
              <rect x={b.x + 4} y={y} width={b.w - 8} height={lh - 2} fill={l.listed ? '#fffdf5' : '#e9e4da'} stroke="#8a6a3e" strokeWidth={0.8} />
              <text x={b.x + 8} y={y + lh - 6} fontSize={f} fill={l.listed ? STATUS.ink : STATUS.muted} textDecoration={l.listed ? undefined : 'line-through'}>{fitWords(text, b.w - 16, f)}</text>
            </g>
          );
        })}
      </g>
      {d.balancer && pic.balancer && (
        <g {...pointable({ kind: 'node', id: BALANCER }, `The front desk lb, sending each visitor to ${pic.balancer.list.join(', ') || 'nobody yet'}`, k.nodeMenu(BALANCER))}>
          <rect x={d.balancer.x} y={d.balancer.y} width={d.balancer.w} height={d.balancer.h} rx={5} fill="#fff3d6" stroke={k.focus.nodes.has(BALANCER) ? STATUS.highlight : '#8a6a3e'} strokeWidth={1.5} />
          <text x={d.balancer.x + 6} y={d.balancer.y + lh} fontSize={f} fontWeight={700} fill={STATUS.ink}>{fitWords(['front desk (lb)', 'desk (lb)', 'lb'], d.balancer.w - 12, f, true)}</text>
          <text x={d.balancer.x + 6} y={d.balancer.y + 2 * lh} fontSize={f} fill={STATUS.ink}>{fitWords([pic.balancer.list.join(' ') || 'no list yet', `${pic.balancer.list.length} listed`], d.balancer.w - 12, f)}</text>
        </g>
      )}
      {pic.listings.map((l) => {
        const s = d.instances[l.id]!;
        const roof = Math.min(12, s.h / 3);
        return (
          <g key={l.id} {...pointable({ kind: 'node', id: l.id }, `Shop ${l.id}: ${l.up ? 'open' : 'closed (crashed)'}, served ${l.served}`, k.nodeMenu(l.id))}>
            <path d={`M${s.x},${s.y + roof}L${s.x + s.w / 2},${s.y}L${s.x + s.w},${s.y + roof}Z`} fill={l.up ? OKABE_ITO.vermillion : '#9a9aa0'} opacity={0.85} />
            <rect x={s.x + 2} y={s.y + roof} width={s.w - 4} height={s.h - roof} fill={l.up ? '#fffdf5' : '#d8d8dc'}
              stroke={k.isSelectedNode(l.id) ? STATUS.selected : k.focus.nodes.has(l.id) ? STATUS.highlight : '#6e6e74'} strokeWidth={k.focus.nodes.has(l.id) ? 2.5 : 1.2} />
            <text x={s.x + 8} y={s.y + roof + lh - 2} fontSize={f} fontWeight={700} fill={l.up ? STATUS.ink : STATUS.crashed}>{fitWords([`${l.id}${l.up ? '' : ' · CLOSED'}`, `${l.id}${l.up ? '' : ' ✕'}`], s.w - 16, f, true)}</text>
            {s.h - roof > 2 * lh && <text x={s.x + 8} y={s.y + roof + 2 * lh - 2} fontSize={f} fill={STATUS.ink}>{fitWords([`served ${l.served}`, `${l.served}`], s.w - 16, f)}</text>}
          </g>
        );
      })}
      {pic.clients.map((c) => {
        const p = d.clients[c.id]!;
        const r = Math.min(9, p.h / 4);
        return (
          <g key={c.id} {...pointable({ kind: 'node', id: c.id }, `${c.id}'s notebook: ${cacheWords(c)}; ok ${c.ok}, failed ${c.failed}`, k.nodeMenu(c.id))}>
            <circle cx={p.x + r + 2} cy={p.y + r + 2} r={r} fill="#f1c8a0" stroke={k.focus.nodes.has(c.id) ? STATUS.highlight : '#6e4a26'} strokeWidth={1.3} />
            <rect x={p.x + 2} y={p.y + 2 * r + 3} width={2 * r} height={Math.max(4, p.h - 2 * r - 4)} rx={3} fill={OKABE_ITO.blue} />
            <rect x={p.x + 2 * r + 8} y={p.y} width={p.w - 2 * r - 8} height={p.h} rx={3} fill="#fffdf5"
              stroke={k.isSelectedNode(c.id) ? STATUS.selected : c.stale.length ? STATUS.crashed : '#8a8a90'} strokeWidth={c.stale.length ? 2 : 1} />
            <text x={p.x + 2 * r + 12} y={p.y + lh - 2} fontSize={f} fontWeight={700} fill={STATUS.ink}>{fitWords([`${c.id}'s notebook (${c.mode === 'dns' ? 'DNS' : c.mode === 'server' ? 'asks the desk' : 'own list'})`, `${c.id} (${c.mode === 'dns' ? 'DNS' : c.mode === 'server' ? 'desk' : 'own list'})`, c.id], p.w - 2 * r - 16, f, true)}</text>
            {p.h > 2 * lh && <text x={p.x + 2 * r + 12} y={p.y + 2 * lh - 2} fontSize={f} fill={c.stale.length ? STATUS.crashed : STATUS.ink}>{fitWords([cacheWords(c), ...cacheShort(c)], p.w - 2 * r - 16, f)}</text>}
            {p.h > 3 * lh && <text x={p.x + 2 * r + 12} y={p.y + 3 * lh - 2} fontSize={f} fill={STATUS.ink}>{fitWords([`served ${c.ok} · turned away ${c.failed}`, `✓ ${c.ok} · ✕ ${c.failed}`], p.w - 2 * r - 16, f)}</text>}
          </g>
        );
      })}
    </g>
  );
}

function GossipCircle({ ring, swim, k }: { ring: RingLayout; swim: SwimPicture; k: StageKit }) {
  const r = swim.rumour;
  const heardCount = r ? r.heard.filter(Boolean).length : 0;
  const title = r ? `Rumour: "${swim.members[r.subject]!.id} is ${r.belief}!" heard by ${heardCount} of ${swim.members.length - 1}` : 'Gossip: everyone hears everyone is well';
  // Each person a tab stop only in a small group: sixteen would be sixteen presses of Tab to get past.
  const pointy = swim.members.length <= 8;
  return (
    <g>
      <text x={ring.area.x + 10} y={ring.area.y + 10 + ring.font} fontSize={12} fontWeight={700} fill={STATUS.ink}>{fitWords([title, r ? `"${swim.members[r.subject]!.id} is ${r.belief}!" ${heardCount}/${swim.members.length - 1} heard` : 'Gossip: all is well', 'Gossip'], ring.area.width - 20, 12, true)}</text>
      {swim.members.map((m, i) => {
        const p = ring.at[i]!;
        const heard = r?.heard[i] ?? false;
        const isSubject = r?.subject === i;
        const fill = m.down ? '#9a9aa0' : isSubject ? '#ffffff' : heard ? (r!.belief === 'dead' ? OKABE_ITO.vermillion : OKABE_ITO.orange) : OKABE_ITO.bluishGreen;
        const s = ring.person;
        const body = (
          <g>
            <circle cx={p.x} cy={p.y - s * 0.55} r={s * 0.45} fill={fill} stroke={k.focus.nodes.has(m.id) ? STATUS.highlight : '#1d1d1f'} strokeWidth={k.focus.nodes.has(m.id) ? 2.5 : 1} />
            <path d={`M${p.x - s * 0.6},${p.y + s * 0.7}Q${p.x},${p.y - s * 0.4} ${p.x + s * 0.6},${p.y + s * 0.7}Z`} fill={fill} stroke="#1d1d1f" strokeWidth={1} />
            {m.down && <path d={`M${p.x - s * 0.6},${p.y - s}L${p.x + s * 0.6},${p.y + s * 0.6}M${p.x + s * 0.6},${p.y - s}L${p.x - s * 0.6},${p.y + s * 0.6}`} stroke={STATUS.crashed} strokeWidth={2} />}
            {ring.names && <text x={p.x} y={p.y + s + 12} textAnchor="middle" fontSize={11} fill={m.down ? STATUS.crashed : STATUS.ink}>{m.id}</text>}
          </g>
        );
        return pointy
          ? <g key={m.id} {...pointable({ kind: 'node', id: m.id }, `${m.id}: ${m.down ? 'crashed' : heard ? `has heard ${swim.members[r!.subject]!.id} is ${r!.belief}` : 'has heard nothing bad'}, incarnation ${m.incarnation}`, k.nodeMenu(m.id))}>{body}</g>
          : <g key={m.id}>{body}</g>;
      })}
      <RingLegend ring={ring} />
    </g>
  );
}

function RingLegend({ ring }: { ring: RingLayout }) {
  const key = [[OKABE_ITO.bluishGreen, 'no bad news'], [OKABE_ITO.orange, 'heard: suspect'], [OKABE_ITO.vermillion, 'heard: dead'], ['#9a9aa0', 'crashed']] as const;
  const y = ring.area.y + ring.area.height - 18;
  let x = ring.area.x + 12;
  return (
    <g>
      {key.map(([c, t]) => {
        const at = x;
        x += 14 + textWidth(t, 11) + 12;
        if (x > ring.area.x + ring.area.width) return null;
        return (
          <g key={t}>
            <circle cx={at + 5} cy={y - 4} r={5} fill={c} stroke="#1d1d1f" />
            <text x={at + 14} y={y} fontSize={11} fill={STATUS.ink}>{t}</text>
          </g>
        );
      })}
    </g>
  );
}
