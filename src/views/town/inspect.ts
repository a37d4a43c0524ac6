// What the inspector says about the town board's things: a service (its record: kind, work, queue,
// handled, ...), a notice (who posted it, when it was pinned and read) and a topic (its subscribers and
// notices).
import type { Sim } from '../../engine/core/index.ts';
import { BOARD, type TownState } from '../../engine/town/index.ts';
import type { Highlight } from '../../store/lab-store.ts';
import type { Inspection } from '../registry.ts';
import { formatTime } from '../panels/format.ts';

/** Only a run that uses the town board has one (reading it would start one). */
export const townOf = (sim: Sim): TownState | null => (sim.activeSystems().includes('town') ? sim.state<TownState>('town') : null);

/** A service's record as it is, field by field (the inspector formats times and lists); the board has
 *  only the rows every node has (running, paused, clock skew). */
export function inspectService(sim: Sim, id: string): Inspection | null {
  const t = townOf(sim);
  const svc = t?.services[id];
  if (svc) return { title: `Node ${id}`, rows: Object.entries(svc) };
  return t && id === BOARD ? { title: `Node ${id}`, rows: [] } : null;
}

export function inspectNoticeOrTopic(sim: Sim, h: Highlight): Inspection | null {
  const t = townOf(sim);
  if (!t) return null;
  if (h.kind === 'notice') {
    const n = t.notices.find((x) => x.id === h.id);
    if (!n) return null;
    return { title: `Notice #${n.id} (${n.topic})`, rows: [['from', n.from], ['published at', formatTime(n.publishedAt)], ['pinned at', n.pinnedAt === null ? null : formatTime(n.pinnedAt)], ['readers', n.readers], ['read at', n.readAt], ['body', n.body]] };
  }
  if (h.kind === 'topic') return { title: `Topic ${h.id}`, rows: [['subscribers', t.subscriptions[h.id] ?? []], ['notices', t.notices.filter((n) => n.topic === h.id).map((n) => `#${n.id}`)]] };
  return null;
}
