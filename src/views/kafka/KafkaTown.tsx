// The town picture of a Kafka run: shops posting notices (producers) and the town hall (controller) on
// the left, the bulletin board split into columns (TownBoard), the other squares holding copies
// (TownSquares), and the teams of readers (consumer groups) at the bottom. Notices fly from a shop to
// their column; routine traffic (fetches, heartbeats) flies small and quiet.
import { useMemo } from 'react';
import { pointable } from '../shared/interaction.tsx';
import { FlightLayer, useFlightMenu } from '../kit/FlightLayer.tsx';
import { StageMenu } from '../kit/menu.tsx';
import { markPath, messageStyle, nodeStyle, STATUS } from '../shared/palette.ts';
import type { Point } from '../shared/geometry.ts';
import type { StageNode } from '../drawings/node.ts';
import type { StageViewProps } from '../stages.ts';
import { BuildingNode } from '../drawings/BuildingNode.tsx';
import { Slip } from '../drawings/icons.tsx';
import type { TownLayout } from './layout-town.ts';
import { planTown } from './plan.ts';
import type { GroupModel, KafkaPicture } from './model.ts';
import { TownBoard } from './TownBoard.tsx';
import { TownSquare } from './TownSquares.tsx';
import { kafkaFlights, shortType } from './flights.ts';
import { groupColour, groupDash, KafkaDefs, NodeMark } from './glyphs.tsx';
import { groupFocused } from './ids.ts';
import { groupWords, partitionName, rebalanceLine, rebalanceLines, teamHeads } from './describe.ts';
import { firstFit, fitText, textWidth } from '../shared/measure.ts';
import { useLesson } from '../../store/lesson-store.ts';
import { useKafka, type KafkaStage } from './useKafka.ts';
import '../shared/views.css';
import './kafka.css';

const stageNode = (id: string, index: number, kind: StageNode['kind'], up: boolean, paused = false): StageNode =>
  ({ id, index, sys: 'kafka', kind, up, paused, skew: 0, service: null });

