// What the inspector says about a discovery node, in words: the registry's listings, an instance's
// listing beside its truth, a client's cached list and tallies, a SWIM member's beliefs and incarnation.
import type { Sim } from '../../engine/core/index.ts';
import { BALANCER, REGISTRY, STATE_NAMES, type DiscoveryState } from '../../engine/discovery/index.ts';
import type { Inspection } from '../registry.ts';
import { cacheWords, discoveryPicture, expiryWords, modeWords } from './model.ts';

export function inspectDiscoveryNode(sim: Sim, id: string): Inspection | null {
  if (!sim.activeSystems().includes('discovery')) return null;
  const st = sim.state<DiscoveryState>('discovery');
  const pic = discoveryPicture(st, sim);
  if (id === REGISTRY) {
    return {
      title: 'The registry (town directory)',
      rows: [
        ['registration TTL', `${st.config.ttl}ms after the last heartbeat`],
        ['heartbeat', `every ${st.config.heartbeat}ms`],
        ['health checks', st.config.checkInterval ? `every ${st.config.checkInterval}ms, timeout ${st.config.checkTimeout}ms` : 'off'],
        ...pic.listings.map((l) => [l.id, expiryWords(l)] as [string, string]),
      ],
    };
  }
  if (id === BALANCER && pic.balancer) {
    return { title: 'Server-side balancer lb', rows: [['list', pic.balancer.list.join(', ') || 'none yet'], ['refreshes every', `${st.balancer!.refresh}ms`], ['lookups', st.balancer!.lookups]] };
  }
  const l = pic.listings.find((x) => x.id === id);
  if (l) {
    return {
      title: `Instance ${id}`,
      rows: [['running', l.up ? 'yes' : 'no (crashed)'], ['the registry says', expiryWords(l)], ['handed out', l.listed ? 'yes' : 'no'], ['requests served', l.served], ['deregistered', l.leaving ? 'yes' : 'no']],
    };
  }
  const c = pic.clients.find((x) => x.id === id);
  if (c) {
    return {
      title: `Client ${id} (${modeWords[c.mode]})`,
      rows: [['balancing', c.policy], ['cached list', cacheWords(c)], ['cached but crashed', c.stale.join(', ') || 'none'],
        ['sent', c.sent], ['answered', c.ok], ['failed', c.failed], ['lookups', c.lookups]],
    };
  }
  const m = st.members.find((x) => x.id === id);
  if (m) {
    const others = st.members.filter((o) => o !== m);
    const notAlive = others.filter((o) => m.view[o.index] !== 0).map((o) => `${o.id} ${STATE_NAMES[m.view[o.index]!]}#${m.incs[o.index]}`);
    return {
      title: `SWIM member ${id}`,
      rows: [['running', m.down ? 'no (crashed)' : 'yes'], ['incarnation', m.incarnation], ['believes not alive', notAlive.join(', ') || 'nobody'],
        ['rumours to pass on', m.queue.length], ['probing', m.probe ? `${st.members[m.probe.target]!.id}${m.probe.acked ? ' (acked)' : m.probe.indirect ? ' (indirectly)' : ''}` : 'nobody']],
    };
  }
  return null;
}
