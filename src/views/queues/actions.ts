// What the learner can do from the queue drawings. Every action is a scenario command, run through the
// store like a console line (so it is recorded, shared by link and replayable). `itemActions` lists the
// commands that make sense for one drawn thing now; node actions for consumers and readers are added
// to every view's node menu.
import type { Sim } from '../../engine/core/index.ts';
import type { SqsState } from '../../engine/sqs/index.ts';
import type { RabbitState } from '../../engine/rabbit/index.ts';
import type { PubsubState } from '../../engine/pubsub/index.ts';
import type { StreamState } from '../../engine/stream/index.ts';
import { parseItem, parseRecord } from './ids.ts';

export interface ItemAction { label: string; line: string }

const quote = (v: string) => (/^[\w.\-,]+$/.test(v) ? v : `"${v}"`);

/** A routing key that a topic pattern matches: * becomes a word, # is dropped (it may match nothing). */
export function sampleKey(pattern: string): string {
  const words = pattern.split('.').filter((w) => w !== '#').map((w) => (w === '*' ? 'x' : w));
  return words.join('.') || 'any';
}

/** The next body name for something that has had `n` messages: `<base><n+1>`. */
const next = (base: string, n: number) => `${base}${n + 1}`;

export function itemActions(sim: Sim, id: string): ItemAction[] {
  const it = parseItem(id);
  if (!it || !sim.activeSystems().includes(it.sys)) return [];
  switch (it.sys) {
    case 'sqs': return sqsActions(sim.state<SqsState>('sqs'), it.kind, it.name);
    case 'rabbit': return rabbitActions(sim.state<RabbitState>('rabbit'), it.kind, it.name);
    case 'pubsub': return pubsubActions(sim.state<PubsubState>('pubsub'), it.kind, it.name);
    case 'stream': return streamActions(sim.state<StreamState>('stream'), it.kind, it.name);
  }
}

const fifoGroup = (sent: number) => (sent % 2 === 0 ? 'a' : 'b');

function sqsActions(s: SqsState, kind: string, name: string): ItemAction[] {
  if (kind === 'queue') {
    const q = s.queues[name];
    if (!q) return [];
    const out: ItemAction[] = [
      // A FIFO send needs a message group: alternate two, so a student sees groups interleave.
      q.fifo
        ? { label: `Send a message to ${name} (group ${fifoGroup(q.stats.sent)})`, line: `sqs.send queue=${quote(name)} body=${next('msg', q.stats.sent)} group=${fifoGroup(q.stats.sent)}` }
        : { label: `Send a message to ${name}`, line: `sqs.send queue=${quote(name)} body=${next('msg', q.stats.sent)}` },
      { label: `Receive one from ${name} yourself`, line: `sqs.receive queue=${quote(name)}` },
    ];
    const dead = q.ids.filter((i) => s.msgs[String(i)]!.status === 'dead-lettered').length;
    if (dead > 0 && s.queueOrder.some((n) => s.queues[n]!.dlq === name)) out.push({ label: `Redrive ${dead} dead letter${dead === 1 ? '' : 's'} back to the source queue`, line: `sqs.redrive from=${quote(name)}` });
    return out;
  }
  if (kind !== 'msg') return [];
  const m = s.msgs[name];
  if (!m) return [];
  const q = quote(m.queue);
  if (m.status === 'inflight') {
    const out: ItemAction[] = [{ label: `Make #${m.id} visible again now (visibility 0)`, line: `sqs.visibility queue=${q} msg=${m.id} timeout=0s` }];
    if (m.receiver === 'you') out.unshift({ label: `Delete #${m.id} (acknowledge it)`, line: `sqs.delete queue=${q} msg=${m.id}` });
    return out;
  }
  if (m.status === 'visible' || m.status === 'dead-lettered') return [{ label: `Receive from ${m.queue} yourself (takes the first receivable)`, line: `sqs.receive queue=${q}` }];
  return [];
}

