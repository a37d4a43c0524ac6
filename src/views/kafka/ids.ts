// Item ids for the `item` highlight: what the Kafka views point at besides nodes. One place builds and
// parses them, so both pictures, the inspector and the tests agree (`kafka:partition:orders-3`).
import type { Focus } from '../shared/highlight.ts';

export const partitionItem = (tp: string) => `kafka:partition:${tp}`;
export const recordItem = (tp: string, offset: number) => `kafka:record:${tp}:${offset}`;
export const groupItem = (group: string) => `kafka:group:${group}`;

export type KafkaItem =
  | { what: 'partition'; tp: string }
  | { what: 'record'; tp: string; offset: number }
  | { what: 'group'; group: string };

export function parseItem(id: string): KafkaItem | null {
  const m = /^kafka:(partition|record|group):(.+)$/.exec(id);
  if (!m) return null;
  const rest = m[2]!;
  if (m[1] === 'partition') return { what: 'partition', tp: rest };
  if (m[1] === 'group') return { what: 'group', group: rest };
  const at = rest.lastIndexOf(':');
  const offset = Number(rest.slice(at + 1));
  if (at <= 0 || !Number.isInteger(offset)) return null;
  return { what: 'record', tp: rest.slice(0, at), offset };
}

/** Whether a partition is pointed at: itself, one of its records, or a broker or consumer that holds it. */
export function partitionFocused(f: Focus, tp: string, holders: readonly string[] = []): boolean {
  if (!f.any) return false;
  if (f.items.has(partitionItem(tp))) return true;
  for (const id of f.items) if (id.startsWith(`kafka:record:${tp}:`)) return true;
  return holders.some((h) => f.nodes.has(h));
}

export const recordFocused = (f: Focus, tp: string, offset: number) => f.any && f.items.has(recordItem(tp, offset));
export const groupFocused = (f: Focus, group: string, members: readonly string[] = []) =>
  f.any && (f.items.has(groupItem(group)) || members.some((m) => f.nodes.has(m)));
