// The bounded trace ring. Entries are stored by field in preallocated columns, so recording an event
// allocates nothing and a long run does not keep hundreds of thousands of small objects alive for the
// garbage collector to copy (only the messages themselves stay referenced). A reader gets ordinary TraceEvent objects: each is built the first time it is read and
// then kept, so repeated reads return the same objects and cost nothing.
import type { Message, MsgId, NodeId, TraceEvent, TraceKind } from './types.ts';

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

export const SEND = 0;
export const DELIVER = 1;
export const DROP = 2;
export const TIMER = 3;
/** Stored only: a drop at the sender (a cut link), whose node is the sender and sentAt the entry's time. */
const DROP_AT_SEND = 9;

/** What a message's entries read from the queued event (MsgEvent has all of it). */
export interface MsgRef {
  readonly id: MsgId;
  readonly from: NodeId;
  readonly to: NodeId;
  readonly sys: string;
  readonly msg: Message;
  readonly sentAt: number;
}
/** What a timer's entry reads from the queued timer (TimerEvent has it). */
export interface TimerRef {
  readonly node: NodeId;
  readonly sys: string;
}

const nextPowerOfTwo = (n: number) => 2 ** Math.ceil(Math.log2(Math.max(1, n)));

/**
 * The ring. `firstColumns` is the columns' first length; they double as needed (a power of two, so a slot
 * is an index masked, not divided) up to the first power of two above limit. It holds at most limit + 1
 * entries for an instant: past `limit` the oldest quarter goes.
 */
export class TraceRing {
  /** Index of the oldest entry still held. */
  base = 0;
  /** Index after the newest entry. */
  end = 0;
  private readonly most: number;
  private readonly cut: number;
  private mask: number;
  /** The first index whose entry needs longer columns or a drop first: until then recording only writes. */
  private room = 0;
  private kind: Uint8Array;
  /** Per slot s, at 3s: time, message id, send time. */
  private nums: Float64Array;
  /** Per slot s, at 5s: node (the sender of a message's entry), receiver, system, text, message. */
  private refs: (string | Message | undefined)[];
  /** Entries kept as objects at record time (violations), by index. */
  private readonly objects = new Map<number, TraceEvent>();
  /** Built entries: built[k] is entry base + k. */
  private built: TraceEvent[] = [];

  constructor(private readonly limit: number, firstColumns = 1024) {
    this.most = nextPowerOfTwo(Math.max(0, limit) + 1);
    this.cut = Math.max(1, Math.floor(limit / 4));
    const cap = Math.min(this.most, nextPowerOfTwo(firstColumns));
    this.mask = cap - 1;
    this.kind = new Uint8Array(cap);
    this.nums = new Float64Array(3 * cap);
    this.refs = new Array<string | Message | undefined>(5 * cap).fill(undefined);
    this.findRoom();
  }

  /** The slot for entry `i` (always `end`: entries arrive in order), after making room. */
  private slot(i: number): number {
    if (i >= this.room) this.makeRoom(i);
    this.end = i + 1;
    return i & this.mask;
  }

  /** Entry `i` needs longer columns or the oldest quarter dropped (`room` says from which index on). */
  private makeRoom(i: number): void {
    if (i > this.mask && this.mask + 1 < this.most) this.grow();
    if (i + 1 - this.base > this.limit) this.dropOldest();
    this.findRoom();
  }

  private findRoom(): void {
    this.room = Math.min(this.mask + 1 < this.most ? this.mask + 1 : Number.POSITIVE_INFINITY, this.base + this.limit);
  }

  /** A message's entry: `code` is SEND, DELIVER or DROP; `text` a drop's reason. */
  pushMsg(i: number, t: number, code: number, ev: MsgRef, text: string | undefined): void {
    const s = this.slot(i);
    this.kind[s] = code;
    const n = 3 * s;
    this.nums[n] = t;
    this.nums[n + 1] = ev.id;
    if (code !== SEND) this.nums[n + 2] = ev.sentAt;
    const r = 5 * s;
    const refs = this.refs;
    refs[r] = ev.from;
    refs[r + 1] = ev.to;
    refs[r + 2] = ev.sys;
    refs[r + 3] = text;
    refs[r + 4] = ev.msg;
  }

  /** A message dropped as it was sent (its link is cut): its node is the sender. */
  pushDropAtSend(i: number, t: number, ev: MsgRef, text: string): void {
    this.pushMsg(i, t, DROP, ev, text);
    this.kind[i & this.mask] = DROP_AT_SEND;
  }

  /** A timer's entry; `text` is its name (and how late it fired). */
  pushTimer(i: number, t: number, ev: TimerRef, text: string): void {
    this.pushText(i, t, TIMER, ev.node, ev.sys, text);
  }

