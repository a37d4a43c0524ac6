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

/**
 * The ring. `firstColumns` is the columns' first length; they double as needed up to limit + 1. It holds
 * at most limit + 1 entries for an instant: past `limit` the oldest quarter goes.
 */
export class TraceRing {
  /** Index of the oldest entry still held. */
  base = 0;
  /** Index after the newest entry. */
  end = 0;
  private readonly most: number;
  private readonly cut: number;
  private cap: number;
  private t: Float64Array;
  private kind: Uint8Array;
  private msgId: Float64Array;
  private sentAt: Float64Array;
  private cause: Float64Array;
  private node: (string | undefined)[];
  private from: (string | undefined)[];
  private to: (string | undefined)[];
  private text: (string | undefined)[];
  private sys: (string | undefined)[];
  private invariant: (string | undefined)[];
  private msg: (Message | undefined)[];
  /** Entries kept as objects at record time (violations), by index. */
  private readonly objects = new Map<number, TraceEvent>();
  /** Built entries: built[k] is entry base + k. */
  private built: TraceEvent[] = [];

  constructor(private readonly limit: number, firstColumns = 1024) {
    this.most = Math.max(0, limit) + 1;
    this.cut = Math.max(1, Math.floor(limit / 4));
    const cap = this.cap = Math.max(1, Math.min(this.most, firstColumns));
    this.t = new Float64Array(cap);
    this.kind = new Uint8Array(cap);
    this.msgId = new Float64Array(cap);
    this.sentAt = new Float64Array(cap);
    this.cause = new Float64Array(cap);
    const refs = () => new Array<undefined>(cap).fill(undefined) as (string | undefined)[];
    this.node = refs(); this.from = refs(); this.to = refs(); this.text = refs(); this.sys = refs(); this.invariant = refs();
    this.msg = new Array<Message | undefined>(cap).fill(undefined);
  }

  /** Records entry `i` (always `end`: entries arrive in order). `kind` is its kindCode. */
  push(i: number, t: number, kind: number, node: string | undefined, from: string | undefined, to: string | undefined,
    msgId: number | undefined, msg: Message | undefined, sentAt: number | undefined, text: string | undefined,
    sys: string | undefined, invariant: string | undefined, cause: number | undefined): void {
    if (this.end >= this.cap && this.cap < this.most) this.grow();
    const s = i % this.cap;
    this.t[s] = t;
    this.kind[s] = kind;
    this.node[s] = node;
    this.from[s] = from;
    this.to[s] = to;
    this.msgId[s] = msgId ?? NONE;
    this.msg[s] = msg;
    this.sentAt[s] = sentAt ?? NONE;
    this.text[s] = text;
    this.sys[s] = sys;
    this.invariant[s] = invariant;
    this.cause[s] = cause ?? NONE;
    this.end = i + 1;
    if (this.end - this.base > this.limit) this.dropOldest();
  }

  /** Keeps this object as the entry at its index (so a violation is the same object in both lists). */
  pushObject(ev: TraceEvent): void {
    this.push(ev.i, ev.t, kindCode(ev.kind), ev.node, ev.from, ev.to, ev.msgId, ev.msg, ev.sentAt, ev.text, ev.sys, ev.invariant, ev.cause);
    if (ev.i >= this.base) this.objects.set(ev.i, ev);
  }

  /** The held entries below `n`, oldest first (the same array while nothing new was recorded). */
  upTo(n: number): readonly TraceEvent[] {
    const stop = Math.min(n, this.end);
    const built = this.built;
    const from = this.base + built.length;
    if (from < stop) {
      const { cap, t, kind, node, from: src, to, msgId, msg, sentAt, text, sys, invariant, cause } = this;
      const objects = this.objects.size > 0 ? this.objects : null;
      for (let i = from; i < stop; i++) {
        const held = objects?.get(i);
        if (held) { built.push(held); continue; }
        const s = i % cap;
        built.push({
          i, t: t[s]!, kind: KINDS[kind[s]!]!, node: node[s], from: src[s], to: to[s], msgId: num(msgId[s]!), msg: msg[s],
          sentAt: num(sentAt[s]!), text: text[s], sys: sys[s], invariant: invariant[s], cause: num(cause[s]!),
        });
      }
    }
    return stop >= this.end ? built : built.slice(0, Math.max(0, stop - this.base));
  }

  /** Forgets every entry from `n` on (a fork discards the old future). */
  truncate(n: number): void {
    if (n >= this.end) return;
    if (n <= this.base) { this.base = n; this.built = []; this.objects.clear(); } else {
      if (this.built.length > n - this.base) this.built.length = n - this.base;
      for (const i of this.objects.keys()) if (i >= n) this.objects.delete(i);
    }
    // Clear the references the discarded entries held, so their messages can be collected.
    for (let i = Math.max(n, this.base); i < this.end; i++) { const s = i % this.cap; this.msg[s] = undefined; this.text[s] = undefined; }
    this.end = n;
  }

  private grow(): void {
    // Only before anything was dropped: dropping starts once the columns have their full length, and a
    // fork can move `base` only back to where dropping left it. So entry i sits at slot i and stays there.
    const next = Math.min(this.most, this.cap * 2);
    const numbers = <A extends Float64Array | Uint8Array>(a: A, b: A): A => { b.set(a); return b; };
    // Longer reference columns: a hole reads as undefined, and the slots are written before they are read.
    const refs = <T,>(a: T[]): T[] => { a.length = next; return a; };
    this.t = numbers(this.t, new Float64Array(next));
    this.kind = numbers(this.kind, new Uint8Array(next));
    this.msgId = numbers(this.msgId, new Float64Array(next));
    this.sentAt = numbers(this.sentAt, new Float64Array(next));
    this.cause = numbers(this.cause, new Float64Array(next));
    refs(this.node); refs(this.from); refs(this.to); refs(this.text); refs(this.sys); refs(this.invariant); refs(this.msg);
    this.cap = next;
  }

  private dropOldest(): void {
    const cut = this.cut;
    if (this.objects.size > 0) for (const i of this.objects.keys()) if (i < this.base + cut) this.objects.delete(i);
    this.built = this.built.length > cut ? this.built.slice(cut) : [];
    this.base += cut;
  }
}
