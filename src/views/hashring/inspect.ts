// What the inspector says about a node of the hash ring: its rack, tokens and share of the circle, its
// keys and requests under the scheme the cluster runs, and what it received in handoffs.
import type { Sim } from '../../engine/core/index.ts';
import type { HashRingState } from '../../engine/hashring/index.ts';
import type { Inspection } from '../registry.ts';
import { ringPicture, SCHEME_WORDS } from './model.ts';

export function inspectRingNode(sim: Sim, id: string): Inspection | null {
  if (!sim.activeSystems().includes('hashring')) return null;
  const st = sim.state<HashRingState>('hashring');
  const pic = ringPicture(st);
  const n = pic.nodes.find((x) => x.id === id);
  if (!n) return { title: `Hash ring node ${id}`, rows: [['on the ring', 'no: it left'], ['keys received in handoffs', st.received[id] ?? 0]] };
  return {
    title: `Hash ring node ${id}`,
    rows: [
      ['rack', n.rack],
      ['tokens (virtual nodes)', n.tokens.length],
      ['share of the ring', `${(n.share * 100).toFixed(1)} %`],
      [`keys (${SCHEME_WORDS[pic.scheme]})`, n.keys],
      ['requests', Math.round(n.requests)],
      ['even share', pic.nodes.length ? Math.round(pic.keyCount / pic.nodes.length) : null],
      ['keys received in handoffs', n.received],
    ],
  };
}
