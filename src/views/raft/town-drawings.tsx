// The council's drawings (the town crier is the kit's: Paxos draws it too): a candidate's placard, a
// member's copy of the town ledger (a little book whose lines are the log's entries, inked when committed,
// pencilled when not), the patience clock that runs down to a new election, and the papers that travel
// between houses.
import { shiftInto, type ConsensusFlight } from '../kit/consensus.tsx';
import { textWidth } from '../shared/measure.ts';

const INK = '#1d1d1f';

/** A placard on a stick: "VOTE n3" — a candidate canvassing, with the votes it holds. */
export function Placard({ id, votes, needed, fs, left, right }: { id: string; votes: number; needed: number; fs: number; left?: number; right?: number }) {
  // Its words never under 11 px: the board grows to hold them.
  const big = Math.max(12, fs * 0.9);
  const small = Math.max(11, fs * 0.8);
  const w = Math.max(fs * 5.2, textWidth(`${votes} of ${needed} ballots`, small) + 8, textWidth(`VOTE ${id}`, big, { bold: true }) + 8);
  const h = Math.max(fs * 2.5, big + small + 8);
  const dx = shiftInto(w, left, right);
  return (
    <g aria-hidden="true">
      <line x1={0} y1={0} x2={0} y2={-fs * 1.1} stroke="#8a5a3b" strokeWidth={2.5} />
      <rect x={dx - w / 2} y={-fs * 1.1 - h} width={w} height={h} rx={2} fill="#fff8e6" stroke={INK} strokeWidth={1.4} />
      <text x={dx} y={-fs * 1.1 - h + big + 3} textAnchor="middle" fontSize={big} fontWeight={800} fill={INK}>VOTE {id}</text>
      <text x={dx} y={-fs * 1.1 - 5} textAnchor="middle" fontSize={small} fill={INK}>{votes} of {needed} ballots</text>
    </g>
  );
}

/** A ballot paper; with `ok` a tick or a cross is marked on it. */
export function Ballot({ ok }: { ok: boolean | null }) {
  return (
    <g>
      <rect x={-8} y={-10} width={16} height={20} rx={1.5} fill="#ffffff" stroke={ok === false ? '#D55E00' : ok ? '#009E73' : '#E69F00'} strokeWidth={2.2} />
      <rect x={-4.5} y={-5} width={9} height={9} fill="none" stroke={INK} strokeWidth={1.2} />
      {ok === true && <path d="M-3,-1L-0.5,2L4,-4" fill="none" stroke="#009E73" strokeWidth={2.2} strokeLinecap="round" />}
      {ok === false && <path d="M-3,-3L3,3M-3,3L3,-3" stroke="#D55E00" strokeWidth={2.2} strokeLinecap="round" />}
      {ok === null && <text y={3} textAnchor="middle" fontSize={8} fontWeight={800} fill={INK} data-decor="">?</text>}
    </g>
  );
}

/** A page of the ledger carried from the crier (AppendEntries with entries). */
export function LedgerPage({ colour }: { colour: string }) {
  return (
    <g>
      <path d="M-9,-10H6L9,-7V10H-9Z" fill="#fffdf5" stroke={INK} strokeWidth={1.3} />
      <rect x={-9} y={-10} width={4} height={20} fill={colour} stroke={INK} strokeWidth={1} />
      <path d="M-2,-5H6M-2,-1H6M-2,3H4" stroke={INK} strokeWidth={1.1} />
    </g>
  );
}

/** The crier's bell: a heartbeat ("all is well, I still lead"). */
export function Bell() {
  return (
    <g>
      <path d="M-7,5a7,9 0 0,1 14,0l2,2h-18Z" fill="#E69F00" stroke={INK} strokeWidth={1.3} transform="translate(0,-3)" />
      <circle cy={6} r={2} fill={INK} />
      <path d="M0,-10v-2" stroke={INK} strokeWidth={2} />
    </g>
  );
}

function Note({ ok }: { ok: boolean }) {
  return (
    <g>
      <rect x={-7} y={-6} width={14} height={12} rx={2} fill={ok ? '#ffffff' : '#fde3d6'} stroke={ok ? '#0072B2' : '#D55E00'} strokeWidth={1.8} />
      {ok ? <path d="M-3.5,0L-1,3L4,-3" fill="none" stroke="#0072B2" strokeWidth={2} strokeLinecap="round" />
        : <path d="M-3,-3L3,3M-3,3L3,-3" stroke="#D55E00" strokeWidth={2} strokeLinecap="round" />}
    </g>
  );
}

function Letter() {
  return (
    <g>
      <rect x={-9} y={-6} width={18} height={12} rx={1} fill="#fff8e6" stroke={INK} strokeWidth={1.3} />
      <path d="M-9,-6L0,1L9,-6" fill="none" stroke="#CC79A7" strokeWidth={1.6} />
    </g>
  );
}

/** The town's picture of a Raft message (shapes from messages.ts: ballot, vote, entries, heartbeat, ack, request). */
export function TownMessageIcon(f: ConsensusFlight) {
  const { shape, ok } = f.look;
  switch (shape) {
    case 'ballot': return <Ballot ok={null} />;
    case 'vote': return <Ballot ok={ok} />;
    case 'entries': return <LedgerPage colour="#0072B2" />;
    case 'heartbeat': return <Bell />;
    case 'ack': return <Note ok={ok === true} />;
    default: return <Letter />;
  }
}
