// The replicated register's protocol. Majority mode follows Attiya, Bar-Noy and Dolev's ABD register
// (1995): every operation asks a majority for their versions, then stores the newest (a write: a newer
// number; a read: writes back what it read) on a majority before answering — so a read never returns a
// value older than one a finished operation saw. Without a majority within the timeout it refuses. The
// available mode answers from the coordinator's own copy at once and replicates in the background, merging
// by the chosen stamp; anti-entropy every `sync` ms heals divergence after a partition.
import type { SystemContext } from '../core/types.ts';
import { compareVectorClocks, tick, type VectorClock } from './clocks.ts';
import type { RegisterInput, RegisterValue } from './register-model.ts';
import { INITIAL, KEY, type AdmissionState, type Coordination, type HistOp, type Replica, type Version } from './state.ts';

export interface Request { type: 'Request'; op: number; input: RegisterInput }
export interface Reply { type: 'Reply'; op: number; ok: boolean; value?: RegisterValue; why?: string }
export interface Query { type: 'Query'; op: number }
export interface QueryAck { type: 'QueryAck'; op: number; version: Version }
export interface Store { type: 'Store'; op: number; version: Version }
export interface StoreAck { type: 'StoreAck'; op: number }
export interface Replicate { type: 'Replicate'; versions: Version[] }
export type RegisterMsg = Request | Reply | Query | QueryAck | Store | StoreAck | Replicate;

const newer = (a: Version, b: Version) => a.ts > b.ts || (a.ts === b.ts && a.by > b.by);
const majority = (st: AdmissionState) => Math.floor(st.replicaIds.length / 2) + 1;
const top = (r: Replica): Version => r.versions.reduce((a, b) => (newer(b, a) ? b : a), r.versions[0] ?? INITIAL);

/** What a read at this replica answers: its value, or its siblings' values joined by `|`. */
export function readValue(r: Replica): RegisterValue {
  if (r.versions.length <= 1) return (r.versions[0] ?? INITIAL).value;
  return r.versions.map((v) => String(v.value)).sort().join('|');
}

/** A client sends its next operation to its replica. */
export function callOp(st: AdmissionState, client: string, input: RegisterInput, ctx: SystemContext): HistOp {
  const op: HistOp = { id: st.history.length, client, replica: st.home[client]!, call: ctx.now, ret: Infinity, input, status: 'pending' };
  st.history.push(op);
  ctx.send<Request>(client, op.replica, { type: 'Request', op: op.id, input });
  ctx.setTimer(client, st.timeout + 500, 'client-timeout', op.id);
  return op;
}

function finish(st: AdmissionState, op: HistOp, m: Reply, ctx: SystemContext): void {
  if (op.status !== 'pending') return;
  if (m.ok) {
    op.status = 'ok';
    op.ret = ctx.now;
    if (op.input.f === 'read') op.value = m.value ?? null;
  } else {
    op.status = 'failed';
    op.why = m.why ?? 'refused';
  }
  ctx.note(op.client, `${op.input.f === 'read' ? 'read' : 'write'} ${m.ok ? `ok${op.input.f === 'read' ? ` -> ${String(m.value)}` : ''}` : `failed: ${op.why}`} (${ctx.now - op.call} ms)`);
}

/** Records that `lost` was thrown away for `winner`: a silent loss when it came after the winner in real time. */
function discard(st: AdmissionState, lost: Version, winner: Version): void {
  if (lost.op < 0 || lost.op === winner.op) return;
  const l = st.history[lost.op];
  const w = winner.op >= 0 ? st.history[winner.op] : undefined;
  if (!l || st.lost.some((x) => x.op === lost.op) || st.discarded.includes(lost.op)) return;
  if (w && w.status === 'ok' && w.ret < l.call) st.lost.push({ op: lost.op, beatenBy: winner.op });
  else st.discarded.push(lost.op);
}

/** Merges an arriving version into a replica's copy by the stamp in use. */
export function merge(st: AdmissionState, r: Replica, v: Version): boolean {
  if (st.stamp === 'lamport') r.lamport = Math.max(r.lamport, v.ts);
  if (r.versions.some((x) => x.op === v.op && x.ts === v.ts && x.by === v.by)) return false;
  if (st.stamp === 'vector') {
    if (r.versions.some((x) => { const c = compareVectorClocks(v.vc, x.vc); return c === 'before' || c === 'equal'; })) return false;
    r.versions = [...r.versions.filter((x) => compareVectorClocks(x.vc, v.vc) !== 'before'), v];
    return true;
  }
  const cur = top(r);
  if (newer(v, cur)) { discard(st, cur, v); r.versions = [v]; return true; }
  discard(st, v, cur);
  return false;
}

/** The version a write at `node` stamps in the available mode. */
function stampAt(st: AdmissionState, node: string, r: Replica, value: RegisterValue, op: number, ctx: SystemContext): Version {
  // The new version follows every version this replica holds: their element-wise maximum, then one tick.
  const seen: Record<string, number> = {};
  for (const v of r.versions) for (const [k, n] of Object.entries(v.vc)) seen[k] = Math.max(seen[k] ?? 0, n);
  const vc: VectorClock = tick(seen, node);
  if (st.stamp === 'lamport') { r.lamport += 1; return { value, ts: r.lamport, by: node, vc, op }; }
  return { value, ts: ctx.clock(node), by: node, vc, op };
}

