// SWIM failure detection and infection-style dissemination (Das, Gupta and Motivala, DSN 2002) with the
// suspicion mechanism and incarnation numbers as HashiCorp's memberlist implements them (state.go):
// probe one member per ProbeInterval, ask IndirectChecks others when no ack comes within ProbeTimeout,
// suspect it when the protocol period ends without any ack, declare it dead when the suspicion timeout
// passes unrefuted; every update rides on pings, acks and gossip until RetransmitMult × log(N+1) sends.
import type { NodeId, SystemContext } from '../core/types.ts';
import type { DiscoveryMessage, Update } from './messages.ts';
import {
  ALIVE, DEAD, SUSPECT, STATE_NAMES, disseminationBound, memberName, retransmitLimit, suspicionTimeout,
  type DiscoveryState, type Member, type MemberAudit, type MemberState,
} from './state.ts';

const send = (st: DiscoveryState, ctx: SystemContext, from: NodeId, to: NodeId, msg: DiscoveryMessage) => {
  st.messages++;
  ctx.send(from, to, msg);
};

function shuffle(n: number, ctx: SystemContext): number[] {
  const a = Array.from({ length: n }, (_, i) => i);
  for (let i = n - 1; i > 0; i--) {
    const j = ctx.rng.int(0, i);
    [a[i], a[j]] = [a[j]!, a[i]!];
  }
  return a;
}

/** Up to k distinct members that pass `ok`, drawn at random with at most 3n tries (memberlist's
 *  kRandomNodes), so a 500-member group does not shuffle 500 names on every gossip tick. */
function randomMembers(n: number, k: number, ok: (i: number) => boolean, ctx: SystemContext): number[] {
  const out: number[] = [];
  for (let tries = 0; tries < 3 * n && out.length < k; tries++) {
    const i = ctx.rng.int(0, n - 1);
    if (ok(i) && !out.includes(i)) out.push(i);
  }
  return out;
}

const freshAudit = (n: number): MemberAudit => ({
  crashedAt: null, firstSuspectAt: null, firstDeadAt: null, allDeadAt: null, counts: [n - 1, 0, 0], disagreeSince: null,
});

export function startSwim(st: DiscoveryState, n: number, ctx: SystemContext): void {
  for (let i = 0; i < n; i++) {
    const id = memberName(i);
    ctx.addNode(id);
    st.members.push({
      id, index: i, down: false, incarnation: 0, view: new Array<MemberState>(n).fill(ALIVE), incs: new Array<number>(n).fill(0),
      queue: [], probeOrder: shuffle(n, ctx), probePos: 0, probe: null, seq: 0, relays: {},
    });
    st.audit.push(freshAudit(n));
  }
  st.running = n;
  // memberlist staggers each member's first probe and gossip by a random part of the interval.
  for (const m of st.members) armTimers(st, m, ctx);
}

function armTimers(st: DiscoveryState, m: Member, ctx: SystemContext): void {
  ctx.setTimer(m.id, ctx.rng.int(1, st.swim.probeInterval), 'probe');
  ctx.setTimer(m.id, ctx.rng.int(1, st.swim.gossipInterval), 'gossip');
}

// ---------------------------------------------------------------- the lab's ground-truth audit

function settle(st: DiscoveryState, subject: number): void {
  const a = st.audit[subject]!;
  const [alive, suspect, dead] = a.counts;
  const kinds = (alive > 0 ? 1 : 0) + (suspect > 0 ? 1 : 0) + (dead > 0 ? 1 : 0);
  if (kinds > 1) a.disagreeSince ??= st.now;
  else a.disagreeSince = null;
  if (dead > 0 && alive === 0 && suspect === 0 && a.allDeadAt === null) a.allDeadAt = st.now;
  if (dead === 0) a.allDeadAt = null;
}

