// The admission pictures' pure model: the replicas with their versions (stamp, vector clock, siblings) and
// each node's watch (its clock's skew and drift), the clients' recorded history as timeline bars with the
// checker's verdict and the operation it could not place, and the payment lines' effects.
import type { Sim } from '../../engine/core/index.ts';
import { checkedOps, effectCounts, readValue, verdict, DELIVERIES, type AdmissionState, type Delivery } from '../../engine/admission/index.ts';

export interface ReplicaPic {
  id: string;
  value: string;
  versions: { value: string; stamp: string; vc: string }[];
  up: boolean;
  /** The node's watch: how far its clock is off now, in ms (positive: ahead). */
  offset: number;
  drift: number;
}

export interface OpBar {
  id: number;
  client: string;
  call: number;
  /** Its return, or null while waiting (or never answered). */
  ret: number | null;
  label: string;
  status: 'pending' | 'ok' | 'failed';
  /** The operation the checker could not place. */
  offending: boolean;
  /** In the longest legal order the checker found (when the history fails). */
  placed: boolean;
}

export interface PaymentPic { delivery: Delivery; asked: number; paid: number; doubled: number; missing: number; sends: number }

export interface AdmissionPicture {
  mode: string;
  stamp: string;
  replicas: ReplicaPic[];
  clients: { id: string; replica: string }[];
  ops: OpBar[];
  verdict: string;
  offending: string | null;
  /** The time span the timeline shows. */
  from: number;
  to: number;
  lost: number;
  discarded: number;
  payments: PaymentPic[];
}

const vcWords = (vc: Readonly<Record<string, number>>) => {
  const parts = Object.entries(vc).filter(([, n]) => n > 0).sort(([a], [b]) => a.localeCompare(b)).map(([k, n]) => `${k}:${n}`);
  return parts.length ? `{${parts.join(' ')}}` : '{}';
};

const opLabel = (st: AdmissionState, i: number) => {
  const h = st.history[i]!;
  if (h.input.f === 'write') return `w ${String(h.input.value)}${h.status === 'failed' ? ' ?' : ''}`;
  return h.status === 'ok' ? `r ${String(h.value ?? 'none')}` : h.status === 'failed' ? 'r refused' : 'r …';
};

export function admissionPicture(st: AdmissionState, sim: Sim): AdmissionPicture {
  const status = new Map(sim.nodes().map((n) => [n.id, n]));
  const v = st.history.length ? verdict(st) : null;
  const placed = new Set(v?.verdict === 'not-linearizable' ? v.longest : []);
  const ops: OpBar[] = st.history.map((h, i) => ({
    id: h.id, client: h.client, call: h.call, ret: Number.isFinite(h.ret) ? h.ret : null, label: opLabel(st, i),
    status: h.status, offending: v?.blocked === h.id, placed: placed.has(h.id),
  }));
  const times = st.history.flatMap((h) => (Number.isFinite(h.ret) ? [h.call, h.ret] : [h.call]));
  const from = times.length ? Math.min(...times) : 0;
  const to = Math.max(sim.now, from + 1, ...times);
  return {
    mode: st.mode, stamp: st.stamp,
    replicas: st.replicaIds.map((id) => {
      const r = st.replicas[id]!;
      const s = status.get(id);
      return {
        id, value: String(readValue(r) ?? 'none'), up: s?.up !== false,
        offset: s ? Number(sim.query(`clock(${id})`)) - sim.now : 0, drift: s?.driftPpm ?? 0,
        versions: r.versions.map((x) => ({ value: String(x.value ?? 'none'), stamp: st.stamp === 'lamport' ? `L${x.ts}` : st.mode === 'majority' ? `v${x.ts}` : `${x.ts} ms`, vc: vcWords(x.vc) })),
      };
    }),
    clients: st.clientIds.map((id) => ({ id, replica: st.home[id]! })),
    ops, verdict: v ? v.verdict : 'no operations yet', offending: v?.offending ?? null, from, to,
    lost: st.lost.length, discarded: st.discarded.length,
    payments: st.payments ? DELIVERIES.map((d) => {
      const line = st.payments![d];
      return { delivery: d, asked: line.asked, sends: line.sends, ...effectCounts(line) };
    }) : [],
  };
}

export const DELIVERY_WORDS: Record<Delivery, string> = { atmost: 'at most once', atleast: 'at least once', idempotent: 'at least once + idempotency key' };

/** Operations the checker reads (a refused read is left out). */
export const checkedCount = (st: AdmissionState) => checkedOps(st.history).length;

export const watchWords = (r: ReplicaPic) => {
  const off = r.offset === 0 ? 'on time' : `${r.offset > 0 ? '+' : ''}${r.offset} ms`;
  return r.drift ? `${off}, drift ${r.drift} ppm` : off;
};
