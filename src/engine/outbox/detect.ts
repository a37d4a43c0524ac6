// The live detectors: a lost event (an order saved whose event can never reach the board) and a phantom
// event (an event on the board for a change that was rolled back). Each is noted once, when it becomes
// certain, and counted on the service; duplicates and order are counted where they show (board, consumer).
import type { SystemContext } from '../core/types.ts';
import { describeEvent, type OutboxState, type SaveRecord } from './state.ts';

export function flagLost(s: OutboxState, r: SaveRecord, why: string, ctx: SystemContext): void {
  if (r.flagged) return;
  r.flagged = true;
  s.lost++;
  ctx.note(r.service, `LOST EVENT: order ${r.event.aggregate} v${r.event.version} is saved but ${r.event.type} will never be published (${why})`);
}

export function flagPhantom(s: OutboxState, r: SaveRecord, ctx: SystemContext): void {
  if (r.flagged) return;
  r.flagged = true;
  s.phantoms++;
  ctx.note(r.service, `PHANTOM EVENT: ${describeEvent(r.event)} is on the board but its transaction rolled back`);
}

export const recordOf = (s: OutboxState, eventId: string): SaveRecord | undefined => {
  const i = s.saveAt[eventId];
  return i === undefined ? undefined : s.saves[i];
};

/** The outcome of every save so far, as the sweep and the property tests read it. */
export function tally(s: OutboxState, service?: string): { committed: number; lost: number; phantoms: number } {
  let committed = 0, lost = 0, phantoms = 0;
  for (const r of s.saves) {
    if (service !== undefined && r.service !== service) continue;
    if (r.outcome === 'committed') { committed++; if (!r.onBoard) lost++; } else if (r.onBoard) phantoms++;
  }
  return { committed, lost, phantoms };
}
