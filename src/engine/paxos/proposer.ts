// The proposer's two phases ("Paxos Made Simple" §2.2), its retries, and the distinguished proposer (§2.4).
import type { NodeId, SystemContext } from '../core/types.ts';
import type { PaxosMessage } from './messages.ts';
import { idleProposer, majority, type PaxosAgent, type PaxosState } from './state.ts';

const N = (st: PaxosState) => st.order.length;

function broadcast(st: PaxosState, from: NodeId, msg: PaxosMessage, ctx: SystemContext): void {
  for (const to of st.order) ctx.send(from, to, msg);
}

function stopTimer(a: PaxosAgent, ctx: SystemContext): void {
  if (a.proposer.timer !== null) ctx.cancelTimer(a.proposer.timer);
  a.proposer.timer = null;
}

/** Is this server allowed to run rounds? With a distinguished proposer only that one is. */
export const mayPropose = (st: PaxosState, a: PaxosAgent): boolean => st.config.leader === null || st.config.leader === a.id;

/** A client asks this server to get `value` chosen. */
export function propose(st: PaxosState, a: PaxosAgent, value: string, ctx: SystemContext): void {
  if (!mayPropose(st, a)) {
    ctx.note(a.id, `forwards ${value} to the distinguished proposer ${st.config.leader}`);
    ctx.send(a.id, st.config.leader!, { type: 'Forward', value } satisfies PaxosMessage);
    return;
  }
  if (a.proposer.phase === 'prepare' || a.proposer.phase === 'accept' || a.proposer.phase === 'backoff') {
    ctx.note(a.id, `is already proposing ${a.proposer.want}; ignores ${value}`);
    return;
  }
  a.proposer = { ...idleProposer(), want: value, rounds: a.proposer.rounds };
  startRound(st, a, ctx);
}

/** Phase 1a: pick a proposal number above any seen, unique to this proposer (round * N + index). */
export function startRound(st: PaxosState, a: PaxosAgent, ctx: SystemContext): void {
  const p = a.proposer;
  stopTimer(a, ctx);
  const round = Math.max(a.lastRound + 1, Math.floor(Math.max(p.mustExceed, a.promised) / N(st)) + 1);
  a.lastRound = round;
  p.n = round * N(st) + a.index;
  p.phase = 'prepare';
  p.value = null;
  p.promises = [];
  p.accepts = [];
  p.rounds++;
  ctx.note(a.id, `starts round ${round}: Prepare n=${p.n}${p.want ? ` hoping for ${p.want}` : ''}`);
  p.timer = ctx.setTimer(a.id, st.config.timeout, 'timeout', p.n);
  broadcast(st, a.id, { type: 'Prepare', n: p.n }, ctx);
}

/** Phase 2a once a majority promised: the value of the highest-numbered accepted proposal among the
 *  promises, or the proposer's own value when none had accepted anything (§2.2, P2c). */
export function onPromise(st: PaxosState, a: PaxosAgent, from: NodeId, msg: Extract<PaxosMessage, { type: 'Promise' }>, ctx: SystemContext): void {
  const p = a.proposer;
  if (p.phase !== 'prepare' || msg.n !== p.n || p.promises.some((x) => x.from === from)) return;
  p.promises.push({ from, acceptedN: msg.acceptedN, acceptedValue: msg.acceptedValue });
  if (p.promises.length < majority(st)) return;
  const highest = p.promises.reduce((best, x) => (x.acceptedN > best.acceptedN ? x : best), p.promises[0]!);
  const inherited = highest.acceptedN > 0 && !st.config.brokenValue ? highest.acceptedValue : null;
  p.value = inherited ?? p.want ?? '';
  p.phase = 'accept';
  ctx.note(a.id, `has promises from a majority for n=${p.n}: Accept ${p.value}${inherited !== null && inherited !== p.want ? ` (inherited from n=${highest.acceptedN}, not its own ${p.want})` : ''}`);
  broadcast(st, a.id, { type: 'Accept', n: p.n, value: p.value }, ctx);
}

export function onAccepted(st: PaxosState, a: PaxosAgent, from: NodeId, msg: Extract<PaxosMessage, { type: 'Accepted' }>, ctx: SystemContext): void {
  const p = a.proposer;
  if (p.phase !== 'accept' || msg.n !== p.n || p.accepts.includes(from)) return;
  p.accepts.push(from);
  if (p.accepts.length < majority(st)) return;
  stopTimer(a, ctx);
  p.phase = 'done';
  ctx.note(a.id, `sees ${p.value} chosen: n=${p.n} was accepted by a majority`);
  broadcast(st, a.id, { type: 'Chosen', value: p.value! }, ctx);
}

/** Pre-empted: a higher number got in first. Retry above it, at once or after a random backoff. */
export function preempted(st: PaxosState, a: PaxosAgent, higher: number, ctx: SystemContext): void {
  const p = a.proposer;
  if (p.phase !== 'prepare' && p.phase !== 'accept') return;
  p.mustExceed = Math.max(p.mustExceed, higher);
  stopTimer(a, ctx);
  if (!mayPropose(st, a)) {
    p.phase = 'idle';
    if (p.want !== null) propose(st, a, p.want, ctx);
    return;
  }
  if (st.config.backoff <= 0) {
    ctx.note(a.id, `pre-empted by n=${higher}; retries at once`);
    startRound(st, a, ctx);
    return;
  }
  const wait = ctx.rng.int(0, st.config.backoff);
  p.phase = 'backoff';
  ctx.note(a.id, `pre-empted by n=${higher}; backs off ${wait}ms`);
  p.timer = ctx.setTimer(a.id, wait, 'retry', p.n);
}

export function onProposerTimer(st: PaxosState, a: PaxosAgent, name: string, n: unknown, ctx: SystemContext): void {
  const p = a.proposer;
  if (n !== p.n) return;
  p.timer = null;
  if (name === 'retry' && p.phase === 'backoff') startRound(st, a, ctx);
  if (name === 'timeout' && (p.phase === 'prepare' || p.phase === 'accept')) {
    ctx.note(a.id, `round n=${p.n} made no progress in ${st.config.timeout}ms; retries`);
    if (mayPropose(st, a)) startRound(st, a, ctx);
  }
}
