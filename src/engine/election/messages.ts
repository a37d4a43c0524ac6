// Messages of the election system: the bully algorithm's three (Garcia-Molina 1982) plus a liveness ping,
// and the lock service's and the storage's.
import type { Message } from '../core/types.ts';

export type ElectionMessage =
  | { type: 'Election' } // to every higher-ranked node: "I am holding an election"
  | { type: 'Ok' } // the answer from a higher node: "I am alive and take over"
  | { type: 'Coordinator' } // the winner's announcement to the lower nodes
  | { type: 'Ping'; seq: number }
  | { type: 'Pong'; seq: number }
  | { type: 'Acquire' } // a client asks for the lock
  | { type: 'Granted'; rev: number; ttl: number }
  | { type: 'Busy'; holder: string }
  | { type: 'KeepAlive'; rev: number }
  | { type: 'KeptAlive'; rev: number; ttl: number }
  | { type: 'LeaseGone'; rev: number }
  | { type: 'Write'; token: number; value: string }
  | { type: 'Written'; token: number }
  | { type: 'Rejected'; token: number; highest: number };

export function formatElectionMessage(m: Message): string {
  const x = m as unknown as ElectionMessage;
  switch (x.type) {
    case 'Ping': case 'Pong': return `${x.type} #${x.seq}`;
    case 'Granted': return `Granted token=${x.rev} ttl=${x.ttl}ms`;
    case 'Busy': return `Busy (held by ${x.holder})`;
    case 'KeepAlive': case 'LeaseGone': return `${x.type} token=${x.rev}`;
    case 'KeptAlive': return `KeptAlive token=${x.rev}`;
    case 'Write': return `Write ${x.value} token=${x.token}`;
    case 'Written': return `Written token=${x.token}`;
    case 'Rejected': return `Rejected token=${x.token} < ${x.highest}`;
    default: return x.type;
  }
}
