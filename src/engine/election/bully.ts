// The bully algorithm (H. Garcia-Molina, "Elections in a Distributed Computing System", IEEE ToC 1982):
// a node that finds the coordinator gone sends ELECTION to every higher-ranked node; any higher node that
// is alive answers OK and holds its own election; a node that hears no OK within T becomes coordinator and
// announces COORDINATOR to the lower nodes; one that got an OK but no COORDINATOR within T starts again. A
// node that recovers holds an election, and a higher node that hears a lower one announce itself
// bullies it by holding its own. The coordinator's liveness is checked by a ping each heartbeat.
import type { NodeId, SystemContext } from '../core/types.ts';
import type { ElectionMessage } from './messages.ts';
import type { BullyNode, ElectionState } from './state.ts';

const send = (st: ElectionState, ctx: SystemContext, from: NodeId, to: NodeId, m: ElectionMessage) => { st.messages++; ctx.send(from, to, m); };

export function startElection(st: ElectionState, b: BullyNode, ctx: SystemContext): void {
  b.round++;
  b.phase = 'electing';
  b.leader = null;
  b.pingOut = 0;
  const higher = st.bully.filter((o) => o.rank > b.rank);
  if (!higher.length) { becomeCoordinator(st, b, ctx); return; }
  ctx.note(b.id, `${b.id} holds an election: ELECTION to ${higher.map((o) => o.id).join(',')}`);
  for (const o of higher) send(st, ctx, b.id, o.id, { type: 'Election' });
  ctx.setTimer(b.id, st.bullyConfig.timeout, 'ok-timeout', b.round);
}

function becomeCoordinator(st: ElectionState, b: BullyNode, ctx: SystemContext): void {
  b.phase = 'idle';
  b.leader = b.id;
  st.elected.push({ t: st.now, node: b.id });
  ctx.note(b.id, `${b.id} is coordinator`);
  for (const o of st.bully) if (o.rank < b.rank) send(st, ctx, b.id, o.id, { type: 'Coordinator' });
}

export function armCheck(st: ElectionState, b: BullyNode, ctx: SystemContext): void {
  ctx.setTimer(b.id, st.bullyConfig.heartbeat, 'check', b.epoch);
}

export function bullyMessage(st: ElectionState, b: BullyNode, from: NodeId, m: ElectionMessage, ctx: SystemContext): void {
  const sender = st.bully.find((o) => o.id === from);
  switch (m.type) {
    case 'Election':
      send(st, ctx, b.id, from, { type: 'Ok' });
      // A sitting coordinator would win its own election at once: it just tells the asker again.
      if (b.leader === b.id) send(st, ctx, b.id, from, { type: 'Coordinator' });
      else if (b.phase === 'idle') startElection(st, b, ctx);
      return;
    case 'Ok':
      if (b.phase !== 'electing') return;
      b.phase = 'waiting';
      ctx.setTimer(b.id, st.bullyConfig.timeout, 'coordinator-timeout', b.round);
      return;
    case 'Coordinator':
      if (sender && sender.rank < b.rank) { startElection(st, b, ctx); return; }
      b.leader = from;
      b.phase = 'idle';
      b.pingOut = 0;
      return;
    case 'Ping':
      send(st, ctx, b.id, from, { type: 'Pong', seq: m.seq });
      return;
    case 'Pong':
      if (m.seq === b.pingOut) b.pingOut = 0;
      return;
    default:
  }
}

export function bullyTimer(st: ElectionState, b: BullyNode, name: string, data: unknown, ctx: SystemContext): void {
  if (name === 'ok-timeout') {
    if (data === b.round && b.phase === 'electing') becomeCoordinator(st, b, ctx);
    return;
  }
  if (name === 'coordinator-timeout') {
    if (data === b.round && b.phase === 'waiting') {
      ctx.note(b.id, `${b.id} got an OK but no COORDINATOR within ${st.bullyConfig.timeout}ms: it starts again`);
      startElection(st, b, ctx);
    }
    return;
  }
  if (name !== 'check' || data !== b.epoch) return;
  armCheck(st, b, ctx);
  if (b.phase !== 'idle' || b.leader === b.id) return;
  if (b.leader === null) { startElection(st, b, ctx); return; }
  if (b.pingOut) {
    ctx.note(b.id, `${b.id} hears nothing from coordinator ${b.leader} within ${st.bullyConfig.heartbeat}ms`);
    startElection(st, b, ctx);
    return;
  }
  b.pingOut = st.messages + 1; // unique: the message counter grows with every send
  send(st, ctx, b.id, b.leader, { type: 'Ping', seq: b.pingOut });
}

export function crashBully(b: BullyNode): void {
  Object.assign(b, { down: true, leader: null, phase: 'idle', pingOut: 0 });
}

export function restartBully(st: ElectionState, b: BullyNode, ctx: SystemContext): void {
  b.down = false;
  b.epoch++;
  startElection(st, b, ctx);
  armCheck(st, b, ctx);
}
