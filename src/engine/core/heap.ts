// A binary min-heap of scheduled events ordered by (time, insertion sequence), so ties always break the
// same way. Stored as a plain array so a snapshot is a structuredClone of it.
export interface Scheduled {
  t: number;
  seq: number;
}

const before = (a: Scheduled, b: Scheduled) => a.t < b.t || (a.t === b.t && a.seq < b.seq);

export function heapPush<E extends Scheduled>(heap: E[], e: E): void {
  heap.push(e);
  let i = heap.length - 1;
  while (i > 0) {
    const p = (i - 1) >> 1;
    const parent = heap[p]!;
    if (!before(e, parent)) break;
    heap[i] = parent;
    i = p;
  }
  heap[i] = e;
}

export function heapPop<E extends Scheduled>(heap: E[]): E | undefined {
  const top = heap[0];
  const last = heap.pop();
  if (top === undefined || last === undefined || heap.length === 0) return top;
  const n = heap.length;
  let i = 0;
  for (;;) {
    const l = 2 * i + 1;
    if (l >= n) break;
    const r = l + 1;
    const c = r < n && before(heap[r]!, heap[l]!) ? r : l;
    if (!before(heap[c]!, last)) break;
    heap[i] = heap[c]!;
    i = c;
  }
  heap[i] = last;
  return top;
}