export function onRegisterMessage(st: AdmissionState, node: string, from: string, m: RegisterMsg, ctx: SystemContext): void {
  const r = st.replicas[node];
  switch (m.type) {
    case 'Reply': { const op = st.history[m.op]; if (op) finish(st, op, m, ctx); return; }
    case 'Request': {
      if (!r) return;
      if (st.mode === 'available') {
        if (m.input.f === 'read') { ctx.send<Reply>(node, from, { type: 'Reply', op: m.op, ok: true, value: readValue(r) }); return; }
        if (m.input.f !== 'write') return;
        const v = stampAt(st, node, r, m.input.value, m.op, ctx);
        if (st.stamp === 'vector') r.versions = [v];
        else merge(st, r, v);
        for (const other of st.replicaIds) if (other !== node) ctx.send<Replicate>(node, other, { type: 'Replicate', versions: [v] });
        ctx.send<Reply>(node, from, { type: 'Reply', op: m.op, ok: true });
        return;
      }
      st.coord[m.op] = { op: m.op, client: from, phase: 'query', from: [node], best: top(r) };
      for (const other of st.replicaIds) if (other !== node) ctx.send<Query>(node, other, { type: 'Query', op: m.op });
      ctx.setTimer(node, st.timeout, 'quorum-timeout', m.op);
      return;
    }
    case 'Query': if (r) ctx.send<QueryAck>(node, from, { type: 'QueryAck', op: m.op, version: top(r) }); return;
    case 'Store': if (r) { merge(st, r, m.version); ctx.send<StoreAck>(node, from, { type: 'StoreAck', op: m.op }); } return;
    case 'Replicate': if (r) for (const v of m.versions) merge(st, r, v); return;
    case 'QueryAck': case 'StoreAck': {
      const c = st.coord[m.op];
      if (!c || !r || c.from.includes(from) || (m.type === 'QueryAck') !== (c.phase === 'query')) return;
      c.from.push(from);
      if (m.type === 'QueryAck' && newer(m.version, c.best)) c.best = m.version;
      if (c.from.length < majority(st)) return;
      if (c.phase === 'query') startStore(st, node, c, ctx);
      else {
        delete st.coord[m.op];
        const input = st.history[c.op]!.input;
        ctx.send<Reply>(node, c.client, { type: 'Reply', op: c.op, ok: true, ...(input.f === 'read' ? { value: c.storing!.value } : {}) });
      }
    }
  }
}

function startStore(st: AdmissionState, node: string, c: Coordination, ctx: SystemContext): void {
  const input = st.history[c.op]!.input;
  const v: Version = input.f === 'write' ? { value: input.value, ts: c.best.ts + 1, by: node, vc: {}, op: c.op } : c.best;
  c.phase = 'store';
  c.storing = v;
  c.from = [node];
  merge(st, st.replicas[node]!, v);
  for (const other of st.replicaIds) if (other !== node) ctx.send<Store>(node, other, { type: 'Store', op: c.op, version: v });
  if (c.from.length >= majority(st)) {
    delete st.coord[c.op];
    ctx.send<Reply>(node, c.client, { type: 'Reply', op: c.op, ok: true, ...(input.f === 'read' ? { value: v.value } : {}) });
  }
}

export function onRegisterTimer(st: AdmissionState, node: string, name: string, data: unknown, ctx: SystemContext): void {
  if (name === 'client-timeout') {
    const op = st.history[data as number];
    if (op) finish(st, op, { type: 'Reply', op: op.id, ok: false, why: 'no answer in time' }, ctx);
  } else if (name === 'quorum-timeout') {
    const c = st.coord[data as number];
    if (!c) return;
    delete st.coord[c.op];
    ctx.note(node, `op ${c.op}: no majority within ${st.timeout} ms (${c.from.length} of ${st.replicaIds.length}), refusing`);
    ctx.send<Reply>(node, c.client, { type: 'Reply', op: c.op, ok: false, why: 'no majority' });
  } else if (name === 'sync') {
    const r = st.replicas[node];
    if (!r || st.mode !== 'available') return;
    for (const other of st.replicaIds) if (other !== node) ctx.send<Replicate>(node, other, { type: 'Replicate', versions: r.versions });
    ctx.setTimer(node, st.sync, 'sync');
  }
}

export const formatRegisterMsg = (m: RegisterMsg): string => {
  switch (m.type) {
    case 'Request': return `Request #${m.op} ${m.input.f}${m.input.f === 'write' ? ` ${KEY}=${String(m.input.value)}` : ''}`;
    case 'Reply': return `Reply #${m.op} ${m.ok ? 'ok' : `refused (${m.why ?? ''})`}${m.value !== undefined ? ` ${String(m.value)}` : ''}`;
    case 'Query': return `Query #${m.op}`;
    case 'QueryAck': return `QueryAck #${m.op} v${m.version.ts}=${String(m.version.value)}`;
    case 'Store': return `Store #${m.op} v${m.version.ts}=${String(m.version.value)}`;
    case 'StoreAck': return `StoreAck #${m.op}`;
    case 'Replicate': return `Replicate ${m.versions.map((v) => `${String(v.value)}@${v.ts}`).join(',')}`;
  }
};
