// A challenge's hint ladder: the authored rungs (a nudge, then the idea), then the first commands of the
// reference solution, so even a long challenge (lesson 10's 25-command "break it yourself") can be reached
// one rung at a time before the whole solution is shown.
import type { Challenge } from './types.ts';

/** How many of the solution's lines the last rung shows: about a third, at least one, at most eight. */
export function solutionStart(solution: readonly string[]): string[] {
  return solution.slice(0, Math.min(8, Math.max(1, Math.ceil(solution.length / 3))));
}

/** Every rung as Markdown, gentlest first; the last one is derived from the solution. */
export function hintLadder(challenge: Pick<Challenge, 'hints' | 'solution'>): string[] {
  const first = solutionStart(challenge.solution);
  const rest = challenge.solution.length - first.length;
  const last = [
    first.length === challenge.solution.length ? 'The reference solution is:' : `The reference solution starts like this (${rest} more line${rest === 1 ? '' : 's'} after):`,
    '',
    '```lab',
    ...first,
    '```',
  ].join('\n');
  return [...challenge.hints, last];
}
