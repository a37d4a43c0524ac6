// Checks the invariants need, computed independently of the code that picks messages.
import type { SqsMessage, SqsQueue, SqsState } from './state.ts';

/**
 * FIFO rules: a message of a group is handed out only when every earlier message of that group in the
 * queue has been deleted, dead-lettered or expired, or goes out before it in the same batch; and never
 * while another batch holds a message of its group in flight.
 */
export function fifoOrderBreach(s: SqsState, q: SqsQueue, m: SqsMessage, batch: readonly number[]): string | null {
  const mine = batch.indexOf(m.id);
  for (const id of q.ids) {
    const e = s.msgs[String(id)]!;
    if (e.group !== m.group || e.id === m.id) continue;
    const at = batch.indexOf(id);
    if (e.seq < m.seq && (at === -1 || at > mine)) return `${q.name}: #${m.id} of group ${m.group} was handed out while earlier #${e.id} was still ${e.status}`;
    if (at === -1 && e.status === 'inflight') return `${q.name}: #${m.id} of group ${m.group} was handed out while #${e.id} of its group was in flight`;
  }
  return null;
}
