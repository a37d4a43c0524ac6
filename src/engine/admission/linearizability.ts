// A linearizability checker over a recorded client history: Wing and Gong's search with Lowe's memoisation,
// the algorithm Porcupine and Knossos use. Each operation has a call and a return time; the history is
// linearizable when some total order of the operations (1) respects real time — an operation that returned
// before another was called comes first — and (2) is a legal sequential run of the model. The search walks
// the calls and returns in time order, tries to place each pending call next ("linearize" it), and backs up
// when it reaches the return of an operation it has not placed; a (placed set, model state) pair already
// tried is never tried again. A model may split a history into independent parts (one per key of a
// key-value store: P-compositionality), each checked alone.
//
// Real-time order only separates operations when one returned strictly before the other was called: a
// return and a call at the same millisecond count as concurrent (the permissive reading, as Porcupine's).

export interface Operation<I, O> {
  id: number;
  client: string;
  /** When the client sent the request, and when it saw the answer (ms). */
  call: number;
  ret: number;
  input: I;
  output: O;
}

export interface Model<S, I, O> {
  init(): S;
  /** Applying `input` in `state`: whether it could have answered `output`, and the state after. */
  step(state: S, input: I, output: O): { ok: boolean; state: S };
  /** A string equal for equal states (the memo's key). */
  key(state: S): string;
  /** Independent parts of the history, checked one by one (default: the whole history). */
  partition?(ops: readonly Operation<I, O>[]): Operation<I, O>[][];
}

export type Verdict = 'linearizable' | 'not-linearizable' | 'gave-up';

export interface CheckResult {
  verdict: Verdict;
  /** A legal order of every operation's id when linearizable. */
  order: number[];
  /** When not: the longest legal order the search found of a part that fails (operation ids)... */
  longest: number[];
  /** ...and the operation that could not come next: its return was reached before any legal placement. */
  blocked: number | null;
  /** Placements tried, over all parts (the search's work). */
  explored: number;
}

interface Entry {
  op: number;          // index into the part's operations
  call: boolean;
  time: number;
  match: Entry | null; // a call's return entry
  prev: Entry | null;
  next: Entry | null;
}

function entryList(times: readonly { call: number; ret: number }[]): Entry {
  const list: Entry[] = [];
  times.forEach((t, op) => {
    const ret: Entry = { op, call: false, time: t.ret, match: null, prev: null, next: null };
    list.push({ op, call: true, time: t.call, match: ret, prev: null, next: null }, ret);
  });
  // Calls before returns at the same time: touching operations are concurrent.
  list.sort((a, b) => a.time - b.time || (a.call === b.call ? a.op - b.op : a.call ? -1 : 1));
  const head: Entry = { op: -1, call: false, time: -Infinity, match: null, prev: null, next: null };
  let last = head;
  for (const e of list) { last.next = e; e.prev = last; last = e; }
  return head;
}

function unlink(e: Entry): void {
  e.prev!.next = e.next;
  if (e.next) e.next.prev = e.prev;
}

function relink(e: Entry): void {
  e.prev!.next = e;
  if (e.next) e.next.prev = e;
}

class Bits {
  readonly words: Uint32Array;
  constructor(n: number) { this.words = new Uint32Array(Math.ceil(n / 32) || 1); }
  set(i: number): void { this.words[i >>> 5]! |= 1 << (i & 31); }
  clear(i: number): void { this.words[i >>> 5]! &= ~(1 << (i & 31)); }
  key(): string { return this.words.join(','); }
}

interface PartResult { ok: boolean | null; order: number[]; longest: number[]; blocked: number | null; explored: number }

function checkPart<S, I, O>(model: Model<S, I, O>, ops: readonly Operation<I, O>[], budget: number): PartResult {
  const head = entryList(ops);
  const placed = new Bits(ops.length);
  const seen = new Set<string>();
  const stack: { entry: Entry; state: S }[] = [];
  let state = model.init();
  let entry = head.next;
  let explored = 0;
  let longest: number[] = [];
  let blocked: number | null = null;
  while (head.next !== null) {
    if (entry === null) break; // cannot happen: a list that still holds a call also holds its return
    if (entry.call) {
      const op = ops[entry.op]!;
      const r = model.step(state, op.input, op.output);
      explored++;
      if (explored > budget) return { ok: null, order: [], longest, blocked, explored };
      if (r.ok) {
        placed.set(entry.op);
        const key = `${placed.key()}|${model.key(r.state)}`;
        if (!seen.has(key)) {
          seen.add(key);
          stack.push({ entry, state });
          state = r.state;
          unlink(entry);
          unlink(entry.match!);
          entry = head.next;
          continue;
        }
        placed.clear(entry.op);
      }
      entry = entry.next;
    } else {
      // The return of an operation not yet placed: nothing placed so far can be followed legally. Remember
      // the deepest such dead end, then undo the last placement and try the next candidate after it.
      if (stack.length >= longest.length) {
        longest = stack.map((s) => ops[s.entry.op]!.id);
        blocked = ops[entry.op]!.id;
      }
      const top = stack.pop();
      if (!top) return { ok: false, order: [], longest, blocked, explored };
      relink(top.entry.match!);
      relink(top.entry);
      placed.clear(top.entry.op);
      state = top.state;
      entry = top.entry.next;
    }
  }
  return { ok: true, order: stack.map((s) => ops[s.entry.op]!.id), longest: [], blocked: null, explored };
}

/** Checks a whole history; gives up (verdict `gave-up`) after `budget` placements in all. */
export function checkLinearizable<S, I, O>(model: Model<S, I, O>, history: readonly Operation<I, O>[], budget = 5_000_000): CheckResult {
  for (const op of history) {
    if (!(op.ret >= op.call)) throw new Error(`operation ${op.id} returns (${op.ret}) before it is called (${op.call})`);
  }
  const parts = model.partition ? model.partition(history) : [history.slice()];
  const order: number[] = [];
  let explored = 0;
  for (const part of parts) {
    const r = checkPart(model, part, budget - explored);
    explored += r.explored;
    if (r.ok === null) return { verdict: 'gave-up', order: [], longest: r.longest, blocked: r.blocked, explored };
    if (!r.ok) return { verdict: 'not-linearizable', order: [], longest: r.longest, blocked: r.blocked, explored };
    order.push(...r.order);
  }
  return { verdict: 'linearizable', order, longest: [], blocked: null, explored };
}
