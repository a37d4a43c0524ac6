// The board (a broker node) and the consumers that read it. The board appends every event it is handed,
// duplicates included (it does not deduplicate: at-least-once publishing is the relay's promise),
// acknowledges a relay's batch, and pushes each batch to every consumer in one message, so a batch keeps
// its order. A consumer with an inbox records each processed event id in the same local transaction as
// the effect and skips an id it has seen (microservices.io, "Pattern: Idempotent Consumer").
import type { NodeId, SystemContext } from '../core/types.ts';
import { flagPhantom, recordOf } from './detect.ts';
import { BROKER, type Consumer, type OutEvent, type OutboxState } from './state.ts';

export function atBoard(s: OutboxState, from: NodeId, events: readonly OutEvent[], seqs: readonly number[] | null, ctx: SystemContext): void {
  for (const ev of events) {
    const duplicate = (s.onBoard[ev.id] ?? 0) > 0;
    s.onBoard[ev.id] = (s.onBoard[ev.id] ?? 0) + 1;
    s.board.push({ event: ev, from, at: ctx.now, duplicate });
    if (duplicate) { s.duplicates++; ctx.note(BROKER, `duplicate publish: ${ev.id} is already on the board`); }
    const rec = recordOf(s, ev.id);
    if (rec) {
      rec.onBoard = true;
      if (rec.outcome === 'rolled-back') flagPhantom(s, rec, ctx);
    }
  }
  if (seqs !== null) ctx.send(BROKER, from, { type: 'PubAck', seqs });
  for (const c of s.consumerOrder) ctx.send(BROKER, c, { type: 'Deliver', events });
}

export function atConsumer(c: Consumer, events: readonly OutEvent[], ctx: SystemContext): void {
  for (const ev of events) {
    if (c.seen.includes(ev.id)) {
      if (c.inbox) { c.caught++; ctx.note(c.id, `inbox: ${ev.id} already processed, skipped`); continue; }
      c.doubled++;
      ctx.note(c.id, `processed ${ev.id} (${ev.type} ${ev.aggregate}) AGAIN: no inbox, a double effect`);
      continue;
    }
    c.seen.push(ev.id);
    const last = c.lastVersion[ev.aggregate];
    if (last !== undefined && ev.version < last) {
      c.disorder++;
      ctx.note(c.id, `OUT OF ORDER: ${ev.aggregate} v${ev.version} arrived after v${last}`);
    }
    c.lastVersion[ev.aggregate] = Math.max(last ?? 0, ev.version);
    c.applied++;
    ctx.note(c.id, `processed ${ev.type} ${ev.aggregate} v${ev.version} (${ev.id})`);
  }
}
