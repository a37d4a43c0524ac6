// The sqs.consumer arguments chapter 05 adds: a retry backoff, a downstream outage, a payment consumer.
// Each is absent unless given, so the consumers of earlier lessons behave (and draw random numbers) as before.
import { CommandError, type ArgSpec, type ArgValues } from '../core/command.ts';
import type { Time } from '../core/types.ts';
import { BACKOFF_KINDS, backoffPolicyProblem, type BackoffKind, type BackoffPolicy } from '../resilience/backoff.ts';
import type { PaymentOp, PaymentRule } from '../delivery/index.ts';
import { checkLimit, SQS_LIMITS } from './limits.ts';
import type { SqsConsumer } from './state.ts';

/** Stripe keeps an idempotency key at least 24 hours. */
export const DEFAULT_KEY_WINDOW: Time = 24 * 3_600_000;

export const chapter05ConsumerArgs: readonly ArgSpec[] = [
  { name: 'backoff', type: 'enum', values: [...BACKOFF_KINDS, 'none'], doc: 'on a failure, make the message visible again after this backoff (ChangeMessageVisibility) instead of the whole visibility timeout; none: wait out the timeout' },
  { name: 'base', type: 'duration', default: '100ms', doc: "the backoff's base delay (AWS's base)" },
  { name: 'cap', type: 'duration', default: '20s', doc: "the backoff's longest delay (AWS's cap; at most 12h, the visibility limit)" },
  { name: 'outage', type: 'duration', doc: 'from now, every message fails for this long: a downstream outage (a transient failure)' },
  { name: 'pay', type: 'enum', values: ['charge', 'set', 'off'], doc: "a payment consumer: each message charges the order its body names (charge: add a charge; set: mark it paid, naturally idempotent)" },
  { name: 'idempotent', type: 'bool', doc: 'send the order as an idempotency key: a repeat within keyWindow is answered without charging' },
  { name: 'keyWindow', type: 'duration', doc: 'how long the payment service keeps an idempotency key (default 24h, as Stripe)' },
  { name: 'ackAfter', type: 'duration', doc: 'a payment consumer waits this long between the charge and the delete (a crash in between redelivers a charged order)' },
];

const opt = <T>(a: ArgValues, k: string): T | undefined => a[k] as T | undefined;

/** The chapter 05 fields of a consumer from its arguments, keeping an existing consumer's when not given. */
export function chapter05Settings(a: ArgValues, existing: SqsConsumer | undefined, now: Time): Partial<SqsConsumer> {
  const out: Partial<SqsConsumer> = {};
  const kind = opt<string>(a, 'backoff');
  if (kind !== undefined || opt(a, 'base') !== undefined || opt(a, 'cap') !== undefined) {
    const was = existing?.backoff;
    const chosen = (kind ?? was?.kind ?? 'none') as BackoffKind | 'none';
    if (chosen === 'none') out.backoff = null;
    else {
      const policy: BackoffPolicy = { kind: chosen, baseMs: opt<number>(a, 'base') ?? was?.baseMs ?? 100, capMs: opt<number>(a, 'cap') ?? was?.capMs ?? 20_000 };
      const problem = backoffPolicyProblem(policy);
      if (problem) throw new CommandError(problem);
      checkLimit('cap', policy.capMs, SQS_LIMITS.visibility);
      out.backoff = policy;
    }
  }
  const outage = opt<number>(a, 'outage');
  if (outage !== undefined) out.failUntil = now + outage;
  const payOp = opt<string>(a, 'pay');
  const payArgs = ['idempotent', 'keyWindow', 'ackAfter'].filter((k) => opt(a, k) !== undefined);
  if (payOp !== undefined || payArgs.length > 0) {
    const was = existing?.pay ?? null;
    const op = (payOp ?? was?.op) as PaymentOp | 'off' | undefined;
    if (op === undefined) throw new CommandError(`${payArgs.join(', ')} ${payArgs.length === 1 ? 'is' : 'are'} for a payment consumer: add pay=charge or pay=set`);
    if (op === 'off') out.pay = null;
    else {
      const rule: PaymentRule = {
        op, idempotent: opt<boolean>(a, 'idempotent') ?? was?.idempotent ?? false,
        windowMs: opt<number>(a, 'keyWindow') ?? was?.windowMs ?? DEFAULT_KEY_WINDOW,
      };
      if (rule.windowMs <= 0) throw new CommandError('keyWindow must be longer than 0ms');
      out.pay = rule;
    }
    const ack = opt<number>(a, 'ackAfter');
    if (ack !== undefined) out.ackAfterMs = ack;
  }
  return out;
}
