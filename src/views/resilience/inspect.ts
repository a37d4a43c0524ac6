// What the inspector and the generic pictures say about a resilience node: a caller's pipeline stage by
// stage, its calls by phase and its totals (attempts per call, retries the budget refused, the breaker's
// window); a server's pool, queue, faults, load shedding and totals (work wasted on callers who gave up).
import type { Sim } from '../../engine/core/index.ts';
import type { ResilienceState } from '../../engine/resilience/index.ts';
import type { Inspection, InspectorRow, NodeSummary } from '../registry.ts';
import { BREAKER_WORDS, callersOf, resiliencePicture, type CallerPic, type ResiliencePicture, type ServerPic } from './model.ts';
import { windowLine } from './words.ts';

const pictureOf = (sim: Sim): ResiliencePicture | null =>
  (sim.activeSystems().includes('resilience') ? resiliencePicture(sim.state<ResilienceState>('resilience'), sim) : null);

const perCall = (c: CallerPic) => (c.totals.calls ? Math.round((c.totals.attempts / c.totals.calls) * 100) / 100 : null);

function callerRows(c: CallerPic): InspectorRow[] {
  const t = c.totals;
  const rows: InspectorRow[] = [
    ['calls', c.target],
    ...c.stages.map((s): InspectorRow => [s.name, s.value]),
    ['in progress', `${c.inFlight} waiting for an answer, ${c.backoff} waiting to retry, ${c.waiting} waiting for a permit or slot`],
    ['calls (succeeded / failed / fallback)', `${t.calls} (${t.succeeded} / ${t.failed} / ${t.fallbacks})`],
    ['attempts per call', perCall(c)],
    ['failed attempts (timeout / error / refused here)', `${t.timeouts} / ${t.errors} / ${t.rejected}`],
    ['retries', t.retries],
  ];
  if (t.budgetRefused) rows.push(['retries the budget refused', t.budgetRefused]);
  if (c.breaker) {
    rows.push(['breaker', `${c.breaker.state} (${BREAKER_WORDS[c.breaker.state].town})`], ['breaker window', windowLine(c.breaker)],
      ['calls the breaker refused', c.breaker.notPermitted], ['times it opened', c.breaker.opened]);
  }
  return rows;
}

function serverRows(s: ServerPic): InspectorRow[] {
  const t = s.totals;
  const rows: InspectorRow[] = [
    ['workers busy', `${s.busy} of ${s.workers}${s.busyLate ? ` (${s.busyLate} for callers who gave up)` : ''}`],
    ['queue', `${s.queue}${s.queueLimit ? ` of ${s.queueLimit}` : ''}`],
    ['service time', `${s.serviceMs} ms`],
    ['capacity', Number.isFinite(s.capacity) ? `${Math.round(s.capacity)} requests/s` : null],
    ['error rate', s.errorRate ? `${Math.round(s.errorRate * 1000) / 10} %` : null],
    ['latency spike', s.spike ? `+${s.spike.extraMs} ms until ${s.spike.until} ms` : null],
    ['load shedding', s.shedding],
    ['requests (arrived / served / shed / timed out)', `${t.arrived} / ${t.served} / ${t.shed} / ${t.timedOut}`],
    ['wasted (served after the caller gave up)', `${t.wasted} requests, ${t.wastedMs} worker-ms`],
  ];
  if (s.dependency) rows.push(...callerRows(s.dependency).map(([k, v]): InspectorRow => [`→ ${k}`, v]));
  return rows;
}

export function inspectResilienceNode(sim: Sim, id: string): Inspection | null {
  const p = pictureOf(sim);
  if (!p) return null;
  const client = p.clients.find((c) => c.id === id);
  if (client) return { title: `Client ${id}: ${client.rate} calls/s to ${client.target}`, rows: callerRows(client) };
  const server = p.servers.find((s) => s.id === id);
  if (server) return { title: `Server ${id}: ${server.busy}/${server.workers} busy, ${server.queue} queued`, rows: serverRows(server) };
  return null;
}

export const resilienceSummary: NodeSummary = (sim, n) => {
  const p = pictureOf(sim);
  if (!p) return [];
  const c = callersOf(p).find((x) => x.id === n.id && x.role === 'client');
  if (c) return [`${c.rate} calls/s → ${c.target}${c.breaker ? ` · breaker ${c.breaker.state}` : ''}`, `${c.inFlight} on the wire · ${c.backoff} to retry`];
  const s = p.servers.find((x) => x.id === n.id);
  if (s) return [`${s.busy}/${s.workers} busy · queue ${s.queue}`, `served ${s.totals.served} · shed ${s.totals.shed}`];
  return [];
};
