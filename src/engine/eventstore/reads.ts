// Reading a read model (the query side of CQRS). eventual: the table as it is now, which may not yet hold
// a write just made (a stale read, counted when the answer differs from a replay of the whole log). wait:
// read-your-own-writes with a position token: the answer waits until the projector's checkpoint has
// passed the asker's last append. write: read the aggregate itself from the store (always current).
import type { SystemContext, Time } from '../core/types.ts';
import { aggregateNumber, readAs } from './aggregates.ts';
import { projectAll } from './projections.ts';
import { stateAtVersion, streamVersion } from './store.ts';
import type { Clerk, EventStoreState, Projector, ProjectorKind, StoredEvent } from './state.ts';

/** Whether an event changes the row `key` of a read model of this kind. */
export function affects(kind: ProjectorKind, e: StoredEvent, key: string): boolean {
  if (kind === 'activity') return e.type === key;
  if (kind === 'balances') return e.stream === key;
  return e.stream.startsWith('book-') && (e.data.item === key || e.type === 'OrderCancelled');
}

/** The row's value in a replay of the whole log: what a fully caught-up, correct read model answers. */
export const currentValue = (s: EventStoreState, kind: ProjectorKind, key: string): number =>
  projectAll(kind, s.log, s.log.length, s.upcast).table[key] ?? 0;

function answer(s: EventStoreState, p: Projector, c: Clerk, key: string, now: Time, askedAt: Time, ctx: SystemContext): void {
  const value = p.table[key] ?? 0;
  s.counts.reads++;
  const stale = value !== currentValue(s, p.kind, key);
  if (stale) s.counts.staleReads++;
  const own = c.lastPosition >= p.checkpoint && c.lastPosition >= 0 && affects(p.kind, readAs(s.log[c.lastPosition]!, s.upcast), key);
  if (own) s.audit.ownWriteMissed = `${c.id} read ${key} from ${p.id} (checkpoint ${p.checkpoint}) without its own write at position ${c.lastPosition}`;
  c.lastAnswer = `${key} = ${value}${stale ? ' (stale)' : ''}`;
  c.waitedMs = now - askedAt;
  ctx.note(c.id, `read ${p.id}: ${c.lastAnswer}${c.waitedMs ? ` after waiting ${c.waitedMs} ms` : ''}`);
}

export function ask(s: EventStoreState, p: Projector, c: Clerk, key: string, mode: 'eventual' | 'wait', ctx: SystemContext): string {
  if (mode === 'wait' && c.lastPosition >= p.checkpoint) {
    p.asks.push({ clerk: c.id, key, token: c.lastPosition, at: ctx.now });
    c.lastAnswer = 'waiting';
    return `${c.id} waits until ${p.id} has read position ${c.lastPosition} (its checkpoint is ${p.checkpoint})`;
  }
  answer(s, p, c, key, ctx.now, ctx.now, ctx);
  return `${c.id} read ${c.lastAnswer}`;
}

/** Answers the asks whose token the projector's checkpoint has now passed. */
export function answerWaiting(s: EventStoreState, p: Projector, ctx: SystemContext): void {
  if (p.asks.length === 0) return;
  const ready = p.asks.filter((a) => a.token < p.checkpoint);
  p.asks = p.asks.filter((a) => a.token >= p.checkpoint);
  for (const a of ready) { const c = s.clerks[a.clerk]; if (c) answer(s, p, c, a.key, ctx.now, a.at, ctx); }
}

/** consistency=write: the aggregate read from the store itself, always current. */
export function askWriteSide(s: EventStoreState, c: Clerk, stream: string, ctx: SystemContext): string {
  const st = stateAtVersion(s, stream, streamVersion(s, stream));
  s.counts.reads++;
  c.lastAnswer = `${stream} = ${st ? aggregateNumber(st) : 0}`;
  c.waitedMs = 0;
  ctx.note(c.id, `read the write side: ${c.lastAnswer}`);
  return `${c.id} read ${c.lastAnswer} from the store`;
}
