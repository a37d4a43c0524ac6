// What conditions, predictions and views can read from the town.
import type { Query } from '../core/types.ts';
import { lastOpOf, type TownState } from './state.ts';

const svc = (s: TownState, name: string | undefined) => {
  const x = s.services[name ?? ''];
  if (!x) throw new Error(`no service named '${name}'`);
  return x;
};

export const townQueries: readonly Query<TownState>[] = [
  {
    name: 'waited', params: ['service'], example: 'expect waited(app) < 100ms',
    description: "how long the service's last call, fan-out or publish kept it waiting (-1 while it still waits)",
    get: (s, [who]) => { svc(s, who); const op = lastOpOf(s, who!); return op?.callerFreeAt == null ? -1 : op.callerFreeAt - op.startedAt; },
  },
  {
    name: 'finished', params: ['service'], example: 'expect finished(app) == 420ms',
    description: "how long until every reader or callee of the service's last operation had finished (-1 until then)",
    get: (s, [who]) => { svc(s, who); const op = lastOpOf(s, who!); return op?.doneAt == null ? -1 : op.doneAt - op.startedAt; },
  },
  {
    name: 'read', params: ['service', 'topic?'], example: 'expect read(analytics) == 1',
    description: 'notices the service has finished reading (of one topic, if given)',
    get: (s, [who, topic]) => { const x = svc(s, who); return topic ? x.readByTopic[topic] ?? 0 : Object.values(x.readByTopic).reduce((a, b) => a + b, 0); },
  },
  {
    name: 'handled', params: ['service'], example: 'expect handled(grocery) == 2',
    description: 'jobs (notices and calls) the service has finished', get: (s, [who]) => svc(s, who).handled,
  },
  {
    name: 'backlog', params: ['service'], example: 'expect backlog(analytics) == 0',
    description: 'jobs waiting at the service, not counting the one in hand', get: (s, [who]) => svc(s, who).queue.length,
  },
  {
    name: 'busy', params: ['service'], example: 'expect busy(analytics) == false',
    description: 'whether the service is working on a job', get: (s, [who]) => svc(s, who).current !== null,
  },
  {
    name: 'waiting', params: ['service'], example: 'expect waiting(app) == false',
    description: 'whether the service is blocked waiting for a reply', get: (s, [who]) => svc(s, who).waitingOn !== null,
  },
  {
    name: 'pinned', params: ['topic?'], example: 'expect pinned(TaskCreated) == 1',
    description: 'notices pinned on the board (of one topic, if given)',
    get: (s, [topic]) => s.notices.filter((n) => n.pinnedAt !== null && (!topic || n.topic === topic)).length,
  },
  {
    name: 'subscribers', params: ['topic'], example: 'expect subscribers(TaskCreated) == 4',
    description: 'how many services read a topic', get: (s, [topic]) => (s.subscriptions[topic ?? ''] ?? []).length,
  },
];
