// The actions a node offers (its context menu in every view). Later engineers add their own with
// `registerNodeAction` (a system's "make leader", "drain", ...); each runs scenario commands, so every
// action is also a line in the console's history and in share links.
import type { NodeStatus } from '../../engine/core/index.ts';
import { labStore } from '../../store/lab-store.ts';

export interface NodeAction {
  id: string;
  /** What the menu says, e.g. "Set bakery on fire (crash)". */
  label: (node: NodeStatus) => string;
  /** Whether the action makes sense for this node now. */
  applies: (node: NodeStatus) => boolean;
  run: (node: NodeStatus) => void;
}

const exec = (line: string) => {
  const r = labStore.getState().exec(line);
  if (r.error) labStore.getState().setNotice(r.error);
};

const actions: NodeAction[] = [
  {
    id: 'inspect', label: (n) => `Inspect ${n.id}`, applies: () => true,
    run: (n) => labStore.getState().select({ kind: 'node', id: n.id }),
  },
  { id: 'crash', label: (n) => `Crash ${n.id} (set it on fire)`, applies: (n) => n.up, run: (n) => exec(`crash node=${n.id}`) },
  { id: 'restart', label: (n) => `Restart ${n.id}`, applies: (n) => !n.up, run: (n) => exec(`restart node=${n.id}`) },
  { id: 'pause', label: (n) => `Pause ${n.id} (freeze it)`, applies: (n) => n.up && !n.paused, run: (n) => exec(`pause node=${n.id}`) },
  { id: 'resume', label: (n) => `Resume ${n.id}`, applies: (n) => n.paused, run: (n) => exec(`resume node=${n.id}`) },
];

/** Adds an action to every node's menu (replacing one with the same id). */
export function registerNodeAction(action: NodeAction): void {
  const at = actions.findIndex((a) => a.id === action.id);
  if (at >= 0) actions[at] = action;
  else actions.push(action);
}

export function nodeActionsFor(node: NodeStatus): NodeAction[] {
  return actions.filter((a) => a.applies(node));
}