function rabbitActions(s: RabbitState, kind: string, name: string): ItemAction[] {
  const body = next('msg', s.published);
  if (kind === 'exchange') {
    const x = s.exchanges[name];
    if (!x) return [];
    if (x.type === 'fanout') return [{ label: `Publish to ${name} (every bound queue gets a copy)`, line: `rabbit.publish exchange=${quote(name)} body=${body}` }];
    if (x.type === 'headers') {
      return x.bindings.map((b) => {
        const h = Object.entries(b.args).map(([k, v]) => `${k}=${v}`).join(',');
        return { label: `Publish to ${name} with headers ${h}`, line: `rabbit.publish exchange=${quote(name)} headers=${quote(h)} body=${body}` };
      });
    }
    const keys = [...new Set(x.bindings.map((b) => (x.type === 'topic' ? sampleKey(b.key) : b.key)))];
    const out = keys.map((k) => ({ label: `Publish to ${name} with key ${k || '(empty)'}`, line: `rabbit.publish exchange=${quote(name)} key=${quote(k)} body=${body}` }));
    out.push({ label: `Publish to ${name} with a key nothing matches`, line: `rabbit.publish exchange=${quote(name)} key=no.match.here body=${body}` });
    return out;
  }
  if (kind === 'queue') {
    if (!s.queueOrder.includes(name)) return [];
    return [
      { label: `Publish to ${name} through the default exchange`, line: `rabbit.publish key=${quote(name)} body=${body}` },
      { label: `Get one from ${name} yourself (basic.get)`, line: `rabbit.get queue=${quote(name)}` },
    ];
  }
  if (kind !== 'msg') return [];
  const m = s.msgs[name];
  if (!m || m.status !== 'unacked' || m.consumer !== 'you') return [];
  return [
    { label: `Ack #${m.id}`, line: `rabbit.ack msg=${m.id}` },
    { label: `Nack #${m.id} and requeue it`, line: `rabbit.nack msg=${m.id} requeue=true` },
    { label: `Reject #${m.id} (dead-letter or drop)`, line: `rabbit.nack msg=${m.id} requeue=false` },
  ];
}

function pubsubActions(s: PubsubState, kind: string, name: string): ItemAction[] {
  if (kind === 'topic') {
    const t = s.topics[name];
    return t ? [{ label: `Publish to ${name} (every subscription gets a copy)`, line: `pubsub.publish topic=${quote(name)} body=${next('msg', t.published)}` }] : [];
  }
  if (kind === 'sub') {
    const sub = s.subs[name];
    return sub && sub.mode === 'pull' ? [{ label: `Pull one from ${name} yourself`, line: `pubsub.pull sub=${quote(name)}` }] : [];
  }
  if (kind !== 'msg') return [];
  const m = s.msgs[name];
  if (!m || m.status !== 'leased' || m.leasedTo !== 'you') return [];
  return [
    { label: `Ack #${m.id}`, line: `pubsub.ack sub=${quote(m.sub)} msg=${m.id}` },
    { label: `Nack #${m.id} (redeliver it now)`, line: `pubsub.modack sub=${quote(m.sub)} msg=${m.id} deadline=0s` },
  ];
}

function streamActions(s: StreamState, kind: string, name: string): ItemAction[] {
  if (kind === 'topic') {
    const t = s.topics[name];
    return t ? [{ label: `Append a record to ${name}`, line: `stream.append topic=${quote(name)} body=${next('note', t.log.end)}` }] : [];
  }
  if (kind !== 'rec') return [];
  const rec = parseRecord(name);
  if (!rec || !s.topics[rec.topic]) return [];
  return s.readerOrder.filter((r) => s.readers[r]!.topic === rec.topic)
    .map((r) => ({ label: `Move ${r}'s bookmark here (read again from offset ${rec.offset})`, line: `stream.seek reader=${quote(r)} offset=${rec.offset}` }));
}

/** Extra actions in a consumer's or reader's node menu. */
export function clientActions(sim: Sim, node: string): ItemAction[] {
  const act = sim.activeSystems();
  if (act.includes('sqs')) {
    const c = sim.state<SqsState>('sqs').consumers[node];
    if (c) return c.stopped ? [{ label: `Start ${node} polling again`, line: `sqs.consumer name=${quote(node)} queue=${quote(c.queue)}` }]
      : [{ label: `Stop ${node} (finish its batch, poll no more)`, line: `sqs.stop name=${quote(node)}` }];
  }
  if (act.includes('stream')) {
    const s = sim.state<StreamState>('stream');
    const r = s.readers[node];
    if (r) return [{ label: `Replay ${node} from the start of ${r.topic}`, line: `stream.seek reader=${quote(node)} offset=${s.topics[r.topic]!.log.start}` }];
  }
  return [];
}
