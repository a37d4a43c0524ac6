// Clicking a trace entry (the event log, a violation): the cursor moves to the end of the event that wrote
// it, and the entry and its message are selected.
import { labStore } from '../../store/lab-store.ts';
import type { TraceEvent } from '../../engine/core/index.ts';

export function jumpToEvent(e: Pick<TraceEvent, 'i' | 't' | 'msgId'>): void {
  const st = labStore.getState();
  st.jumpTo({ entry: e });
  st.select({ kind: 'trace', id: e.i });
  if (e.msgId !== undefined) st.setHighlight({ kind: 'msg', id: e.msgId });
}