function setView(st: DiscoveryState, m: Member, subject: number, state: MemberState, inc: number): void {
  if (!m.down && subject !== m.index) {
    const c = st.audit[subject]!.counts;
    c[m.view[subject]!]--;
    c[state]++;
  }
  m.view[subject] = state;
  m.incs[subject] = inc;
  if (!m.down && subject !== m.index) settle(st, subject);
}

/** Called at every handler: keeps `now` and, once per probe period, looks for lingering disagreement. */
export function auditSwim(st: DiscoveryState): void {
  if (st.members.length === 0 || st.now < st.nextAudit) return;
  st.nextAudit = st.now + st.swim.probeInterval;
  const bound = disseminationBound(st.swim, st.members.length);
  st.lingering = null;
  for (let i = 0; i < st.audit.length; i++) {
    const since = st.audit[i]!.disagreeSince;
    if (since !== null && st.now - since > bound) {
      const [a, s, d] = st.audit[i]!.counts;
      st.lingering = `members have disagreed about ${memberName(i)} for ${st.now - since}ms (alive ${a}, suspect ${s}, dead ${d}), longer than the ${bound}ms dissemination bound`;
      return;
    }
  }
}

// ---------------------------------------------------------------- rumours (memberlist's TransmitLimitedQueue)

function enqueue(m: Member, subject: number, state: MemberState, inc: number): void {
  // A newer rumour about a member invalidates the older ones (memberlist's Invalidates by node name).
  m.queue = m.queue.filter((r) => r.subject !== subject);
  m.queue.push({ subject, state, inc, transmits: 0 });
}

function takeUpdates(st: DiscoveryState, m: Member): Update[] {
  if (m.queue.length === 0) return [];
  const limit = retransmitLimit(st.swim, st.members.length);
  // Fewest transmits first, newest first among equals, as memberlist's queue orders them.
  const order = m.queue.map((r, i) => ({ r, i })).sort((x, y) => x.r.transmits - y.r.transmits || y.i - x.i);
  const out: Update[] = [];
  for (const { r } of order.slice(0, st.swim.piggyback)) {
    out.push([r.subject, r.state, r.inc]);
    r.transmits++;
  }
  m.queue = m.queue.filter((r) => r.transmits < limit);
  return out;
}

function refute(st: DiscoveryState, m: Member, accusedInc: number, ctx: SystemContext): void {
  // memberlist refute(): take an incarnation above the accusation and broadcast ourselves alive.
  m.incarnation = Math.max(m.incarnation, accusedInc) + 1;
  m.incs[m.index] = m.incarnation;
  enqueue(m, m.index, ALIVE, m.incarnation);
  ctx.note(m.id, `refutes the rumour: alive with incarnation ${m.incarnation}`);
}

function beginSuspicion(st: DiscoveryState, m: Member, subject: number, inc: number, ctx: SystemContext): void {
  setView(st, m, subject, SUSPECT, inc);
  enqueue(m, subject, SUSPECT, inc);
  const timeout = suspicionTimeout(st.swim, st.members.length);
  ctx.setTimer(m.id, timeout, 'suspicion', { subject, inc });
}

/** memberlist aliveNode / suspectNode / deadNode, in that order of the cases. */
function applyUpdate(st: DiscoveryState, m: Member, [subject, state, inc]: Update, ctx: SystemContext): void {
  if (subject < 0 || subject >= st.members.length) return;
  if (subject === m.index) {
    if (state !== ALIVE && inc >= m.incarnation) refute(st, m, inc, ctx);
    return;
  }
  const cur = m.view[subject]!;
  const curInc = m.incs[subject]!;
  if (state === ALIVE) {
    // "If the incarnation is not greater than what we know, ignore it" (a dead member comes back only higher).
    if (inc <= curInc) return;
    setView(st, m, subject, ALIVE, inc);
    enqueue(m, subject, ALIVE, inc);
  } else if (state === SUSPECT) {
    if (inc < curInc || cur === DEAD || (cur === SUSPECT && inc === curInc)) return;
    beginSuspicion(st, m, subject, inc, ctx);
  } else {
    if (inc < curInc || cur === DEAD) return;
    setView(st, m, subject, DEAD, inc);
    enqueue(m, subject, DEAD, inc);
  }
}

