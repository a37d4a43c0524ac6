// The town's words for a caller and a server, each line from its longest phrasing to its shortest (a narrow
// column writes a shorter one, never a cut one): a fuse box for the breaker, people redialling for retries,
// clerks for workers and calls on hold for the queue. Pure.
import { BREAKER_WORDS, type CallerPic, type ServerPic } from './model.ts';

/** "fuse blown" / "3 on the phone" / "12 to redial": one fact a line, so a narrow column cuts none of them. */
export function callerTownWords(c: CallerPic): string[][] {
  const lines = c.breaker ? [[BREAKER_WORDS[c.breaker.state].town, BREAKER_WORDS[c.breaker.state].town.replace('fuse ', '')]] : [];
  lines.push(c.inFlight ? [`${c.inFlight} on the phone`, `${c.inFlight} calling`, `☎ ${c.inFlight}`] : ['no calls', 'idle']);
  if (c.backoff) lines.push([`${c.backoff} to redial`, `↻ ${c.backoff}`]);
  else if (c.waiting) lines.push([`${c.waiting} wait for a line`, `${c.waiting} wait`]);
  return lines;
}

/** "3/4 clerks busy" / "20 on hold", and what is wrong today (a spike, work for callers who hung up). */
export function serverTownWords(s: ServerPic): string[][] {
  const lines = [[`${s.busy}/${s.workers} clerks busy`, `${s.busy}/${s.workers} busy`, `${s.busy}/${s.workers}`], [`${s.queue} on hold`, `${s.queue} held`]];
  if (s.spike) lines.push([`slow +${s.spike.extraMs} ms`, 'slow']);
  else if (s.busyLate) lines.push([`${s.busyLate} hung up`, `${s.busyLate} gone`]);
  return lines;
}
