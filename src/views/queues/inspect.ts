// What the inspector says about the queue drawings' own things (the `item` highlight) and about the
// queue systems' nodes. Messages use the shared MessageView shape, so SQS, RabbitMQ and pub/sub read alike.
import type { Sim } from '../../engine/core/index.ts';
import type { SqsState } from '../../engine/sqs/index.ts';
import type { RabbitState } from '../../engine/rabbit/index.ts';
import type { PubsubState } from '../../engine/pubsub/index.ts';
import type { StreamState } from '../../engine/stream/index.ts';
import { sqsMessageViews, type MessageView } from '../../engine/sqs/index.ts';
import { rabbitMessageViews } from '../../engine/rabbit/index.ts';
import { pubsubMessageViews } from '../../engine/pubsub/index.ts';
import type { Inspection, InspectorRow } from '../registry.ts';
import { formatTime } from '../panels/format.ts';
import { parseItem, parseRecord } from './ids.ts';
import { sqsModel } from './model-sqs.ts';
import { rabbitModel } from './model-rabbit.ts';
import { pubsubModel } from './model-pubsub.ts';
import { streamModel } from './model-stream.ts';
import {
  pubsubSubWords, pubsubTopicWords, rabbitConsumerWords, rabbitExchangeWords, rabbitQueueWords, sqsConsumerWords, sqsQueueWords,
  streamReaderWords, streamRecordCard, streamTopicWords,
} from './describe.ts';

const DEADLINE_WORD: Record<string, string> = { sqs: 'visible again at', rabbit: 'expires at', pubsub: 'ack deadline' };

function messageRows(v: MessageView, sys: string): InspectorRow[] {
  const rows: InspectorRow[] = [['body', v.body], [sys === 'pubsub' ? 'subscription' : 'queue', v.queue], ['status', v.status],
    [sys === 'sqs' ? 'receive count' : 'deliveries', v.receiveCount]];
  if (v.deadline !== null) rows.push([v.status === 'delayed' ? 'receivable at' : DEADLINE_WORD[sys] ?? 'deadline', formatTime(v.deadline)]);
  if (v.holder) rows.push(['held by', v.holder]);
  if (sys === 'rabbit') rows.push(['redelivered flag', v.redelivered]);
  rows.push(['route', v.route.join(' → ')]);
  // An SQS message in flight has a why only while it waits out a retry backoff (chapter 05).
  if (v.why) rows.push([v.status === 'inflight' ? 'why it waits' : 'why it ended', v.why]);
  return rows;
}

const active = (sim: Sim, sys: string) => sim.activeSystems().includes(sys);

