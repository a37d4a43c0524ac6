// The hover card for a drawn message or record, found in the pane's models.
import type { SqsModel } from './model-sqs.ts';
import type { RabbitModel } from './model-rabbit.ts';
import type { PubsubModel } from './model-pubsub.ts';
import type { StreamModel } from './model-stream.ts';
import { parseItem, parseRecord } from './ids.ts';
import { pubsubChipCard, rabbitChipCard, sqsChipCard, streamRecordCard, type Card } from './describe.ts';

export function cardFor(item: string, models: { sqs?: SqsModel; rabbit?: RabbitModel; pubsub?: PubsubModel; stream?: StreamModel }): Card | null {
  const it = parseItem(item);
  if (!it) return null;
  if (it.kind === 'msg') {
    const id = Number(it.name);
    if (it.sys === 'sqs') for (const q of models.sqs?.queues ?? []) { const c = q.msgs.find((x) => x.id === id); if (c) return sqsChipCard(c, q.name); }
    if (it.sys === 'rabbit') for (const q of models.rabbit?.queues ?? []) { const c = [...q.ready, ...q.unacked].find((x) => x.id === id); if (c) return rabbitChipCard(c, q.name); }
    if (it.sys === 'pubsub') for (const s of models.pubsub?.subs ?? []) { const c = s.msgs.find((x) => x.id === id); if (c) return pubsubChipCard(c, s.name); }
    return null;
  }
  if (it.kind === 'rec') {
    const rec = parseRecord(it.name);
    const t = rec ? models.stream?.topics.find((x) => x.name === rec.topic) : undefined;
    const r = t?.records.find((x) => x.offset === rec!.offset);
    return t && r ? streamRecordCard(t.name, r.offset, r.body, r.at, t.readers) : null;
  }
  return null;
}
