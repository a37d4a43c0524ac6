// The lock service, its clients and the storage they write to.
// - The lock service (one authority, `locks`) grants the lock with a lease as etcd does: a grant bumps the
//   revision (etcd's store revision grows with every write), the lease lives TTL ms on the service's clock
//   and is extended by each keep-alive (etcd's LeaseKeepAlive); a keep-alive for a lease already expired is
//   refused (etcd answers TTL 0: the lease is gone); once the lease has expired the next acquire wins.
// - A client counts its lease from when it SENT the request (the safe side of the network's delay, as
//   Chubby's clients do), keeps it alive every TTL/3 (etcd's clientv3 default) and writes every `every` ms:
//   it checks its lease, prepares the write for `work` ms, then sends it with its token WITHOUT checking
//   again. A pause (a long GC) in that gap is Kleppmann's split brain ("How to do distributed locking", 2016).
// - The storage with fencing rejects a token lower than the highest it has accepted (Kleppmann's fencing
//   token; Chubby's sequencer); without fencing it takes every write.
import type { NodeId, SystemContext } from '../core/types.ts';
import type { ElectionMessage } from './messages.ts';
import { LOCKS, STORAGE, liveHolder, type ElectionState, type Lease, type LockClient } from './state.ts';

const send = (st: ElectionState, ctx: SystemContext, from: NodeId, to: NodeId, m: ElectionMessage) => { st.messages++; ctx.send(from, to, m); };

// ---- the lock service ----

export function locksMessage(st: ElectionState, from: NodeId, m: ElectionMessage, ctx: SystemContext): void {
  const now = st.now;
  if (m.type === 'Acquire') {
    const holder = liveHolder(st);
    if (holder && holder !== from) { send(st, ctx, LOCKS, from, { type: 'Busy', holder }); return; }
    if (holder === from && st.lease) { send(st, ctx, LOCKS, from, { type: 'Granted', rev: st.lease.rev, ttl: st.ttl }); return; }
    if (st.lease) st.failovers.push(now - st.lease.heardAt);
    st.revision++;
    st.lease = { holder: from, rev: st.revision, grantedAt: now, heardAt: now, expiresAt: now + st.ttl, renewals: 0 };
    st.grants.push({ t: now, holder: from, rev: st.revision });
    ctx.note(LOCKS, `locks grants the lock to ${from}: token ${st.revision}, lease ${st.ttl}ms`);
    ctx.setTimer(LOCKS, st.ttl, 'expire', st.revision);
    send(st, ctx, LOCKS, from, { type: 'Granted', rev: st.revision, ttl: st.ttl });
    return;
  }
  if (m.type === 'KeepAlive') {
    const l = st.lease;
    if (!l || l.rev !== m.rev || l.holder !== from || l.expiresAt <= now) { send(st, ctx, LOCKS, from, { type: 'LeaseGone', rev: m.rev }); return; }
    renewLease(st, l);
    ctx.setTimer(LOCKS, st.ttl, 'expire', l.rev);
    send(st, ctx, LOCKS, from, { type: 'KeptAlive', rev: l.rev, ttl: st.ttl });
  }
}

/** Extends a lease by the TTL from now; the `lease-renewed-after-expiry` detector records a renewal of a
 *  lease whose expiry had passed (the service above refuses those, as etcd does). */
export function renewLease(st: ElectionState, l: Lease): void {
  if (l.expiresAt <= st.now) st.lateRenewal ??= `locks renewed ${l.holder}'s lease (token ${l.rev}) at t=${st.now}ms, after it expired at t=${l.expiresAt}ms`;
  l.expiresAt = st.now + st.ttl;
  l.heardAt = st.now;
  l.renewals++;
}

export function locksTimer(st: ElectionState, name: string, data: unknown, ctx: SystemContext): void {
  const l = st.lease;
  if (name !== 'expire' || !l || l.rev !== data || l.expiresAt > st.now) return;
  if (st.expiries.some((e) => e.rev === l.rev)) return;
  st.expiries.push({ t: l.expiresAt, holder: l.holder, rev: l.rev, alive: !st.clients[l.holder]?.down });
  ctx.note(LOCKS, `${l.holder}'s lease (token ${l.rev}) expires: no keep-alive for ${st.ttl}ms`);
}

// ---- a client ----

function ask(st: ElectionState, c: LockClient, ctx: SystemContext): void {
  c.askedAt = ctx.clock(c.id);
  send(st, ctx, c.id, LOCKS, { type: 'Acquire' });
}

