// Vector clocks (Fidge, Mattern 1988): each node counts its own events; a message carries the sender's
// vector and the receiver takes the element-wise maximum. Comparing two vectors says whether one event
// happened before the other or whether they are concurrent — what a Lamport clock, a single number,
// cannot say (Lamport 1978: a < b implies C(a) < C(b), not the converse).

/** A vector clock: a count per node; a node not listed counts 0. */
export type VectorClock = Readonly<Record<string, number>>;

export type ClockOrder = 'before' | 'after' | 'equal' | 'concurrent';

/** `before` when a happened before b (a <= b everywhere, < somewhere), `after` the reverse, `equal`,
 *  else `concurrent`. */
export function compareVectorClocks(a: VectorClock, b: VectorClock): ClockOrder {
  let less = false;
  let more = false;
  for (const node of new Set([...Object.keys(a), ...Object.keys(b)])) {
    const x = a[node] ?? 0;
    const y = b[node] ?? 0;
    if (x < y) less = true;
    else if (x > y) more = true;
  }
  if (less && more) return 'concurrent';
  if (less) return 'before';
  if (more) return 'after';
  return 'equal';
}

/** The clock after a local event at `node`. */
export const tick = (c: VectorClock, node: string): VectorClock => ({ ...c, [node]: (c[node] ?? 0) + 1 });

/** The receiver's clock after receiving a message stamped `msg`: the element-wise maximum, then a tick. */
export function receive(own: VectorClock, msg: VectorClock, node: string): VectorClock {
  const merged: Record<string, number> = { ...own };
  for (const [k, v] of Object.entries(msg)) merged[k] = Math.max(merged[k] ?? 0, v);
  return tick(merged, node);
}
