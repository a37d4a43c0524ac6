// What the queue family (SQS, RabbitMQ, pub/sub) shares about delivering a message: the audit the
// delivery invariants read, how a finished message is retired, and how a repeated side effect is counted.
// Each system keeps its own rules for picking, leasing and acknowledging; only this bookkeeping is common.
import type { SystemContext } from '../core/types.ts';

/** Finished messages kept per queue (or subscription) for the views and queries; older ones are pruned. */
export const KEEP_FINISHED = 500;

/** Counted as messages are accepted and pruned, so the invariants can prove none vanished. */
export interface DeliveryAudit {
  /** The first acknowledged message handed out again, as a sentence (null: none). */
  ackedRedelivered: string | null;
  accepted: number;
  pruned: number;
}

/** A message (or a subscription's copy) as the shared bookkeeping sees it. */
export interface DeliveredMessage {
  readonly id: number;
  readonly body: string;
  /** Times a consumer finished processing it successfully (more than 1: duplicate side effects). */
  processed: number;
}

/** A system's messages by id (as a string) and its audit. */
export interface DeliveryState<M extends DeliveredMessage> {
  msgs: Record<string, M>;
  audit: DeliveryAudit;
}

/** Keeps the first breach only: the invariant reports the moment things first went wrong. */
export function flagAckedRedelivered(audit: DeliveryAudit, text: string): void {
  if (!audit.ackedRedelivered) audit.ackedRedelivered = text;
}

/** A message finished: keep it on its queue's finished list, pruning the oldest past KEEP_FINISHED. */
export function retireFinished<M extends DeliveredMessage>(s: DeliveryState<M>, finished: number[], id: number): void {
  finished.push(id);
  if (finished.length > KEEP_FINISHED) {
    delete s.msgs[String(finished.shift()!)];
    s.audit.pruned++;
  }
}

/** The work's side effect happened; a second time for the same message is a duplicate (at-least-once). */
export function countEffect<M extends DeliveredMessage>(
  s: DeliveryState<M>, id: number, who: string, ctx: SystemContext, statsOf: (m: M) => { duplicates: number },
): void {
  const m = s.msgs[String(id)];
  if (!m) return;
  m.processed++;
  if (m.processed < 2) return;
  statsOf(m).duplicates++;
  ctx.note(who, `processed #${id} (${m.body}) again: a duplicate, ${m.processed} times in all`);
}
