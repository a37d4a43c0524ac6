// A node as the town's drawings show it: a building (a town service with its queue and jobs, the board,
// or another system's node drawn as a building), and its state in a sentence.
import type { BuildingKind, Job } from '../../engine/town/index.ts';

export interface StageNode {
  id: string;
  /** Position in the sim's node list: picks the node's colour and mark in every view. */
  index: number;
  sys: string;
  kind: BuildingKind | 'board' | 'node';
  up: boolean;
  paused: boolean;
  skew: number;
  /** Town services only. */
  service: {
    current: Job | null;
    queue: Job[];
    handled: number;
    waiting: boolean;
    /** When the operation it is waiting on started. */
    waitingSince: number | null;
    work: number;
    topics: string[];
    lastOp: { mode: 'calls' | 'events'; waited: number | null; finished: number | null; targets: number } | null;
  } | null;
}

/** A short sentence saying a node's state, for aria-labels and titles. */
export function describeNode(n: StageNode): string {
  const parts: string[] = [n.kind === 'node' || n.kind === 'board' ? n.id : `${n.id} (${n.kind})`];
  if (!n.up) parts.push('crashed, on fire');
  else if (n.paused) parts.push('paused, frozen');
  const s = n.service;
  if (s && n.up) {
    if (s.waiting) parts.push('waiting for a reply');
    if (s.current) parts.push(`working on a ${s.current.kind}`);
    else if (!s.waiting) parts.push('idle');
    if (s.queue.length) parts.push(`${s.queue.length} job${s.queue.length === 1 ? '' : 's'} waiting`);
    parts.push(`${s.handled} handled`);
  }
  return parts.join(', ');
}
