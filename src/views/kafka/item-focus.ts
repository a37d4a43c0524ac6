// What a Kafka item points at besides itself, for views that know nothing of partitions (the space-time
// diagram, the flights): a partition or record — the messages about that partition; a group — its members.
import type { TraceEvent } from '../../engine/core/index.ts';
import { labStore } from '../../store/lab-store.ts';
import { kafkaState } from './actions.ts';
import { parseItem } from './ids.ts';
import { messageTp } from './flights.ts';

/** How far back the trace is searched, and how many messages are returned at most. */
const LOOK_BACK = 3000;
const MAX_MSGS = 200;

export function kafkaItemFocus(id: string, trace: readonly TraceEvent[]): { nodes?: readonly string[]; msgs?: readonly number[] } {
  const item = parseItem(id);
  if (!item) return {};
  if (item.what === 'group') {
    const s = kafkaState(labStore.getState().session.sim);
    return { nodes: s ? Object.values(s.consumers).filter((c) => c.group === item.group).map((c) => c.id) : [] };
  }
  const msgs = new Set<number>();
  for (const f of labStore.getState().session.sim.inFlight()) if (messageTp(f.msg) === item.tp) msgs.add(f.msgId);
  for (let i = trace.length - 1; i >= Math.max(0, trace.length - LOOK_BACK) && msgs.size < MAX_MSGS; i--) {
    const e = trace[i]!;
    if (e.kind === 'send' && e.msg && e.msgId !== undefined && messageTp(e.msg) === item.tp) msgs.add(e.msgId);
  }
  return { msgs: [...msgs] };
}
