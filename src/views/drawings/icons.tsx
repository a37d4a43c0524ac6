// Small pictures for things that move or wait in the town: notices, phone calls, replies, jobs.
import { inkOn, messageStyle } from '../shared/palette.ts';

export function Slip({ colour, w = 22, h = 15 }: { colour: string; w?: number; h?: number }) {
  return (
    <g>
      <path d={`M${-w / 2},${-h / 2}H${w / 2 - 5}L${w / 2},${-h / 2 + 5}V${h / 2}H${-w / 2}Z`} fill={colour} stroke="#1d1d1f" strokeWidth={1.3} />
      <path d={`M${-w / 2 + 4},${-h / 2 + 5}H${w / 2 - 7}M${-w / 2 + 4},${-h / 2 + 9}H${w / 2 - 4}M${-w / 2 + 4},${-h / 2 + 13}H${w / 4}`}
        stroke={inkOn(colour)} strokeWidth={1} opacity={0.6} />
    </g>
  );
}

export function PhoneIcon({ colour = '#0072B2', r = 10 }: { colour?: string; r?: number }) {
  const k = r / 10;
  return (
    <g>
      <circle r={r} fill={colour} stroke="#1d1d1f" strokeWidth={1.3} />
      <path transform={`scale(${k})`} d="M-5.5,-6.5l3,-1 2,4 -2,1.5c1,2.5 2.5,4 5,5l1.5,-2 4,2 -1,3c-7,1 -13.5,-5.5 -12.5,-12.5Z"
        fill="#ffffff" stroke="#ffffff" strokeWidth={0.6} strokeLinejoin="round" />
    </g>
  );
}

export function CheckIcon({ colour, r = 9 }: { colour: string; r?: number }) {
  return (
    <g>
      <circle r={r} fill={colour} stroke="#1d1d1f" strokeWidth={1.3} />
      <path d={`M${-r * 0.45},0L${-r * 0.1},${r * 0.4}L${r * 0.5},${-r * 0.4}`} fill="none" stroke="#ffffff" strokeWidth={2.2} strokeLinecap="round" strokeLinejoin="round" />
    </g>
  );
}

export function ReplyIcon({ colour }: { colour: string }) {
  return (
    <g>
      <path d="M-11,-8H11V5H-2L-8,10V5H-11Z" fill={colour} stroke="#1d1d1f" strokeWidth={1.3} strokeLinejoin="round" />
      <path d="M-6,-2H6" stroke="#1d1d1f" strokeWidth={1.4} />
    </g>
  );
}

/** The picture of a message of this type. */
export function MessageIcon({ type }: { type: string }) {
  const st = messageStyle(type);
  switch (st.look) {
    case 'paper': return <Slip colour={st.colour} />;
    case 'check': return <CheckIcon colour={st.colour} />;
    case 'phone': return <PhoneIcon colour={st.colour} />;
    case 'reply': return <ReplyIcon colour={st.colour} />;
    default: return <g><circle r={8} fill={st.colour} stroke="#1d1d1f" strokeWidth={1.3} /><circle r={2.5} fill="#1d1d1f" /></g>;
  }
}

/** A gear: the building is working on a job. */
export function Gear({ r = 8 }: { r?: number }) {
  const teeth = Array.from({ length: 8 }, (_, k) => k * 45);
  return (
    <g>
      {teeth.map((a) => <rect key={a} x={-r * 0.22} y={-r * 1.25} width={r * 0.44} height={r * 0.5} fill="#E69F00" stroke="#1d1d1f" strokeWidth={0.8} transform={`rotate(${a})`} />)}
      <circle r={r} fill="#E69F00" stroke="#1d1d1f" strokeWidth={1.2} />
      <circle r={r * 0.38} fill="#ffffff" stroke="#1d1d1f" strokeWidth={1} />
    </g>
  );
}
