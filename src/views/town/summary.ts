// What a town service's technical box says, line by line: its queue and busy state, what it handled
// (or that it is WAITING on a reply), the last fan-out's latencies, the topics it reads.
import type { StageNode } from '../drawings/node.ts';
import type { BoxLine } from '../generic/summary.ts';

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
