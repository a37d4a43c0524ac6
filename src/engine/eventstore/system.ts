// The event store system: the store node answers loads, appends and fetches; clerks (command handlers)
// and projectors (catch-up subscriptions building read models) are nodes that talk to it over the
// network. Durable: the store's log, streams and snapshots; each projector's table with its checkpoint.
// Volatile: a clerk's commands in hand, a projector's batch in hand and the reads waiting on it.
import type { Invariant, Message, SystemDef } from '../core/types.ts';
import { appendEvents, loadAggregate, readAll } from './store.ts';
import { crashClerk, onAppended, onClerkTimer, onConflict, onLoaded } from './clerk.ts';
import { crashProjector, fetchMore, onEvents, onProjectorTimer } from './projector.ts';
import { EVENTSTORE, initialEventStoreState, STORE_NODE, type EventStoreState } from './state.ts';
import { eventStoreQueries } from './queries.ts';
import { formatEventStoreMessage } from './format.ts';
import type { EsWire } from './wire.ts';

const invariants: readonly Invariant<EventStoreState>[] = [
  {
    name: 'no-lost-update',
    description: 'no write decided on an old version of a stream lands on a newer one unchecked (expected=any after someone else appended)',
    check: (s) => s.audit.lostUpdate,
  },
  {
    name: 'read-your-own-writes',
    description: 'a clerk reading a read model after its own write sees that write (use consistency=wait or write)',
    check: (s) => s.audit.ownWriteMissed,
  },
];

function onStore(s: EventStoreState, from: string, w: EsWire, ctx: Parameters<SystemDef<EventStoreState>['onMessage']>[4]): void {
  if (w.type === 'Load') {
    const got = loadAggregate(s, w.stream);
    s.counts.loadRead += got.events.length;
    ctx.send(STORE_NODE, from, { type: 'Loaded', stream: w.stream, req: w.req, version: got.version, snapshot: got.snapshot, events: got.events });
  } else if (w.type === 'Append') {
    const r = appendEvents(s, w.stream, w.expected, [{ ...w.event, id: w.id }], ctx.now, ctx, w.basedOn);
    if (r.ok) ctx.note(STORE_NODE, `${w.stream} v${r.version} @${r.last}: ${w.event.type} from ${from}`);
    ctx.send(STORE_NODE, from, r.ok ? { type: 'Appended', stream: w.stream, req: w.req, pos: r.last, version: r.version } : { type: 'Conflict', stream: w.stream, req: w.req, error: r.error });
  } else if (w.type === 'Fetch') {
    ctx.send(STORE_NODE, from, { type: 'Events', fetch: w.fetch, from: w.from, events: readAll(s, w.from, w.max) });
  }
}

export const eventStoreSystem: SystemDef<EventStoreState> = {
  name: EVENTSTORE,
  initialState: initialEventStoreState,
  onMessage(s, node, from, m: Message, ctx) {
    const w = m as unknown as EsWire;
    s.clock = ctx.now;
    if (node === STORE_NODE) { onStore(s, from, w, ctx); return; }
    const c = s.clerks[node];
    if (c) {
      if (w.type === 'Loaded') onLoaded(s, c, w, ctx);
      else if (w.type === 'Appended') onAppended(c, w, ctx);
      else if (w.type === 'Conflict') onConflict(c, w, ctx);
      return;
    }
    const p = s.projectors[node];
    if (p && w.type === 'Events') onEvents(s, p, w, ctx);
  },
  onTimer(s, node, name, _data, ctx) {
    s.clock = ctx.now;
    const c = s.clerks[node];
    if (c) { onClerkTimer(c, name, ctx); return; }
    const p = s.projectors[node];
    if (p) onProjectorTimer(s, p, name, ctx);
  },
  onCrash(s, node, ctx) {
    if (node === STORE_NODE) { ctx.note(STORE_NODE, 'down: every stream and snapshot is on disk and kept'); return; }
    const c = s.clerks[node];
    if (c) { crashClerk(c, ctx); return; }
    const p = s.projectors[node];
    if (p) crashProjector(s, p, ctx);
  },
  onRestart(s, node, ctx) {
    const p = s.projectors[node];
    if (p) { ctx.note(p.id, `back: resuming from checkpoint ${p.checkpoint}`); fetchMore(p, ctx); }
  },
  invariants,
  queries: eventStoreQueries,
  formatMessage: formatEventStoreMessage,
};
