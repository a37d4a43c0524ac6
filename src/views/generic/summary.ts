// What a box says about a node, line by line: its system views' `summary` (src/views/registry.ts: Raft's
// role and term, Kafka's partitions led, ...) and its clock skew. Without a summary, a node shows its
// system only. Each line offers wordings, longest first, so a narrow box says the same thing shorter
// instead of cutting it, and a rank, so a box with room for fewer lines keeps the ones that matter most.
import type { Sim } from '../../engine/core/index.ts';
import { viewsOf, type SummaryNode } from '../registry.ts';

export interface BoxLine {
  /** The same fact worded longest first; the box shows the first that fits. */
  says: readonly string[];
  /** 0 matters most; a box short of room drops the highest ranks first. */
  rank: number;
}

export function summaryLines(sim: Sim, n: SummaryNode): BoxLine[] {
  const custom = viewsOf(n.sys)?.summary;
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
