// The saga system's one registration and its public read surface for the views.
import { defineSystem } from '../define-system.ts';
import { sagaSystem } from './system.ts';
import { sagaCommands } from './commands.ts';

export const saga = defineSystem({ def: sagaSystem, commands: sagaCommands });

export type { SagaState, SagaRun, SagaDefinition, Shop, TwoPcTx, HistoryEntry, StepStatus, SagaStatus, ParticipantState, Read } from './state.ts';
export { ORCHESTRATOR, COORDINATOR, visibleValue, bookingKey } from './state.ts';
export { listenGraph } from './choreography.ts';
export type { SagaMessage } from './messages.ts';
