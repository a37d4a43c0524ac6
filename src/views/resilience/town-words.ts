// The town's words for a caller and a server: a fuse box for the breaker, people redialling for retries,
// clerks for workers and calls on hold for the queue. Pure.
import { BREAKER_WORDS, type CallerPic, type ServerPic } from './model.ts';

/** "fuse blown" / "3 on the phone" / "12 to redial": one fact a line, so a narrow column cuts none of them. */
export function callerTownWords(c: CallerPic): string[] {
  const lines = c.breaker ? [BREAKER_WORDS[c.breaker.state].town] : [];
  lines.push(c.inFlight ? `${c.inFlight} on the phone` : 'no calls');
  if (c.backoff) lines.push(`${c.backoff} to redial`);
  else if (c.waiting) lines.push(`${c.waiting} wait for a line`);
  return lines;
}

/** "3/4 clerks busy" / "20 on hold", and what is wrong today (a spike, work for callers who hung up). */
export function serverTownWords(s: ServerPic): string[] {
  const lines = [`${s.busy}/${s.workers} clerks busy`, `${s.queue} on hold`];
  if (s.spike) lines[1] += ` · slow +${s.spike.extraMs} ms`;
  else if (s.busyLate) lines[1] += ` · ${s.busyLate} hung up`;
  return lines;
}
