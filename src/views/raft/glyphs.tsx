// Small drawings of the technical picture: a shape per message kind and a badge per server role, each
// readable without colour (a crown, a ballot, a cross, a snowflake; a diamond, a disc, a card).
import type { ConsensusFlight } from '../kit/consensus.tsx';

const INK = '#1d1d1f';

function Mark({ ok, size }: { ok: boolean; size: number }) {
  const s = size;
  return ok
    ? <path d={`M${-s * 0.5},0L${-s * 0.12},${s * 0.42}L${s * 0.55},${-s * 0.42}`} fill="none" stroke="#ffffff" strokeWidth={2.2} strokeLinecap="round" strokeLinejoin="round" />
    : <path d={`M${-s * 0.4},${-s * 0.4}L${s * 0.4},${s * 0.4}M${-s * 0.4},${s * 0.4}L${s * 0.4},${-s * 0.4}`} stroke="#ffffff" strokeWidth={2.2} strokeLinecap="round" />;
}

/** The shape of a Raft message in flight (see messages.ts for which kind gets which). */
export function RaftMessageIcon(f: ConsensusFlight) {
  const { shape, colour, ok } = f.look;
  switch (shape) {
    case 'ballot':
      return (
        <g>
          <path d="M0,-9L9,0L0,9L-9,0Z" fill={colour} stroke={INK} strokeWidth={1.4} strokeLinejoin="round" />
          <text y={4} textAnchor="middle" fontSize={11} fontWeight={800} fill={INK}>?</text>
        </g>
      );
    case 'vote':
      return <g><circle r={7.5} fill={colour} stroke={INK} strokeWidth={1.4} /><Mark ok={ok === true} size={7} /></g>;
    case 'entries':
      return (
        <g>
          <rect x={-9} y={-6.5} width={18} height={13} rx={1.5} fill={colour} stroke={INK} strokeWidth={1.4} />
          <path d="M-5.5,-2.5H5.5M-5.5,0.5H5.5M-5.5,3.5H2" stroke="#ffffff" strokeWidth={1.4} />
        </g>
      );
    case 'heartbeat':
      return <rect x={-6} y={-4.5} width={12} height={9} rx={1.5} fill="#ffffff" stroke={colour} strokeWidth={2.2} />;
    case 'ack':
      return <g><rect x={-6.5} y={-6.5} width={13} height={13} rx={3.5} fill={colour} stroke={INK} strokeWidth={1.4} /><Mark ok={ok === true} size={6} /></g>;
    default:
      return <path d="M0,-8L8,6H-8Z" fill={colour} stroke={INK} strokeWidth={1.4} strokeLinejoin="round" />;
  }
}

/** A crown over a leader's circle. */
export function Crown({ size }: { size: number }) {
  const s = size / 16;
  return (
    <path transform={`scale(${s.toFixed(3)})`} d="M-8,5L-9,-4L-4,0L0,-7L4,0L9,-4L8,5Z" fill="#F0E442" stroke={INK} strokeWidth={1.3 / s} strokeLinejoin="round" />
  );
}

/** A ballot going into a box: a candidate canvassing for votes. */
export function BallotBox({ size }: { size: number }) {
  const s = size / 16;
  return (
    <g transform={`scale(${s.toFixed(3)})`}>
      <rect x={-4} y={-9} width={8} height={9} fill="#ffffff" stroke={INK} strokeWidth={1.2 / s} />
      <rect x={-8} y={-1} width={16} height={9} fill="#E69F00" stroke={INK} strokeWidth={1.3 / s} />
      <path d="M-4,-1H4" stroke={INK} strokeWidth={2 / s} />
    </g>
  );
}

/** A snowflake: the server is paused (frozen). */
export function Snowflake({ size }: { size: number }) {
  const s = size / 2;
  return (
    <g stroke="#0072B2" strokeWidth={Math.max(1.5, size / 8)} strokeLinecap="round">
      <path d={`M0,${-s}V${s}M${-s * 0.87},${-s / 2}L${s * 0.87},${s / 2}M${-s * 0.87},${s / 2}L${s * 0.87},${-s / 2}`} />
    </g>
  );
}

/** A red warning badge: this server's log breaks a safety property. */
export function WarningBadge({ size }: { size: number }) {
  return (
    <g>
      <path d={`M0,${-size * 0.6}L${size * 0.62},${size * 0.5}H${-size * 0.62}Z`} fill="#D55E00" stroke={INK} strokeWidth={1.2} strokeLinejoin="round" />
      {/* The sign on the triangle, not a word: the table's badge says what is broken. */}
      <text y={size * 0.38} textAnchor="middle" fontSize={size * 0.75} fontWeight={900} fill="#ffffff" data-decor="">!</text>
    </g>
  );
}
