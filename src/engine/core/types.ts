// The kernel's public types. A system (Raft, a queue, the town board, ...) is plain serialisable state
// plus handlers; the simulator is the only code that turns what a handler asks for into scheduled events.

/** Simulated time in integer milliseconds. Integers keep every order and decision identical across engines. */
export type Time = number;
export type NodeId = string;
export type TimerId = number;
export type MsgId = number;

/** A message between nodes: a type plus plain fields. Never mutate a message after sending it. */
export interface Message {
  readonly type: string;
  readonly [field: string]: unknown;
}

/** What a system hands to `send`: a type plus plain fields. */
export interface OutgoingMessage {
  readonly type: string;
}

export type TraceKind =
  | 'send' // a node put a message on the network
  | 'deliver' // a message arrived and was handled
  | 'drop' // a message was lost: loss, partition, crashed receiver, or dropped by hand
  | 'timer' // a node's timer fired
  | 'note' // a system reports a state change ("n1 became leader term=2")
  | 'fault' // crash, restart, pause, resume, partition, heal, link or clock change
  | 'input' // a scenario command applied by a person, a lesson or a test
  | 'fork' // an input applied at a past moment discarded the old future
  | 'violation'; // an invariant broke

export interface TraceEvent {
  /** Position in the whole trace (0-based), stable across seeks. */
  readonly i: number;
  readonly t: Time;
  readonly kind: TraceKind;
  /** The node it happened at (the receiver of a delivery, the sender of a send). */
  readonly node?: NodeId;
  readonly from?: NodeId;
  readonly to?: NodeId;
  readonly msgId?: MsgId;
  readonly msg?: Message;
  /** When the message was sent (deliver, drop). */
  readonly sentAt?: Time;
  /** Free text: the note, the fault, the command line, the reason for a drop, the invariant's message. */
  readonly text?: string;
  /** The system the event belongs to. */
  readonly sys?: string;
  /** For a violation: the invariant's name and the trace index of the event that broke it. */
  readonly invariant?: string;
  readonly cause?: number;
}

/** Seeded randomness handed to systems; the only randomness the engine has. */
export interface Rng {
  /** Uniform integer in [lo, hi], both inclusive. */
  int(lo: number, hi: number): number;
  /** True with the given probability (0..1), decided in integer parts-per-million. */
  chance(p: number): boolean;
  pick<T>(items: readonly T[]): T;
}

/** What a system handler may ask of the simulator. Every call is recorded and turned into events. */
export interface SystemContext {
  /** Global simulated time. Prefer `clock(node)` for anything a node would read from its own clock. */
  readonly now: Time;
  /** What `node`'s own clock reads now (skew and drift applied). */
  clock(node: NodeId): Time;
  /** Any object with a `type` will do (interfaces included); it is traced and delivered as a Message. */
  send<M extends OutgoingMessage>(from: NodeId, to: NodeId, msg: M): MsgId;
  /** Fire `name` at `node` after `delay` ms of the node's own clock. */
  setTimer(node: NodeId, delay: Time, name: string, data?: unknown): TimerId;
  cancelTimer(id: TimerId): void;
  readonly rng: Rng;
  /** Report a state change in the trace. */
  note(node: NodeId | undefined, text: string): void;
  /** Register a node owned by this system (idempotent). */
  addNode(node: NodeId): void;
  removeNode(node: NodeId): void;
  isUp(node: NodeId): boolean;
  /** All nodes currently registered to this system, in registration order. */
  nodes(): readonly NodeId[];
}

export interface Invariant<S> {
  readonly name: string;
  readonly description: string;
  /** Null when it holds; otherwise a short sentence saying what is wrong. */
  check(state: S): string | null;
}

/** A value a condition (`expect`, `run until`, lesson goals and predictions) can read. */
export interface Query<S> {
  readonly name: string;
  readonly description: string;
  /** Argument names, shown in the language reference (`inbox(service)`). */
  readonly params: readonly string[];
  readonly example: string;
  get(state: S, args: readonly string[]): number | string | boolean;
}

export interface SystemDef<S> {
  readonly name: string;
  initialState(): S;
  onMessage(state: S, node: NodeId, from: NodeId, msg: Message, ctx: SystemContext): void;
  onTimer(state: S, node: NodeId, name: string, data: unknown, ctx: SystemContext): void;
  /** Drop the node's volatile state; durable state stays (each system says which is which). */
  onCrash?(state: S, node: NodeId, ctx: SystemContext): void;
  onRestart?(state: S, node: NodeId, ctx: SystemContext): void;
  readonly invariants?: readonly Invariant<S>[];
  readonly queries?: readonly Query<S>[];
  /** Formats a message for the trace; the default prints `Type k=v ...`. */
  formatMessage?(msg: Message): string;
}

export interface LinkSpec {
  /** Base one-way latency in ms. */
  latency: Time;
  /** Extra random latency, 0..jitter ms. */
  jitter: Time;
  dist: 'uniform' | 'normal';
  /** Probabilities 0..1. */
  loss: number;
  dup: number;
  reorder: number;
}

export interface NodeStatus {
  readonly id: NodeId;
  readonly sys: string;
  readonly up: boolean;
  readonly paused: boolean;
  readonly skew: Time;
  readonly driftPpm: number;
}

/** A message on the wire, for views: where it is between its send and arrival times. */
export interface InFlight {
  readonly msgId: MsgId;
  readonly from: NodeId;
  readonly to: NodeId;
  readonly msg: Message;
  readonly sentAt: Time;
  readonly arrivesAt: Time;
  readonly sys: string;
  /** Set when the network already decided to lose it (it still flies, then vanishes). */
  readonly doomed: boolean;
}
