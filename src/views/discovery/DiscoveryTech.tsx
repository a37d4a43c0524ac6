// The technical picture of service discovery: clients with their cached lists, the registry's table of
// listings (health, expiry), the balancer, the instances with their truth (up or crashed), the messages
// between them; and the SWIM membership grid, every member's belief about every other, disagreement at a
// glance.
import { useMemo } from 'react';
import { formatDiscoveryMessage, REGISTRY, BALANCER } from '../../engine/discovery/index.ts';
import type { StageViewProps } from '../stages.ts';
import { STATUS } from '../shared/palette.ts';
import { CONSENSUS_STAGE, useConsensusMenus } from '../kit/consensus.tsx';
import { FlightLayer, SMALL_RING } from '../kit/FlightLayer.tsx';
import { StageMenu } from '../kit/menu.tsx';
import { useStagePicture } from '../kit/stage.ts';
import { discoveryFlights } from './flights.ts';
import { discoveryLayout, type DirectoryLayout, type Box } from './layout.ts';
import { cacheShort, cacheWords, discoveryPicture, listingLine, modeWords, NO_DISCOVERY, type DiscoveryPicture } from './model.ts';
import { DiscoveryMessageIcon, LineBox, MembershipGrid, type Line } from './parts.tsx';
import type { StageKit } from '../kit/stage.ts';
import '../shared/views.css';

const centre = (b: Box) => ({ x: b.x + b.w / 2, y: b.y + b.h / 2 });

export function pointsOf(d: DirectoryLayout | null): Record<string, { x: number; y: number }> {
  if (!d) return {};
  const at: Record<string, { x: number; y: number }> = { [REGISTRY]: centre(d.registry) };
  if (d.balancer) at[BALANCER] = centre(d.balancer);
  for (const [id, b] of Object.entries(d.clients)) at[id] = centre(b);
  for (const [id, b] of Object.entries(d.instances)) at[id] = centre(b);
  return at;
}

export function DiscoveryTech({ className }: StageViewProps) {
  const k = useStagePicture('discovery', discoveryPicture, CONSENSUS_STAGE);
  const { size, sim } = k;
  const { flightMenu } = useConsensusMenus(k, 'Link');
  const pic = k.picture ?? NO_DISCOVERY;
  const shape = `${pic.listings.length},${pic.clients.length},${pic.balancer ? 1 : 0},${pic.registryUp ? 1 : 0},${pic.swim?.members.length ?? 0}`;
  // eslint-disable-next-line react-hooks/exhaustive-deps -- the layout depends on the pane and the shape only
  const layout = useMemo(() => discoveryLayout(size, pic, 'tech'), [size.width, size.height, shape]);
  const at = pointsOf(layout.directory);
  const flights = discoveryFlights(sim.inFlight(), (id) => at[id], formatDiscoveryMessage);
  const empty = !layout.directory && !layout.grid;
  return (
    <div ref={k.wrap} className={`tb-view tb-tech tb-discovery ${className ?? ''}`} data-testid="discovery-tech">
      <svg width={size.width} height={size.height} role="group"
        aria-label={`Service discovery, technical view: ${pic.listings.filter((l) => l.listed).length} instances handed out, ${pic.clients.length} clients${pic.swim ? `, a SWIM group of ${pic.swim.members.length}` : ''}`}>
        <rect width={size.width} height={size.height} fill="#f7f7f9" />
        {layout.directory && <DirectoryTech d={layout.directory} pic={pic} k={k} />}
        {layout.grid && pic.swim && <MembershipGrid swim={pic.swim} g={layout.grid} />}
        <FlightLayer flights={flights} focus={k.focus} selectedMsg={k.selectedMsg} icon={DiscoveryMessageIcon} menu={flightMenu} ring={SMALL_RING} />
        {empty && <text x={size.width / 2} y={size.height / 2} textAnchor="middle" fontSize={14} fill={STATUS.muted}>No directory yet: discovery.start instances=3</text>}
      </svg>
      <StageMenu menu={k.menu} onClose={k.closeMenu} />
    </div>
  );
}

