// The messages between clerks, projectors and the store.
import type { AggregateState, EventData, Expected, StoredEvent } from './state.ts';

export type EsWire =
  | { type: 'Load'; stream: string; req: number }
  | { type: 'Loaded'; stream: string; req: number; version: number; snapshot: { version: number; state: AggregateState } | null; events: StoredEvent[] }
  | { type: 'Append'; stream: string; req: number; expected: Expected; basedOn: number; id: string; event: { type: string; data: EventData } }
  | { type: 'Appended'; stream: string; req: number; pos: number; version: number }
  | { type: 'Conflict'; stream: string; req: number; error: string }
  | { type: 'Fetch'; from: number; max: number; fetch: number }
  | { type: 'Events'; fetch: number; from: number; events: StoredEvent[] };

/** How long a clerk or projector waits for the store's answer before asking again. */
export const REQUEST_TIMEOUT_MS = 1000;