export function startClient(st: ElectionState, c: LockClient, ctx: SystemContext): void {
  c.chain++;
  ask(st, c, ctx);
  ctx.setTimer(c.id, c.every, 'work', c.chain);
  ctx.setTimer(c.id, keepAliveEvery(st), 'keepalive', c.chain);
}

const keepAliveEvery = (st: ElectionState) => Math.max(1, Math.floor(st.ttl / 3));

const believes = (c: LockClient, ctx: SystemContext) => c.token > 0 && ctx.clock(c.id) < c.believedUntil;

export function clientMessage(st: ElectionState, c: LockClient, m: ElectionMessage, ctx: SystemContext): void {
  switch (m.type) {
    case 'Granted':
      c.token = m.rev;
      c.believedUntil = c.askedAt + m.ttl;
      return;
    case 'Busy':
      c.token = 0;
      return;
    case 'KeptAlive':
      if (m.rev === c.token) c.believedUntil = c.askedAt + m.ttl;
      return;
    case 'LeaseGone':
      if (m.rev === c.token) { ctx.note(c.id, `${c.id} learns its lease (token ${m.rev}) is gone`); c.token = 0; }
      return;
    case 'Written':
      return;
    case 'Rejected':
      c.rejected++;
      if (m.token === c.token) { ctx.note(c.id, `${c.id}'s write was fenced off: it stops acting as holder`); c.token = 0; }
      return;
    default:
  }
}

export function clientTimer(st: ElectionState, c: LockClient, name: string, data: unknown, ctx: SystemContext): void {
  if (data !== c.chain) return; // armed before a crash
  if (name === 'keepalive') {
    ctx.setTimer(c.id, keepAliveEvery(st), 'keepalive', c.chain);
    if (!c.token) return;
    c.askedAt = ctx.clock(c.id);
    send(st, ctx, c.id, LOCKS, { type: 'KeepAlive', rev: c.token });
    return;
  }
  if (name === 'work') {
    ctx.setTimer(c.id, c.every, 'work', c.chain);
    if (c.preparing) return;
    // Not sure of its lease (no answer lately, or none yet): it does not write, it asks for the lock.
    if (!believes(c, ctx)) { ask(st, c, ctx); return; }
    // The lease looks good: prepare the write. Nothing is checked again before it is sent.
    c.preparing = c.token;
    ctx.setTimer(c.id, c.work, 'send-write', c.chain);
    return;
  }
  if (name === 'send-write') {
    const token = c.preparing;
    c.preparing = 0;
    if (!token) return;
    c.writes++;
    const holder = liveHolder(st);
    if (holder !== c.id) {
      c.staleSends++;
      const what = holder ? `while locks had granted the lock to ${holder}` : 'after its lease had expired at locks';
      st.twoLeaders ??= `${c.id} wrote with token ${token} at t=${st.now}ms ${what}`;
    }
    send(st, ctx, c.id, STORAGE, { type: 'Write', token, value: `${c.id}#${c.writes}` });
  }
}

export function crashClient(c: LockClient): void {
  Object.assign(c, { down: true, token: 0, believedUntil: 0, preparing: 0 });
}

// ---- the storage ----

export function storageMessage(st: ElectionState, from: NodeId, m: ElectionMessage, ctx: SystemContext): void {
  if (m.type !== 'Write') return;
  if (st.fencing && m.token < st.highest) {
    st.log.push({ t: st.now, from, token: m.token, accepted: false, lost: false });
    ctx.note(STORAGE, `storage rejects ${m.value}: token ${m.token} < ${st.highest}`);
    send(st, ctx, STORAGE, from, { type: 'Rejected', token: m.token, highest: st.highest });
    return;
  }
  const lost = m.token < st.highest;
  st.log.push({ t: st.now, from, token: m.token, accepted: true, lost });
  if (lost) {
    ctx.note(STORAGE, `storage takes ${m.value} with token ${m.token} over a write with token ${st.highest}: that write is lost`);
    st.staleAccepted ??= `storage accepted ${from}'s write with token ${m.token} at t=${st.now}ms after a write with token ${st.highest}: the newer holder's write is lost`;
  }
  st.value = m.value;
  st.highest = Math.max(st.highest, m.token);
  send(st, ctx, STORAGE, from, { type: 'Written', token: m.token });
}
