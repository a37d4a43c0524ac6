// Amazon SQS's documented ranges (API reference: CreateQueue attributes, SendMessage DelaySeconds,
// ReceiveMessage WaitTimeSeconds, ChangeMessageVisibility; RedrivePolicy maxReceiveCount). Amazon counts
// the times in whole seconds; the lab takes milliseconds within the same ranges, so a lesson can use a
// 250 ms visibility timeout and run in seconds (README: where the lab simplifies). Nothing outside a
// range is accepted.
import { CommandError } from '../core/command.ts';
import type { SystemContext } from '../core/types.ts';

const SECOND = 1000;
const MINUTE = 60 * SECOND;
const HOUR = 60 * MINUTE;

export interface Limit {
  readonly min: number;
  readonly max: number;
  /** As Amazon states it, in the lab's duration syntax. */
  readonly range: string;
  /** Amazon's name for the setting. */
  readonly amazon: string;
}

export const SQS_LIMITS = {
  visibility: { min: 0, max: 12 * HOUR, range: '0 to 12h', amazon: 'VisibilityTimeout' },
  retention: { min: MINUTE, max: 14 * 24 * HOUR, range: '1m to 336h (60 seconds to 14 days)', amazon: 'MessageRetentionPeriod' },
  delay: { min: 0, max: 15 * MINUTE, range: '0 to 15m', amazon: 'DelaySeconds' },
  wait: { min: 0, max: 20 * SECOND, range: '0 to 20s', amazon: 'WaitTimeSeconds' },
  maxReceives: { min: 1, max: 1000, range: '1 to 1000', amazon: 'maxReceiveCount' },
} as const satisfies Record<string, Limit>;

/** 13h, 90s, 250ms: durations as the limits are written. */
const shown = (ms: number): string =>
  ms !== 0 && ms % HOUR === 0 ? `${ms / HOUR}h` : ms !== 0 && ms % MINUTE === 0 ? `${ms / MINUTE}m` : ms !== 0 && ms % SECOND === 0 ? `${ms / SECOND}s` : `${ms}ms`;

/** Throws a CommandError naming the argument, Amazon's setting and its range when `value` is outside it. */
export function checkLimit(arg: string, value: number, limit: Limit, isCount = false): void {
  if (value >= limit.min && value <= limit.max) return;
  throw new CommandError(`${arg}=${isCount ? value : shown(value)} is outside the range Amazon SQS allows for ${limit.amazon}: ${limit.range}`);
}

/**
 * Says so in the trace when a setting is finer than Amazon's whole seconds, so the one way the lab
 * scales time is visible in the run rather than silently accepted.
 */
export function noteFinerThanAmazon(ctx: SystemContext, node: string, subject: string, settings: Readonly<Record<string, number | undefined>>): void {
  const fine = Object.entries(settings).filter(([, v]) => v !== undefined && v % SECOND !== 0).map(([k, v]) => `${k}=${shown(v!)}`);
  if (fine.length === 0) return;
  ctx.note(node, `${subject}: ${fine.join(', ')} is finer than Amazon's whole seconds; the lab takes milliseconds within Amazon's ranges so a scene runs in seconds`);
}
