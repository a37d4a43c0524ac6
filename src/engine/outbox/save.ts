// A service saving an order and publishing its event, in one of three designs (microservices.io,
// "Pattern: Transactional outbox": a service "must atomically update the database and send messages";
// doing both as two separate writes is the dual write). The database is local: its commit is immediate;
// the publish is a message to the board over the network. A fault chosen by the command cuts the save at
// one point: the service crashes before its commit, crashes right after it, or its commit fails.
import type { SystemContext } from '../core/types.ts';
import { flagLost, flagPhantom } from './detect.ts';
import { BROKER, relayName, type OutEvent, type OutboxState, type SaveFault, type SaveRecord, type Service } from './state.ts';
import { armTail } from './relay.ts';

export interface SaveResult { record: SaveRecord; crash: boolean }

export function saveOrder(s: OutboxState, svc: Service, order: string, status: string | undefined, fault: SaveFault, ctx: SystemContext): SaveResult {
  const existing = svc.orders[order];
  const event: OutEvent = {
    id: `e${s.nextEvent++}`, aggregate: order, version: existing ? existing.version + 1 : 1,
    type: existing ? `order.${status ?? 'updated'}` : 'order.created',
  };
  const record: SaveRecord = { event, service: svc.id, design: svc.design, outcome: 'rolled-back', sent: false, onBoard: false, flagged: false };
  s.saveAt[event.id] = s.saves.length;
  s.saves.push(record);
  const crash = fault === 'crash-before-commit' || fault === 'crash-after-commit';

  const publish = () => {
    ctx.send(svc.id, BROKER, { type: 'Publish', events: [event], seqs: null });
    record.sent = true;
    ctx.note(svc.id, `published ${event.type} ${order} (${event.id}) to the board`);
  };
  const commit = (): boolean => {
    if (fault === 'crash-before-commit' || fault === 'rollback') {
      ctx.note(svc.id, fault === 'rollback'
        ? `transaction for ${order} v${event.version} ROLLED BACK (the commit failed)`
        : `crashed before committing ${order} v${event.version}: the transaction rolls back`);
      if (record.onBoard) flagPhantom(s, record, ctx);
      return false;
    }
    svc.orders[order] = { id: order, status: existing ? (status ?? 'updated') : (status ?? 'placed'), version: event.version, savedAt: ctx.now };
    if (!existing) svc.orderIds.push(order);
    if (svc.design === 'outbox') {
      svc.rowOf[event.id] = svc.nextSeq;
      svc.outbox.push({ seq: svc.nextSeq++, event, published: false, createdAt: ctx.now });
    }
    record.outcome = 'committed';
    ctx.note(svc.id, svc.design === 'outbox'
      ? `committed ${order} v${event.version} and outbox row ${event.id} in one transaction`
      : `committed ${order} v${event.version}`);
    return true;
  };

  switch (svc.design) {
    case 'db-then-publish': {
      if (!commit()) break;
      if (fault === 'crash-after-commit') { flagLost(s, record, 'the service crashed between its commit and its publish', ctx); break; }
      publish();
      break;
    }
    case 'publish-then-db': {
      publish();
      commit();
      break;
    }
    case 'outbox': {
      if (commit()) armTail(s, relayName(svc.id), ctx);
      break;
    }
  }
  return { record, crash };
}
