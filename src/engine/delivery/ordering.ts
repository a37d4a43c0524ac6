// How far a sequence of finished messages strayed from send order, for the `*.overtaken` queries that
// compare rule books (lesson 04): ids are given in send order, the list in the order work finished.

/**
 * How many messages finished after a message sent later than them had already finished (0: the work was
 * done in send order). Only each id's first finish counts: doing a message twice is a duplicate, not a
 * reordering.
 */
export function overtaken(finishOrder: readonly number[]): number {
  const seen = new Set<number>();
  let max = -Infinity;
  let late = 0;
  for (const id of finishOrder) {
    if (seen.has(id)) continue;
    seen.add(id);
    if (id < max) late++;
    else max = id;
  }
  return late;
}
