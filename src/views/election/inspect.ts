// What the inspector says about an election node: a bully node's view, the lock service's lease and
// revision, the storage's highest token and last writes, a client's belief and counts.
import type { Sim } from '../../engine/core/index.ts';
import { LOCKS, STORAGE, liveHolder, type ElectionState } from '../../engine/election/index.ts';
import type { Inspection } from '../registry.ts';

export function inspectElectionNode(sim: Sim, id: string): Inspection | null {
  if (!sim.activeSystems().includes('election')) return null;
  const st = sim.state<ElectionState>('election');
  const b = st.bully.find((x) => x.id === id);
  if (b) {
    return {
      title: `Bully node ${id} (rank ${b.rank})`,
      rows: [['coordinator it believes', b.leader ?? 'none'], ['election', b.phase], ['elections started', b.round],
        ['timeout', `${st.bullyConfig.timeout}ms`], ['heartbeat', `${st.bullyConfig.heartbeat}ms`], ['down', b.down]],
    };
  }
  if (id === LOCKS) {
    const l = st.lease;
    return {
      title: 'Lock service locks',
      rows: [['revision (next token - 1)', st.revision], ['lease length', `${st.ttl}ms`], ['holder', liveHolder(st) ?? 'nobody'],
        ['lease', l ? `token ${l.rev} of ${l.holder}, expires t=${l.expiresAt}ms, ${l.renewals} keep-alives` : null],
        ['grants', st.grants.length], ['expired leases', st.expiries.length], ['false alarms', st.expiries.filter((e) => e.alive).length],
        ['last failover', st.failovers.length ? `${st.failovers[st.failovers.length - 1]}ms` : null]],
    };
  }
  if (id === STORAGE) {
    return {
      title: 'Storage',
      rows: [['fencing', st.fencing ? 'on: rejects a token lower than the highest accepted' : 'off: takes any write'], ['highest token', st.highest], ['value', st.value || 'empty'],
        ...st.log.slice(-5).map((w): [string, unknown] => [`t=${w.t}ms ${w.from}`, `token ${w.token} ${w.lost ? 'LOST a newer write' : w.accepted ? 'accepted' : 'rejected'}`])],
    };
  }
  const c = st.clients[id];
  if (!c) return null;
  return {
    title: `Client ${id}`,
    rows: [['token it believes it holds', c.token || 'none'], ['trusts its lease until (its clock)', c.token ? `t=${c.believedUntil}ms` : null],
      ['holds the lock at locks', liveHolder(st) === id], ['preparing a write', c.preparing ? `with token ${c.preparing}` : null],
      ['writes sent', c.writes], ['rejected', c.rejected], ['sent without a live lease', c.staleSends], ['every / work', `${c.every}ms / ${c.work}ms`]],
  };
}