function absorb(st: DiscoveryState, m: Member, updates: readonly Update[], ctx: SystemContext): void {
  for (const u of updates) applyUpdate(st, m, u, ctx);
}

// ---------------------------------------------------------------- probing

function nextTarget(st: DiscoveryState, m: Member, ctx: SystemContext): number | null {
  const n = st.members.length;
  for (let tries = 0; tries < n + 1; tries++) {
    if (m.probePos >= m.probeOrder.length) { m.probeOrder = shuffle(n, ctx); m.probePos = 0; }
    const t = m.probeOrder[m.probePos++]!;
    if (t !== m.index && m.view[t] !== DEAD) return t;
  }
  return null;
}

function onProbeTick(st: DiscoveryState, m: Member, ctx: SystemContext): void {
  const p = m.probe;
  // The protocol period is over: no direct or indirect ack means suspicion (memberlist probeNode).
  if (p && !p.acked && m.view[p.target] === ALIVE) {
    const a = st.audit[p.target]!;
    if (a.firstSuspectAt === null) {
      a.firstSuspectAt = st.now;
      ctx.note(m.id, `suspects ${memberName(p.target)}: no ack${p.indirect ? ', direct or indirect,' : ''} within the protocol period`);
    }
    beginSuspicion(st, m, p.target, m.incs[p.target]!, ctx);
  }
  m.probe = null;
  const target = nextTarget(st, m, ctx);
  if (target !== null) {
    const seq = ++m.seq;
    m.probe = { target, seq, acked: false, indirect: false };
    send(st, ctx, m.id, memberName(target), { type: 'Ping', seq, updates: takeUpdates(st, m) });
    ctx.setTimer(m.id, st.swim.probeTimeout, 'probe-timeout', seq);
  }
  ctx.setTimer(m.id, st.swim.probeInterval, 'probe');
}

function onProbeTimeout(st: DiscoveryState, m: Member, seq: number, ctx: SystemContext): void {
  const p = m.probe;
  if (!p || p.seq !== seq || p.acked) return;
  p.indirect = true;
  const helpers = randomMembers(st.members.length, st.swim.indirectChecks, (i) => i !== m.index && i !== p.target && m.view[i] === ALIVE, ctx);
  for (const h of helpers) send(st, ctx, m.id, memberName(h), { type: 'PingReq', seq, target: p.target, updates: takeUpdates(st, m) });
}

function onGossipTick(st: DiscoveryState, m: Member, ctx: SystemContext): void {
  if (m.queue.length > 0) {
    for (const i of randomMembers(st.members.length, st.swim.gossipNodes, (x) => x !== m.index && m.view[x] !== DEAD, ctx)) {
      const updates = takeUpdates(st, m);
      if (updates.length === 0) break;
      send(st, ctx, m.id, memberName(i), { type: 'Gossip', updates });
    }
  }
  ctx.setTimer(m.id, st.swim.gossipInterval, 'gossip');
}

function onSuspicionTimeout(st: DiscoveryState, m: Member, subject: number, inc: number, ctx: SystemContext): void {
  if (m.view[subject] !== SUSPECT || m.incs[subject] !== inc) return;
  setView(st, m, subject, DEAD, inc);
  enqueue(m, subject, DEAD, inc);
  const a = st.audit[subject]!;
  const live = !st.members[subject]!.down;
  if (a.firstDeadAt === null) {
    a.firstDeadAt = st.now;
    ctx.note(m.id, `declares ${memberName(subject)} dead: the suspicion timeout passed unrefuted`);
  }
  if (live) {
    st.falsePositives++;
    st.lastFalsePositive = `${m.id} declared ${memberName(subject)} dead at t=${st.now}ms although it is running`;
  }
}