export function inspectItem(sim: Sim, id: string): Inspection | null {
  const it = parseItem(id);
  if (!it || !active(sim, it.sys)) return null;
  const nodes = sim.nodes();
  if (it.kind === 'msg') {
    const views = it.sys === 'sqs' ? sqsMessageViews(sim.state<SqsState>('sqs'))
      : it.sys === 'rabbit' ? rabbitMessageViews(sim.state<RabbitState>('rabbit'))
        : it.sys === 'pubsub' ? pubsubMessageViews(sim.state<PubsubState>('pubsub')) : [];
    const v = views.find((x) => String(x.id) === it.name);
    return v ? { title: `Message #${v.id} (${it.sys === 'sqs' ? 'SQS' : it.sys === 'rabbit' ? 'RabbitMQ' : 'pub/sub'})`, rows: messageRows(v, it.sys) } : null;
  }
  switch (it.sys) {
    case 'sqs': {
      const q = sqsModel(sim.state<SqsState>('sqs'), nodes).queues.find((x) => x.name === it.name);
      return q ? { title: `SQS queue ${q.name}`, rows: [['state', sqsQueueWords(q)], ['sent', q.stats.sent], ['deleted', q.stats.deleted],
        ['dead-lettered', q.stats.deadLettered], ['expired', q.stats.expired], ['messages', q.msgs.map((m) => `#${m.id} ${m.status}`)]] } : null;
    }
    case 'rabbit': {
      const m = rabbitModel(sim.state<RabbitState>('rabbit'), nodes);
      if (it.kind === 'exchange') {
        const x = m.exchanges.find((e) => e.name === it.name);
        return x ? { title: `Exchange ${x.name} (${x.type})`, rows: [['rule', rabbitExchangeWords(x)], ['bindings', x.bindings.map((b) => `${b.label} → ${b.queue}`)]] } : null;
      }
      const q = m.queues.find((x) => x.name === it.name);
      return q ? { title: `RabbitMQ queue ${q.name}`, rows: [['state', rabbitQueueWords(q)], ['ready', q.ready.map((c) => `#${c.id}`)], ['unacked', q.unacked.map((c) => `#${c.id} (${c.consumer})`)],
        ['acked', q.stats.acked], ['dead-lettered', q.stats.deadLettered], ['expired', q.stats.expired], ['dropped', q.stats.dropped]] } : null;
    }
    case 'pubsub': {
      const m = pubsubModel(sim.state<PubsubState>('pubsub'), nodes);
      if (it.kind === 'topic') {
        const t = m.topics.find((x) => x.name === it.name);
        return t ? { title: `Topic ${t.name}`, rows: [['state', pubsubTopicWords(t)]] } : null;
      }
      const sub = m.subs.find((x) => x.name === it.name);
      return sub ? { title: `Subscription ${sub.name}`, rows: [['state', pubsubSubWords(sub)], ['copies', sub.msgs.map((c) => `#${c.id} ${c.status}`)]] } : null;
    }
    case 'stream': {
      const m = streamModel(sim.state<StreamState>('stream'), nodes);
      if (it.kind === 'topic') {
        const t = m.topics.find((x) => x.name === it.name);
        return t ? { title: `Stream topic ${t.name}`, rows: [['state', streamTopicWords(t)], ['bookmarks', t.readers.map((r) => `${r.id} @${r.position ?? '-'}`)]] } : null;
      }
      const rec = parseRecord(it.name);
      const t = rec ? m.topics.find((x) => x.name === rec.topic) : undefined;
      const r = t?.records.find((x) => x.offset === rec!.offset);
      if (!t || !r) return null;
      const card = streamRecordCard(t.name, r.offset, r.body, r.at, t.readers);
      return { title: card.title, rows: card.lines.map((l, k): InspectorRow => [k === 0 ? 'appended' : l.split(':')[0] ?? '', l.includes(':') ? l.slice(l.indexOf(':') + 1).trim() : l]) };
    }
  }
}

/** The inspector's rows for a queue system's node: its state in words, then its numbers. */
export function inspectNode(sim: Sim, sys: string, id: string): Inspection | null {
  if (!active(sim, sys)) return null;
  const nodes = sim.nodes();
  const title = (what: string) => `${what} ${id}`;
  switch (sys) {
    case 'sqs': {
      const c = sqsModel(sim.state<SqsState>('sqs'), nodes).consumers.find((x) => x.id === id);
      if (c) return { title: title('SQS consumer'), rows: [['state', sqsConsumerWords(c)], ['holding', c.holding.map((x) => `#${x}`)], ['polling', c.longPoll ? 'long' : 'short']] };
      return id === 'sqs' ? { title: 'SQS queue service', rows: [['queues', sim.state<SqsState>('sqs').queueOrder]] } : null;
    }
    case 'rabbit': {
      const c = rabbitModel(sim.state<RabbitState>('rabbit'), nodes).consumers.find((x) => x.id === id);
      if (c) return { title: title('RabbitMQ consumer'), rows: [['state', rabbitConsumerWords(c)], ['unacked deliveries', c.holding.map((x) => `#${x}`)], ['prefetch', c.prefetch === 0 ? 'unlimited' : c.prefetch]] };
      return id === 'rabbit' ? { title: 'RabbitMQ broker', rows: [['exchanges', sim.state<RabbitState>('rabbit').exchangeOrder], ['queues', sim.state<RabbitState>('rabbit').queueOrder]] } : null;
    }
    case 'pubsub': {
      const st = sim.state<PubsubState>('pubsub');
      const c = st.subscribers[id];
      if (c) return { title: title('Subscriber'), rows: [['subscription', c.sub], ['holding', c.inHand.map((x) => `#${x.id}`)], ['processed', c.processed], ['failed', c.failed]] };
      return id === 'pubsub' ? { title: 'Pub/sub service', rows: [['topics', st.topicOrder], ['subscriptions', st.subOrder]] } : null;
    }
    case 'stream': {
      const m = streamModel(sim.state<StreamState>('stream'), nodes);
      const r = m.topics.flatMap((t) => t.readers).find((x) => x.id === id);
      if (r) return { title: title('Stream reader'), rows: [['state', streamReaderWords(r)], ['commits', r.commit], ['bookmark', r.position ?? 'none'], ['lag', r.lag]] };
      return id === 'stream' ? { title: 'Stream server', rows: [['topics', sim.state<StreamState>('stream').topicOrder]] } : null;
    }
    default: return null;
  }
}
