// What both pictures of the two generals draw the same way: the messengers in flight (droppable through
// the kit's flight menu) and the messenger icon.
import type { Sim } from '../../engine/core/index.ts';
import { curveControl, type Point } from '../shared/geometry.ts';
import { STATUS } from '../shared/palette.ts';
import type { ConsensusFlight } from '../kit/consensus.tsx';

export function messengerFlights(sim: Sim, at: Record<string, Point>): ConsensusFlight[] {
  return sim.inFlight().filter((f) => f.sys === 'generals' && at[f.from] && at[f.to]).map((f, i) => {
    const a = at[f.from]!;
    const b = at[f.to]!;
    const k = Number(f.msg.k);
    return {
      msgId: f.msgId, key: `${f.msgId}:${i}`, from: f.from, to: f.to, sentAt: f.sentAt, arrivesAt: f.arrivesAt, a, b, c: curveControl(a, b, 0.08),
      tag: `#${k}`, label: `Messenger ${k} of ${String(f.msg.of)} (${k === 1 ? 'the plan' : `confirms ${k - 1}`}) ${f.from}→${f.to}, bound for ${String(f.msg.to)}`,
      doomed: f.doomed, look: { shape: 'messenger', colour: '#0072B2', ok: null },
    };
  });
}

export function MessengerIcon() {
  return (
    <g>
      <circle cy={-7} r={4} fill="#f2d2b6" stroke={STATUS.ink} strokeWidth={1.1} />
      <path d="M-5,-2H5L3,8H-3Z" fill="#0072B2" stroke={STATUS.ink} strokeWidth={1.1} />
      <rect x={3} y={-1} width={6} height={4} fill="#fffdf5" stroke={STATUS.ink} strokeWidth={0.8} />
    </g>
  );
}
