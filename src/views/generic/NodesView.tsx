// The pictures for nodes of a system that has no drawings of its own (or whose views have not arrived
// yet): each node a box with its name, a DOWN/PAUSED tag and its system's summary lines
// (src/views/registry.ts), on a ring while few, links between them (cut ones marked), messages in flight
// as labelled dots. It knows nothing of any system: what a node says comes from the registry. Both panes
// draw the same boxes, the town's on its green ground, the technical one's on grey.
import { useStage } from '../kit/stage.ts';
import { StageMenu } from '../kit/menu.tsx';
import { FlightLayer, useFlightMenu, type FlightSpec } from '../kit/FlightLayer.tsx';
import { STATUS } from '../shared/palette.ts';
import { techLayout } from './layout.ts';
import { keepLines, summaryLines } from './summary.ts';
import { boxWidth, NodeBox } from './NodeBox.tsx';
import { boxLink, flightLabel, flightWords, HatchPattern, linkPairs, NetLinks, useFlightDot } from './NetLinks.tsx';
import '../shared/views.css';

const LINES = 4;
/** Up to this many nodes every pair is linked; more, and only cut links are drawn. */
const ALL_LINKS_UP_TO = 7;

const stateWords = (n: { id: string; sys: string; up: boolean; paused: boolean }) =>
  `${n.id} (${n.sys})${!n.up ? ', crashed' : n.paused ? ', paused' : ''}`;

/** `systems`: draw only these systems' nodes (the stage gives the rest to their own drawings). */
export function NodesView({ className, systems, skin }: { className?: string; systems?: readonly string[]; skin: 'town' | 'tech' }) {
  const k = useStage();
  const { size, sim, focus } = k;
  const flightMenu = useFlightMenu(k.openMenu, flightWords);

  const nodes = sim.nodes().map((n, index) => ({ ...n, index })).filter((n) => !systems || systems.includes(n.sys));
  const lines = Object.fromEntries(nodes.map((n) => [n.id, summaryLines(sim, n)]));
  const most = Math.max(1, ...Object.values(lines).map((l) => l.length));
  const layout = techLayout(size, nodes.map((n) => n.id), null, Math.min(LINES, most), {
    boxWidth: (fs, l, short) => Math.max(0, ...nodes.map((n) => boxWidth(n, [n.id], keepLines(lines[n.id] ?? [], l), fs, short))),
    brokerWidth: () => 0,
  });
  const fs = layout.fontSize;
  const centreOf = (id: string) => layout.at[id] ?? layout.centre;
  const half = () => ({ w: layout.box.w / 2, h: layout.box.h / 2 });
  const link = (from: string, to: string) => boxLink(from, to, centreOf, half);
  const ids = nodes.map((n) => n.id);
  const isCut = (x: string, y: string) => sim.isCut(x, y);
  const pairs = linkPairs(ids, () => ids.length <= ALL_LINKS_UP_TO, isCut);
  const drawn = new Set(ids);
  const flights: FlightSpec[] = sim.inFlight().filter((f) => drawn.has(f.from) && drawn.has(f.to)).map((f, i) => ({
    msgId: f.msgId, key: `${f.msgId}:${i}`, type: f.msg.type, notice: null, topic: null, from: f.from, to: f.to,
    sentAt: f.sentAt, arrivesAt: f.arrivesAt, doomed: f.doomed, ...link(f.from, f.to),
    label: flightLabel(f),
  }));
  const flightIcon = useFlightDot(fs);

  return (
    <div ref={k.wrap} className={`tb-view tb-generic tb-${skin} ${className ?? ''}`}>
      <svg width={size.width} height={size.height} role="group"
        aria-label={`${skin === 'town' ? 'Town' : 'Technical'} view: ${nodes.length} nodes, ${flights.length} messages in flight`}>
        <rect width={size.width} height={size.height} fill={skin === 'town' ? '#eef3e2' : '#f7f7f9'} />
        <HatchPattern />
        <NetLinks pairs={pairs} link={link} isCut={isCut} fs={fs} />
        {nodes.map((n) => (
          <NodeBox key={n.id} node={n} title={[n.id]} words={stateWords(n)} at={layout.at[n.id]!} box={layout.box}
            lines={keepLines(lines[n.id] ?? [], layout.lines)} fs={fs} focused={focus.nodes.has(n.id)}
            selected={k.isSelectedNode(n.id)} onMenu={k.nodeMenu(n.id)} />
        ))}
        <FlightLayer flights={flights} focus={focus} selectedMsg={k.selectedMsg} icon={flightIcon} menu={flightMenu} />
        {nodes.length === 0 && (
          <text x={size.width / 2} y={size.height / 2} textAnchor="middle" fontSize={fs + 1} fill={STATUS.muted}>No nodes yet.</text>
        )}
      </svg>
      <StageMenu menu={k.menu} onClose={k.closeMenu} />
    </div>
  );
}
