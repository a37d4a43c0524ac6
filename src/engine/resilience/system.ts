// The resilience system: servers with worker pools and callers reaching them through resilience4j-style
// policies (state.ts says what is durable). Every handler first closes the per-second figures that time
// has passed (series.ts), so a second's counts are exactly the events inside it.
import type { Invariant, Message, SystemDef } from '../core/types.ts';
import { forgetCalls, onCallerTimer, onReply, type CallTimer, type CallWire, type ReplyWire } from './pipeline.ts';
import { crashServer, onCall, onServerTimer, type JobTimer } from './server.ts';
import { armClient, onClientTick, resetPipelineMemory } from './client.ts';
import { rollSeconds } from './series.ts';
import { initialResilienceState, RESILIENCE, type ResilienceState } from './state.ts';
import { resilienceQueries } from './queries.ts';
import { formatResilienceMessage } from './format.ts';

type Wire = CallWire | ReplyWire;

const invariants: readonly Invariant<ResilienceState>[] = [
  {
    name: 'half-open-within-permitted',
    description: 'a half-open breaker never has more calls in progress than permittedNumberOfCallsInHalfOpenState',
    check: (s) => s.audit.halfOpenOver,
  },
  {
    name: 'bulkhead-within-limit',
    description: 'a bulkhead never has more calls in progress than its maximum',
    check: (s) => s.audit.bulkheadOver,
  },
];

export const resilienceSystem: SystemDef<ResilienceState> = {
  name: RESILIENCE,
  initialState: initialResilienceState,
  onMessage(s, node, from, m: Message, ctx) {
    rollSeconds(s, ctx.now);
    const msg = m as unknown as Wire;
    if (msg.type === 'Call') {
      const server = s.servers[node];
      if (server) onCall(s, server, from, msg, ctx);
      return;
    }
    const caller = s.clients[node]?.caller ?? s.servers[node]?.dependency;
    if (caller && msg.type === 'Reply') onReply(s, caller, msg, ctx);
  },
  onTimer(s, node, name, data, ctx) {
    rollSeconds(s, ctx.now);
    const client = s.clients[node];
    if (client && name === 'tick') { onClientTick(s, client, ctx); return; }
    const server = s.servers[node];
    if (server && (name === 'done' || name === 'server-timeout')) { onServerTimer(s, server, name, data as JobTimer, ctx); return; }
    const caller = client?.caller ?? server?.dependency;
    if (caller) onCallerTimer(s, caller, name, data as CallTimer, ctx);
  },
  onCrash(s, node, ctx) {
    rollSeconds(s, ctx.now);
    const client = s.clients[node];
    if (client) { client.tickTimer = null; forgetCalls(client.caller); resetPipelineMemory(client.caller, ctx.now); }
    const server = s.servers[node];
    if (server) {
      crashServer(server);
      if (server.dependency) { forgetCalls(server.dependency); resetPipelineMemory(server.dependency, ctx.now); }
      ctx.note(node, 'down: its queue and the requests on its workers are lost');
    }
  },
  onRestart(s, node, ctx) {
    rollSeconds(s, ctx.now);
    const client = s.clients[node];
    if (client) armClient(client, ctx);
  },
  invariants,
  queries: resilienceQueries,
  formatMessage: formatResilienceMessage,
};
