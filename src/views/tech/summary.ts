// What a technical box says about a node, line by line. The town board's services get their queue,
// busy state, counts and the last fan-out's latencies (worded short enough for a box); other systems
// register their own lines with `registerNodeSummary` (Raft: role and term, Kafka: partitions led, ...).
// Without one, a node shows its status only.
import type { Sim } from '../../engine/core/sim.ts';
import type { StageNode } from '../shared/town-model.ts';

export type NodeSummary = (sim: Sim, node: StageNode) => string[];

const bySystem: Record<string, NodeSummary> = {};

export function registerNodeSummary(sys: string, summary: NodeSummary): void {
  bySystem[sys] = summary;
}

const ms = (x: number | null) => (x === null ? '…' : `${x}ms`);

export function townServiceLines(n: StageNode): string[] {
  const s = n.service;
  if (!s) return [];
  const busy = s.current ? `busy (${s.current.kind} #${s.current.ref})` : 'idle';
  const lines = [`queue ${s.queue.length} · ${busy}`, `handled ${s.handled}${s.waiting ? ' · WAITING on reply' : ''}`];
  if (s.lastOp) lines.push(`${s.lastOp.mode}: waited ${ms(s.lastOp.waited)}`, `${' '.repeat(s.lastOp.mode.length + 2)}finished ${ms(s.lastOp.finished)}`);
  if (s.topics.length) lines.push(`reads ${s.topics.join(', ')}`);
  return lines;
}

export function summaryLines(sim: Sim, n: StageNode): string[] {
  if (n.service) return townServiceLines(n);
  const custom = bySystem[n.sys];
  const lines = custom ? safe(() => custom(sim, n)) : [`system ${n.sys}`];
  if (n.skew !== 0) lines.push(`clock skew ${n.skew > 0 ? '+' : ''}${n.skew}ms`);
  return lines;
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
