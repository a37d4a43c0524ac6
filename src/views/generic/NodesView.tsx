// The pictures for nodes of a system that has no drawings of its own (or whose views have not arrived
// yet): each node a box with its name, a DOWN/PAUSED tag and its system's summary lines
// (src/views/registry.ts), on a ring while few, links between them (cut ones marked), messages in flight
// as labelled dots. It knows nothing of any system: what a node says comes from the registry. Both panes
// draw the same boxes, the town's on its green ground, the technical one's on grey.
import { useCallback } from 'react';
import { boxExit, curveControl, type Point } from '../shared/geometry.ts';
import { useStage } from '../kit/stage.ts';
import { StageMenu } from '../kit/menu.tsx';
import { FlightLayer, useFlightMenu, type FlightSpec } from '../kit/FlightLayer.tsx';
import { messageStyle, STATUS } from '../shared/palette.ts';
import { techLayout } from './layout.ts';
import { keepLines, summaryLines } from './summary.ts';
import { boxWidth, NodeBox } from './NodeBox.tsx';
import { HatchPattern, NetLinks } from './NetLinks.tsx';
import '../shared/views.css';

const LINES = 4;
/** Up to this many nodes every pair is linked; more, and only cut links are drawn. */
const ALL_LINKS_UP_TO = 7;

const stateWords = (n: { id: string; sys: string; up: boolean; paused: boolean }) =>
  `${n.id} (${n.sys})${!n.up ? ', crashed' : n.paused ? ', paused' : ''}`;

/** A message in the words of its menu's drop entry. */
const flightWords = (f: FlightSpec) => `${f.type}#${f.msgId} ${f.from}→${f.to}`;

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
  const edge = (id: string, toward: Point) => boxExit(centreOf(id), layout.box.w / 2 + 3, layout.box.h / 2 + 3, toward);
  const link = (from: string, to: string) => {
    const [x, y] = from < to ? [from, to] : [to, from];
    const a = edge(x, centreOf(y));
    const b = edge(y, centreOf(x));
    const c = curveControl(a, b, 0.12);
    return from === x ? { a, c, b } : { a: b, c, b: a };
  };
  const ids = nodes.map((n) => n.id);
  const pairs: [string, string][] = [];
  for (let i = 0; i < ids.length; i++) for (let j = i + 1; j < ids.length; j++) {
    const [x, y] = ids[i]! < ids[j]! ? [ids[i]!, ids[j]!] : [ids[j]!, ids[i]!];
    if (ids.length <= ALL_LINKS_UP_TO || sim.isCut(x, y) || sim.isCut(y, x)) pairs.push([x, y]);
  }
  const drawn = new Set(ids);
  const flights: FlightSpec[] = sim.inFlight().filter((f) => drawn.has(f.from) && drawn.has(f.to)).map((f, i) => ({
    msgId: f.msgId, key: `${f.msgId}:${i}`, type: f.msg.type, notice: null, topic: null, from: f.from, to: f.to,
    sentAt: f.sentAt, arrivesAt: f.arrivesAt, doomed: f.doomed, ...link(f.from, f.to),
    // The layer says its number, from and to before these words.
    label: `${f.msg.type}, sent at ${f.sentAt}ms, arrives at ${f.arrivesAt}ms`,
  }));
  // The same function while the type size holds, so memoised flights skip re-rendering.
  const flightIcon = useCallback((f: FlightSpec) => (
    <>
      <circle r={7} fill={messageStyle(f.type).colour} stroke="#1d1d1f" strokeWidth={1.5} />
      <text x={10} y={4} fontSize={fs - 1} className="tb-halo tb-mono" data-flight-label="">{f.type}#{f.msgId}</text>
    </>
  ), [fs]);

  return (
    <div ref={k.wrap} className={`tb-view tb-generic tb-${skin} ${className ?? ''}`}>
      <svg width={size.width} height={size.height} role="group"
        aria-label={`${skin === 'town' ? 'Town' : 'Technical'} view: ${nodes.length} nodes, ${flights.length} messages in flight`}>
        <rect width={size.width} height={size.height} fill={skin === 'town' ? '#eef3e2' : '#f7f7f9'} />
        <HatchPattern />
        <NetLinks pairs={pairs} link={link} isCut={(x, y) => sim.isCut(x, y)} fs={fs} />
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
