// A tiny system for kernel tests: nodes that ping each other on a timer and count what they receive.
import type { SystemDef } from '../../../src/engine/core/types.ts';

export interface PingState {
  received: Record<string, number>;
  fired: Record<string, number[]>;
  lastFrom: Record<string, string>;
}

export const pingSystem: SystemDef<PingState> = {
  name: 'ping',
  initialState: () => ({ received: {}, fired: {}, lastFrom: {} }),
  onMessage(s, node, from) {
    s.received[node] = (s.received[node] ?? 0) + 1;
    s.lastFrom[node] = from;
  },
  onTimer(s, node, name, data, ctx) {
    (s.fired[node] ??= []).push(ctx.now);
    if (name === 'tick') {
      const to = data as string;
      ctx.send(node, to, { type: 'Ping', n: s.fired[node]!.length });
      ctx.setTimer(node, 100, 'tick', to);
    }
  },
  onCrash(s, node) {
    delete s.fired[node];
  },
};

/** Adds nodes a and b; each pings the other every 100ms. */
export function pingPair(sim: import('../../../src/engine/core/sim.ts').Sim, a = 'a', b = 'b'): void {
  sim.act<PingState>('ping', `ping ${a} ${b}`, (_s, ctx) => {
    ctx.addNode(a);
    ctx.addNode(b);
    ctx.setTimer(a, 100, 'tick', b);
    ctx.setTimer(b, 100, 'tick', a);
  });
}
