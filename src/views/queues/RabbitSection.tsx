// The RabbitMQ section: a routing graph. Exchanges (sorting desks) on the left, each binding's key or
// pattern labelled on its edge (a chute in the town's sorting office), queues (pigeonholes; a queue bound to a dead-letter exchange is the
// dead-letter box) with ready and unacknowledged messages, consumers with their prefetch windows. The
// path a pointed-at message took is lit, dead-letter hops included.
import type { RabbitModel, RabbitQueueBox, RabbitChip, RabbitExchangeBox, RabbitConsumerBox } from './model-rabbit.ts';
import type { GraphGeom } from './layout-graph.ts';
import { chipLine, phrasings } from './layout.ts';
import { itemId } from './ids.ts';
import { Client } from './Client.tsx';
import { Holder } from './Holder.tsx';
import { RowCount } from './RowCount.tsx';
import { Source } from './Source.tsx';
import { BindingEdges, DeadLetterEdge, type EdgeDraw } from './Edges.tsx';
import { isFocused, isSelected, nodeFocused, nodeSelected, type SectionCtx } from './section-ctx.ts';
import { exchangeRuleShort, rabbitChipWords, rabbitConsumerWords, rabbitExchangeWords, rabbitQueueWords } from './describe.ts';
import { handsIndex, type HandsPlan } from './layout-hands.ts';
import { HandsBox, HandsMore } from './Hands.tsx';
import { placedMessage } from './PlacedMessage.tsx';
import { formatDuration } from '../../engine/core/index.ts';

export type RabbitGeom = GraphGeom<RabbitExchangeBox, RabbitQueueBox, RabbitChip, RabbitConsumerBox>;

