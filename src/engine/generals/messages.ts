// A messenger: carries its number; the valley passes it on from one hill to the other.
import type { Message } from '../core/types.ts';

export interface Messenger1 { type: 'Messenger'; k: number; of: number; to: string }
export type GeneralsMessage = Messenger1;

export function formatGeneralsMessage(m: Message): string {
  const msg = m as unknown as GeneralsMessage;
  return msg.k === 1 ? `Messenger 1/${msg.of}: attack at dawn` : `Messenger ${msg.k}/${msg.of}: confirms ${msg.k - 1}`;
}
