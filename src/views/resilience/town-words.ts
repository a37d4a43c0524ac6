// The town's words for a caller and a server: a fuse box for the breaker, people redialling for retries,
// clerks for workers and calls on hold for the queue. Pure.
import { BREAKER_WORDS, type CallerPic, type ServerPic } from './model.ts';

/** "fuse blown" / "3 on the phone · 12 to redial": the fuse alone on the first line, so it is never cut. */
export function callerTownWords(c: CallerPic): string[] {
  const phone = c.inFlight ? `${c.inFlight} on the phone` : 'no calls';
  const redial = c.backoff ? `${c.backoff} to redial` : c.waiting ? `${c.waiting} wait for a line` : '';
  const calls = redial ? `${phone} · ${redial}` : phone;
  return c.breaker ? [BREAKER_WORDS[c.breaker.state].town, calls] : [calls];
}

/** "3/4 clerks busy" / "20 on hold", and what is wrong today (a spike, work for callers who hung up). */
export function serverTownWords(s: ServerPic): string[] {
  const lines = [`${s.busy}/${s.workers} clerks busy`, `${s.queue} on hold`];
  if (s.spike) lines[1] += ` · slow +${s.spike.extraMs} ms`;
  else if (s.busyLate) lines[1] += ` · ${s.busyLate} hung up`;
  return lines;
}
