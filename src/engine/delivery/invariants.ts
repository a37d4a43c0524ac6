// The two delivery invariants every queue system declares, with each system's own description and words
// (transcripts print them): an acknowledged message never handed out again, and nothing lost silently.
import type { Invariant } from '../core/types.ts';
import type { DeliveredMessage, DeliveryAudit, DeliveryState } from './audit.ts';

export function ackedNeverRedelivered<S extends { audit: DeliveryAudit }>(description: string): Invariant<S> {
  return { name: 'acked-never-redelivered', description, check: (s) => s.audit.ackedRedelivered };
}

export interface AccountingWords {
  /** What the live messages are, e.g. 'messages are waiting or in flight'. */
  readonly live: string;
  /** Who lists them, e.g. 'the queues'. */
  readonly listedBy: string;
  /** What vanished, e.g. 'accepted message(s)'. */
  readonly vanished: string;
}

/**
 * Every accepted message is accounted for: live (and listed by exactly one queue or subscription), finished,
 * or pruned after finishing. O(messages).
 */
export function nothingLostSilently<M extends DeliveredMessage, S extends DeliveryState<M>>(o: {
  readonly description: string;
  readonly isLive: (m: M) => boolean;
  /** How many message ids the queues (or subscriptions) hold. */
  readonly listed: (s: S) => number;
  readonly words: AccountingWords;
}): Invariant<S> {
  return {
    name: 'nothing-lost-silently',
    description: o.description,
    check: (s) => {
      let total = s.audit.pruned;
      let live = 0;
      for (const k in s.msgs) { total++; if (o.isLive(s.msgs[k]!)) live++; }
      const listed = o.listed(s);
      if (listed !== live) return `${live} ${o.words.live} but ${o.words.listedBy} list ${listed}`;
      return total === s.audit.accepted ? null : `${s.audit.accepted - total} ${o.words.vanished} vanished without a trace`;
    },
  };
}
