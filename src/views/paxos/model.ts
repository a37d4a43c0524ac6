// What the Paxos pictures draw, read from the Paxos state: each server's three roles side by side
// (proposer progress, acceptor promise and accepted proposal, learned value), the chosen value, and
// whether proposers are duelling (pre-empting each other round after round with nothing chosen). Pure.
import type { Message, NodeId } from '../../engine/core/index.ts';
import type { PaxosMessage } from '../../engine/paxos/index.ts';
import type { PaxosState } from '../../engine/paxos/index.ts';
import { paxosAgentViews, paxosSummary, type PaxosAgentView } from '../../engine/paxos/index.ts';
import { OKABE_ITO } from '../shared/palette.ts';

export interface PaxosPicture {
  agents: PaxosAgentView[];
  chosen: string[];
  majority: number;
  leader: NodeId | null;
  /** Phase-1 rounds started by every proposer together. */
  rounds: number;
  /** Proposers still trying (prepare, accept or backing off). */
  active: NodeId[];
  /** Two or more proposers still trying, several rounds in, nothing chosen: a livelock in progress. */
  duel: boolean;
}

const trying = (a: PaxosAgentView) => !a.down && (a.proposer.phase === 'prepare' || a.proposer.phase === 'accept' || a.proposer.phase === 'backoff');

export function paxosPicture(st: PaxosState): PaxosPicture {
  const agents = paxosAgentViews(st);
  const sum = paxosSummary(st);
  const active = agents.filter(trying).map((a) => a.id);
  const rounds = agents.reduce((n, a) => n + a.proposer.rounds, 0);
  return { agents, chosen: sum.chosen, majority: sum.majority, leader: sum.leader, rounds, active, duel: active.length >= 2 && sum.chosen.length === 0 && rounds >= 4 };
}

/** The proposer's line: "idle", "prepare #10 for x · 2/3", "accept #10 = x · 1/3", "done #10 = x", "backing off". */
export function proposerWords(a: PaxosAgentView, majority: number): string {
  const p = a.proposer;
  switch (p.phase) {
    case 'idle': return 'idle';
    case 'prepare': return `prepare #${p.n}${p.want ? ` (${p.want})` : ''} ${p.promises}/${majority}`;
    case 'accept': return `accept #${p.n}=${p.value} ${p.accepts}/${majority}`;
    case 'backoff': return `backing off (#${p.n})`;
    case 'done': return `done #${p.n}=${p.value}`;
  }
}

export const promiseWords = (a: PaxosAgentView) => (a.promised ? `promised #${a.promised}` : 'no promise');
export const acceptedWords = (a: PaxosAgentView) => (a.accepted ? `accepted #${a.accepted.n}=${a.accepted.value}` : 'accepted none');
export const learnedWords = (a: PaxosAgentView) => (a.learned ? `learned ${a.learned}` : 'learned —');

export function describeAgent(a: PaxosAgentView, majority: number, paused: boolean): string {
  return [
    `${a.id}${a.down ? ' (crashed)' : paused ? ' (paused)' : ''}`, `proposer ${proposerWords(a, majority)}`, `acceptor ${promiseWords(a)}, ${acceptedWords(a)}`,
    a.learned ? `has learned ${a.learned} was chosen` : 'has learned nothing yet', a.proposer.rounds ? `${a.proposer.rounds} rounds started` : '',
  ].filter(Boolean).join('; ');
}

export interface PaxosMsgLook {
  shape: 'prepare' | 'promise' | 'accept' | 'accepted' | 'nack' | 'chosen' | 'forward';
  label: string;
  town: string;
  ok: boolean | null;
  colour: string;
  words: string;
}

export function paxosMessageLook(m: Message): PaxosMsgLook {
  const msg = m as unknown as PaxosMessage;
  switch (msg.type) {
    case 'Prepare': return { shape: 'prepare', label: `P #${msg.n}`, town: `motion #${msg.n}?`, ok: null, colour: OKABE_ITO.orange, words: `Prepare #${msg.n}: promise to ignore proposals numbered below ${msg.n}?` };
    case 'Promise': return {
      shape: 'promise', label: msg.acceptedN ? `✓ #${msg.n} had ${msg.acceptedN}=${msg.acceptedValue}` : `✓ #${msg.n}`, town: msg.acceptedN ? `promise, had ${msg.acceptedValue}` : 'promise',
      ok: true, colour: OKABE_ITO.skyBlue, words: `Promise for #${msg.n}${msg.acceptedN ? `, reporting it accepted #${msg.acceptedN} = ${msg.acceptedValue}` : ', nothing accepted before'}`,
    };
    case 'Accept': return { shape: 'accept', label: `A #${msg.n}=${msg.value}`, town: `vote on ${msg.value}`, ok: null, colour: OKABE_ITO.blue, words: `Accept #${msg.n} with value ${msg.value}` };
    case 'Accepted': return { shape: 'accepted', label: `✓ acc #${msg.n}`, town: `agreed ${msg.value}`, ok: true, colour: OKABE_ITO.bluishGreen, words: `Accepted #${msg.n} = ${msg.value}` };
    case 'Nack': return { shape: 'nack', label: `✗ >${msg.promised}`, town: `no: #${msg.promised}`, ok: false, colour: OKABE_ITO.vermillion, words: `Nack for #${msg.n}: already promised #${msg.promised}` };
    case 'Chosen': return { shape: 'chosen', label: `★ ${msg.value}`, town: `decreed ${msg.value}`, ok: true, colour: OKABE_ITO.yellow, words: `Chosen: ${msg.value} was accepted by a majority` };
    case 'Forward': return { shape: 'forward', label: `fwd ${msg.value}`, town: `please propose ${msg.value}`, ok: null, colour: OKABE_ITO.reddishPurple, words: `Forward ${msg.value} to the distinguished proposer` };
    default: return { shape: 'forward', label: m.type, town: m.type, ok: null, colour: OKABE_ITO.reddishPurple, words: m.type };
  }
}

/** The value a server proposes from its menu: a letter of its own (s1 → a, s2 → b, ...). */
export const proposalValueFor = (id: string) => String.fromCharCode(96 + Math.max(1, Math.min(26, Number(id.replace(/\D/g, '')) || 1)));

/** The picture of a run without Paxos (the pane is being torn down): no servers. */
export const NO_PAXOS: PaxosPicture = { agents: [], chosen: [], majority: 0, leader: null, rounds: 0, active: [], duel: false };
