// How the resilience system's messages read in the trace and on the pictures.
import type { Message } from '../core/types.ts';
import type { CallWire, ReplyWire } from './pipeline.ts';

export function formatResilienceMessage(m: Message): string {
  const msg = m as unknown as CallWire | ReplyWire;
  if (msg.type === 'Call') return `Call #${msg.call}${msg.attempt > 1 ? ` try ${msg.attempt}` : ''}`;
  if (msg.type === 'Reply') return `Reply #${msg.call}${msg.attempt > 1 ? ` try ${msg.attempt}` : ''} ${msg.ok ? 'ok' : `failed (${msg.why})`}`;
  return (m as { type: string }).type;
}
