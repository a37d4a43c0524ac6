// Paxos messages: phase 1 (Prepare/Promise), phase 2 (Accept/Accepted), refusals, and the news of a choice.
import type { Message } from '../core/types.ts';

export type PaxosMessage =
  | { readonly type: 'Prepare'; readonly n: number }
  | { readonly type: 'Promise'; readonly n: number; readonly acceptedN: number; readonly acceptedValue: string | null }
  | { readonly type: 'Accept'; readonly n: number; readonly value: string }
  | { readonly type: 'Accepted'; readonly n: number; readonly value: string }
  /** A refusal: the acceptor has promised `promised` > n (an optimisation the paper suggests in §2.3). */
  | { readonly type: 'Nack'; readonly n: number; readonly promised: number }
  | { readonly type: 'Chosen'; readonly value: string }
  /** A value handed to the distinguished proposer. */
  | { readonly type: 'Forward'; readonly value: string };

export function formatPaxosMessage(m: Message): string {
  const msg = m as unknown as PaxosMessage;
  switch (msg.type) {
    case 'Prepare': return `Prepare n=${msg.n}`;
    case 'Promise': return `Promise n=${msg.n} accepted=${msg.acceptedN === 0 ? 'none' : `${msg.acceptedN}:${msg.acceptedValue}`}`;
    case 'Accept': return `Accept n=${msg.n} value=${msg.value}`;
    case 'Accepted': return `Accepted n=${msg.n} value=${msg.value}`;
    case 'Nack': return `Nack n=${msg.n} promised=${msg.promised}`;
    case 'Chosen': return `Chosen value=${msg.value}`;
    case 'Forward': return `Forward value=${msg.value}`;
    default: return m.type;
  }
}
