// The shape of each Paxos message in flight, readable without colour: a square Prepare, a round Promise,
// a diamond Accept, a disc with a tick for Accepted, a cross for a Nack, a star for Chosen, an envelope
// for a value forwarded to the distinguished proposer.
import type { ConsensusFlight } from '../kit/consensus.tsx';

const INK = '#1d1d1f';

export function PaxosMessageIcon(f: ConsensusFlight) {
  const { shape, colour } = f.look;
  switch (shape) {
    case 'prepare':
      return <g><rect x={-7} y={-7} width={14} height={14} fill={colour} stroke={INK} strokeWidth={1.4} /><text y={4} textAnchor="middle" fontSize={11} fontWeight={800} fill={INK}>P</text></g>;
    case 'promise':
      return <g><circle r={7.5} fill={colour} stroke={INK} strokeWidth={1.4} /><text y={4} textAnchor="middle" fontSize={11} fontWeight={800} fill={INK}>p</text></g>;
    case 'accept':
      return <g><path d="M0,-9L9,0L0,9L-9,0Z" fill={colour} stroke={INK} strokeWidth={1.4} strokeLinejoin="round" /><text y={4} textAnchor="middle" fontSize={11} fontWeight={800} fill="#ffffff">A</text></g>;
    case 'accepted':
      return <g><circle r={7.5} fill={colour} stroke={INK} strokeWidth={1.4} /><path d="M-3.5,0L-1,3L4,-3.5" fill="none" stroke="#ffffff" strokeWidth={2} strokeLinecap="round" /></g>;
    case 'nack':
      return <g><circle r={7.5} fill={colour} stroke={INK} strokeWidth={1.4} /><path d="M-3,-3L3,3M-3,3L3,-3" stroke="#ffffff" strokeWidth={2.2} strokeLinecap="round" /></g>;
    case 'chosen':
      return <path d="M0,-9L2.6,-3.2L9,-2.8L4,1.4L5.6,8L0,4.4L-5.6,8L-4,1.4L-9,-2.8L-2.6,-3.2Z" fill={colour} stroke={INK} strokeWidth={1.3} strokeLinejoin="round" />;
    default:
      return <g><rect x={-9} y={-6} width={18} height={12} rx={1} fill="#fff8e6" stroke={INK} strokeWidth={1.3} /><path d="M-9,-6L0,1L9,-6" fill="none" stroke={colour} strokeWidth={1.6} /></g>;
  }
}
