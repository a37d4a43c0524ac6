// What conditions, predictions and pictures can read from the event store: `expect eventstore.balance(account-1) == 40`.
import type { Query } from '../core/types.ts';
import { parseDuration } from '../core/duration.ts';
import { aggregateNumber, describeAggregate, domainOf } from './aggregates.ts';
import { projectAll, tableDiff } from './projections.ts';
import { loadAggregate, stateAtTime, stateAtVersion, streamVersion } from './store.ts';
import type { Clerk, EventStoreState, Projector } from './state.ts';

export const projectorNamed = (s: EventStoreState, name: string | undefined): Projector => {
  const p = s.projectors[name ?? ''];
  if (!p) throw new Error(`no projector named '${name}'${s.projectorOrder.length ? `; projectors are ${s.projectorOrder.join(',')}` : '; start one with eventstore.projector name=balances kind=balances'}`);
  return p;
};
export const clerkNamed = (s: EventStoreState, name: string | undefined): Clerk => {
  const c = s.clerks[name ?? ''];
  if (!c) throw new Error(`no clerk named '${name}'${s.clerkOrder.length ? `; clerks are ${s.clerkOrder.join(',')}` : '; add one with eventstore.clerk name=ann'}`);
  return c;
};
export const aggregateStream = (name: string | undefined): string => {
  const n = name ?? '';
  if (!domainOf(n)) throw new Error(`'${n}' is not an aggregate stream: name an account-<id> or book-<id> stream`);
  return n;
};

/** How many events behind the end of the log a projector's checkpoint is. */
export const lagEvents = (s: EventStoreState, p: Projector) => s.log.length - p.checkpoint;
/** How long the oldest event it has not applied has been waiting, as of the store's last activity. */
export const lagMs = (s: EventStoreState, p: Projector) => (p.checkpoint < s.log.length ? Math.max(0, s.clock - s.log[p.checkpoint]!.t) : 0);
/** Rows of its table that differ from a replay of the log up to its checkpoint with today's (fixed) code. */
export const driftOf = (s: EventStoreState, p: Projector) => tableDiff(p.table, projectAll(p.kind, s.log, p.checkpoint, s.upcast).table);

type Q = Query<EventStoreState>;
const q = (name: string, params: string[], description: string, example: string, get: Q['get']): Q => ({ name: `eventstore.${name}`, params, description, example, get });
const version = (v: string | undefined) => {
  const n = Number(v);
  if (!Number.isInteger(n) || n < -1) throw new Error(`version must be a whole number from -1, not '${v}'`);
  return n;
};
const moment = (v: string | undefined) => {
  const t = parseDuration(v ?? '');
  if (t === null) throw new Error(`'${v}' is not a moment: write it like 500ms or 2s`);
  return t;
};