export function swimMessage(st: DiscoveryState, m: Member, from: NodeId, msg: DiscoveryMessage, ctx: SystemContext): void {
  switch (msg.type) {
    case 'Ping':
      absorb(st, m, msg.updates, ctx);
      send(st, ctx, m.id, from, { type: 'Ack', seq: msg.seq, updates: takeUpdates(st, m) });
      return;
    case 'Ack': {
      absorb(st, m, msg.updates, ctx);
      const relay = m.relays[msg.seq];
      if (relay) {
        delete m.relays[msg.seq];
        send(st, ctx, m.id, relay.asker, { type: 'Ack', seq: relay.seq, updates: takeUpdates(st, m) });
      } else if (m.probe && m.probe.seq === msg.seq) m.probe.acked = true;
      return;
    }
    case 'PingReq': {
      absorb(st, m, msg.updates, ctx);
      const seq = ++m.seq;
      m.relays[seq] = { asker: from, seq: msg.seq };
      send(st, ctx, m.id, memberName(msg.target), { type: 'Ping', seq, updates: takeUpdates(st, m) });
      ctx.setTimer(m.id, st.swim.probeInterval, 'relay-expire', seq);
      return;
    }
    case 'Gossip': absorb(st, m, msg.updates, ctx); return;
    default: return;
  }
}

export function swimTimer(st: DiscoveryState, m: Member, name: string, data: unknown, ctx: SystemContext): void {
  if (name === 'probe') onProbeTick(st, m, ctx);
  else if (name === 'probe-timeout') onProbeTimeout(st, m, data as number, ctx);
  else if (name === 'gossip') onGossipTick(st, m, ctx);
  else if (name === 'relay-expire') delete m.relays[data as number];
  else if (name === 'suspicion') {
    const d = data as { subject: number; inc: number };
    onSuspicionTimeout(st, m, d.subject, d.inc, ctx);
  }
}

export function crashMember(st: DiscoveryState, m: Member): void {
  for (let s = 0; s < st.members.length; s++) {
    if (s === m.index) continue;
    st.audit[s]!.counts[m.view[s]!]--;
    settle(st, s);
  }
  m.down = true;
  st.running--;
  Object.assign(st.audit[m.index]!, { crashedAt: st.now, firstSuspectAt: null, firstDeadAt: null, allDeadAt: null });
  Object.assign(m, { queue: [], probe: null, relays: {} } satisfies Partial<Member>);
}

/** A restarted member rejoins: a full state sync with one running member (memberlist's Join push-pull),
 *  then it announces itself alive with a higher incarnation so the dead rumour is overruled. */
export function restartMember(st: DiscoveryState, m: Member, ctx: SystemContext): void {
  const seeds = st.members.filter((x) => !x.down && x !== m);
  const seed = seeds.length ? ctx.rng.pick(seeds) : null;
  m.view = seed ? [...seed.view] : m.view.map(() => ALIVE);
  m.incs = seed ? [...seed.incs] : m.incs.map(() => 0);
  m.down = false;
  st.running++;
  m.incarnation = Math.max(m.incarnation, m.incs[m.index]!) + 1;
  m.view[m.index] = ALIVE;
  m.incs[m.index] = m.incarnation;
  for (let s = 0; s < st.members.length; s++) {
    if (s === m.index) continue;
    st.audit[s]!.counts[m.view[s]!]++;
    settle(st, s);
  }
  st.audit[m.index]!.crashedAt = null;
  m.probeOrder = shuffle(st.members.length, ctx);
  m.probePos = 0;
  enqueue(m, m.index, ALIVE, m.incarnation);
  ctx.note(m.id, `rejoins via ${seed?.id ?? 'nobody'}: alive with incarnation ${m.incarnation}`);
  armTimers(st, m, ctx);
}

export const describeView = (m: Member, subject: number): string => `${STATE_NAMES[m.view[subject]!]}#${m.incs[subject]}`;
