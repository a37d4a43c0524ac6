// Where a message in flight is drawn: a pure function of its send and arrival times and the current time,
// so playback, seeking and stepping all place it the same way without animation state.

export interface FlightTimes {
  readonly sentAt: number;
  readonly arrivesAt: number;
}

/**
 * How far along its path a message is at `now` (0 at the sender, 1 at the receiver). With reduced motion
 * a message does not travel: it is shown still, near its destination, for as long as it is in flight.
 */
export function flightProgress(f: FlightTimes, now: number, reducedMotion = false): number {
  if (reducedMotion) return REDUCED_MOTION_SPOT;
  const span = f.arrivesAt - f.sentAt;
  if (span <= 0) return 1;
  return Math.min(1, Math.max(0, (now - f.sentAt) / span));
}

/** Where a still (reduced-motion) message sits: most of the way, so it reads as "arriving at". */
export const REDUCED_MOTION_SPOT = 0.78;

/** True when something drawn from these times would look different at `a` and at `b`. */
export function movesBetween(f: FlightTimes, a: number, b: number): boolean {
  const lo = Math.min(a, b);
  const hi = Math.max(a, b);
  return hi >= f.sentAt && lo <= f.arrivesAt && a !== b;
}