export function KafkaTown({ className }: StageViewProps) {
  const k = useKafka();
  const flightMenu = useFlightMenu(k.openMenu);
  const { wrap, size } = k;
  const presenter = useLesson((s) => s.presenter);
  const pic = k.picture;
  const planned = useMemo(() => (pic ? planTown(pic, { width: size.width, height: size.height }, presenter, textWidth) : null), [pic, size.width, size.height, presenter]);
  if (!pic || !planned) return <div ref={wrap} className={`tb-view ${className ?? ''}`}><p className="muted empty">No Kafka cluster yet: start one with kafka.cluster brokers=3.</p></div>;
  const l = planned;
  const { fs } = l;
  const paused = new Set(k.sim.nodes().filter((n) => n.paused).map((n) => n.id));
  const brokerIds = new Set(pic.brokers.map((b) => b.id));
  const clients = new Set([...pic.producers.map((p) => p.id), ...pic.groups.flatMap((g) => g.members.map((m) => m.id))]);
  const columnHead = (tp: string): Point | null => {
    const c = l.columns.find((x) => `${x.topic}-${x.partition}` === tp);
    return c ? { x: c.x + c.w / 2, y: l.colHeadY - fs * 0.4 } : null;
  };
  const nodeAt = (node: string): Point | null => {
    const bi = pic.brokers.findIndex((b) => b.id === node);
    if (bi >= 0) { const r = l.squares[bi]!; return { x: r.x + r.w / 2, y: r.y + r.h / 2 }; }
    const pi = pic.producers.findIndex((p) => p.id === node);
    if (pi >= 0) return l.producers[pi]!;
    if (node === 'controller') return l.hall;
    for (let g = 0; g < pic.groups.length; g++) {
      const mi = pic.groups[g]!.members.findIndex((m) => m.id === node);
      if (mi >= 0) return l.readers[g]![mi]!;
    }
    return null;
  };
  const flights = kafkaFlights(k.sim.inFlight(), {
    bend: 0.1,
    at: (node) => nodeAt(node),
  }).map((f) => {
    // A client's request about one partition goes to (or comes from) that column of the board.
    if (!f.tp) return f;
    if (brokerIds.has(f.to) && clients.has(f.from)) { const b = columnHead(f.tp); return b ? { ...f, b, c: mid(f.a, b) } : f; }
    if (brokerIds.has(f.from) && clients.has(f.to)) { const a = columnHead(f.tp); return a ? { ...f, a, c: mid(a, f.b) } : f; }
    return f;
  });
  const sel = k.selected;
  const byKey = new Map(flights.map((f) => [f.key, f]));
  const isSel = (id: string) => sel?.kind === 'node' && sel.id === id;

  return (
    <div ref={wrap} className={`tb-view tb-town kf-view kf-town ${className ?? ''}`} data-testid="kafka-town">
      <svg width={size.width} height={size.height} role="group"
        aria-label={`Kafka town: a bulletin board of ${pic.partitions.length} columns, ${pic.brokers.length} squares keeping copies, ${pic.groups.length} teams of readers, ${pic.producers.length} shops posting; ${flights.length} messages on the way`}>
        <KafkaDefs id="kw" />
        <rect width={size.width} height={size.height} fill="#eef3e2" />
        <TownBoard pic={pic} l={l} focus={k.focus} selected={k.selectedItem} onMenu={k.openItem} />
        {pic.producers.map((p, i) => (
          <BuildingNode key={p.id} node={stageNode(p.id, p.index, 'grocery', p.up, paused.has(p.id))} at={l.producers[i]!} s={l.s} fontSize={Math.max(12, fs - 1)} paneWidth={size.width}
            note={firstFit([`acks=${p.acks} · ${p.acked} ok${p.failed ? ` · ${p.failed} failed` : ''}`, ...(p.failed ? [`${p.acked} ok · ${p.failed} failed`, `${p.acked} ok · ${p.failed} ✕`] : [`${p.acked} ok`])], l.leftW + 10, Math.max(12, fs - 1) - 1)} focused={k.focus.nodes.has(p.id)} selected={isSel(p.id)}
            waitRef={noop} onMenu={k.nodeMenu(p.id)} />
        ))}
        {pic.controller && l.hall && (
          <BuildingNode node={stageNode('controller', pic.controller.index, 'hall', pic.controller.up, paused.has('controller'))} at={l.hall} s={l.s} fontSize={Math.max(12, fs - 1)} paneWidth={size.width}
            note="town hall" focused={k.focus.nodes.has('controller')} selected={isSel('controller')} waitRef={noop} onMenu={k.nodeMenu('controller')} />
        )}
        {pic.brokers.map((b, i) => (
          <TownSquare key={b.id} b={b} r={l.squares[i]!} pic={pic} fs={fs} focus={k.focus} selected={isSel(b.id)} onMenu={k.nodeMenu(b.id)} />
        ))}
        {pic.groups.map((g, i) => (
          <Team key={g.id} g={g} i={i} l={l} pic={pic} k={k} />
        ))}
        <FlightLayer flights={flights} focus={k.focus} selectedMsg={k.selectedMsg} menu={flightMenu} icon={(f) => {
          const kf = byKey.get(f.key);
          const st = messageStyle(f.type);
          if (kf?.quiet) return <circle r={3.5} fill={st.colour} stroke="#1d1d1f" strokeWidth={0.75} opacity={0.7} />;
          return (
            <>
              {f.type === 'ProduceRequest' ? <Slip colour="#F0E442" w={18} h={13} /> : <circle r={6.5} fill={kf?.error ? '#D55E00' : st.colour} stroke="#1d1d1f" strokeWidth={1.4} />}
              <text y={-12} textAnchor="middle" fontSize={Math.max(11, fs - 2)} fontWeight={700} className="tb-halo" data-flight-label="">{shortType(f.type)}{kf?.error ? ` ✕ ${kf.error}` : ''}</text>
            </>
          );
        }} />
      </svg>
      <StageMenu menu={k.menu} onClose={k.closeMenu} />
    </div>
  );
}

const noop = () => {};

const mid = (a: Point, b: Point): Point => ({ x: (a.x + b.x) / 2, y: (a.y + b.y) / 2 - 10 });

