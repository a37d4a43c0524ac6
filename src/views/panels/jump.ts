// Moving the cursor to one trace entry: the end of the event that produced it.
import { labStore } from '../../store/lab-store.ts';
import type { TraceEvent } from '../../engine/core/index.ts';

const lastIndex = () => {
  const tr = labStore.getState().session.sim.trace();
  return tr.length ? tr[tr.length - 1]!.i : -1;
};

export function jumpToEvent(e: TraceEvent): void {
  const st = labStore.getState();
  const sim = st.session.sim;
  st.pause();
  sim.seek(e.t);
  // seek(t) runs every event at time t; step back to the one that wrote this entry.
  for (let guard = 0; lastIndex() > e.i && sim.eventCount > 0 && guard < 200; guard++) sim.stepBack();
  for (let guard = 0; lastIndex() < e.i && guard < 200; guard++) if (!sim.step()) break;
  labStore.setState((s) => ({ version: s.version + 1, now: sim.now, hold: 0 }));
  st.select({ kind: 'trace', id: e.i });
  if (e.msgId !== undefined) st.setHighlight({ kind: 'msg', id: e.msgId });
}
