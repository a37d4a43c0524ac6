// The fields of one item of each builder section (a producer, a queue, a binding, ...), per system.
import { EXCHANGE_TYPES, type Binding, type Consumer, type Exchange, type Producer, type Queue, type Section, type Subscription, type Topic, type Topology } from './model.ts';
import { CheckField, NumberField, SelectField, TextField } from './fields.tsx';

type Patch<T> = (patch: Partial<T>) => void;
const opts = (names: readonly string[]) => names.map((n) => ({ value: n, label: n }));
const none = (label: string) => ({ value: '', label });

/** What an item is called in each system, for legends, buttons and messages. */
export function itemNoun(t: Topology, section: Section): { one: string; many: string } {
  switch (section) {
    case 'producers': return { one: 'producer', many: 'Producers' };
    case 'queues': return { one: 'queue', many: 'Queues' };
    case 'exchanges': return { one: 'exchange', many: 'Exchanges' };
    case 'bindings': return { one: 'binding', many: 'Bindings' };
    case 'topics': return { one: 'topic', many: 'Topics' };
    case 'subscriptions': return { one: 'subscription', many: 'Subscriptions' };
    case 'consumers':
      return t.kind === 'pubsub' ? { one: 'subscriber', many: 'Subscribers' } : t.kind === 'stream' ? { one: 'reader', many: 'Readers' } : { one: 'consumer', many: 'Consumers' };
  }
}

export const SECTION_HINTS: Record<Section, string> = {
  producers: 'Nodes that send a message every so often.',
  queues: 'Where messages wait for a consumer.',
  exchanges: 'Routers: they copy each message to the queues whose binding matches.',
  bindings: 'Rules joining an exchange to a queue: a key, a pattern (* one word, # any number), or headers.',
  topics: 'Named channels producers publish to.',
  subscriptions: 'Each gets its own copy of every message on its topic.',
  consumers: 'Nodes that take messages, work on each for a while, and sometimes fail.',
};

export function ProducerFields({ t, p, i, set }: { t: Topology; p: Producer; i: number; set: Patch<Producer> }) {
  const at = `producers.${i}`;
  const targets = t.kind === 'sqs' ? t.queues.map((q) => q.name) : t.kind === 'rabbit' ? t.exchanges.map((x) => x.name) : t.topics.map((x) => x.name);
  const targetLabel = t.kind === 'sqs' ? 'To queue' : t.kind === 'rabbit' ? 'To exchange' : 'To topic';
  const exchange = t.kind === 'rabbit' ? t.exchanges.find((x) => x.name === p.target) : undefined;
  const fifo = t.kind === 'sqs' && t.queues.find((q) => q.name === p.target)?.fifo;
  return (
    <>
      <TextField path={`${at}.name`} span2 label="Name" value={p.name} onChange={(name) => set({ name })} />
      <SelectField path={`${at}.target`} label={targetLabel} value={p.target} options={opts(targets)} onChange={(target) => set({ target })} />
      <NumberField path={`${at}.everyMs`} label="Every (ms)" min={1} value={p.everyMs} onChange={(everyMs) => set({ everyMs })} />
      <NumberField path={`${at}.count`} label="Messages" min={1} value={p.count} onChange={(count) => set({ count })} />
      {t.kind === 'rabbit' && exchange?.type !== 'headers' ? (
        <TextField path={`${at}.keys`} label="Routing keys" wide value={p.keys} placeholder="order.created,order.paid"
          hint="Comma-separated; used in turn." onChange={(keys) => set({ keys })} />
      ) : null}
      {exchange?.type === 'headers' ? (
        <TextField path={`${at}.headers`} label="Headers" wide value={p.headers} placeholder="type=order" hint="name=value pairs, comma-separated." onChange={(headers) => set({ headers })} />
      ) : null}
      {t.kind === 'sqs' && (fifo || p.keys !== '') ? (
        <TextField path={`${at}.keys`} label="Message groups" wide value={p.keys} placeholder="g1,g2" hint="FIFO: comma-separated; used in turn." onChange={(keys) => set({ keys })} />
      ) : null}
    </>
  );
}

