// The SQS section: producers, queue rows (the ticket rack's pigeonholes in the town) with their messages in queue order —
// visible, in flight with the visibility timer running down, delayed — each dead-letter queue (the
// dead-letter box) under its source with the redrive arrow, and the consumers (bakers) on the right.
import { formatDuration } from '../../engine/core/index.ts';
import type { SqsModel } from './model-sqs.ts';
import type { SqsGeom } from './layout-sqs.ts';
import { chipLine, phrasings } from './layout.ts';
import { itemId } from './ids.ts';
import { Client } from './Client.tsx';
import { Holder } from './Holder.tsx';
import { RowCount } from './RowCount.tsx';
import { OKABE_ITO } from '../shared/palette.ts';
import { isFocused, isSelected, nodeFocused, nodeSelected, type SectionCtx } from './section-ctx.ts';
import { sqsChipWords, sqsConsumerWords, sqsQueueWords } from './describe.ts';
import type { ChipKind } from './looks.ts';
import type { SqsChip } from './model-sqs.ts';
import { handsIndex, type HandsPlan } from './layout-hands.ts';
import { HandsBox, HandsMore } from './Hands.tsx';
import { placedMessage } from './PlacedMessage.tsx';
import { chipText } from './picture.ts';

/** A FIFO message shows its group too: order is kept per group, so the group is what to watch. */

/** Chapter 05: how many of the in-flight messages are only waiting out a retry backoff ('' when none). */
const backingOff = (msgs: readonly SqsChip[]) => { const n = msgs.filter((c) => c.backoff).length; return n ? `${n} backing off` : ''; };

const KIND: Record<SqsChip['status'], ChipKind> = { visible: 'waiting', inflight: 'held', delayed: 'delayed', 'dead-lettered': 'dead' };

