// What a technical box says about a node, line by line. The town board's services get their queue,
// busy state, counts and the last fan-out's latencies; other systems register their own lines with
// `registerNodeSummary` (Raft: role and term, Kafka: partitions led, ...). Without one, a node shows its
// status only. Each line offers wordings, longest first, so a narrow box says the same thing shorter
// instead of cutting it, and a rank, so a box with room for fewer lines keeps the ones that matter most.
import type { Sim } from '../../engine/core/index.ts';
import type { StageNode } from '../shared/town-model.ts';

export interface BoxLine {
  /** The same fact worded longest first; the box shows the first that fits. */
  says: readonly string[];
  /** 0 matters most; a box short of room drops the highest ranks first. */
  rank: number;
}

export type NodeSummary = (sim: Sim, node: StageNode) => string[];

const bySystem: Record<string, NodeSummary> = {};

export function registerNodeSummary(sys: string, summary: NodeSummary): void {
  bySystem[sys] = summary;
}

export function townServiceLines(n: StageNode): BoxLine[] {
  const s = n.service;
  if (!s) return [];
  const queue = `queue ${s.queue.length}`;
  const state: BoxLine = s.current
    ? { says: [`${queue} · busy (${s.current.kind} #${s.current.ref})`, `${queue} · busy`], rank: 0 }
    : { says: [`${queue} · idle`], rank: 0 };
  const handled: BoxLine = s.waiting
    ? { says: [`handled ${s.handled} · WAITING on reply`, `WAITING on reply`, 'WAITING'], rank: 0 }
    : { says: [`handled ${s.handled}`], rank: 2 };
  const lines = [state, handled];
  if (s.lastOp) {
    const { mode, waited, finished } = s.lastOp;
    // Not known yet is said in words: an ellipsis would read as a cut label.
    lines.push({ says: waited === null ? [`${mode}: still waiting`, 'still waiting'] : [`${mode}: waited ${waited}ms`, `waited ${waited}ms`], rank: 1 });
    lines.push({ says: finished === null ? ['not all finished yet', 'not all done yet'] : [`all finished after ${finished}ms`, `finished after ${finished}ms`, `finished ${finished}ms`], rank: 1 });
  }
  if (s.topics.length) lines.push({ says: [`reads ${s.topics.join(', ')}`, s.topics.length === 1 ? `reads ${s.topics[0]!}` : `reads ${s.topics.length} topics`], rank: 3 });
  return lines;
}

export function summaryLines(sim: Sim, n: StageNode): BoxLine[] {
  if (n.service) return townServiceLines(n);
  const custom = bySystem[n.sys];
  const lines: BoxLine[] = (custom ? safe(() => custom(sim, n)) : [`system ${n.sys}`]).map((l, k) => ({ says: [l], rank: k }));
  if (n.skew !== 0) lines.push({ says: [`clock skew ${n.skew > 0 ? '+' : ''}${n.skew}ms`, `skew ${n.skew > 0 ? '+' : ''}${n.skew}ms`], rank: 0 });
  return lines;
}

/** The `budget` lines that matter most, in their own order. */
export function keepLines(lines: readonly BoxLine[], budget: number): BoxLine[] {
  const kept = new Set([...lines].sort((a, b) => a.rank - b.rank).slice(0, Math.max(0, budget)));
  return lines.filter((l) => kept.has(l));
}

function safe(f: () => string[]): string[] {
  try { return f(); } catch (e) { return [`(${e instanceof Error ? e.message : 'no summary'})`]; }
}

// Built-in summaries for the consensus systems, read through their documented queries (so they follow
// the systems' own definitions and survive changes to their state's shape).
const q = (sim: Sim, expr: string) => String(sim.query(expr));
registerNodeSummary('raft', (sim, n) => [
  `${q(sim, `raft.role(${n.id})`)} · term ${q(sim, `raft.term(${n.id})`)}`,
  `log ${q(sim, `raft.log(${n.id})`)} · commit ${q(sim, `raft.commit(${n.id})`)}`,
]);
registerNodeSummary('paxos', (sim, n) => [
  `promised ${q(sim, `paxos.promised(${n.id})`)} · accepted ${q(sim, `paxos.acceptedN(${n.id})`)}`,
  `learned ${q(sim, `paxos.learned(${n.id})`)}`,
]);