export function QueueFields({ t, q, i, set }: { t: Topology; q: Queue; i: number; set: Patch<Queue> }) {
  const at = `queues.${i}`;
  if (t.kind === 'rabbit') {
    return (
      <>
        <TextField path={`${at}.name`} span2 label="Name" value={q.name} onChange={(name) => set({ name })} />
        <SelectField path={`${at}.dlx`} span2 label="DLX (dead-letter exchange)" value={q.dlx} options={[none('none'), ...opts(t.exchanges.map((x) => x.name))]} onChange={(dlx) => set({ dlx })} />
        <NumberField path={`${at}.ttlMs`} label="TTL (ms)" min={0} value={q.ttlMs} hint="0: none" onChange={(ttlMs) => set({ ttlMs })} />
      </>
    );
  }
  const others = t.queues.filter((o) => o.name !== q.name).map((o) => o.name);
  return (
    <>
      <TextField path={`${at}.name`} span2 label="Name" value={q.name} onChange={(name) => set({ name })} />
      <CheckField path={`${at}.fifo`} label="FIFO" checked={q.fifo}
        onChange={(fifo) => set({ fifo, name: fifo && !q.name.endsWith('.fifo') ? `${q.name}.fifo` : !fifo ? q.name.replace(/\.fifo$/, '') : q.name })} />
      <NumberField path={`${at}.visibilityMs`} label="Visibility (ms)" min={0} value={q.visibilityMs} onChange={(visibilityMs) => set({ visibilityMs })} />
      <SelectField path={`${at}.dlq`} span2 label="DLQ (dead-letter queue)" value={q.dlq} options={[none('none'), ...opts(others)]} onChange={(dlq) => set({ dlq })} />
      {q.dlq ? <NumberField path={`${at}.maxReceives`} label="Max receives" min={1} value={q.maxReceives} onChange={(maxReceives) => set({ maxReceives })} /> : null}
    </>
  );
}

export function ExchangeFields({ x, i, set }: { x: Exchange; i: number; set: Patch<Exchange> }) {
  const at = `exchanges.${i}`;
  return (
    <>
      <TextField path={`${at}.name`} span2 label="Name" value={x.name} onChange={(name) => set({ name })} />
      <SelectField path={`${at}.type`} label="Type" value={x.type} options={EXCHANGE_TYPES.map((v) => ({ value: v, label: v }))} onChange={(type) => set({ type })} />
    </>
  );
}

export function BindingFields({ t, b, i, set }: { t: Topology; b: Binding; i: number; set: Patch<Binding> }) {
  const at = `bindings.${i}`;
  const type = t.exchanges.find((x) => x.name === b.exchange)?.type;
  return (
    <>
      <SelectField path={`${at}.exchange`} label="Exchange" value={b.exchange} options={opts(t.exchanges.map((x) => x.name))} onChange={(exchange) => set({ exchange })} />
      <SelectField path={`${at}.queue`} span2 label="To queue" value={b.queue} options={opts(t.queues.map((q) => q.name))} onChange={(queue) => set({ queue })} />
      {type === 'fanout' ? null : (
        <TextField path={`${at}.key`} wide label={type === 'topic' ? 'Pattern' : type === 'headers' ? 'Headers to match' : 'Routing key'} value={b.key}
          placeholder={type === 'topic' ? 'order.*' : type === 'headers' ? 'type=order' : 'order.created'}
          hint={type === 'topic' ? '* matches one word, # any number of words.' : type === 'headers' ? 'name=value pairs, comma-separated.' : undefined}
          onChange={(key) => set({ key })} />
      )}
      {type === 'headers' ? (
        <SelectField path={`${at}.match`} label="x-match" value={b.match} options={[{ value: 'all', label: 'all of them' }, { value: 'any', label: 'any of them' }]} onChange={(match) => set({ match })} />
      ) : null}
    </>
  );
}

export function TopicFields({ x, i, set }: { x: Topic; i: number; set: Patch<Topic> }) {
  return <TextField path={`topics.${i}.name`} span2 label="Name" value={x.name} onChange={(name) => set({ name })} />;
}

