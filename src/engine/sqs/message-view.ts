// SQS messages as the queue family's common MessageView (src/engine/delivery/message-view.ts).
import type { MessageView } from '../delivery/index.ts';
import type { SqsState } from './state.ts';

export function sqsMessageViews(s: SqsState): MessageView[] {
  return Object.values(s.msgs).map((m) => ({
    id: m.id, body: m.body, queue: m.queue, status: m.status, receiveCount: m.receiveCount,
    deadline: m.status === 'delayed' ? m.availableAt : m.visibleAt,
    // A message waiting out a retry backoff was handed back by its consumer: nobody is working on it.
    holder: m.status === 'inflight' && !m.backoff ? m.receiver : null, route: m.route, redelivered: m.receiveCount > 1,
    why: m.status === 'inflight' && m.backoff ? `backing off before retry ${m.backoff.attempt + 1} (a ${m.backoff.delayMs} ms delay)` : m.why,
  }));
}