export function RabbitSection({ model, geom, hands, ctx }: { model: RabbitModel; geom: RabbitGeom; hands: HandsPlan<RabbitChip> | null; ctx: SectionCtx }) {
  const { m, town } = ctx;
  const where = handsIndex(hands);
  const cells = { pitch: m.chipW + m.chipGap, line: chipLine(m), chipH: m.chipH };
  const srcRect = (name: string) => geom.sources.find((s) => s.item.name === name)?.r;
  const rowOf = (name: string) => geom.rows.find((r) => r.q.name === name);
  const edgeLit = (from: string, to: string) => ctx.lit.has(`bind:${from}>${to}`)
    || isFocused(ctx, itemId('rabbit', 'exchange', from)) || isFocused(ctx, itemId('rabbit', 'queue', to));
  const edges: EdgeDraw[] = geom.labels.map(({ edge, r }) => ({
    key: `${edge.from}>${edge.to}:${edge.label}`, from: srcRect(edge.from)!, label: r, to: { ...rowOf(edge.to)!.strip, x: rowOf(edge.to)!.r.x }, text: edge.label, lit: edgeLit(edge.from, edge.to),
  }));
  return (
    <g className="qv-section" data-section="rabbit">
      <BindingEdges edges={edges} fs={m.fs} town={town} />
      {geom.rows.map((row) => {
        const q = row.q;
        const to = q.dlx ? srcRect(q.dlx) : undefined;
        return to ? <DeadLetterEdge key={`dl:${q.name}`} from={row.strip} to={to} lit={ctx.lit.has(`dead:${q.name}>${q.dlx}`)} /> : null;
      })}
      {geom.sources.map(({ item: x, r }) => {
        const item = itemId('rabbit', 'exchange', x.name);
        return (
          <Source key={item} item={item} r={r} name={x.name} rule={town ? sortingRule(x.type) : [exchangeRuleShort(x.type), x.type]} tag={x.isDlx ? `${x.type} · DLX` : x.type}
            dead={x.isDlx} town={town} fs={m.fs} focused={isFocused(ctx, item)} selected={isSelected(ctx, item)} label={rabbitExchangeWords(x)} onMenu={ctx.onItemMenu} />
        );
      })}
      {geom.rows.map((row) => {
        const q = row.q;
        const item = itemId('rabbit', 'queue', q.name);
        const detail = [`${q.ready.length} ready`, `${q.unacked.length} unacked`, `${q.stats.acked} acked`, q.ttlMs !== null ? `TTL ${formatDuration(q.ttlMs)}` : '',
          q.dlx !== null ? `✕→ ${q.dlx || '(default)'}` : '', q.maxLength !== null ? `max ${q.maxLength}` : ''];
        return (
          <Holder key={item} item={item} r={row.r} head={row.head} strip={row.strip} inline={row.inline} name={q.name} detail={detail}
            look={q.deadLetterBox ? 'deadbox' : 'pigeonhole'} cells={cells} town={town} fs={m.fs} focused={isFocused(ctx, item)} selected={isSelected(ctx, item)}
            label={rabbitQueueWords(q)} more={row.more ? { r: row.more, n: row.hidden } : null} onMenu={ctx.onItemMenu} skin={ctx.skin}
            empty={q.ready.length + q.unacked.length ? null : ['empty', `${q.stats.acked} acked`, q.stats.deadLettered ? `${q.stats.deadLettered} dead-lettered` : '', q.stats.expired + q.stats.dropped ? `${q.stats.expired + q.stats.dropped} dropped` : '']} />
        );
      })}
      {geom.rows.length === 0 && (
        <text x={geom.labels.length ? 0 : 8} y={m.line} fontSize={m.sub} fill="#6b6b70">No queues yet</text>
      )}
      <RowCount r={geom.countRow} n={geom.hiddenRows} noun="queues" m={m} />
      {geom.clients.map(({ item: c, r }) => (
        <Client key={c.id} id={c.id} index={ctx.node(c.id).index} r={r} fs={m.fs} town={town} building="post" up={c.up} paused={c.paused} holding={where.holding.has(c.id)}
          lines={[c.connected ? (c.holding.length ? [`holds ${c.holding.map((x) => `#${x}`).join(',')}`, `holds ${c.holding.length}`] : 'waiting') : ['not connected', 'offline'], phrasings([`${c.processed} done`, c.failed ? `${c.failed} failed` : ''])]}
          slots={c.autoAck ? null : { used: c.holding.length, limit: c.prefetch }}
          label={rabbitConsumerWords(c)} focused={nodeFocused(ctx, c.id)} selected={nodeSelected(ctx, c.id)} onMenu={ctx.onNodeMenu} />
      ))}
      {geom.moreClients && <text x={geom.moreClients.r.x + 4} y={geom.moreClients.r.y + m.line} fontSize={m.sub}>+{geom.moreClients.n} more consumers</text>}
      {geom.producers.map(({ item: p, r }) => (
        <Client key={p} id={p} index={ctx.node(p).index} r={r} fs={m.fs} town={town} building="house" up={ctx.node(p).up} paused={ctx.node(p).paused}
          lines={['publisher']} label={`publisher ${p}: publishes over the network`} focused={nodeFocused(ctx, p)} selected={nodeSelected(ctx, p)} onMenu={ctx.onNodeMenu} />
      ))}
      {model.unroutable > 0 && geom.sources[0] && (
        <text x={geom.sources[0].r.x} y={geom.sources[geom.sources.length - 1]!.r.y + geom.sources[geom.sources.length - 1]!.r.h + m.fs * 1.2} fontSize={m.small} fill="#a83a00">
          ✕ {model.unroutable} unroutable (dropped)
        </text>
      )}
      {/* Messages last: one in a holder's hands is drawn over the holder's building, so it can be pointed at. */}
      {geom.rows.flatMap((row) => row.chips.map(({ chip, r }) => {
        const kind = row.q.deadLetterBox && chip.status === 'ready' ? 'dead' : chip.status === 'unacked' ? 'held' : 'waiting';
        // The town: a delivered, unacknowledged message is in its consumer's hands; its pigeonhole waits empty.
        return placedMessage({ chip, id: chip.id, r, item: itemId('rabbit', 'msg', chip.id), row: itemId('rabbit', 'queue', row.q.name), kind,
          body: chip.body, count: chip.deliveries, timer: chip.expiresAt !== null ? { until: chip.expiresAt, span: chip.ttlSpan } : null,
          ghostTimer: null, words: rabbitChipWords(chip, row.q.name) }, where, ctx);
      }))}
      {hands?.more.map((x) => <HandsMore key={`more:${x.holder}`} r={x.r} n={x.n} m={m} />)}
      {geom.hands.map((h) => <HandsBox key={`hands:${h.item}`} who={h.item} r={h.r} m={m} />)}
    </g>
  );
}

/** The exchange's rule in town words, longest first: how the sorting clerk decides. */
function sortingRule(type: string): string[] {
  switch (type) {
    case 'direct': return ['sorts by exact address', 'exact address', 'exact'];
    case 'fanout': return ['a copy down every chute', 'copies to all', 'copies'];
    case 'topic': return ['sorts by address pattern', 'by pattern', 'pattern'];
    case 'headers': return ['sorts by stamps', 'by stamps', 'stamps'];
    default: return [type];
  }
}
