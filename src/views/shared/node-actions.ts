// The actions a node offers (its context menu in every view): inspect, crash, restart, pause and resume
// for every node, then the actions of its system's views (`actions` in src/views/registry.ts: a Raft
// server's "time out now", a Kafka consumer's "commit"). Each runs scenario commands, so every action is
// also a line in the console's history and in share links.
import type { NodeStatus } from '../../engine/core/index.ts';
import { labStore } from '../../store/lab-store.ts';
import { systemNodeActions, type NodeAction } from '../registry.ts';

export type { NodeAction };

const exec = (line: string) => {
  const r = labStore.getState().exec(line);
  if (r.error) labStore.getState().setNotice(r.error);
};

const everyNode: readonly NodeAction[] = [
  {
    id: 'inspect', label: (n) => `Inspect ${n.id}`, applies: () => true,
    run: (n) => labStore.getState().select({ kind: 'node', id: n.id }),
  },
  { id: 'crash', label: (n) => `Crash ${n.id} (set it on fire)`, applies: (n) => n.up, run: (n) => exec(`crash node=${n.id}`) },
  { id: 'restart', label: (n) => `Restart ${n.id}`, applies: (n) => !n.up, run: (n) => exec(`restart node=${n.id}`) },
  { id: 'pause', label: (n) => `Pause ${n.id} (freeze it)`, applies: (n) => n.up && !n.paused, run: (n) => exec(`pause node=${n.id}`) },
  { id: 'resume', label: (n) => `Resume ${n.id}`, applies: (n) => n.paused, run: (n) => exec(`resume node=${n.id}`) },
];

export function nodeActionsFor(node: NodeStatus): NodeAction[] {
  return [...everyNode, ...systemNodeActions()].filter((a) => a.applies(node));
}
