// Chapter 14's views, registered as one definition (src/views/registry.ts): the keepers with their values
// and disagreeing watches (town), the client history with the checker's verdict and vector clocks
// (technical), its inspector rows, node actions and summary lines.
import type { Sim } from '../../engine/core/index.ts';
import { defineSystemViews } from '../registry.ts';
import { run } from '../kit/menu.tsx';
import { inspectAdmissionNode } from './inspect.ts';
import { AdmissionTech } from './AdmissionTech.tsx';
import { AdmissionTown } from './AdmissionTown.tsx';
import { SMALL } from './words.ts';

const isClient = (id: string) => /^c\d+$/.test(id);
const isReplica = (id: string) => /^r\d+$/.test(id);
const q = (sim: Sim, expr: string) => String(sim.query(expr));

export default defineSystemViews({
  sys: 'admission',
  stage: { id: 'admission', title: 'Honest admission', Town: AdmissionTown, Tech: AdmissionTech, smallestType: SMALL - 2 },
  inspect: { node: inspectAdmissionNode },
  actions: [
    { id: 'admission.read', label: (n) => `${n.id} reads x`, applies: (n) => n.sys === 'admission' && isClient(n.id), run: (n) => run(`admission.read client=${n.id}`) },
    { id: 'admission.skew', label: (n) => `Set ${n.id}'s watch 500 ms behind`, applies: (n) => n.sys === 'admission' && isReplica(n.id), run: (n) => run(`skew node=${n.id} by=-500ms`) },
  ],
  summary: (sim, n) => {
    if (isReplica(n.id)) return [`x = ${q(sim, `admission.value(${n.id})`)}`, `${q(sim, `admission.siblings(${n.id})`)} version(s)`];
    if (isClient(n.id)) return [`checker: ${q(sim, 'admission.verdict')}`];
    const d = /^(?:payer|bank)-(\w+)$/.exec(n.id)?.[1];
    return d ? [`${q(sim, `admission.paid(${d})`)} paid, ${q(sim, `admission.doubled(${d})`)} double`] : ['admission node'];
  },
});
