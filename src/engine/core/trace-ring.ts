// The bounded trace ring. Entries are stored by field in preallocated columns (numbers in typed arrays,
// strings and messages by reference), so recording an event allocates nothing and a long run does not
// keep hundreds of thousands of small objects alive for the garbage collector to copy. A reader gets
// ordinary TraceEvent objects: each is built the first time it is read and then kept, so repeated reads
// return the same objects and cost nothing.
import type { Message, TraceEvent, TraceKind } from './types.ts';

const KINDS: readonly TraceKind[] = ['send', 'deliver', 'drop', 'timer', 'note', 'fault', 'input', 'fork', 'violation'];

/** A kind's small-integer code (its place in KINDS): what the ring stores and the trace hash mixes. */
export function kindCode(kind: TraceKind): number {
  switch (kind) {
    case 'send': return 0;
    case 'deliver': return 1;
    case 'drop': return 2;
    case 'timer': return 3;
    case 'note': return 4;
    case 'fault': return 5;
    case 'input': return 6;
    case 'fork': return 7;
    case 'violation': return 8;
  }
}

/** Column value for "absent" in the numeric columns (trace numbers are integers, never NaN). */
const NONE = Number.NaN;
const num = (v: number): number | undefined => (v === v ? v : undefined);

export interface TraceRing {
  /** Index of the oldest entry still held. */
  readonly base: number;
  /** Index after the newest entry. */
  readonly end: number;
  /** Records entry `i` (always `end`: entries arrive in order). `kind` is its kindCode. */
  push(i: number, t: number, kind: number, node: string | undefined, from: string | undefined, to: string | undefined,
    msgId: number | undefined, msg: Message | undefined, sentAt: number | undefined, text: string | undefined,
    sys: string | undefined, invariant: string | undefined, cause: number | undefined): void;
  /** Keeps this object as the entry at its index (so a violation is the same object in both lists). */
  pushObject(ev: TraceEvent): void;
  /** The held entries below `n`, oldest first (the same array while nothing new was recorded). */
  upTo(n: number): readonly TraceEvent[];
  /** Forgets every entry from `n` on (a fork discards the old future). */
  truncate(n: number): void;
}

/** `firstColumns`: the columns' first length; they double as needed up to limit + 1. */
export function createTraceRing(limit: number, firstColumns = 1024): TraceRing {
  // Holds at most limit + 1 entries for an instant; past `limit` the oldest quarter goes.
  const most = Math.max(0, limit) + 1;
  const cut = Math.max(1, Math.floor(limit / 4));
  let cap = Math.max(1, Math.min(most, firstColumns));
  let base = 0;
  let end = 0;
  let t = new Float64Array(cap);
  let kind = new Uint8Array(cap);
  let msgId = new Float64Array(cap);
  let sentAt = new Float64Array(cap);
  let cause = new Float64Array(cap);
  let node: (string | undefined)[] = new Array<string | undefined>(cap).fill(undefined);
  let from = node.slice();
  let to = node.slice();
  let text = node.slice();
  let sys = node.slice();
  let invariant = node.slice();
  let msg: (Message | undefined)[] = new Array<Message | undefined>(cap).fill(undefined);
  /** Entries kept as objects at record time (violations), by index. */
  const objects = new Map<number, TraceEvent>();
  /** Built entries: built[k] is entry base + k. */
  let built: TraceEvent[] = [];

  function grow(): void {
    // Only before anything was dropped: dropping starts once the columns have their full length, and a
    // fork can move `base` only back to where dropping left it. So entry i sits at slot i and stays there.
    const next = Math.min(most, cap * 2);
    const numbers = <A extends Float64Array | Uint8Array>(a: A, b: A): A => { b.set(a); return b; };
    const refs = <T,>(a: T[]): T[] => a.concat(new Array<T>(next - cap).fill(undefined as T));
    t = numbers(t, new Float64Array(next));
    kind = numbers(kind, new Uint8Array(next));
    msgId = numbers(msgId, new Float64Array(next));
    sentAt = numbers(sentAt, new Float64Array(next));
    cause = numbers(cause, new Float64Array(next));
    node = refs(node); from = refs(from); to = refs(to); text = refs(text); sys = refs(sys); invariant = refs(invariant);
    msg = refs(msg);
    cap = next;
  }

  function dropOldest(): void {
    if (objects.size > 0) for (const i of objects.keys()) if (i < base + cut) objects.delete(i);
    built = built.length > cut ? built.slice(cut) : [];
    base += cut;
  }

  function build(i: number): TraceEvent {
    const held = objects.get(i);
    if (held) return held;
    const s = i % cap;
    return {
      i, t: t[s]!, kind: KINDS[kind[s]!]!, node: node[s], from: from[s], to: to[s], msgId: num(msgId[s]!), msg: msg[s],
      sentAt: num(sentAt[s]!), text: text[s], sys: sys[s], invariant: invariant[s], cause: num(cause[s]!),
    };
  }

  const ring: TraceRing = {
    get base() { return base; },
    get end() { return end; },
    push(i, t_, kind_, node_, from_, to_, msgId_, msg_, sentAt_, text_, sys_, invariant_, cause_) {
      if (end >= cap && cap < most) grow();
      const s = i % cap;
      t[s] = t_;
      kind[s] = kind_;
      node[s] = node_;
      from[s] = from_;
      to[s] = to_;
      msgId[s] = msgId_ ?? NONE;
      msg[s] = msg_;
      sentAt[s] = sentAt_ ?? NONE;
      text[s] = text_;
      sys[s] = sys_;
      invariant[s] = invariant_;
      cause[s] = cause_ ?? NONE;
      end = i + 1;
      if (end - base > limit) dropOldest();
    },
    pushObject(ev) {
      ring.push(ev.i, ev.t, kindCode(ev.kind), ev.node, ev.from, ev.to, ev.msgId, ev.msg, ev.sentAt, ev.text, ev.sys, ev.invariant, ev.cause);
      if (ev.i >= base) objects.set(ev.i, ev);
    },
    upTo(n) {
      const stop = Math.min(n, end);
      for (let i = base + built.length; i < stop; i++) built.push(build(i));
      return stop >= end ? built : built.slice(0, Math.max(0, stop - base));
    },
    truncate(n) {
      if (n >= end) return;
      if (n <= base) { base = n; built = []; objects.clear(); } else {
        if (built.length > n - base) built.length = n - base;
        for (const i of objects.keys()) if (i >= n) objects.delete(i);
      }
      // Clear the references the discarded entries held, so their messages can be collected.
      for (let i = Math.max(n, base); i < end; i++) { const s = i % cap; msg[s] = undefined; text[s] = undefined; }
      end = n;
    },
  };
  return ring;
}
