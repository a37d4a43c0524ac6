// The outbox pictures' nodes in words: their accessible names and hover titles.
import type { ConsumerPic, OutboxPicture, ServicePic } from './model.ts';
import type { Line } from './parts.tsx';
import { consumerWords, designWords } from './model.ts';

export const describeService = (s: ServicePic): string =>
  `Service ${s.id}${s.up ? '' : ' (down)'}: ${designWords(s.design)}; ${s.orders.length + s.moreOrders} orders`
  + `${s.design === 'outbox' ? `, ${s.rows.length + s.moreRows} outbox rows, ${s.rows.filter((r) => !r.published).length} not yet published` : ''}`
  + `${s.lost ? `; ${s.lost} lost` : ''}${s.phantoms ? `; ${s.phantoms} phantom` : ''}`;

export const describeRelay = (s: ServicePic): string =>
  s.relay ? `Relay ${s.relay.id}${s.relay.up ? '' : ' (down)'} of ${s.id}: ${s.relay.kind}, position ${s.relay.position}, ${s.relay.words.map((w) => w[0]).join(', ')}` : '';

export const describeBoard = (p: OutboxPicture): string =>
  `The board (broker): ${p.board.total} events${p.board.duplicates ? `, ${p.board.duplicates} duplicates` : ''}`;

export const describeConsumer = (c: ConsumerPic): string => `Consumer ${c.id}${c.up ? '' : ' (down)'}: ${consumerWords(c)}`;

/** A service card's first lines: its name, its design, and the dual write's failure points or its relay. */
export function serviceLines(s: ServicePic): Line[] {
  const head: Line[] = [
    { text: [`${s.id}${s.up ? '' : ' · DOWN'}`, s.id], bold: true, warn: !s.up },
    { text: [designWords(s.design), s.design], muted: true },
    s.failure
      ? { text: `${s.failure.first} → ${s.failure.second}`, bold: true }
      : { text: [`relay ${s.relay?.kind ?? ''} · position ${s.relay?.position ?? 0}`, `position ${s.relay?.position ?? 0}`] },
  ];
  return head;
}
