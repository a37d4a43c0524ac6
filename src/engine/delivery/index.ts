// The queue family's shared delivery bookkeeping and invariants (sqs, rabbit, pubsub), their common message
// view, and the send-order measure every rule book's `*.overtaken` query uses (stream too).
export {
  countEffect, flagAckedRedelivered, KEEP_FINISHED, retireFinished, type DeliveredMessage, type DeliveryAudit, type DeliveryState,
} from './audit.ts';
export { ackedNeverRedelivered, nothingLostSilently, type AccountingWords } from './invariants.ts';
export type { MessageStatus, MessageView } from './message-view.ts';
export { overtaken } from './ordering.ts';
export {
  applyPayment, doubleChargedOrders, emptyPayments, heldKeys, keyHeld, KEEP_LEDGER, orderOf,
  type LedgerEntry, type PaymentOp, type PaymentRule, type PaymentsState,
} from './payments.ts';
