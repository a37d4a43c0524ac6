// A join or a leave: the new membership, then one Handoff message per (old owner, new owner) pair under
// the scheme the cluster runs, carrying exactly the keys that moved between them.
import type { SystemContext } from '../core/types.ts';
import type { Handoff } from './messages.ts';
import { lastMovement, owners, keyItems } from './selectors.ts';
import type { HashRingState } from './state.ts';

function sendHandoffs(st: HashRingState, ctx: SystemContext): void {
  if (!st.before) return;
  const before = owners(st, st.scheme, st.before);
  const after = owners(st, st.scheme);
  const names = keyItems(st).items.names;
  const samples: Record<string, string[]> = {};
  for (let i = 0; i < after.length; i++) {
    const from = st.before.nodes[before[i]!];
    const to = st.nodes[after[i]!];
    if (!from || !to || from === to) continue;
    const list = (samples[`${from}>${to}`] ??= []);
    if (list.length < 3) list.push(names[i]!);
  }
  const { matrix } = lastMovement(st, st.scheme);
  for (const from of Object.keys(matrix).sort()) {
    for (const to of Object.keys(matrix[from]!).sort()) {
      const keys = matrix[from]![to]!;
      const more = keys > 3 ? ', ...' : '';
      const msg: Handoff = { type: 'Handoff', keys, sample: `${(samples[`${from}>${to}`] ?? []).join(', ')}${more}` };
      ctx.send(from, to, msg);
    }
  }
}

export function join(st: HashRingState, node: string, rack: string, ctx: SystemContext): void {
  st.before = { nodes: [...st.nodes], vnodes: st.vnodes };
  ctx.addNode(node);
  st.nodes.push(node);
  st.racks[node] = rack;
  st.received[node] ??= 0;
  const moved = lastMovement(st, st.scheme).moved;
  st.lastChange = `${node} joined`;
  ctx.note(node, `joins the ring in ${rack}: ${moved} of ${keyItems(st).items.names.length} keys move under ${st.scheme}`);
  sendHandoffs(st, ctx);
}

export function leave(st: HashRingState, node: string, ctx: SystemContext): void {
  st.before = { nodes: [...st.nodes], vnodes: st.vnodes };
  st.nodes = st.nodes.filter((n) => n !== node);
  const moved = lastMovement(st, st.scheme).moved;
  st.lastChange = `${node} left`;
  ctx.note(node, `leaves the ring: ${moved} of ${keyItems(st).items.names.length} keys move under ${st.scheme}`);
  sendHandoffs(st, ctx);
}
