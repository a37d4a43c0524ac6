// What the town board's town and technical pictures draw, read from the sim: pure functions of the
// town-board state and the node list, so both pictures (and their tests) agree on what is there.
import type { NodeStatus, Sim, TraceEvent } from '../../engine/core/index.ts';
import { BOARD, type TownState } from '../../engine/town/index.ts';
import type { StageNode } from '../drawings/node.ts';

export interface OpenCall { id: number; from: string; to: string; label: string; startedAt: number }

export interface PinnedNotice {
  id: number;
  topic: string;
  from: string;
  pinnedAt: number;
  readers: string[];
  read: number;
}

export interface StageModel {
  /** Every node except the board, in the sim's order. */
  nodes: StageNode[];
  board: StageNode | null;
  notices: PinnedNotice[];
  calls: OpenCall[];
  /** Topic -> subscribers. */
  topics: { topic: string; subscribers: string[]; pinned: number }[];
}

export function stageModel(town: TownState | null, statuses: readonly NodeStatus[]): StageModel {
  const nodes: StageNode[] = [];
  let board: StageNode | null = null;
  statuses.forEach((st, index) => {
    const svc = st.sys === 'town' ? town?.services[st.id] : undefined;
    const isBoard = st.sys === 'town' && st.id === BOARD;
    const node: StageNode = {
      id: st.id, index, sys: st.sys, kind: isBoard ? 'board' : svc ? svc.kind : 'node',
      up: st.up, paused: st.paused, skew: st.skew, service: null,
    };
    if (svc && town) {
      const op = [...town.ops].reverse().find((o) => o.from === st.id);
      node.service = {
        current: svc.current, queue: svc.queue, handled: svc.handled, waiting: svc.waitingOn !== null,
        waitingSince: svc.waitingOn === null ? null : town.ops.find((o) => o.id === svc.waitingOn)?.startedAt ?? null,
        work: svc.work,
        topics: Object.keys(town.subscriptions).filter((t) => town.subscriptions[t]!.includes(st.id)),
        lastOp: op ? {
          mode: op.mode,
          waited: op.callerFreeAt === null ? null : op.callerFreeAt - op.startedAt,
          finished: op.doneAt === null ? null : op.doneAt - op.startedAt,
          targets: op.targets.length,
        } : null,
      };
    }
    if (isBoard) board = node;
    else nodes.push(node);
  });
  if (!town) return { nodes, board, notices: [], calls: [], topics: [] };
  const notices = town.notices
    .filter((n) => n.pinnedAt !== null)
    .map((n) => ({
      id: n.id, topic: n.topic, from: n.from, pinnedAt: n.pinnedAt!, readers: n.readers,
      read: n.readers.filter((r) => n.readAt[r] !== undefined).length,
    }));
  const calls = town.calls
    .filter((c) => c.answeredAt === null && town.ops.find((o) => o.id === c.op)?.doneAt === null)
    .map((c) => ({ id: c.id, from: c.from, to: c.to, label: c.label, startedAt: c.startedAt }));
  const topicNames = new Set([...Object.keys(town.subscriptions), ...notices.map((n) => n.topic)]);
  const topics = [...topicNames].sort().map((topic) => ({
    topic, subscribers: town.subscriptions[topic] ?? [], pinned: notices.filter((n) => n.topic === topic).length,
  }));
  return { nodes, board, notices, calls, topics };
}

/**
 * What both pictures draw, for the kit's `useStagePicture('town', townPicture)`: worked out once per state
 * of the run for both panes. Only the town board's nodes: another system's are drawn by its own views.
 */
export function townPicture(town: TownState, sim: Sim): StageModel {
  const statuses = sim.nodes().filter((n) => n.sys === 'town');
  return stageModel(statuses.length ? town : null, statuses);
}

/** A run without the town board (an empty one): no buildings, no board; the square says how to start. */
export const NO_TOWN: StageModel = stageModel(null, []);

export interface RecentDrop { msgId: number; from: string; to: string; type: string; t: number; reason: string; atSend: boolean }

/**
 * Messages lost in the last `window` ms of simulated time, newest last, so the stage can show where a
 * notice vanished (the space-time diagram keeps every drop).
 */
export function recentDrops(trace: readonly TraceEvent[], now: number, window: number, max = 12): RecentDrop[] {
  const out: RecentDrop[] = [];
  for (let k = trace.length - 1; k >= 0 && out.length < max; k--) {
    const e = trace[k]!;
    if (e.t < now - window) break;
    if (e.kind !== 'drop' || e.from === undefined || e.to === undefined) continue;
    out.push({ msgId: e.msgId ?? -1, from: e.from, to: e.to, type: e.msg?.type ?? '?', t: e.t, reason: e.text ?? 'lost', atSend: e.sentAt === e.t });
  }
  return out.reverse();
}
