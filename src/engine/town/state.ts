// The town board: services (buildings) that publish notices to topics on a shared board, readers that
// process them, and synchronous calls for contrast (the caller waits for the reply).
import type { NodeId, Time } from '../core/types.ts';

export const BOARD = 'board';

export const BUILDING_KINDS = ['bakery', 'grocery', 'school', 'deli', 'fruit', 'bank', 'hall', 'post', 'library', 'house'] as const;
export type BuildingKind = (typeof BUILDING_KINDS)[number];

export interface Job {
  kind: 'notice' | 'call';
  /** Notice id or call id. */
  ref: number;
  from: NodeId;
  arrivedAt: Time;
}

export interface Service {
  id: NodeId;
  kind: BuildingKind;
  /** How long one job takes, plus up to `jitter` more. */
  work: Time;
  jitter: Time;
  /** Volatile: the job in hand and those waiting, lost in a crash. */
  current: Job | null;
  queue: Job[];
  doneTimer: number | null;
  handled: number;
  readByTopic: Record<string, number>;
  /** The operation this service is waiting on (a call it made), if any. */
  waitingOn: number | null;
}

export interface Notice {
  id: number;
  topic: string;
  from: NodeId;
  body: string;
  publishedAt: Time;
  pinnedAt: Time | null;
  /** Who should read it (subscribers when pinned) and when each finished reading. */
  readers: NodeId[];
  readAt: Record<NodeId, Time>;
  op: number | null;
}

export interface Call {
  id: number;
  from: NodeId;
  to: NodeId;
  label: string;
  startedAt: Time;
  answeredAt: Time | null;
  op: number;
}

/** One thing a caller set out to do: a call, a fan-out by calls in turn, or a publish. */
export interface Operation {
  id: number;
  from: NodeId;
  mode: 'calls' | 'events';
  topic: string | null;
  targets: NodeId[];
  startedAt: Time;
  /** When the caller could get on with its own work. */
  callerFreeAt: Time | null;
  /** When every target had finished. */
  doneAt: Time | null;
  /** calls: index of the target being called now. */
  next: number;
  notice: number | null;
}

export interface TownState {
  services: Record<NodeId, Service>;
  order: NodeId[];
  subscriptions: Record<string, NodeId[]>;
  notices: Notice[];
  calls: Call[];
  ops: Operation[];
  boardUp: boolean;
  nextId: number;
}

export const initialTownState = (): TownState => ({
  services: {}, order: [], subscriptions: {}, notices: [], calls: [], ops: [], boardUp: false, nextId: 1,
});

export function guessKind(name: string): BuildingKind {
  const hit = BUILDING_KINDS.find((k) => name.toLowerCase().includes(k));
  return hit ?? 'house';
}

export const lastOpOf = (s: TownState, from: NodeId): Operation | undefined =>
  [...s.ops].reverse().find((o) => o.from === from);
