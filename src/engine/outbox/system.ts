// The outbox system: services (each with its database), their relays, the board (BROKER) and consumers.
// Invariants are the outbox's promises: a service using the transactional outbox never loses or invents
// an event, and a consumer with an inbox never applies one twice. The dual-write designs break the first
// by design; their lost and phantom events are reported by the detectors (detect.ts) as notes and counts.
import type { Invariant, Message, SystemDef } from '../core/types.ts';
import { atBoard, atConsumer } from './board.ts';
import { crashRelay, onAck, onRelayTimer, startRelay } from './relay.ts';
import { BROKER, initialOutboxState, OUTBOX, type OutEvent, type OutboxState } from './state.ts';
import { outboxQueries } from './queries.ts';
import { formatOutboxMessage } from './format.ts';

type Wire =
  | { type: 'Publish'; events: OutEvent[]; seqs: number[] | null }
  | { type: 'PubAck'; seqs: number[] }
  | { type: 'Deliver'; events: OutEvent[] };

const invariants: readonly Invariant<OutboxState>[] = [
  {
    name: 'outbox-no-phantom',
    description: 'a service using the transactional outbox never has an event on the board whose transaction rolled back',
    check: (s) => {
      const r = s.saves.find((x) => x.outcome === 'rolled-back' && x.onBoard && x.design === 'outbox');
      return r ? `${r.event.id} (${r.event.type} ${r.event.aggregate}) is on the board but ${r.service} rolled it back` : null;
    },
  },
  {
    name: 'outbox-no-lost-event',
    description: 'a service using the transactional outbox keeps every committed event in its outbox until the board has it',
    check: (s) => {
      const r = s.saves.find((x) => x.outcome === 'committed' && !x.onBoard && x.design === 'outbox'
        && s.services[x.service]?.rowOf[x.event.id] === undefined);
      return r ? `${r.event.id} committed by ${r.service} is neither on the board nor in its outbox` : null;
    },
  },
  {
    name: 'inbox-applies-once',
    description: 'a consumer with an inbox never applies the same event twice',
    check: (s) => {
      const c = s.consumerOrder.map((id) => s.consumers[id]!).find((x) => x.inbox && x.doubled > 0);
      return c ? `${c.id} applied an event twice despite its inbox` : null;
    },
  },
];

export const outboxSystem: SystemDef<OutboxState> = {
  name: OUTBOX,
  initialState: initialOutboxState,
  onMessage(s, node, from, m: Message, ctx) {
    const msg = m as unknown as Wire;
    if (node === BROKER && msg.type === 'Publish') { atBoard(s, from, msg.events, msg.seqs, ctx); return; }
    const r = s.relays[node];
    if (r && msg.type === 'PubAck') { onAck(s, r, msg.seqs, ctx); return; }
    const c = s.consumers[node];
    if (c && msg.type === 'Deliver') atConsumer(c, msg.events, ctx);
  },
  onTimer(s, node, _name, _data, ctx) {
    const r = s.relays[node];
    if (r) onRelayTimer(s, r, ctx);
  },
  onCrash(s, node, ctx) {
    const r = s.relays[node];
    if (r) {
      const unmarked = r.inFlight.join(',');
      crashRelay(r);
      ctx.note(node, `down${unmarked ? `: rows ${unmarked} were handed to the board but not ${r.kind === 'polling' ? 'marked published' : 'past its committed offset'}; they will be sent again` : ''}`);
    }
  },
  onRestart(s, node, ctx) {
    const r = s.relays[node];
    if (r) startRelay(s, r, ctx);
  },
  invariants,
  queries: outboxQueries,
  formatMessage: formatOutboxMessage,
};
