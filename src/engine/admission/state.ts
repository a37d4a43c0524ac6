// Chapter 14's lab, plain data: a replicated register (replicas r1..rN, clients c1..cM, one key `x`) run in
// one of two modes, every client operation recorded; and three payers sending payments to three banks,
// one per delivery guarantee. Durable: a replica's versions and clocks (it keeps its disk through a crash);
// volatile: a coordinator's operations in progress (a crash forgets them, their clients time out).
import type { VectorClock } from './clocks.ts';
import type { RegisterInput, RegisterValue } from './register-model.ts';

export const ADMISSION = 'admission';
export const KEY = 'x';

/** majority: quorum reads and writes (refuse without a majority); available: answer from the local replica. */
export type RegisterMode = 'majority' | 'available';
/** What orders two versions in the available mode: the writer's wall clock, a Lamport clock, or vector clocks. */
export type Stamp = 'wall' | 'lamport' | 'vector';
export const STAMPS: readonly Stamp[] = ['wall', 'lamport', 'vector'];

/** One stored value and what orders it: `ts` (wall-clock ms, a Lamport count, or the quorum's version number) then `by`. */
export interface Version {
  value: RegisterValue;
  ts: number;
  by: string;
  vc: VectorClock;
  /** The client operation that wrote it (-1: the initial value). */
  op: number;
}

export interface Replica {
  /** Usually one; more only with vector clocks, when concurrent writes are kept as siblings. */
  versions: Version[];
  lamport: number;
}

export type OpStatus = 'pending' | 'ok' | 'failed';

/** One client operation as the client saw it: call, return (Infinity until it answers) and result. */
export interface HistOp {
  id: number;
  client: string;
  replica: string;
  call: number;
  ret: number;
  input: RegisterInput;
  value?: RegisterValue;
  status: OpStatus;
  /** Why it failed (no majority, timed out). */
  why?: string;
}

/** A quorum operation a replica is coordinating (volatile). */
export interface Coordination {
  op: number;
  client: string;
  phase: 'query' | 'store';
  from: string[];
  best: Version;
  /** The version being stored (a write's new one, or a read's write-back). */
  storing?: Version;
}

export type Delivery = 'atmost' | 'atleast' | 'idempotent';
export const DELIVERIES: readonly Delivery[] = ['atmost', 'atleast', 'idempotent'];
export const payerOf = (d: Delivery) => `payer-${d}`;
export const bankOf = (d: Delivery) => `bank-${d}`;

export interface PaymentLine {
  /** Payments the payer was asked to send, and those it heard acknowledged. */
  asked: number;
  acked: number[];
  sends: number;
  /** Each charge the bank made, by payment number (a number twice is a double charge). */
  charges: number[];
  /** Payment numbers the bank has seen (only the idempotent bank keeps this: its idempotency keys). */
  seen: number[];
}

export interface AdmissionState {
  mode: RegisterMode;
  stamp: Stamp;
  /** How long a coordinator waits for a majority, and a client for any answer (ms). */
  timeout: number;
  /** Anti-entropy period of the available mode (ms). */
  sync: number;
  replicaIds: string[];
  replicas: Record<string, Replica>;
  clientIds: string[];
  /** Each client's replica. */
  home: Record<string, string>;
  history: HistOp[];
  coord: Record<string, Coordination>;
  /** Writes a client was told succeeded that last-write-wins then threw away although they came later in real time. */
  lost: { op: number; beatenBy: number }[];
  /** Concurrent writes last-write-wins (or Lamport order) discarded without telling anyone. */
  discarded: number[];
  payments: Record<Delivery, PaymentLine> | null;
  retry: number;
}

export function initialAdmissionState(): AdmissionState {
  return {
    mode: 'majority', stamp: 'wall', timeout: 1000, sync: 1000, replicaIds: [], replicas: {}, clientIds: [], home: {},
    history: [], coord: {}, lost: [], discarded: [], payments: null, retry: 100,
  };
}

export const INITIAL: Version = { value: null, ts: 0, by: '', vc: {}, op: -1 };
export const replicaName = (i: number) => `r${i}`;
export const clientName = (i: number) => `c${i}`;
