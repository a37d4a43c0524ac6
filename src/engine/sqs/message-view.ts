// SQS messages as the queue family's common MessageView (src/engine/delivery/message-view.ts).
import type { MessageView } from '../delivery/index.ts';
import type { SqsState } from './state.ts';

export function sqsMessageViews(s: SqsState): MessageView[] {
  return Object.values(s.msgs).map((m) => ({
    id: m.id, body: m.body, queue: m.queue, status: m.status, receiveCount: m.receiveCount,
    deadline: m.status === 'delayed' ? m.availableAt : m.visibleAt,
    holder: m.status === 'inflight' ? m.receiver : null, route: m.route, redelivered: m.receiveCount > 1, why: m.why,
  }));
}