function Team({ g, i, l, pic, k }: { g: GroupModel; i: number; l: TownLayout; pic: KafkaPicture; k: KafkaStage }) {
  const r = l.teams[i]!;
  const { fs } = l;
  const focused = groupFocused(k.focus, g.id);
  const sel = k.selected?.kind === 'item' && k.selected.id === g.item;
  const rb = rebalanceLine(g, pic.now, true);
  const heads = teamHeads(g);
  const slot = (r.w - 12) / Math.max(1, g.members.length);
  const rowH = r.h - (fs + 8) - (fs + 4);
  return (
    <g data-testid={`team-${g.id}`}>
      <g className={`tb-node${focused ? ' is-focused' : ''}${sel ? ' is-selected' : ''}`}
        {...pointable({ kind: 'item', id: g.item }, `team of readers: ${groupWords(g)}${rb ? `. ${rb}` : ''}. Context-menu key: actions.`, k.openItem(g.item))}>
        <title>{`${groupWords(g)}${rb ? `\n${rb}` : ''}`}</title>
        <rect className="tb-ring" x={r.x - 4} y={r.y - 4} width={r.w + 8} height={r.h + 8} rx={10} />
        <rect x={r.x} y={r.y} width={r.w} height={r.h} rx={8} fill={g.rebalance?.active ? '#fff2d6' : '#f6f1e4'} stroke={groupColour(g.index)} strokeWidth={2.2} strokeDasharray={groupDash(g.index)} />
        <rect x={r.x + 6} y={r.y + 4} width={fs * 1.1} height={fs + 2} rx={2} fill={groupColour(g.index)} stroke="#1d1d1f" strokeWidth={0.8} />
        <text x={r.x + 6 + fs * 0.55} y={r.y + 4 + fs * 0.86} textAnchor="middle" fontSize={Math.max(11, fs - 2)} fontWeight={800} fill="#ffffff">{g.tag.slice(0, 1)}</text>
        <text x={r.x + fs * 1.6 + 8} y={r.y + 4 + fs * 0.86} fontSize={fs - 1} fontWeight={700}>{firstFit(heads, r.w - fs * 1.6 - 14, fs - 1, { bold: true })}</text>
        {rb && (
          <text x={r.x + 8} y={r.y + r.h - 5} fontSize={Math.max(11, fs - 2)} fontWeight={700} fill={rb.startsWith('⟳') ? '#8a4b00' : STATUS.ink}>{firstFit(rebalanceLines(g, pic.now).slice(1), r.w - 16, Math.max(11, fs - 2), { bold: true })}</text>
        )}
      </g>
      {g.members.map((m, j) => (
        <Reader key={m.id} m={m} g={g} at={l.readers[i]![j]!} w={slot} h={rowH} fs={fs} focused={k.focus.nodes.has(m.id)}
          selected={k.selected?.kind === 'node' && k.selected.id === m.id} onMenu={k.nodeMenu(m.id)} />
      ))}
    </g>
  );
}

