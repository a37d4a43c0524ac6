// An append-only list of numbers that answers "the first position at or after p whose value is below x" in
// O(log n): a segment tree of minimums over a power-of-two number of leaves (unused leaves are +Infinity).
// The leader-completeness check uses it over the terms entries were committed in.
export class MinTree {
  private cap = 1;
  private tree: number[] = [Infinity, Infinity];
  length = 0;

  push(v: number): void {
    if (this.length === this.cap) this.grow();
    let i = this.cap + this.length++;
    this.tree[i] = v;
    for (i >>= 1; i >= 1; i >>= 1) this.tree[i] = Math.min(this.tree[2 * i]!, this.tree[2 * i + 1]!);
  }

  /** The first index >= from whose value is < x, or -1. */
  firstBelow(x: number, from: number): number {
    return from >= this.length ? -1 : this.search(1, 0, this.cap, x, from);
  }

  private search(node: number, lo: number, hi: number, x: number, from: number): number {
    if (hi <= from || this.tree[node]! >= x) return -1;
    if (hi - lo === 1) return lo;
    const mid = (lo + hi) >> 1;
    const left = this.search(2 * node, lo, mid, x, from);
    return left >= 0 ? left : this.search(2 * node + 1, mid, hi, x, from);
  }

  private grow(): void {
    const cap = this.cap * 2;
    const tree = new Array<number>(2 * cap).fill(Infinity);
    for (let i = 0; i < this.length; i++) tree[cap + i] = this.tree[this.cap + i]!;
    for (let i = cap - 1; i >= 1; i--) tree[i] = Math.min(tree[2 * i]!, tree[2 * i + 1]!);
    this.cap = cap;
    this.tree = tree;
  }
}
