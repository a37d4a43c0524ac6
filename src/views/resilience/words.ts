// The resilience pictures' sentences about a breaker and its window, shared by the drawing, its screen-reader
// label and the inspector. Pure.
import { percentWords, type BreakerPic } from './model.ts';

const secs = (ms: number) => (ms >= 1000 ? `${Number((ms / 1000).toFixed(1))} s` : `${Math.round(ms)} ms`);

/** "Breaker of c1: OPEN since 12.5 s, opened 3 times" */
export function breakerLine(b: BreakerPic, who: string): string {
  const opened = b.opened ? `, opened ${b.opened} time${b.opened === 1 ? '' : 's'}` : '';
  return `Breaker of ${who}: ${b.state} since ${secs(b.since)}${opened}`;
}

/** The breaker's line from longest to shortest, for the drawing's width. */
export const breakerLines = (b: BreakerPic, who: string): string[] => [breakerLine(b, who), `Breaker of ${who}: ${b.state}`, `Breaker: ${b.state}`, b.state];

/** The window's line from longest to shortest. */
export function windowLines(b: BreakerPic): string[] {
  const rate = b.failureRate < 0 ? 'no rate yet' : `${percentWords(b.failureRate)} failed`;
  return [windowLine(b), `${b.calls}/${b.windowSize} calls · ${rate}`, rate];
}

/** "window 42/100 calls · 62 % failed (opens at ≥ 50 %) · 3 slow" */
export function windowLine(b: BreakerPic): string {
  const size = b.windowType === 'COUNT_BASED' ? `${b.calls}/${b.windowSize} calls` : `${b.calls} calls in ${b.windowSize} s`;
  const rate = b.failureRate < 0 ? `fewer than ${b.minimumCalls} calls: no rate yet` : `${percentWords(b.failureRate)} failed (opens at ≥ ${b.failureThreshold} %)`;
  const slow = b.slow ? ` · ${b.slow} slow (≥ ${secs(b.slowMs)})` : '';
  const half = b.state === 'HALF_OPEN' ? ` · ${b.permitsLeft} of ${b.permitted} test calls left` : '';
  return `window ${size} · ${rate}${slow}${half}`;
}