export function SubscriptionFields({ t, s, i, set }: { t: Topology; s: Subscription; i: number; set: Patch<Subscription> }) {
  const at = `subscriptions.${i}`;
  const topics = opts(t.topics.map((x) => x.name));
  return (
    <>
      <TextField path={`${at}.name`} span2 label="Name" value={s.name} onChange={(name) => set({ name })} />
      <SelectField path={`${at}.topic`} label="Topic" value={s.topic} options={topics} onChange={(topic) => set({ topic })} />
      <NumberField path={`${at}.ackDeadlineMs`} label="Deadline (ms)" hint="to ack" min={10} value={s.ackDeadlineMs} onChange={(ackDeadlineMs) => set({ ackDeadlineMs })} />
      <SelectField path={`${at}.deadLetter`} span2 label="Dead-letter topic" value={s.deadLetter} options={[none('none'), ...topics.filter((o) => o.value !== s.topic)]} onChange={(deadLetter) => set({ deadLetter })} />
      {s.deadLetter ? <NumberField path={`${at}.maxAttempts`} label="Max attempts" min={5} max={100} value={s.maxAttempts} onChange={(maxAttempts) => set({ maxAttempts })} /> : null}
    </>
  );
}

export function ConsumerFields({ t, c, i, set }: { t: Topology; c: Consumer; i: number; set: Patch<Consumer> }) {
  const at = `consumers.${i}`;
  const sources = t.kind === 'pubsub' ? t.subscriptions.map((s) => s.name) : t.kind === 'stream' ? t.topics.map((x) => x.name) : t.queues.map((q) => q.name);
  const sourceLabel = t.kind === 'pubsub' ? 'Subscription' : t.kind === 'stream' ? 'Topic' : 'Queue';
  return (
    <>
      <TextField path={`${at}.name`} span2 label="Name" value={c.name} onChange={(name) => set({ name })} />
      <SelectField path={`${at}.source`} label={sourceLabel} value={c.source} options={opts(sources)} onChange={(source) => set({ source })} />
      <NumberField path={`${at}.workMs`} label="Work (ms)" min={0} value={c.workMs} onChange={(workMs) => set({ workMs })} />
      <NumberField path={`${at}.failPct`} label="Fails (%)" min={0} max={100} value={c.failPct} onChange={(failPct) => set({ failPct })} />
      {t.kind === 'rabbit' ? (
        <>
          <NumberField path={`${at}.prefetch`} label="Prefetch" min={0} value={c.prefetch} hint="0: unlimited" onChange={(prefetch) => set({ prefetch })} />
          {c.failPct > 0 ? (
            <SelectField path={`${at}.onFail`} span2 label="On failure" value={c.onFail}
              options={[{ value: 'requeue', label: 'nack, requeue' }, { value: 'reject', label: 'reject (dead-letter)' }]} onChange={(onFail) => set({ onFail })} />
          ) : null}
        </>
      ) : null}
      {t.kind === 'sqs' ? <NumberField path={`${at}.prefetch`} label="Batch" min={1} max={10} value={c.prefetch} onChange={(prefetch) => set({ prefetch })} /> : null}
      {t.kind === 'stream' ? (
        <>
          <NumberField path={`${at}.prefetch`} label="Batch" min={1} value={c.prefetch} onChange={(prefetch) => set({ prefetch })} />
          <SelectField path={`${at}.start`} label="Starts at" value={c.start} options={[{ value: 'earliest', label: 'the oldest record' }, { value: 'latest', label: 'new records only' }]} onChange={(start) => set({ start })} />
          {c.failPct > 0 ? (
            <SelectField path={`${at}.onFail`} span2 label="On failure" value={c.onFail}
              options={[{ value: 'requeue', label: 'retry it (the rest waits)' }, { value: 'reject', label: 'skip it (its effect is lost)' }]} onChange={(onFail) => set({ onFail })} />
          ) : null}
        </>
      ) : null}
    </>
  );
}
