// What conditions, predictions and pictures read: `expect admission.verdict == not-linearizable`.
import type { Query } from '../core/types.ts';
import { effectCounts } from './payments.ts';
import { readValue } from './register.ts';
import { DELIVERIES, type AdmissionState, type Delivery, type HistOp } from './state.ts';
import { verdict } from './verdict.ts';

function replicaArg(st: AdmissionState, id: string | undefined) {
  const r = st.replicas[id ?? ''];
  if (!r) throw new Error(`'${id}' is not a replica${st.replicaIds.length ? `; replicas are ${st.replicaIds.join(',')}` : '; start with admission.start'}`);
  return r;
}

function lineArg(st: AdmissionState, d: string | undefined) {
  if (!(DELIVERIES as readonly string[]).includes(d ?? '')) throw new Error(`no delivery '${d}'; deliveries are ${DELIVERIES.join(', ')}`);
  if (!st.payments) throw new Error('no payments yet; send some with admission.pay count=20');
  return st.payments[d as Delivery];
}

const done = (st: AdmissionState) => st.history.filter((h) => h.status === 'ok');
const latencies = (st: AdmissionState) => done(st).map((h: HistOp) => h.ret - h.call);

export const admissionQueries: readonly Query<AdmissionState>[] = [
  { name: 'admission.mode', params: [], example: 'expect admission.mode == majority', description: 'the register\'s mode: majority or available', get: (st) => st.mode },
  { name: 'admission.ops', params: [], example: 'expect admission.ops == 0', description: 'client operations called so far', get: (st) => st.history.length },
  { name: 'admission.okOps', params: [], example: 'expect admission.okOps >= 0', description: 'client operations that answered', get: (st) => done(st).length },
  { name: 'admission.refused', params: [], example: 'expect admission.refused == 0', description: 'client operations refused or timed out (no majority, no answer)', get: (st) => st.history.filter((h) => h.status === 'failed').length },
  { name: 'admission.pending', params: [], example: 'expect admission.pending == 0', description: 'client operations still waiting for an answer', get: (st) => st.history.filter((h) => h.status === 'pending').length },
  {
    name: 'admission.verdict', params: [], example: 'expect admission.verdict == linearizable',
    description: 'the linearizability checker\'s verdict on the client history: linearizable, not-linearizable or gave-up', get: (st) => verdict(st).verdict,
  },
  {
    name: 'admission.offending', params: [], example: 'expect admission.offending == none',
    description: 'the operation the checker could not place next in any legal order (in words), or none', get: (st) => verdict(st).offending ?? 'none',
  },
  {
    name: 'admission.offendingClient', params: [], example: 'expect admission.offendingClient == none',
    description: 'the client of the operation the checker could not place, or none',
    get: (st) => { const b = verdict(st).blocked; return b === null ? 'none' : st.history[b]!.client; },
  },
  {
    name: 'admission.offendingOp', params: [], example: 'expect admission.offendingOp == none',
    description: 'read or write: the kind of operation the checker could not place, or none',
    get: (st) => { const b = verdict(st).blocked; return b === null ? 'none' : st.history[b]!.input.f; },
  },
  { name: 'admission.value', params: ['replica'], example: 'expect admission.value(r1) == none', description: 'the replica\'s value of x (siblings joined by |; none before any write)', get: (st, [r]) => String(readValue(replicaArg(st, r)) ?? 'none') },
  { name: 'admission.siblings', params: ['replica'], example: 'expect admission.siblings(r1) <= 1', description: 'how many concurrent versions the replica keeps (more than 1 only with vector clocks)', get: (st, [r]) => replicaArg(st, r).versions.length },
  { name: 'admission.lamport', params: ['replica'], example: 'expect admission.lamport(r1) >= 0', description: 'the replica\'s Lamport clock', get: (st, [r]) => replicaArg(st, r).lamport },
  {
    name: 'admission.diverged', params: [], example: 'expect admission.diverged == false',
    description: 'whether the replicas hold different values of x right now',
    get: (st) => new Set(st.replicaIds.map((r) => String(readValue(st.replicas[r]!)))).size > 1,
  },
  { name: 'admission.lostWrites', params: [], example: 'expect admission.lostWrites == 0', description: 'acknowledged writes thrown away by last-write-wins for a write that had finished before they began', get: (st) => st.lost.length },
  { name: 'admission.discarded', params: [], example: 'expect admission.discarded == 0', description: 'concurrent acknowledged writes a stamp order threw away without telling anyone', get: (st) => st.discarded.length },
  {
    name: 'admission.meanLatency', params: [], example: 'expect admission.meanLatency < 100',
    description: 'mean latency of the answered operations in ms (0 before any)',
    get: (st) => { const l = latencies(st); return l.length === 0 ? 0 : Math.round(l.reduce((a, b) => a + b, 0) / l.length); },
  },
  { name: 'admission.maxLatency', params: [], example: 'expect admission.maxLatency < 1000', description: 'the slowest answered operation in ms', get: (st) => Math.max(0, ...latencies(st)) },
  { name: 'admission.paid', params: ['delivery'], example: 'expect admission.paid(idempotent) == 20', description: 'distinct payments the bank charged (atmost, atleast or idempotent)', get: (st, [d]) => effectCounts(lineArg(st, d)).paid },
  { name: 'admission.doubled', params: ['delivery'], example: 'expect admission.doubled(atleast) >= 0', description: 'charges beyond the first of a payment: double charges', get: (st, [d]) => effectCounts(lineArg(st, d)).doubled },
  { name: 'admission.missing', params: ['delivery'], example: 'expect admission.missing(atmost) >= 0', description: 'payments asked for that the bank never charged', get: (st, [d]) => effectCounts(lineArg(st, d)).missing },
  { name: 'admission.sends', params: ['delivery'], example: 'expect admission.sends(atleast) >= 0', description: 'Pay messages the payer sent, retries included', get: (st, [d]) => lineArg(st, d).sends },
];
