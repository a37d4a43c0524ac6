// Item ids for the things only these drawings show, used by the `item` highlight, the inspector and the
// tests: `sqs:msg:12`, `sqs:queue:orders`, `rabbit:exchange:orders`, `rabbit:binding:orders>billing`,
// `pubsub:sub:audit`, `stream:rec:orders:3`, `stream:topic:orders`. Names may contain colons only in
// the last part, so parsing splits on the first two.

export type QueueSys = 'sqs' | 'rabbit' | 'pubsub' | 'stream';
export const QUEUE_SYSTEMS: readonly QueueSys[] = ['stream', 'rabbit', 'sqs', 'pubsub'];

export type ItemKind = 'msg' | 'queue' | 'exchange' | 'binding' | 'topic' | 'sub' | 'rec';

export const itemId = (sys: QueueSys, kind: ItemKind, name: string | number): string => `${sys}:${kind}:${name}`;

export interface ParsedItem { sys: QueueSys; kind: ItemKind; name: string }

export function parseItem(id: string): ParsedItem | null {
  const a = id.indexOf(':');
  const b = id.indexOf(':', a + 1);
  if (a < 0 || b < 0) return null;
  const sys = id.slice(0, a) as QueueSys;
  if (!QUEUE_SYSTEMS.includes(sys)) return null;
  return { sys, kind: id.slice(a + 1, b) as ItemKind, name: id.slice(b + 1) };
}

/** The id of one stream record: topic and offset. */
export const recordId = (topic: string, offset: number) => itemId('stream', 'rec', `${topic}:${offset}`);

export function parseRecord(name: string): { topic: string; offset: number } | null {
  const at = name.lastIndexOf(':');
  const offset = Number(name.slice(at + 1));
  return at > 0 && Number.isInteger(offset) ? { topic: name.slice(0, at), offset } : null;
}
