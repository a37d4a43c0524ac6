// Handlers: the board pins and forwards notices; each service works through its jobs one at a time.
import type { Message, NodeId, SystemContext, SystemDef } from '../core/types.ts';
import { BOARD, initialTownState, type Job, type Operation, type Service, type TownState } from './state.ts';
import { townQueries } from './queries.ts';

export function ensureBoard(s: TownState, ctx: SystemContext): void {
  if (s.boardUp) return;
  ctx.addNode(BOARD);
  s.boardUp = true;
}

export function startOperation(s: TownState, ctx: SystemContext, op: Omit<Operation, 'id' | 'startedAt' | 'callerFreeAt' | 'doneAt' | 'next' | 'notice'>): Operation {
  const full: Operation = { ...op, id: s.nextId++, startedAt: ctx.now, callerFreeAt: null, doneAt: null, next: 0, notice: null };
  s.ops.push(full);
  const caller = s.services[op.from]!;
  if (op.mode === 'calls') {
    caller.waitingOn = full.id;
    callNext(s, ctx, full);
  } else {
    ensureBoard(s, ctx);
    const notice = { id: s.nextId++, topic: op.topic ?? '', from: op.from, body: '', publishedAt: ctx.now, pinnedAt: null, readers: [], readAt: {}, op: full.id };
    s.notices.push(notice);
    full.notice = notice.id;
    ctx.send(op.from, BOARD, { type: 'Publish', notice: notice.id, topic: notice.topic });
  }
  return full;
}

function callNext(s: TownState, ctx: SystemContext, op: Operation): void {
  const to = op.targets[op.next]!;
  const call = { id: s.nextId++, from: op.from, to, label: op.topic ?? 'request', startedAt: ctx.now, answeredAt: null, op: op.id };
  s.calls.push(call);
  ctx.send(op.from, to, { type: 'Call', call: call.id, about: call.label });
}

function enqueue(svc: Service, job: Job, ctx: SystemContext, s: TownState): void {
  svc.queue.push(job);
  if (!svc.current) startNextJob(svc, ctx, s);
}

function startNextJob(svc: Service, ctx: SystemContext, _s: TownState): void {
  const job = svc.queue.shift();
  if (!job) { svc.current = null; return; }
  svc.current = job;
  svc.doneTimer = ctx.setTimer(svc.id, svc.work + (svc.jitter > 0 ? ctx.rng.int(0, svc.jitter) : 0), 'done');
}

function finishJob(s: TownState, svc: Service, ctx: SystemContext): void {
  const job = svc.current;
  if (!job) return;
  svc.handled++;
  if (job.kind === 'notice') {
    const n = s.notices.find((x) => x.id === job.ref)!;
    n.readAt[svc.id] = ctx.now;
    svc.readByTopic[n.topic] = (svc.readByTopic[n.topic] ?? 0) + 1;
    ctx.note(svc.id, `read notice #${n.id} (${n.topic}) ${ctx.now - n.publishedAt}ms after it was published`);
    const op = n.op === null ? undefined : s.ops.find((o) => o.id === n.op);
    if (op && op.doneAt === null && n.readers.every((r) => n.readAt[r] !== undefined)) {
      op.doneAt = ctx.now;
      ctx.note(op.from, `every reader has handled notice #${n.id}: ${ctx.now - op.startedAt}ms after publishing`);
    }
  } else {
    ctx.send(svc.id, job.from, { type: 'Reply', call: job.ref });
  }
  startNextJob(svc, ctx, s);
}

function onReply(s: TownState, node: NodeId, callId: number, ctx: SystemContext): void {
  const call = s.calls.find((c) => c.id === callId);
  if (!call || call.answeredAt !== null) return;
  call.answeredAt = ctx.now;
  const op = s.ops.find((o) => o.id === call.op)!;
  op.next++;
  if (op.next < op.targets.length) { callNext(s, ctx, op); return; }
  op.callerFreeAt = ctx.now;
  op.doneAt = ctx.now;
  s.services[node]!.waitingOn = null;
  ctx.note(node, `got every reply: waited ${ctx.now - op.startedAt}ms for ${op.targets.length} call${op.targets.length > 1 ? 's' : ''}`);
}

