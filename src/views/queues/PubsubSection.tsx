// The pub/sub section: topics (the news desk's copier) on the left, an edge to every subscription (a
// mailbox) that gets its own copy, copies waiting or leased with the ack deadline running down, subscribers
// on the right; a subscription's dead-letter topic is linked back with a dashed edge.
import type { PubsubChip, PubsubModel, PubsubSubBox, PubsubSubscriberBox, PubsubTopicBox } from './model-pubsub.ts';
import type { GraphGeom } from './layout-graph.ts';
import { itemId } from './ids.ts';
import { Client } from './Client.tsx';
import { Holder } from './Holder.tsx';
import { RowCount } from './RowCount.tsx';
import { Source } from './Source.tsx';
import { BindingEdges, DeadLetterEdge, type EdgeDraw } from './Edges.tsx';
import { isFocused, isSelected, nodeFocused, nodeSelected, type SectionCtx } from './section-ctx.ts';
import { pubsubChipWords, pubsubSubWords, pubsubSubscriberWords, pubsubTopicWords } from './describe.ts';
import { phrasings } from './layout.ts';
import { handsIndex, type HandsPlan } from './layout-hands.ts';
import { HandsBox, HandsMore } from './Hands.tsx';
import { placedMessage } from './PlacedMessage.tsx';
import { formatDuration } from '../../engine/core/index.ts';

export type PubsubGeom = GraphGeom<PubsubTopicBox, PubsubSubBox, PubsubChip, PubsubSubscriberBox>;