export function SqsSection({ geom, hands, ctx }: { model: SqsModel; geom: SqsGeom; hands: HandsPlan<SqsChip> | null; ctx: SectionCtx }) {
  const { m, town } = ctx;
  const where = handsIndex(hands);
  const cells = { pitch: m.chipW + m.chipGap, line: chipLine(m), chipH: m.chipH };
  const rowOf = (name: string) => geom.rows.find((r) => r.q.name === name);
  return (
    <g className="qv-section" data-section="sqs">
      {geom.rows.filter((r) => r.q.sources.length).flatMap((dl) => dl.q.sources.map((src) => {
        const s = rowOf(src);
        if (!s) return null;
        // The redrive arrow: from the source row down its left side into the dead-letter row.
        const x = s.r.x + 4;
        const y0 = s.strip.y + s.strip.h;
        const y1 = dl.strip.y + dl.strip.h / 2;
        return (
          <g key={`${src}>${dl.q.name}`} aria-hidden="true">
            <path d={`M${x},${y0}V${y1}H${dl.strip.x - 4}`} fill="none" stroke={OKABE_ITO.vermillion} strokeWidth={1.6} strokeDasharray="4 3" markerEnd={`url(#qv-arrow-${ctx.skin})`} />
          </g>
        );
      }))}
      {geom.rows.map((row) => {
        const q = row.q;
        const item = itemId('sqs', 'queue', q.name);
        const dead = q.sources.length > 0;
        const detail = dead
          ? [`${q.counts.visible} dead letter${q.counts.visible === 1 ? '' : 's'}`, q.counts.inflight ? `${q.counts.inflight} in flight` : '', `from ${q.sources.join(', ')}`]
          : [`${q.counts.visible} ${town ? 'waiting' : 'visible'}`, `${q.counts.inflight} ${town ? 'taken (invisible)' : 'in flight'}`, backingOff(q.msgs), `${q.stats.deleted} deleted`, q.counts.delayed ? `${q.counts.delayed} delayed` : '',
            `visibility ${formatDuration(q.visibilityMs)}`, q.dlq ? `→ ${q.dlq} after ${q.maxReceives} receives` : '', q.fifo ? 'FIFO' : 'standard'];
        return (
          <Holder key={item} item={item} r={row.r} head={row.head} strip={row.strip} inline={row.inline} name={q.name} detail={detail}
            look={dead ? 'deadbox' : 'rack'} cells={cells} town={town} fs={m.fs} focused={isFocused(ctx, item)} selected={isSelected(ctx, item)}
            label={sqsQueueWords(q)} more={row.more ? { r: row.more, n: row.hidden } : null} onMenu={ctx.onItemMenu} skin={ctx.skin}
            empty={q.msgs.length ? null : dead ? ['no dead letters'] : ['empty', `${q.stats.deleted} deleted so far`, q.stats.deadLettered ? `${q.stats.deadLettered} dead-lettered` : '']} />
        );
      })}
      {geom.rows.length === 0 && (
        <text x={geom.rects['node:sqs']!.x + 8} y={geom.rects['node:sqs']!.y + m.line} fontSize={m.sub} fill="#6b6b70">No queues yet: try sqs.queue name=orders</text>
      )}
      <RowCount r={geom.countRow} n={geom.hiddenRows} noun="queues" m={m} />
      {geom.consumers.map(({ item: c, r }) => (
        <Client key={c.id} id={c.id} index={ctx.node(c.id).index} r={r} fs={m.fs} town={town} building="bakery" up={c.up} paused={c.paused} holding={where.holding.has(c.id)}
          lines={[c.stopped && c.phase === 'idle' ? 'stopped' : c.phase === 'working' ? [`working ${c.holding.map((x) => `#${x}`).join(',')}`, 'working'] : c.phase === 'polling' ? (c.longPoll ? ['long-polling', 'polling'] : 'polling') : c.phase,
            phrasings([`${c.processed} done`, c.failed ? `${c.failed} failed` : ''])]}
          label={sqsConsumerWords(c)} focused={nodeFocused(ctx, c.id)} selected={nodeSelected(ctx, c.id)} onMenu={ctx.onNodeMenu} />
      ))}
      {geom.moreConsumers && <text x={geom.moreConsumers.r.x + 4} y={geom.moreConsumers.r.y + m.line} fontSize={m.sub}>+{geom.moreConsumers.n} more consumers</text>}
      {geom.producers.map(({ item: p, r }) => (
        <Client key={p} id={p} index={ctx.node(p).index} r={r} fs={m.fs} town={town} building="house" up={ctx.node(p).up} paused={ctx.node(p).paused}
          lines={[['producer', 'sends']]} label={`producer ${p}: sends messages over the network`} focused={nodeFocused(ctx, p)} selected={nodeSelected(ctx, p)} onMenu={ctx.onNodeMenu} />
      ))}
      {/* Messages last: one in a holder's hands is drawn over the holder's building, so it can be pointed at. */}
      {geom.rows.flatMap((row) => row.chips.map(({ chip, r }) => {
        // Waiting out a retry backoff: not receivable until its timer ends, drawn like a delayed message.
        const kind = chip.backoff ? 'delayed' : KIND[chip.status];
        const timer = chip.until !== null && chip.span > 0 ? { until: chip.until, span: chip.span } : null;
        // The town: a received message is out of its pigeonhole, in the hands of whoever received it.
        return placedMessage({ chip, id: chip.id, r, item: itemId('sqs', 'msg', chip.id), row: itemId('sqs', 'queue', row.q.name), kind,
          body: chipText(chip), count: chip.receiveCount, timer, ghostTimer: timer, words: sqsChipWords(chip, row.q.name) }, where, ctx);
      }))}
      {hands?.more.map((x) => <HandsMore key={`more:${x.holder}`} r={x.r} n={x.n} m={m} />)}
      {geom.hands.map((h) => <HandsBox key={`hands:${h.item}`} who={h.item} r={h.r} m={m} />)}
    </g>
  );
}
