// Saga and 2PC messages. Orchestrated: commands from the school and replies. Choreographed: each shop's
// events to the shops that listen to it. 2PC: prepare, vote, decision, and an in-doubt participant's question.
import type { Message } from '../core/types.ts';

export type SagaMessage =
  | { readonly type: 'Do'; readonly saga: string; readonly step: number; readonly qty: number; readonly attempt: number; readonly pending: boolean }
  | { readonly type: 'Undo'; readonly saga: string; readonly step: number; readonly attempt: number }
  | { readonly type: 'Done'; readonly saga: string; readonly step: number; readonly attempt: number }
  | { readonly type: 'Failed'; readonly saga: string; readonly step: number; readonly attempt: number; readonly reason: string }
  | { readonly type: 'Undone'; readonly saga: string; readonly step: number; readonly attempt: number }
  | { readonly type: 'UndoFailed'; readonly saga: string; readonly step: number; readonly attempt: number }
  | { readonly type: 'NotUndoable'; readonly saga: string; readonly step: number; readonly attempt: number }
  | { readonly type: 'Confirm'; readonly saga: string; readonly step: number }
  // choreography: events
  | { readonly type: 'Ordered'; readonly saga: string }
  | { readonly type: 'StepDone'; readonly saga: string; readonly step: number }
  | { readonly type: 'StepFailed'; readonly saga: string; readonly step: number }
  | { readonly type: 'StepCompensated'; readonly saga: string; readonly step: number }
  // two-phase commit
  | { readonly type: 'Prepare'; readonly tx: string; readonly qty: number }
  | { readonly type: 'Vote'; readonly tx: string; readonly yes: boolean }
  | { readonly type: 'Decision'; readonly tx: string; readonly commit: boolean }
  | { readonly type: 'Ask'; readonly tx: string }
  // a reader waiting for a lock (never sent; queued at the shop)
  | { readonly type: 'Read'; readonly read: string };

export function formatSagaMessage(m: Message): string {
  const msg = m as unknown as SagaMessage;
  switch (msg.type) {
    case 'Do': return `Do ${msg.saga} step=${msg.step + 1} qty=${msg.qty} attempt=${msg.attempt}${msg.pending ? ' PENDING' : ''}`;
    case 'Undo': return `Undo ${msg.saga} step=${msg.step + 1} attempt=${msg.attempt}`;
    case 'Done': case 'Undone': case 'UndoFailed': case 'NotUndoable':
      return `${msg.type} ${msg.saga} step=${msg.step + 1} attempt=${msg.attempt}`;
    case 'Failed': return `Failed ${msg.saga} step=${msg.step + 1} attempt=${msg.attempt} (${msg.reason})`;
    case 'Confirm': return `Confirm ${msg.saga} step=${msg.step + 1}`;
    case 'Ordered': return `Ordered ${msg.saga}`;
    case 'StepDone': case 'StepFailed': case 'StepCompensated': return `${msg.type} ${msg.saga} step=${msg.step + 1}`;
    case 'Prepare': return `Prepare ${msg.tx} qty=${msg.qty}`;
    case 'Vote': return `Vote ${msg.tx} ${msg.yes ? 'yes' : 'no'}`;
    case 'Decision': return `Decision ${msg.tx} ${msg.commit ? 'commit' : 'abort'}`;
    case 'Ask': return `Ask ${msg.tx}`;
    case 'Read': return `Read ${msg.read}`;
    default: return m.type;
  }
}
