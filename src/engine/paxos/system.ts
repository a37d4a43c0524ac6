// The Paxos system: acceptors answer phase 1 and phase 2 ("Paxos Made Simple" §2.2), learners learn the
// chosen value (§2.3), proposers live in proposer.ts.
import type { Invariant, Message, NodeId, SystemContext, SystemDef } from '../core/types.ts';
import type { PaxosMessage } from './messages.ts';
import { formatPaxosMessage } from './messages.ts';
import { chosenValues, idleProposer, initialPaxosState, type PaxosAgent, type PaxosState } from './state.ts';
import { onAccepted, onPromise, onProposerTimer, preempted, propose } from './proposer.ts';
import { paxosQueries } from './queries.ts';
import { adversaryTakes, hold, release } from './adversary.ts';

export const PAXOS = 'paxos';

const reply = (ctx: SystemContext, a: PaxosAgent, to: NodeId, msg: PaxosMessage) => ctx.send(a.id, to, msg);

/** Phase 1b: promise never to accept a proposal numbered below n, reporting the highest one accepted. */
function onPrepare(st: PaxosState, a: PaxosAgent, from: NodeId, n: number, ctx: SystemContext): void {
  if (n < a.promised) { reply(ctx, a, from, { type: 'Nack', n, promised: a.promised }); return; }
  a.promised = n;
  reply(ctx, a, from, { type: 'Promise', n, acceptedN: a.acceptedN, acceptedValue: a.acceptedValue });
  // Our own acceptor just promised a higher number to someone else: our round can no longer win here.
  if (from !== a.id && a.proposer.n < n) preempted(st, a, n, ctx);
}

/** Phase 2b: accept unless a higher-numbered prepare has been promised. */
function onAccept(st: PaxosState, a: PaxosAgent, from: NodeId, n: number, value: string, ctx: SystemContext): void {
  if (n < a.promised) { reply(ctx, a, from, { type: 'Nack', n, promised: a.promised }); return; }
  a.promised = n;
  a.acceptedN = n;
  a.acceptedValue = value;
  const rec = (st.accepted[n] ??= { value, by: [] });
  if (!rec.by.includes(a.id)) rec.by.push(a.id);
  reply(ctx, a, from, { type: 'Accepted', n, value });
  if (from !== a.id && a.proposer.n < n) preempted(st, a, n, ctx);
}

function onChosen(a: PaxosAgent, value: string, ctx: SystemContext): void {
  if (a.learned === value) return;
  a.learned = value;
  ctx.note(a.id, `learned ${value}`);
}

function onForward(st: PaxosState, a: PaxosAgent, value: string, ctx: SystemContext): void {
  if (a.learned !== null || a.proposer.phase === 'done') {
    ctx.note(a.id, `ignores forwarded ${value}: ${a.learned ?? a.proposer.value} is already chosen`);
    return;
  }
  propose(st, a, value, ctx);
}

const invariants: readonly Invariant<PaxosState>[] = [
  {
    name: 'one-value-chosen', description: 'at most one value is ever chosen (accepted by a majority under one proposal)',
    check: (st) => {
      const chosen = chosenValues(st);
      return chosen.length > 1 ? `${chosen.join(' and ')} were both chosen` : null;
    },
  },
  {
    name: 'learned-was-chosen', description: 'a learner learns only the chosen value',
    check: (st) => {
      const chosen = chosenValues(st);
      for (const id of st.order) {
        const l = st.agents[id]!.learned;
        if (l !== null && !chosen.includes(l)) return `${id} learned ${l}, which no majority accepted`;
        if (l !== null && chosen.length === 1 && l !== chosen[0]) return `${id} learned ${l} but ${chosen[0]} was chosen`;
      }
      return null;
    },
  },
];

export const paxos: SystemDef<PaxosState> = {
  name: PAXOS,
  initialState: initialPaxosState,
  onMessage(st, node, from, m: Message, ctx) {
    const a = st.agents[node];
    if (!a || a.down) return;
    const msg = m as unknown as PaxosMessage;
    if (adversaryTakes(st, msg) && msg.type === 'Accept') { hold(st, node, from, msg, ctx); return; }
    switch (msg.type) {
      case 'Prepare':
        onPrepare(st, a, from, msg.n, ctx);
        if (st.held?.length) release(st, node, (h) => h.msg.n < msg.n, (h) => onAccept(st, a, h.from, h.msg.n, h.msg.value, ctx));
        return;
      case 'Accept': onAccept(st, a, from, msg.n, msg.value, ctx); return;
      case 'Promise': onPromise(st, a, from, msg, ctx); return;
      case 'Accepted': onAccepted(st, a, from, msg, ctx); return;
      case 'Nack': if (msg.n === a.proposer.n) preempted(st, a, msg.promised, ctx); return;
      case 'Chosen': onChosen(a, msg.value, ctx); return;
      case 'Forward': onForward(st, a, msg.value, ctx); return;
    }
  },
  onTimer(st, node, name, data, ctx) {
    const a = st.agents[node];
    if (a && name === 'adversary-release') {
      // Its time is up: the adversary must deliver it (to a crashed acceptor it is lost with the crash).
      release(st, node, (h) => h.id === data, (h) => { if (!a.down) onAccept(st, a, h.from, h.msg.n, h.msg.value, ctx); });
      return;
    }
    if (a && !a.down) onProposerTimer(st, a, name, data, ctx);
  },
  // An acceptor's promise and accepted proposal are on disk; a proposer's round in progress is not.
  onCrash(st, node, ctx) {
    const a = st.agents[node];
    if (!a) return;
    a.down = true;
    const was = a.proposer;
    a.proposer = { ...idleProposer(), rounds: was.rounds };
    ctx.note(node, `crashed: keeps promised=${a.promised} accepted=${a.acceptedN === 0 ? 'none' : `${a.acceptedN}:${a.acceptedValue}`}${was.phase === 'prepare' || was.phase === 'accept' ? `; its round n=${was.n} is abandoned` : ''}`);
  },
  onRestart(st, node) {
    const a = st.agents[node];
    if (a) a.down = false;
  },
  invariants,
  queries: paxosQueries,
  formatMessage: formatPaxosMessage,
};