export function PubsubSection({ geom, hands, ctx }: { model: PubsubModel; geom: PubsubGeom; hands: HandsPlan<PubsubChip> | null; ctx: SectionCtx }) {
  const { m, town } = ctx;
  const where = handsIndex(hands);
  const srcRect = (name: string) => geom.sources.find((s) => s.item.name === name)?.r;
  const edges: EdgeDraw[] = geom.rows.flatMap((row) => {
    const from = srcRect(row.q.topic);
    if (!from) return [];
    const lit = ctx.lit.has(`copy:${row.q.topic}>${row.q.name}`) || isFocused(ctx, itemId('pubsub', 'topic', row.q.topic)) || isFocused(ctx, itemId('pubsub', 'sub', row.q.name));
    return [{ key: `${row.q.topic}>${row.q.name}`, from, label: null, to: { ...row.strip, x: row.r.x }, text: '', lit }];
  });
  return (
    <g className="qv-section" data-section="pubsub">
      <BindingEdges edges={edges} fs={m.fs} town={town} />
      {geom.rows.map((row) => {
        const to = row.q.deadLetterTopic ? srcRect(row.q.deadLetterTopic) : undefined;
        return to ? <DeadLetterEdge key={`dl:${row.q.name}`} from={row.strip} to={to} lit={ctx.lit.has(`copy:${row.q.deadLetterTopic}`)} /> : null;
      })}
      {geom.sources.map(({ item: t, r }) => {
        const item = itemId('pubsub', 'topic', t.name);
        return (
          <Source key={item} item={item} r={r} name={t.name} rule={town
              ? [`a copy in each of ${t.subscriptions.length} mailbox${t.subscriptions.length === 1 ? '' : 'es'}`, `copies to ${t.subscriptions.length} mailbox${t.subscriptions.length === 1 ? '' : 'es'}`, 'a copy per mailbox', `${t.subscriptions.length} copies`]
              : [`copies to ${t.subscriptions.length} subscription${t.subscriptions.length === 1 ? '' : 's'}`, `copies to ${t.subscriptions.length} subs`, `→ ${t.subscriptions.length} subs`]}
            tag={t.isDeadLetter ? 'topic · DLT' : 'topic'} dead={t.isDeadLetter} town={town} fs={m.fs} focused={isFocused(ctx, item)} selected={isSelected(ctx, item)}
            label={pubsubTopicWords(t)} onMenu={ctx.onItemMenu} />
        );
      })}
      {geom.rows.map((row) => {
        const s = row.q;
        const item = itemId('pubsub', 'sub', s.name);
        const waiting = s.msgs.filter((x) => x.status === 'waiting').length;
        const detail = [`${waiting} waiting`, `${s.msgs.length - waiting} leased`, `${s.stats.acked} acked`, `${s.mode}${s.mode === 'push' && s.endpoint ? ` → ${s.endpoint}` : ''}`,
          `ack deadline ${formatDuration(s.ackDeadlineMs)}`, s.deadLetterTopic ? `✕→ ${s.deadLetterTopic} after ${s.maxAttempts}` : ''];
        return (
          <Holder key={item} item={item} r={row.r} head={row.head} strip={row.strip} inline={row.inline} name={s.name} detail={detail} look="mailbox" town={town} fs={m.fs}
            focused={isFocused(ctx, item)} selected={isSelected(ctx, item)} label={pubsubSubWords(s)} more={row.more ? { r: row.more, n: row.hidden } : null}
            onMenu={ctx.onItemMenu} skin={ctx.skin} empty={s.msgs.length ? null : ['empty', `${s.stats.acked} acked`, s.stats.deadLettered ? `${s.stats.deadLettered} dead-lettered` : '']} />
        );
      })}
      <RowCount r={geom.countRow} n={geom.hiddenRows} noun="subscriptions" m={m} />
      {geom.clients.map(({ item: c, r }) => (
        <Client key={c.id} id={c.id} index={ctx.node(c.id).index} r={r} fs={m.fs} town={town} building="library" up={c.up} paused={c.paused} holding={where.holding.has(c.id)}
          lines={[c.holding.length ? [`holds ${c.holding.map((x) => `#${x}`).join(',')}`, `holds ${c.holding.length}`] : 'idle', phrasings([`${c.processed} done`, c.failed ? `${c.failed} failed` : ''])]}
          label={pubsubSubscriberWords(c)} focused={nodeFocused(ctx, c.id)} selected={nodeSelected(ctx, c.id)} onMenu={ctx.onNodeMenu} />
      ))}
      {geom.moreClients && <text x={geom.moreClients.r.x + 4} y={geom.moreClients.r.y + m.line} fontSize={m.sub}>+{geom.moreClients.n} more subscribers</text>}
      {geom.producers.map(({ item: p, r }) => (
        <Client key={p} id={p} index={ctx.node(p).index} r={r} fs={m.fs} town={town} building="house" up={ctx.node(p).up} paused={ctx.node(p).paused}
          lines={['publisher']} label={`publisher ${p}: publishes over the network`} focused={nodeFocused(ctx, p)} selected={nodeSelected(ctx, p)} onMenu={ctx.onNodeMenu} />
      ))}
      {/* Messages last: one in a holder's hands is drawn over the holder's building, so it can be pointed at. */}
      {geom.rows.flatMap((row) => row.chips.map(({ chip, r }) => {
        const kind = chip.status === 'leased' ? 'held' : 'waiting';
        const timer = chip.deadline !== null ? { until: chip.deadline, span: chip.span } : null;
        // The town: a leased copy is out of its mailbox, in the subscriber's hands until it acks or the deadline passes.
        return placedMessage({ chip, id: chip.id, r, item: itemId('pubsub', 'msg', chip.id), row: itemId('pubsub', 'sub', row.q.name), kind,
          body: chip.body, count: chip.attempts, timer, ghostTimer: timer, words: pubsubChipWords(chip, row.q.name) }, where, ctx);
      }))}
      {hands?.more.map((x) => <HandsMore key={`more:${x.holder}`} r={x.r} n={x.n} m={m} />)}
      {geom.hands.map((h) => <HandsBox key={`hands:${h.item}`} who={h.item} r={h.r} m={m} />)}
    </g>
  );
}
