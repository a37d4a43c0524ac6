// A RabbitMQ consumer: the broker pushes deliveries (up to its prefetch window); it works on them one at a
// time and acks, or on failure nacks with requeue or rejects. Its buffer is volatile: a crash loses it, and
// the broker requeues those messages (redelivered=true) once it notices the connection is gone.
import type { SystemContext } from '../core/types.ts';
import { BROKER, type RabbitConsumer, type RabbitState } from './state.ts';
import { countEffect } from '../delivery/index.ts';

export function onDeliver(c: RabbitConsumer, d: { id: number; tag: number; body: string; redelivered: boolean }, ctx: SystemContext): void {
  if (!c.connected) return;
  c.buffer.push(d);
  if (d.redelivered) c.redeliveriesSeen++;
  if (c.workTimer === null) startNext(c, ctx);
}

function startNext(c: RabbitConsumer, ctx: SystemContext): void {
  const d = c.buffer[0];
  if (!d) return;
  const work = c.workMs + (c.jitterMs > 0 ? ctx.rng.int(0, c.jitterMs) : 0);
  c.workTimer = ctx.setTimer(c.id, work, 'done', { tag: d.tag });
}

export function onWorkDone(s: RabbitState, c: RabbitConsumer, ctx: SystemContext): void {
  c.workTimer = null;
  const d = c.buffer.shift();
  if (!d) return;
  if (c.poison.includes(d.body) || (c.failRate > 0 && ctx.rng.chance(c.failRate))) {
    c.failed++;
    const requeue = c.onFail === 'requeue';
    if (c.autoAck) ctx.note(c.id, `failed to process #${d.id} (${d.body}); it was auto-acked, so it is lost`);
    else {
      ctx.note(c.id, `failed to process #${d.id} (${d.body}); ${requeue ? 'nack requeue=true' : 'reject requeue=false'}`);
      ctx.send(c.id, BROKER, { type: 'Nack', queue: c.queue, tag: d.tag, requeue });
    }
  } else {
    c.processed++;
    countEffect(s, d.id, c.id, ctx, (m) => s.queues[m.queue]!.stats);
    if (!c.autoAck) ctx.send(c.id, BROKER, { type: 'Ack', queue: c.queue, tag: d.tag });
  }
  startNext(c, ctx);
}

/** The client's memory is gone; the broker still charges it with its deliveries until it notices. */
export function crashConsumer(c: RabbitConsumer, ctx: SystemContext): void {
  const held = c.buffer.map((d) => `#${d.id}`);
  c.buffer = [];
  c.workTimer = null;
  if (held.length) ctx.note(c.id, c.autoAck ? `crashed holding ${held.join(',')}: auto-acked, so they are lost` : `crashed holding ${held.join(',')} unacknowledged`);
}
