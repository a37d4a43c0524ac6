// Chapter 14's system: the replicated register (register.ts) and the payment lines (payments.ts).
import type { Invariant, Message, SystemDef } from '../core/types.ts';
import { formatRegisterMsg, onRegisterMessage, onRegisterTimer, type RegisterMsg } from './register.ts';
import { onPaymentMessage, onPaymentTimer, type PaymentMsg } from './payments.ts';
import { admissionQueries } from './queries.ts';
import { ADMISSION, initialAdmissionState, type AdmissionState } from './state.ts';
import { verdict } from './verdict.ts';

const invariants: readonly Invariant<AdmissionState>[] = [
  {
    name: 'majority-register-linearizable',
    description: 'in majority mode the client history is linearizable (the checker finds a legal real-time order)',
    check: (st) => {
      if (st.mode !== 'majority' || st.history.length === 0) return null;
      const v = verdict(st);
      return v.verdict === 'not-linearizable' ? `not linearizable: ${v.offending ?? '?'} cannot be placed` : null;
    },
  },
  {
    name: 'idempotent-charges-once',
    description: 'the bank with idempotency keys charges each payment at most once',
    check: (st) => {
      const c = st.payments?.idempotent.charges ?? [];
      return new Set(c).size === c.length ? null : 'a payment was charged twice despite its idempotency key';
    },
  },
];

export const admissionDef: SystemDef<AdmissionState> = {
  name: ADMISSION,
  initialState: initialAdmissionState,
  onMessage(st, node, from, m: Message, ctx) {
    if (m.type === 'Pay' || m.type === 'PayAck') onPaymentMessage(st, node, from, m as unknown as PaymentMsg, ctx);
    else onRegisterMessage(st, node, from, m as unknown as RegisterMsg, ctx);
  },
  onTimer(st, node, name, data, ctx) {
    if (name === 'pay') onPaymentTimer(st, node, data, ctx);
    else onRegisterTimer(st, node, name, data, ctx);
  },
  onCrash(st, node) {
    // A coordinator's operations in progress are volatile: their clients time out.
    for (const [op, c] of Object.entries(st.coord)) if (st.replicas[node] && c.from[0] === node) delete st.coord[op];
  },
  onRestart(st, node, ctx) {
    if (st.mode === 'available' && st.replicas[node]) ctx.setTimer(node, st.sync, 'sync');
  },
  invariants,
  queries: admissionQueries,
  formatMessage: (m) => (m.type === 'Pay' ? `Pay #${String(m.n)} try ${String(m.try)}` : m.type === 'PayAck' ? `PayAck #${String(m.n)}` : formatRegisterMsg(m as unknown as RegisterMsg)),
};
