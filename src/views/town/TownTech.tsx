// The town board's technical picture, of the same state as the town: services as boxes (queue, busy,
// handled, the last operation's latencies), the board as a broker with its topics and subscriptions,
// messages in flight as labelled dots on the links.
import { pointable } from '../shared/interaction.tsx';
import { useStagePicture } from '../kit/stage.ts';
import { StageMenu } from '../kit/menu.tsx';
import { FlightLayer, useFlightMenu, type FlightSpec } from '../kit/FlightLayer.tsx';
import { STATUS } from '../shared/palette.ts';
import { NO_TOWN, townPicture, type StageModel } from './model.ts';
import { describeNode, type StageNode } from '../drawings/node.ts';
import type { Focus } from '../shared/highlight.ts';
import { firstFit, textWidth } from '../shared/measure.ts';
import { techLayout, type TechLayout, type TechNeeds } from '../generic/layout.ts';
import { keepLines, type BoxLine } from '../generic/summary.ts';
import { BOLD, boxWidth, MONO, NodeBox, StatusTag, tagWidth, tagWord } from '../generic/NodeBox.tsx';
import { boxLink, flightLabel, flightWords, HatchPattern, linkPairs, NetLinks, useFlightDot } from '../generic/NetLinks.tsx';
import { townServiceLines } from './summary.ts';
import '../shared/views.css';

const LINES = 4;

export function TownTech({ className }: { className?: string }) {
  const k = useStagePicture('town', townPicture);
  const { size, sim, focus } = k;
  const flightMenu = useFlightMenu(k.openMenu, flightWords);

  const model = k.picture ?? NO_TOWN;
  const broker = model.board;
  const lines = Object.fromEntries(model.nodes.map((n) => [n.id, townServiceLines(n)]));
  const most = Math.max(1, ...Object.values(lines).map((l) => l.length));
  const layout = techLayout(size, model.nodes.map((n) => n.id), broker ? model.topics.length : null, Math.min(LINES, most),
    techNeeds(model, lines));
  const half = (id: string) => (broker && id === broker.id && layout.broker
    ? { w: layout.broker.w / 2, h: layout.broker.h / 2 } : { w: layout.box.w / 2, h: layout.box.h / 2 });
  const centreOf = (id: string) => (broker && id === broker.id ? layout.centre : layout.at[id] ?? layout.centre);
  const viaBroker = (x: string, y: string) => broker !== null && (x === broker.id || y === broker.id);
  const link = (from: string, to: string) => boxLink(from, to, centreOf, half, viaBroker);
  const ids = [...model.nodes.map((n) => n.id), ...(broker ? [broker.id] : [])];
  const isCut = (x: string, y: string) => sim.isCut(x, y);
  // The broker's links, the calls between services, and any cut link.
  const pairs = linkPairs(ids, (x, y) => viaBroker(x, y) || model.calls.some((c) => (c.from === x && c.to === y) || (c.from === y && c.to === x)), isCut);

  const flights: FlightSpec[] = sim.inFlight().map((f, i) => {
    const notice = typeof f.msg.notice === 'number' ? f.msg.notice : null;
    const topic = typeof f.msg.topic === 'string' ? f.msg.topic : null;
    return {
      msgId: f.msgId, key: `${f.msgId}:${i}`, type: f.msg.type, notice, topic, from: f.from, to: f.to,
      sentAt: f.sentAt, arrivesAt: f.arrivesAt, doomed: f.doomed, ...link(f.from, f.to),
      label: flightLabel(f),
    };
  });
  const fs = layout.fontSize;
  const flightIcon = useFlightDot(fs);

  return (
    <div ref={k.wrap} className={`tb-view tb-tech ${className ?? ''}`}>
      <svg width={size.width} height={size.height} role="group"
        aria-label={`Technical view: ${model.nodes.length} nodes${broker ? ' and the broker' : ''}, ${flights.length} messages in flight`}>
        <rect width={size.width} height={size.height} fill="#f7f7f9" />
        <HatchPattern />
        <NetLinks pairs={pairs} link={link} isCut={isCut} fs={fs} />
        {broker && layout.broker && (
          <BrokerBox node={broker} model={model} layout={layout} focus={focus} fs={fs}
            selected={k.isSelectedNode(broker.id)} onMenu={k.nodeMenu(broker.id)} />
        )}
        {model.nodes.map((n) => (
          <NodeBox key={n.id} node={n} title={titleOf(n)} words={describeNode(n)} at={layout.at[n.id]!} box={layout.box} lines={keepLines(lines[n.id] ?? [], layout.lines)} fs={fs}
            focused={focus.nodes.has(n.id)} selected={k.isSelectedNode(n.id)} onMenu={k.nodeMenu(n.id)} />
        ))}
        <FlightLayer flights={flights} focus={focus} selectedMsg={k.selectedMsg} icon={flightIcon} menu={flightMenu} />
        {model.nodes.length === 0 && !broker && (
          <text x={size.width / 2} y={size.height / 2} textAnchor="middle" fontSize={fs + 1} fill={STATUS.muted}>No nodes yet.</text>
        )}
      </svg>
      <StageMenu menu={k.menu} onClose={k.closeMenu} />
    </div>
  );
}