function onBoardMessage(s: TownState, from: NodeId, msg: Message, ctx: SystemContext): void {
  if (msg.type !== 'Publish') return;
  const n = s.notices.find((x) => x.id === msg.notice);
  if (!n || n.pinnedAt !== null) return; // a duplicate of a notice already pinned
  n.pinnedAt = ctx.now;
  n.readers = [...(s.subscriptions[n.topic] ?? [])];
  ctx.note(BOARD, `pinned notice #${n.id} (${n.topic}) for ${n.readers.length} reader${n.readers.length === 1 ? '' : 's'}`);
  ctx.send(BOARD, from, { type: 'Pinned', notice: n.id });
  for (const r of n.readers) ctx.send(BOARD, r, { type: 'Notice', notice: n.id, topic: n.topic });
  const op = n.op === null ? undefined : s.ops.find((o) => o.id === n.op);
  if (op && n.readers.length === 0) op.doneAt = ctx.now;
}

export const townBoard: SystemDef<TownState> = {
  name: 'town',
  initialState: initialTownState,
  onMessage(s, node, from, msg, ctx) {
    if (node === BOARD) { onBoardMessage(s, from, msg, ctx); return; }
    const svc = s.services[node];
    if (!svc) return;
    switch (msg.type) {
      case 'Notice': {
        // Duplicates of a notice already read or queued are ignored: reading is idempotent here.
        const id = msg.notice as number;
        if (svc.current?.ref === id || svc.queue.some((j) => j.ref === id)) return;
        const n = s.notices.find((x) => x.id === id);
        if (n?.readAt[node] !== undefined) return;
        enqueue(svc, { kind: 'notice', ref: id, from, arrivedAt: ctx.now }, ctx, s);
        return;
      }
      case 'Call':
        enqueue(svc, { kind: 'call', ref: msg.call as number, from, arrivedAt: ctx.now }, ctx, s);
        return;
      case 'Reply':
        onReply(s, node, msg.call as number, ctx);
        return;
      case 'Pinned': {
        const n = s.notices.find((x) => x.id === msg.notice);
        const op = n?.op == null ? undefined : s.ops.find((o) => o.id === n.op);
        if (op && op.callerFreeAt === null) {
          op.callerFreeAt = ctx.now;
          ctx.note(node, `notice #${n!.id} is on the board; free again after ${ctx.now - op.startedAt}ms`);
        }
      }
    }
  },
  onTimer(s, node, name, _data, ctx) {
    const svc = s.services[node];
    if (name === 'done' && svc) { svc.doneTimer = null; finishJob(s, svc, ctx); }
  },
  onCrash(s, node, ctx) {
    const svc = s.services[node];
    if (!svc) return;
    const lost = (svc.current ? 1 : 0) + svc.queue.length;
    svc.current = null;
    svc.queue = [];
    svc.doneTimer = null;
    if (lost > 0) ctx.note(node, `lost ${lost} unfinished job${lost === 1 ? '' : 's'} in the fire`);
  },
  invariants: [
    {
      name: 'one-call-at-a-time',
      description: 'a caller that waits for a reply makes no other call meanwhile',
      check: (s) => {
        for (const id of s.order) {
          const open = s.calls.filter((c) => c.from === id && c.answeredAt === null && s.ops.find((o) => o.id === c.op)?.doneAt === null);
          if (open.length > 1) return `${id} has ${open.length} calls open at once`;
        }
        return null;
      },
    },
    {
      name: 'read-once',
      description: 'each reader handles a notice at most once, and only after it was published',
      check: (s) => {
        for (const n of s.notices) for (const [r, t] of Object.entries(n.readAt)) {
          if (t < n.publishedAt) return `${r} read notice #${n.id} before it was published`;
        }
        return null;
      },
    },
  ],
  queries: townQueries,
};
