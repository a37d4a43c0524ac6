// The kernel's public surface: what code outside src/engine may read of it (the sim, its types, the
// command shape and durations). The kernel's internals (heap, history, network, trace ring) stay private.
export { createSim, type Sim, type SimOptions } from './sim.ts';
export { CORE_QUERIES, type CoreQuery } from './queries.ts';
export type {
  InFlight, Invariant, LinkSpec, Message, MsgId, NodeId, NodeStatus, OutgoingMessage, Query, Rng, SystemContext, SystemDef,
  Time, TimerId, TraceEvent, TraceKind,
} from './types.ts';
export {
  argBool, argList, argNumber, argString, CommandError, type ArgSpec, type ArgType, type ArgValue, type ArgValues, type CommandSpec,
} from './command.ts';
export { formatDuration, parseDuration } from './duration.ts';