/** One reader of a team: a little figure in its colour with its mark, its name and what it reads. */
function Reader({ m, g, at, w, h, fs, focused, selected, onMenu }: {
  m: GroupModel['members'][number]; g: GroupModel; at: Point; w: number; h: number; fs: number; focused: boolean; selected: boolean;
  onMenu: (x: number, y: number) => void;
}) {
  const st = nodeStyle(m.index);
  const stopped = m.up && m.phase !== 'stable';
  // Rejoining under a cooperative protocol, a reader keeps reading what it has.
  // From the fullest words to the shortest ("reads 0,1" then "0,1"): a word is dropped, never cut.
  const doing = !m.up ? ['✕ ON FIRE', '✕ fire', '✕'] : stopped && m.owned.length === 0 ? (g.rebalance?.protocol === 'eager' ? ['‖ stopped', '‖'] : [`⟳ ${m.phase}`, '⟳'])
    : m.owned.length ? [`${stopped ? '⟳ ' : ''}reads ${partitionsShort(m.owned, g.topics.length > 1)}`, `${stopped ? '⟳' : ''}${partitionsShort(m.owned, g.topics.length > 1)}`, `${m.owned.length} column${m.owned.length === 1 ? '' : 's'}`, `×${m.owned.length}`]
      : ['reads nothing', 'none'];
  const fig = Math.min(h, fs * 2);
  const two = h >= fs * 2 + 2;
  const tx = at.x + fig * 0.75 + 3;
  const tw = w - fig * 0.75 - 6;
  const nfs = Math.max(11, fs - 2);
  // A slot too narrow for the figure and the name holds the reader's mark and its name instead.
  const narrow = textWidth(m.id, nfs, { bold: true }) > tw;
  const words = `reader ${m.id} of team ${g.id}: ${!m.up ? 'ON FIRE · crashed' : stopped ? `${m.phase} (rebalance)` : m.busy}; ${m.owned.length ? `reads columns ${m.owned.join(',')}` : 'reads nothing'}; processed ${m.processed}; commits ${m.commit}. Context-menu key: actions.`;
  return (
    <g className={`tb-node${focused ? ' is-focused' : ''}${selected ? ' is-selected' : ''}`} data-testid={`reader-${m.id}`} {...pointable({ kind: 'node', id: m.id }, words, onMenu)}>
      <title>{words}</title>
      <rect className="tb-ring" x={at.x - 2} y={at.y - h / 2 - 1} width={w - 2} height={h + 2} rx={5} />
      {narrow ? (
        <>
          <NodeMark x={at.x + nfs * 0.5} y={at.y} index={m.index} r={nfs * 0.42} dim={!m.up} />
          <text x={at.x + nfs * 1.1} y={at.y + nfs * 0.36} fontSize={nfs} fontWeight={700} className={!m.up ? 'tb-status-fire' : undefined} aria-hidden="true">
            {fitText(`${m.id}${m.up ? '' : ' ✕'}`, w - nfs * 1.1 - 3, nfs, { bold: true })}
          </text>
        </>
      ) : <>
      <g transform={`translate(${(at.x + fig * 0.38).toFixed(1)},${at.y.toFixed(1)})`} className={m.up ? undefined : 'is-burnt'} aria-hidden="true">
        <circle cy={-fig * 0.26} r={fig * 0.17} fill={m.up ? '#f2d4b7' : '#cccccc'} stroke="#1d1d1f" strokeWidth={1} />
        <path d={`M${-fig * 0.3},${fig * 0.42}Q${-fig * 0.3},${-fig * 0.06} 0,${-fig * 0.06}Q${fig * 0.3},${-fig * 0.06} ${fig * 0.3},${fig * 0.42}Z`}
          fill={m.up ? st.colour : '#9a9a9a'} stroke="#1d1d1f" strokeWidth={1} />
        <path d={markPath(st.mark, fig * 0.1)} transform={`translate(0,${fig * 0.18})`} fill="#ffffff" stroke="#1d1d1f" strokeWidth={0.6} />
      </g>
      {two ? (
        <>
          <text x={tx} y={at.y - 2} fontSize={fs - 1} fontWeight={700}>{fitText(m.id, tw, fs - 1, { bold: true })}</text>
          <text x={tx} y={at.y + fs - 1} fontSize={Math.max(11, fs - 2)} fontWeight={!m.up || stopped ? 800 : 400} className={!m.up ? 'tb-status-fire' : undefined} fill={!m.up ? undefined : stopped ? '#8a4b00' : STATUS.muted}>{firstFit(doing, tw, Math.max(11, fs - 2), { bold: !m.up || stopped })}</text>
        </>
      ) : (
        <text x={tx} y={at.y + fs * 0.35} fontSize={Math.max(11, fs - 2)} fontWeight={700} className={!m.up ? 'tb-status-fire' : undefined}>{oneLine(m.id, !m.up ? '✕' : stopped && m.owned.length === 0 ? '‖' : partitionsShort(m.owned, g.topics.length > 1), tw, Math.max(11, fs - 2))}</text>
      )}
      </>}
    </g>
  );
}

/** "a1 0,4,8" when it fits, else the name alone (the rest is in the label and the inspector). */
const oneLine = (id: string, rest: string, w: number, fs: number) => {
  const both = `${id} ${rest}`;
  return textWidth(both, fs, { bold: true }) <= w ? both : fitText(id, w, fs, { bold: true });
};

const partitionsShort = (tps: readonly string[], multi: boolean) => {
  const nums = tps.map((tp) => partitionName(tp, multi));
  return nums.length > 4 ? `${nums.slice(0, 3).join(',')}…+${nums.length - 3}` : nums.join(',');
};