  /** Any other entry (note, fault, input, fork): `code` is its kindCode. */
  pushText(i: number, t: number, code: number, node: string | undefined, sys: string | undefined, text: string | undefined): void {
    const s = this.slot(i);
    this.kind[s] = code;
    this.nums[3 * s] = t;
    const r = 5 * s;
    const refs = this.refs;
    refs[r] = node;
    refs[r + 2] = sys;
    refs[r + 3] = text;
    refs[r + 4] = undefined;
  }

  /** Keeps this object as the entry at its index (so a violation is the same object in both lists). */
  pushObject(ev: TraceEvent): void {
    const s = this.slot(ev.i);
    this.nums[3 * s] = ev.t;
    this.kind[s] = kindCode(ev.kind);
    if (ev.i >= this.base) this.objects.set(ev.i, ev);
  }

  /** The held entries below `n`, oldest first (the same array while nothing new was recorded). */
  upTo(n: number): readonly TraceEvent[] {
    const stop = this.buildTo(n);
    return stop >= this.end ? this.built : this.built.slice(0, Math.max(0, stop - this.base));
  }

  /** The held entries from `from` up to (not including) `n`: the same objects upTo returns. */
  range(from: number, n: number): readonly TraceEvent[] {
    const stop = this.buildTo(n);
    const start = Math.max(from, this.base);
    return start >= stop ? [] : this.built.slice(start - this.base, stop - this.base);
  }

  /** Builds the entries below `n` not built yet; returns min(n, end). */
  private buildTo(n: number): number {
    const stop = Math.min(n, this.end);
    const built = this.built;
    const from = this.base + built.length;
    if (from < stop) {
      const objects = this.objects.size > 0 ? this.objects : null;
      for (let i = from; i < stop; i++) {
        const held = objects?.get(i);
        built.push(held ?? this.entry(i));
      }
    }
    return stop;
  }

  private entry(i: number): TraceEvent {
    const s = i & this.mask;
    const t = this.nums[3 * s]!;
    const code = this.kind[s]!;
    const r = 5 * s;
    const refs = this.refs;
    const node = refs[r] as string | undefined;
    const sys = refs[r + 2] as string | undefined;
    const text = refs[r + 3] as string | undefined;
    if (code <= DROP || code === DROP_AT_SEND) {
      const to = refs[r + 1] as string;
      return {
        i, t, kind: code === DROP_AT_SEND ? 'drop' : KINDS[code]!, node: code === SEND || code === DROP_AT_SEND ? node : to, from: node, to,
        msgId: this.nums[3 * s + 1], msg: refs[r + 4] as Message, sentAt: code === SEND ? undefined : code === DROP_AT_SEND ? t : this.nums[3 * s + 2],
        text, sys, invariant: undefined, cause: undefined,
      };
    }
    return {
      i, t, kind: KINDS[code]!, node, from: undefined, to: undefined, msgId: undefined, msg: undefined, sentAt: undefined,
      text, sys, invariant: undefined, cause: undefined,
    };
  }

  /** Forgets every entry from `n` on (a fork discards the old future). */
  truncate(n: number): void {
    if (n >= this.end) return;
    if (n <= this.base) { this.base = n; this.built = []; this.objects.clear(); } else {
      if (this.built.length > n - this.base) this.built.length = n - this.base;
      for (const i of this.objects.keys()) if (i >= n) this.objects.delete(i);
    }
    // Clear the references the discarded entries held, so their messages can be collected.
    for (let i = Math.max(n, this.base); i < this.end; i++) { const r = 5 * (i & this.mask); this.refs[r + 3] = undefined; this.refs[r + 4] = undefined; }
    this.end = n;
    this.findRoom();
  }

  private grow(): void {
    // Only before anything was dropped: dropping starts once the columns have their full length, and a
    // fork can move `base` only back to where dropping left it. So entry i sits at slot i and stays there.
    const next = Math.min(this.most, (this.mask + 1) * 2);
    const kind = new Uint8Array(next);
    kind.set(this.kind);
    this.kind = kind;
    const nums = new Float64Array(3 * next);
    nums.set(this.nums);
    this.nums = nums;
    const refs = new Array<string | Message | undefined>(5 * next).fill(undefined);
    for (let k = 0; k < this.refs.length; k++) refs[k] = this.refs[k];
    this.refs = refs;
    this.mask = next - 1;
  }

  private dropOldest(): void {
    const cut = this.cut;
    if (this.objects.size > 0) for (const i of this.objects.keys()) if (i < this.base + cut) this.objects.delete(i);
    this.built = this.built.length > cut ? this.built.slice(cut) : [];
    this.base += cut;
  }
}