export const eventStoreQueries: readonly Q[] = [
  q('events', [], 'events in the whole store: the global position the next one gets', 'expect eventstore.events == 0', (s) => s.log.length),
  q('version', ['stream'], "a stream's version: its last event's number, from 0 (-1: no stream)", 'expect eventstore.version(account-1) == -1', (s, [n]) => streamVersion(s, n ?? '')),
  q('balance', ['account'], "an account's balance folded from its stream", 'expect eventstore.balance(account-1) == 0', (s, [n]) => aggregateNumber(stateAtVersion(s, aggregateStream(n), streamVersion(s, n!))!)),
  q('loaves', ['book'], 'loaves on open orders in a bakery order book, folded from its stream', 'expect eventstore.loaves(book-rye) == 0', (s, [n]) => aggregateNumber(stateAtVersion(s, aggregateStream(n), streamVersion(s, n!))!)),
  q('state', ['stream'], "an aggregate's state in words ('balance 40', '18 loaves on 2 orders')", 'expect eventstore.state(account-1) == "not opened"', (s, [n]) => describeAggregate(stateAtVersion(s, aggregateStream(n), streamVersion(s, n!))!)),
  q('at', ['stream', 'version'], "an aggregate's balance or loaves as of a version (inclusive)", 'expect eventstore.at(account-1, 0) == 0', (s, [n, v]) => aggregateNumber(stateAtVersion(s, aggregateStream(n), version(v))!)),
  q('asof', ['stream', 'moment'], "an aggregate's balance or loaves as of a moment: the events appended by then", 'expect eventstore.asof(account-1, 1s) == 0', (s, [n, t]) => aggregateNumber(stateAtTime(s, aggregateStream(n), moment(t))!)),
  q('loadCost', ['stream'], 'events a clerk reads to load the aggregate now (after the latest snapshot, if any)', 'expect eventstore.loadCost(account-1) == 0', (s, [n]) => loadAggregate(s, aggregateStream(n)).events.length),
  q('conflicts', [], 'appends refused by the expected-version check', 'expect eventstore.conflicts == 0', (s) => s.counts.conflicts),
  q('lostUpdates', [], 'appends decided on an old version and written with expected=any after the stream moved', 'expect eventstore.lostUpdates == 0', (s) => s.counts.lostUpdates),
  q('staleReads', [], 'reads of a read model whose answer differed from a replay of the whole log', 'expect eventstore.staleReads == 0', (s) => s.counts.staleReads),
  q('loadRead', [], 'events the store has handed out to load aggregates', 'expect eventstore.loadRead == 0', (s) => s.counts.loadRead),
  q('value', ['projector', 'key'], "a row of a projector's table (0 if absent)", 'expect eventstore.value(balances, account-1) == 0', (s, [p, k]) => projectorNamed(s, p).table[k ?? ''] ?? 0),
  q('truth', ['projector', 'key'], 'that row in a replay of the whole log with the fixed code: what a caught-up read model answers', 'expect eventstore.truth(balances, account-1) == 0', (s, [p, k]) => { const pr = projectorNamed(s, p); return projectAll(pr.kind, s.log, s.log.length, s.upcast).table[k ?? ''] ?? 0; }),
  q('checkpoint', ['projector'], 'the next global position the projector will read (saved with its table)', 'expect eventstore.checkpoint(balances) == 0', (s, [p]) => projectorNamed(s, p).checkpoint),
  q('lag', ['projector'], 'events appended that the projector has not applied yet', 'expect eventstore.lag(balances) == 0', (s, [p]) => lagEvents(s, projectorNamed(s, p))),
  q('lagMs', ['projector'], 'how long the oldest event it has not applied has waited, ms (0 when caught up)', 'expect eventstore.lagMs(balances) == 0', (s, [p]) => lagMs(s, projectorNamed(s, p))),
  q('delayMs', ['projector'], 'append-to-apply time of the last event it applied, ms', 'expect eventstore.delayMs(balances) == 0', (s, [p]) => projectorNamed(s, p).lastDelayMs),
  q('maxDelayMs', ['projector'], 'the longest append-to-apply time so far (rebuilds aside), ms', 'expect eventstore.maxDelayMs(balances) == 0', (s, [p]) => projectorNamed(s, p).maxDelayMs),
  q('drift', ['projector'], 'rows of its table that differ from a replay of the log up to its checkpoint with the fixed code', 'expect eventstore.drift(balances) == 0', (s, [p]) => driftOf(s, projectorNamed(s, p)).length),
  q('read', ['projector'], 'events the projector has read in all, rebuilds included', 'expect eventstore.read(balances) == 0', (s, [p]) => projectorNamed(s, p).eventsRead),
  q('rebuildRead', ['projector'], 'events read since its last rebuild started', 'expect eventstore.rebuildRead(balances) == 0', (s, [p]) => projectorNamed(s, p).rebuildRead),
  q('rebuilding', ['projector'], 'true while a rebuild has not caught up', 'expect eventstore.rebuilding(balances) == false', (s, [p]) => projectorNamed(s, p).rebuilding),
  q('done', ['clerk'], 'commands the clerk has appended an event for', 'expect eventstore.done(ann) == 0', (s, [c]) => clerkNamed(s, c).done),
  q('busy', ['clerk'], 'commands in hand or queued', 'expect eventstore.busy(ann) == 0', (s, [c]) => clerkNamed(s, c).jobs.length),
  q('clerkConflicts', ['clerk'], 'wrong-expected-version answers the clerk got', 'expect eventstore.clerkConflicts(ann) == 0', (s, [c]) => clerkNamed(s, c).conflicts),
  q('retries', ['clerk'], 'times it reloaded and decided again after a conflict', 'expect eventstore.retries(ann) == 0', (s, [c]) => clerkNamed(s, c).retries),
  q('refused', ['clerk'], 'commands refused by validation (insufficient funds, over capacity)', 'expect eventstore.refused(ann) == 0', (s, [c]) => clerkNamed(s, c).rejected),
  q('failed', ['clerk'], 'commands given up after a conflict (onConflict=fail or out of retries)', 'expect eventstore.failed(ann) == 0', (s, [c]) => clerkNamed(s, c).failed),
  q('result', ['clerk'], "what its last command came to, in words ('none' before any)", 'expect eventstore.result(ann) == none', (s, [c]) => clerkNamed(s, c).lastResult || 'none'),
  q('token', ['clerk'], 'the global position of its last append: its read-your-own-writes token (-1: none)', 'expect eventstore.token(ann) == -1', (s, [c]) => clerkNamed(s, c).lastPosition),
  q('answer', ['clerk'], "its last read of a read model ('key = value', 'waiting' or 'none')", 'expect eventstore.answer(ann) == none', (s, [c]) => clerkNamed(s, c).lastAnswer || 'none'),
  q('waiting', ['clerk'], 'true while its read waits for the read model to reach its token', 'expect eventstore.waiting(ann) == false', (s, [c]) => clerkNamed(s, c).lastAnswer === 'waiting'),
  q('waitedMs', ['clerk'], 'how long its last read waited for the read model to reach its token, ms', 'expect eventstore.waitedMs(ann) == 0', (s, [c]) => clerkNamed(s, c).waitedMs),
  q('clerkRead', ['clerk'], 'events the clerk has read loading aggregates', 'expect eventstore.clerkRead(ann) == 0', (s, [c]) => clerkNamed(s, c).eventsRead),
];
