// What the inspector says about an admission node: a replica's versions, stamps, vector clocks and watch;
// a client's replica and operations; a payer's or bank's payment line.
import type { Sim } from '../../engine/core/index.ts';
import { DELIVERIES, bankOf, payerOf, type AdmissionState } from '../../engine/admission/index.ts';
import type { Inspection } from '../registry.ts';
import { admissionPicture, DELIVERY_WORDS, watchWords } from './model.ts';

export function inspectAdmissionNode(sim: Sim, id: string): Inspection | null {
  if (!sim.activeSystems().includes('admission')) return null;
  const st = sim.state<AdmissionState>('admission');
  const pic = admissionPicture(st, sim);
  const r = pic.replicas.find((x) => x.id === id);
  if (r) {
    return {
      title: `Register replica ${id}`,
      rows: [['mode', pic.mode === 'majority' ? 'majority quorums' : `always available, ${pic.stamp} stamps`], ['x', r.value], ['watch', watchWords(r)],
        ...r.versions.map((v, i): [string, string] => [r.versions.length > 1 ? `sibling ${i + 1}` : 'version', `${v.value} stamped ${v.stamp}, vector ${v.vc}`]),
        ['Lamport clock', st.replicas[id]!.lamport]],
    };
  }
  const c = pic.clients.find((x) => x.id === id);
  if (c) {
    const mine = pic.ops.filter((o) => o.client === id);
    return {
      title: `Register client ${id}`,
      rows: [['asks', c.replica], ['operations', mine.length], ...mine.slice(-4).map((o): [string, string] => [`#${o.id}`, `${o.label} ${o.call}..${o.ret ?? 'no answer'} ms${o.offending ? ' (the checker cannot place it)' : ''}`])],
    };
  }
  const d = DELIVERIES.find((x) => payerOf(x) === id || bankOf(x) === id);
  const p = d && pic.payments.find((x) => x.delivery === d);
  if (d && p) {
    return {
      title: `${payerOf(d) === id ? 'Payer' : 'Bank'} ${id}`,
      rows: [['delivery', DELIVERY_WORDS[d]], ['payments asked', p.asked], ['Pay messages sent', p.sends], ['charged', p.paid], ['double charges', p.doubled], ['missing', p.missing]],
    };
  }
  return null;
}
