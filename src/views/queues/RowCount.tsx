// The line under a section's rows that counts the rows left out for want of height, so none is dropped
// silently: "+2 more queues (see the inspector)", or "+2 more queues" where the line is short.
import type { Metrics, Rect } from './layout.ts';
import { firstFit } from '../shared/measure.ts';

export function RowCount({ r, n, noun, m }: { r: Rect | null; n: number; noun: string; m: Metrics }) {
  if (!r || n <= 0) return null;
  const text = firstFit([`+${n} more ${noun} (see the inspector)`, `+${n} more ${noun}`, `+${n}`], r.w - 8, m.small);
  return <text className="qv-row-count" x={r.x + 4} y={r.y + r.h - 4} fontSize={m.small} fill="#55555b">{text}</text>;
}