/** Which links to draw: every service to the broker, a caller to whom it phones, and every cut link. */
const titleOf = (node: StageNode) => (node.service && node.kind !== node.id ? [`${node.id} · ${node.kind}`, node.id] : [node.id]);
const subscribersOf = (t: StageModel['topics'][number]) => (t.subscribers.length
  ? [`→ ${t.subscribers.join(', ')}`, `→ ${t.subscribers.length} subscriber${t.subscribers.length === 1 ? '' : 's'}`] : ['→ no subscribers']);
const pinnedOf = (t: StageModel['topics'][number]) => `${t.topic} · ${t.pinned} pinned`;

/** What the boxes' words need, measured in the pictures' fonts. */
function techNeeds(model: StageModel, lines: Record<string, BoxLine[]>): TechNeeds {
  const pick = (says: readonly string[], short: boolean) => (short ? says[says.length - 1] : says[0]) ?? '';
  return {
    boxWidth: (fs, l, short) => Math.max(0, ...model.nodes.map((n) => boxWidth(n, titleOf(n), keepLines(lines[n.id] ?? [], l), fs, short))),
    brokerWidth: (fs, short) => {
      const b = model.board;
      if (!b) return 0;
      return Math.max(
        textWidth(`broker · ${b.id}`, fs, BOLD) + textWidth(`${model.notices.length} pinned`, fs - 1, MONO) + 30,
        textWidth('topics → subscriptions', fs - 1) + 20 + (tagWord(b) ? tagWidth(b, fs - 1) + 8 : 0),
        ...model.topics.map((t) => Math.max(textWidth(pinnedOf(t), fs - 1, { mono: true, bold: true }) + 20,
          textWidth(pick(subscribersOf(t), short), fs - 1, MONO) + 30)));
    },
  };
}

function BrokerBox({ node, model, layout, focus, fs, selected, onMenu }: {
  node: StageNode; model: StageModel; layout: TechLayout; focus: Focus; fs: number; selected: boolean;
  onMenu: (x: number, y: number) => void;
}) {
  const { w, h } = layout.broker!;
  const x0 = layout.centre.x - w / 2;
  const y0 = layout.centre.y - h / 2;
  const lineH = fs + 4;
  const head = layout.caption ? 2 : 1;
  const rows = Math.max(0, Math.floor((h - lineH * head - 10) / (lineH * 2)));
  const topics = model.topics.slice(0, rows);
  return (
    <g transform={`translate(${x0.toFixed(1)},${y0.toFixed(1)})`}>
      <g className={`tb-node${focus.nodes.has(node.id) ? ' is-focused' : ''}${selected ? ' is-selected' : ''}`}
        {...pointable({ kind: 'node', id: node.id }, `the broker (bulletin board): ${describeNode(node)}, ${model.notices.length} messages pinned, ${model.topics.length} topics`, onMenu)}>
        <rect className="tb-ring" x={-5} y={-5} width={w + 10} height={h + 10} rx={8} />
        <rect className="tb-box" width={w} height={h} rx={6} fill={node.up ? '#fff8e6' : 'url(#tb-hatch)'} strokeWidth={2}
          strokeDasharray={node.paused ? '5 3' : undefined} />
        <text x={10} y={lineH} fontSize={fs} fontWeight={800}>broker · {node.id}</text>
        {(layout.caption || !tagWord(node)) && (
          <text x={w - 10} y={lineH} fontSize={fs - 1} textAnchor="end" className="tb-mono" fill={STATUS.muted}>{model.notices.length} pinned</text>
        )}
        {layout.caption && <text x={10} y={lineH * 2 + 2} fontSize={fs - 1} fill={STATUS.muted}>topics → subscriptions</text>}
        {/* Beside the caption, or where the count was when there is no caption line. */}
        <StatusTag node={node} x={w - 6} y={layout.caption ? lineH * 2 + 2 : lineH} fs={fs - 1} />
      </g>
      {topics.map((t, k) => {
        const label = `topic ${t.topic}: ${t.pinned} pinned, subscribers ${t.subscribers.join(', ') || 'none'}`;
        return (
          <g key={t.topic} transform={`translate(8,${lineH * (k * 2 + head + 0.4)})`}
            className={`tb-notice${focus.topics.has(t.topic) ? ' is-focused' : ''}`} {...pointable({ kind: 'topic', id: t.topic }, label)}>
            <title>{label}</title>
            <rect className="tb-ring" x={-4} y={0} width={w - 8} height={lineH * 2} rx={3} />
            <text x={2} y={lineH - 5} fontSize={fs - 1} className="tb-mono" fontWeight={700}>
              {firstFit([pinnedOf(t)], w - 20, fs - 1, { mono: true, bold: true })}
            </text>
            <text x={14} y={lineH * 2 - 6} fontSize={fs - 1} className="tb-mono">
              {firstFit(subscribersOf(t), w - 30, fs - 1, MONO)}
            </text>
          </g>
        );
      })}
      {model.topics.length > topics.length && (
        <text x={w - 10} y={h - 6} textAnchor="end" fontSize={fs - 1} fill={STATUS.muted}>+{model.topics.length - topics.length} more</text>
      )}
    </g>
  );
}
