// The town picture of the hash ring: a round street with a house at one of each node's tokens (its other
// tokens are the small marks of its colour), keys as parcels in the band inside the street, each delivered
// to the first house clockwise (or wherever the cluster's scheme sends it); after a join or a leave the
// parcels that moved are drawn larger and outlined, and the handoffs fly between houses. Beside it, a bar
// per house for its load.
import { useMemo } from 'react';
import type { StageViewProps } from '../stages.ts';
import { nodeStyle, STATUS } from '../shared/palette.ts';
import { FlightLayer, SMALL_RING } from '../kit/FlightLayer.tsx';
import { StageMenu } from '../kit/menu.tsx';
import { useStagePicture } from '../kit/stage.ts';
import { CONSENSUS_STAGE, useConsensusMenus } from '../kit/consensus.tsx';
import { BarChart } from '../kit/Charts.tsx';
import { barChartLayout } from '../kit/charts-bars.ts';
import { KeyCanvas } from './KeyCanvas.tsx';
import { textWidth } from '../shared/measure.ts';
import { fitOrNothing, placeHouses, ringLayout } from './layout.ts';
import { movedPhrases, movedWords, NO_RING, ringPicture, SCHEME_WORDS } from './model.ts';
import { handoffFlights, House, ParcelIcon } from './shared.tsx';
import '../shared/views.css';

export function HashRingTown({ className }: StageViewProps) {
  const k = useStagePicture('hashring', ringPicture, CONSENSUS_STAGE);
  const { size, sim, focus } = k;
  const { flightMenu } = useConsensusMenus(k, 'Path');
  const pic = k.picture ?? NO_RING;
  // The bars need room for their value axis: at least 240 px beside the ring.
  const l = useMemo(() => ringLayout(size, 0.36, Math.max(240, size.width * 0.36)), [size]);
  const fs = l.fontSize;
  const places = useMemo(() => placeHouses(pic.nodes, l, size, textWidth), [pic.nodes, l, size]);
  const at = Object.fromEntries(places.map((p) => [p.id, p.at]));
  const flights = handoffFlights(sim, at, true);
  const status = new Map(sim.nodes().map((n) => [n.id, n]));
  const useRequests = pic.hotKeys.length > 0;
  const even = pic.nodes.length ? Math.round(pic.nodes.reduce((a, n) => a + (useRequests ? n.requests : n.keys), 0) / pic.nodes.length) : 0;
  const bars = useMemo(() => barChartLayout({
    title: useRequests ? 'Requests per house' : 'Parcels per house', unit: fitOrNothing([`${useRequests ? 'requests' : 'parcels'} · even share ${even}`, `even share ${even}`, useRequests ? 'requests' : 'parcels'], l.panel.w - 4, fs, false, textWidth),
    bars: pic.nodes.map((n) => ({ id: n.id, label: n.id, value: Math.round(useRequests ? n.requests : n.keys), colour: nodeStyle(n.index).colour })),
  }, { width: l.panel.w, height: Math.max(80, l.panel.h - 2 * fs - 16) }, fs, textWidth), [pic, l, fs, useRequests, even]);
  const caption = fitOrNothing(movedPhrases(pic, 'parcels'), l.panel.w, fs, true, textWidth);
  const inner = 2 * (l.r - l.band) - 12;
  return (
    <div ref={k.wrap} className={`tb-view tb-hashring ${className ?? ''}`} data-testid="hashring-town" style={{ background: '#f4f1e8' }}>
      <KeyCanvas pic={pic} layout={l} width={size.width} height={size.height} arcs={false} />
      <svg width={size.width} height={size.height} role="group" style={{ position: 'absolute', left: 0, top: 0 }}
        aria-label={`Hash ring town: ${pic.nodes.length} houses on a round street, ${movedWords(pic, 'parcels')}, ${SCHEME_WORDS[pic.scheme]} placement, ${flights.length} handoffs on the way`}>
        <circle cx={l.cx} cy={l.cy} r={l.r} fill="none" stroke="#b9b3a3" strokeWidth={12} aria-hidden="true" />
        <circle cx={l.cx} cy={l.cy} r={l.r} fill="none" stroke="#ffffff" strokeWidth={1.5} strokeDasharray="6 6" aria-hidden="true" />
        <g aria-hidden="true">
          {pic.nodes.length * pic.vnodes <= 600 && pic.nodes.flatMap((n) => n.tokens.filter((p) => p !== n.home).map((p, i) => {
            const a = p * 2 * Math.PI - Math.PI / 2;
            return <rect key={`${n.id}-${i}`} x={l.cx + (l.r + 9) * Math.cos(a) - 3} y={l.cy + (l.r + 9) * Math.sin(a) - 3} width={6} height={6} fill={nodeStyle(n.index).colour} stroke={STATUS.ink} strokeWidth={0.6} />;
          }))}
        </g>
        {pic.nodes.map((n, i) => (
          <House key={n.id} n={n} pic={pic} place={places[i]!} fs={fs} town focused={focus.nodes.has(n.id)} selected={k.isSelectedNode(n.id)}
            down={status.get(n.id)?.up === false} onMenu={k.nodeMenu(n.id)} />
        ))}
        <text x={l.cx} y={l.cy - fs * 0.4} textAnchor="middle" fontSize={fs + 1} fontWeight={700} fill={STATUS.ink}>{fitOrNothing([`${pic.keyCount} parcels`, `${pic.keyCount}`], inner, fs + 1, true, textWidth)}</text>
        <text x={l.cx} y={l.cy + fs * 1.1} textAnchor="middle" fontSize={fs} fill={STATUS.ink}>{fitOrNothing([`${SCHEME_WORDS[pic.scheme]}${pic.vnodes > 1 ? ` · ${pic.vnodes} tokens each` : ''}`, SCHEME_WORDS[pic.scheme]], inner, fs, false, textWidth)}</text>
        <text x={l.panel.x} y={l.panel.y + fs} fontSize={fs} fontWeight={700} fill={STATUS.ink} data-testid="hashring-moved">{caption}</text>
        {bars.bars.length > 0 && <BarChart layout={bars} x={l.panel.x} y={l.panel.y + fs + 12} />}
        <FlightLayer flights={flights} focus={focus} selectedMsg={k.selectedMsg} icon={ParcelIcon} menu={flightMenu} ring={SMALL_RING}
          tags={{ fontSize: fs, all: flights.length <= 2 }} />
        {pic.nodes.length === 0 && <text x={size.width / 2} y={size.height / 2} textAnchor="middle" fontSize={14} fill={STATUS.muted}>No ring yet: hashring.start nodes=4</text>}
      </svg>
      <StageMenu menu={k.menu} onClose={k.closeMenu} />
    </div>
  );
}
