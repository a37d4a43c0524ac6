// The queue family's shared delivery bookkeeping and invariants (used by sqs, rabbit and pubsub).
export {
  countEffect, flagAckedRedelivered, KEEP_FINISHED, retireFinished, type DeliveredMessage, type DeliveryAudit, type DeliveryState,
} from './audit.ts';
export { ackedNeverRedelivered, nothingLostSilently, type AccountingWords } from './invariants.ts';