function DirectoryTech({ d, pic, k }: { d: DirectoryLayout; pic: DiscoveryPicture; k: StageKit }) {
  const f = d.font;
  const regLines: Line[] = [
    { text: `registry · TTL ${pic.ttl}ms${pic.registryUp ? '' : ' · DOWN'}`, short: [`registry${pic.registryUp ? '' : ' DOWN'}`], bold: true, colour: pic.registryUp ? STATUS.ink : STATUS.crashed },
    ...pic.listings.map((l) => listingLine(l)),
  ];
  return (
    <g>
      <text x={d.area.x + 10} y={d.area.y + 10 + f} fontSize={12} fontWeight={700} fill={STATUS.ink}>Clients</text>
      <text x={d.registry.x} y={d.area.y + 10 + f} fontSize={12} fontWeight={700} fill={STATUS.ink}>Registry</text>
      {Object.values(d.instances)[0] && <text x={Object.values(d.instances)[0]!.x} y={d.area.y + 10 + f} fontSize={12} fontWeight={700} fill={STATUS.ink}>Instances</text>}
      <LineBox box={d.registry} lines={regLines} font={f} fill="#ffffff" stroke="#5a5a60" label={regLines.map((l) => l.text).join('; ')} id={REGISTRY}
        onMenu={k.nodeMenu(REGISTRY)} focused={k.focus.nodes.has(REGISTRY)} selected={k.isSelectedNode(REGISTRY)} />
      {d.balancer && pic.balancer && (
        <LineBox box={d.balancer} font={f} fill="#ffffff" stroke="#5a5a60" id={BALANCER} onMenu={k.nodeMenu(BALANCER)} focused={k.focus.nodes.has(BALANCER)} selected={k.isSelectedNode(BALANCER)}
          lines={[{ text: `lb (server-side)${pic.balancer.up ? '' : ' · DOWN'}`, short: ['lb'], bold: true }, { text: pic.balancer.list.join(' ') || '(no list yet)', short: [`${pic.balancer.list.length} listed`] }]} label={`balancer lb: ${pic.balancer.list.join(', ')}`} />
      )}
      {pic.clients.map((c) => {
        const lines: Line[] = [
          { text: `${c.id} · ${modeWords[c.mode]} · ${c.policy}`, short: [`${c.id} · ${modeWords[c.mode]}`, c.id], bold: true },
          { text: cacheWords(c), short: cacheShort(c), colour: c.stale.length ? STATUS.crashed : STATUS.ink },
          { text: `ok ${c.ok} · failed ${c.failed} · lookups ${c.lookups}`, short: [`ok ${c.ok} · failed ${c.failed}`, `✓${c.ok} ✕${c.failed}`] },
        ];
        return <LineBox key={c.id} box={d.clients[c.id]!} lines={lines} font={f} fill="#ffffff" stroke="#5a5a60" id={c.id} label={lines.map((l) => l.text).join('; ')}
          onMenu={k.nodeMenu(c.id)} focused={k.focus.nodes.has(c.id)} selected={k.isSelectedNode(c.id)} />;
      })}
      {pic.listings.map((l) => {
        const lines: Line[] = [
          { text: `${l.id}${l.up ? '' : ' · CRASHED'}${l.leaving ? ' · leaving' : ''}`, short: [`${l.id}${l.up ? '' : ' ✕'}`], bold: true, colour: l.up ? STATUS.ink : STATUS.crashed },
          { text: `served ${l.served} · ${l.listed ? 'listed' : 'not handed out'}`, short: [`served ${l.served} · ${l.listed ? 'listed' : 'unlisted'}`, `served ${l.served}`] },
        ];
        return <LineBox key={l.id} box={d.instances[l.id]!} lines={lines} font={f} fill={l.up ? '#ffffff' : '#fbe3d6'} stroke={l.up ? '#5a5a60' : STATUS.crashed} dashed={!l.up}
          id={l.id} label={lines.map((x) => x.text).join('; ')} onMenu={k.nodeMenu(l.id)} focused={k.focus.nodes.has(l.id)} selected={k.isSelectedNode(l.id)} />;
      })}
    </g>
  );
}
