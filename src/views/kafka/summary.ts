// A Kafka node's state in two short lines, for pictures that do not know Kafka (the generic technical
// boxes): read from the same picture model as the inspector, so the words agree.
import type { Sim } from '../../engine/core/index.ts';
import type { SummaryNode } from '../registry.ts';
import { kafkaState } from './actions.ts';
import { kafkaPicture } from './model.ts';

export function kafkaSummary(sim: Sim, n: SummaryNode): string[] {
  const s = kafkaState(sim);
  if (!s) return [];
  const pic = kafkaPicture(s, sim.nodes(), sim.now, { tail: 1 });
  if (n.id === 'controller') {
    const fenced = pic.brokers.filter((b) => b.fenced).map((b) => b.id);
    return ['controller · elects leaders', `fenced ${fenced.join(', ') || 'none'}`];
  }
  const b = pic.brokers.find((x) => x.id === n.id);
  if (b) return [`broker · leads ${b.leads.length}${b.fenced ? ' · FENCED' : ''}`, `follows ${b.follows.length} · out of sync ${b.outOfSync.length}`];
  const p = pic.producers.find((x) => x.id === n.id);
  if (p) return [`producer · acks=${p.acks}`, `acked ${p.acked} · in flight ${p.inflight}`];
  for (const g of pic.groups) {
    const m = g.members.find((x) => x.id === n.id);
    if (m) return [`${m.phase} · group ${g.id}`, `reads ${m.owned.join(', ') || 'nothing'}`];
  }
  return [];
}
