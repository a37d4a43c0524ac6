// What the learner can do to a Raft cluster from its pictures. Every action is a scenario command run
// through the lab store, so it lands in the console's history, the recorded inputs and share links.
import type { NodeStatus } from '../../engine/core/index.ts';
import type { RaftState } from '../../engine/raft/index.ts';
import { labStore } from '../../store/lab-store.ts';
import { run } from '../kit/menu.tsx';
import type { NodeAction } from '../registry.ts';
import { freshRequestValue } from './model.ts';

const raftState = (): RaftState | null => {
  const sim = labStore.getState().session.sim;
  return sim.activeSystems().includes('raft') ? sim.state<RaftState>('raft') : null;
};

const isRaft = (n: NodeStatus) => n.sys === 'raft';

/** Raft's entries in a server's menu: time it out now (an election), send it a client request. */
export const raftNodeActions: readonly NodeAction[] = [
  {
    id: 'raft.timeout',
    label: (n) => `Time out ${n.id} now (it starts an election)`,
    applies: (n) => isRaft(n) && n.up && !n.paused && raftState()?.servers[n.id]?.role !== 'leader',
    run: (n) => run(`raft.timeout node=${n.id}`),
  },
  {
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
  },
];
