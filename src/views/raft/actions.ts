// What the learner can do to a Raft cluster from its pictures. Every action is a scenario command run
// through the lab store, so it lands in the console's history, the recorded inputs and share links.
import type { NodeStatus } from '../../engine/core/index.ts';
import type { RaftState } from '../../engine/raft/index.ts';
import { labStore } from '../../store/lab-store.ts';
import type { MenuItem } from '../shared/interaction.tsx';
import { registerNodeAction } from '../shared/node-actions.ts';
import { freshRequestValue } from './model.ts';

/** Runs a command line; a refusal (a paused server, no leader, ...) shows as the page's notice. */
export function run(line: string): void {
  const r = labStore.getState().exec(line);
  if (r.error) labStore.getState().setNotice(r.error);
}

const raftState = (): RaftState | null => {
  const sim = labStore.getState().session.sim;
  return sim.activeSystems().includes('raft') ? sim.state<RaftState>('raft') : null;
};

/** A message in flight: drop it (the `drop` command) or inspect it. One already doomed can only be inspected. */
export function messageMenu(msgId: number, what: string, doomed = false): MenuItem[] {
  const inspect = { id: 'inspect', label: `Inspect message #${msgId}${doomed ? ' (it will be lost)' : ''}`, run: () => labStore.getState().select({ kind: 'msg', id: msgId }) };
  return doomed ? [inspect] : [{ id: 'drop', label: `Drop message #${msgId} (${what})`, run: () => run(`drop msg=${msgId}`) }, inspect];
}

/** A link between two servers: cut one way or both, or heal it (`partition` / `heal`). */
export function linkMenu(x: string, y: string, cutXY: boolean, cutYX: boolean): MenuItem[] {
  const items: MenuItem[] = [];
  if (!cutXY) items.push({ id: 'cut-xy', label: `Cut ${x} → ${y} only (one way)`, run: () => run(`partition a=${x} b=${y} oneway=true`) });
  if (!cutYX) items.push({ id: 'cut-yx', label: `Cut ${y} → ${x} only (one way)`, run: () => run(`partition a=${y} b=${x} oneway=true`) });
  if (!(cutXY && cutYX)) items.push({ id: 'cut-both', label: `Cut ${x} ↔ ${y} both ways`, run: () => run(`partition a=${x} b=${y}`) });
  if (cutXY || cutYX) items.push({ id: 'heal', label: `Heal the link ${x} ↔ ${y}`, run: () => run(`heal a=${x} b=${y}`) });
  return items;
}

const isRaft = (n: NodeStatus) => n.sys === 'raft';

export function registerRaftActions(): void {
  registerNodeAction({
    id: 'raft.timeout',
    label: (n) => `Time out ${n.id} now (it starts an election)`,
    applies: (n) => isRaft(n) && n.up && !n.paused && raftState()?.servers[n.id]?.role !== 'leader',
    run: (n) => run(`raft.timeout node=${n.id}`),
  });
  registerNodeAction({
    id: 'raft.request',
    label: (n) => {
      const st = raftState();
      return `Send a client request${st ? ` (${freshRequestValue(st)})` : ''} to ${n.id}`;
    },
    applies: (n) => isRaft(n) && n.up && !n.paused,
    run: (n) => {
      const st = raftState();
      if (st) run(`raft.request value=${freshRequestValue(st)} node=${n.id}`);
    },
  });
}
