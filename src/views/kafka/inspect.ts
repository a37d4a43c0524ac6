// What the inspector says about a Kafka partition, record, group or node: plain rows in words, computed
// from the same picture model the views draw (so the three never disagree).
import type { Sim } from '../../engine/core/index.ts';
import type { Inspection, InspectorRow } from '../registry.ts';
import { recordAt } from '../../engine/kafka/index.ts';
import { kafkaState } from './actions.ts';
import { parseItem } from './ids.ts';
import { cellOf, kafkaPicture, type KafkaPicture } from './model.ts';
import { copyWords, effectsWords, recordWords, rebalanceLine } from './describe.ts';
import { formatTime } from '../panels/format.ts';

function picture(sim: Sim): KafkaPicture | null {
  const s = kafkaState(sim);
  return s ? kafkaPicture(s, sim.nodes(), sim.now, { tail: 1 }) : null;
}

export function inspectItem(sim: Sim, id: string): Inspection | null {
  const item = parseItem(id);
  const s = kafkaState(sim);
  const pic = picture(sim);
  if (!item || !s || !pic) return null;
  if (item.what === 'group') {
    const g = pic.groups.find((x) => x.id === item.group);
    if (!g) return null;
    const rows: InspectorRow[] = [
      ['state', g.state], ['generation', g.generation], ['assignor', `${g.assignor} (${g.protocol} rebalancing)`],
      ['coordinator', g.coordinator], ['members', Object.fromEntries(g.members.map((m) => [m.id, `${m.up ? m.phase : 'DOWN'} · reads ${m.owned.join(', ') || 'nothing'} · processed ${m.processed} · commit=${m.commit}`]))],
      ['committed offsets', Object.keys(g.committed).length ? { ...g.committed } : null],
      ['lag per partition', { ...g.lag }], ['total lag', g.totalLag], ['effects (audit)', effectsWords(g)],
    ];
    const rb = rebalanceLine(g, pic.now);
    if (rb) rows.push(['rebalance', rb]);
    const last = s.groups[g.id]!.rebalances.filter((r) => r.endedAt !== null).slice(-3).map((r) => `gen ${r.generation} at ${formatTime(r.startedAt)} (${r.protocol}, ${r.endedAt! - r.startedAt}ms): ${r.reason}`);
    if (last.length) rows.push(['recent rebalances', last]);
    return { title: `Consumer group ${g.id}`, rows };
  }
  const p = pic.partitions.find((x) => x.tp === item.tp);
  if (!p) return null;
  const readers = Object.fromEntries(pic.groups.filter((g) => g.topics.includes(p.topic)).map((g) => [g.id,
    `committed ${g.committed[p.tp] ?? 'nothing'} · lag ${g.lag[p.tp] ?? 0} · ${g.holder[p.tp] ? `read by ${g.holder[p.tp]} at ${g.members.find((m) => m.id === g.holder[p.tp])?.position[p.tp] ?? '?'}` : g.status[p.tp]}`]));
  if (item.what === 'partition') {
    const meta = s.partitions[p.tp]!;
    return {
      title: `Partition ${p.tp}`,
      rows: [
        ['leader', p.leader ?? 'none (offline)'], ['leader epoch', p.epoch], ['in-sync replicas', p.isr],
        ['min in-sync', `${p.minIsr}${p.isr.length < p.minIsr ? ' — ISR too small: acks=all writes are refused' : ''}`],
        ['copies', p.copies.map((c) => `${copyWords(c)} · log end ${c.leo} · HW ${c.hw}`)],
        ['high watermark', p.hw], ['last stable offset', p.lso], ['log start', p.logStart], ['log end', p.leo], ['records', p.count],
        ['groups', Object.keys(readers).length ? readers : null],
        ['history', meta.history.slice(-4).map((h) => `${formatTime(h.t)} leader ${h.leader ?? 'none'} epoch ${h.epoch} ISR ${h.isr.join(',')} (${h.why})`)],
      ],
    };
  }
  const leader = p.leader ? s.brokers[p.leader]?.replicas[p.tp] : undefined;
  const rec = leader ? recordAt(leader, item.offset) : undefined;
  if (!rec || !leader) return { title: `Record ${p.tp}@${item.offset}`, rows: [['on the leader', `not there (log ${p.logStart}..${p.leo - 1})`]] };
  const full = cellOf(rec, leader, p.hw);
  const on = p.copies.filter((c) => c.leo > rec.offset).map((c) => c.broker);
  return {
    title: `Record ${p.tp}@${rec.offset}`,
    rows: [
      ['what', recordWords(full)], ['key', rec.key], ['value', rec.control ? `${rec.control} marker` : rec.value ?? 'null (tombstone)'],
      ['producer', rec.producer], ['producer id / sequence', rec.pid >= 0 ? `${rec.pid} / ${rec.seq} (epoch ${rec.pepoch})` : 'not idempotent'],
      ['transaction', full.txn === 'none' ? 'none' : full.txn], ['leader epoch', rec.epoch], ['written at', formatTime(rec.ts)],
      ['visible to consumers', rec.offset < p.hw ? 'yes (below the high watermark)' : 'not yet (above the high watermark)'],
      ['copies holding it', on], ['groups', Object.keys(readers).length ? readers : null],
    ],
  };
}

export function inspectNode(sim: Sim, id: string): Inspection | null {
  const s = kafkaState(sim);
  const pic = picture(sim);
  if (!s || !pic) return null;
  if (id === 'controller') return { title: 'Controller', rows: [['role', 'elects partition leaders, keeps the ISR, fences silent brokers'], ['fenced brokers', pic.brokers.filter((b) => b.fenced).map((b) => b.id)]] };
  const b = pic.brokers.find((x) => x.id === id);
  if (b) {
    return {
      title: `Broker ${b.id}`,
      rows: [['fenced by the controller', b.fenced], ['leads', b.leads], ['follows', b.follows], ['out of sync on', b.outOfSync], ['coordinates groups', b.coordinates]],
    };
  }
  const p = pic.producers.find((x) => x.id === id);
  if (p) {
    const raw = s.producers[id]!;
    return {
      title: `Producer ${p.id}`,
      rows: [['acks', p.acks], ['idempotent', p.idempotent], ['producer id / epoch', raw.pid >= 0 ? `${raw.pid} / ${raw.epoch}` : 'none'],
        ['transactional id', p.txnId], ['transaction', p.txnId ? p.txnState : null], ['linger', `${raw.config.lingerMs} ms`], ['keyless records', raw.config.keyless],
        ['acknowledged', p.acked], ['in flight', p.inflight], ['waiting in a batch', p.queued], ['retries', p.retries], ['failed', p.failed], ['last error', p.lastError], ['fenced', p.fenced]],
    };
  }
  for (const g of pic.groups) {
    const m = g.members.find((x) => x.id === id);
    if (!m) continue;
    const raw = s.consumers[id]!;
    return {
      title: `Consumer ${m.id} (group ${g.id})`,
      rows: [['phase', m.phase], ['doing', m.busy], ['reads', m.owned], ['positions (next offset)', Object.keys(m.position).length ? m.position : null],
        ['processing', m.processing ? `${m.processing.tp}@${m.processing.offset}` : null], ['commits', m.commit], ['isolation', raw.config.isolation],
        ['assignor', raw.config.assignor], ['processed', m.processed], ['group generation', g.generation]],
    };
  }
  return null;
}
