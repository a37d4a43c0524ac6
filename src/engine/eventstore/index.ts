// The event store's one registration and its public read surface (what the pictures draw from).
import { defineSystem } from '../define-system.ts';
import { eventStoreSystem } from './system.ts';
import { eventStoreCommands } from './commands.ts';

export const eventstore = defineSystem({ def: eventStoreSystem, commands: eventStoreCommands });

export { STORE_NODE, EVENTSTORE, type EventStoreState, type StoredEvent, type Projector, type Clerk, type ProjectorKind } from './state.ts';
export { describeEvent, streamVersion } from './store.ts';
export { aggregateNumber, describeAggregate, domainOf, fold, upcast, BOOK_CAPACITY } from './aggregates.ts';
export { KIND_WORDS } from './projections.ts';
export { driftOf, lagEvents, lagMs } from './queries.ts';
export { formatEventStoreMessage } from './format.ts';
export type { EsWire } from './wire.ts';
