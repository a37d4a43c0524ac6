// The town's buildings, one small drawing per kind, in a 100 x 100 box centred on the origin (ground at
// y = 40). Each kind has its own silhouette, so a building is recognisable without its colour.
import type { ReactNode } from 'react';
import type { BuildingKind } from '../../engine/town/index.ts';

export interface BuildingLook {
  /** The node's colour: roofs, awnings, signs. */
  accent: string;
  wall: string;
  line: string;
}

const W = 1.6; // outline width in drawing units

function Windows({ xs, y, look, size = 10 }: { xs: number[]; y: number; look: BuildingLook; size?: number }) {
  return <>{xs.map((x) => (
    <g key={x}>
      <rect x={x - size / 2} y={y} width={size} height={size} fill="#cfe8f7" stroke={look.line} strokeWidth={W * 0.8} />
      <line x1={x} y1={y} x2={x} y2={y + size} stroke={look.line} strokeWidth={0.8} />
    </g>
  ))}</>;
}

function Door({ x = 0, w = 12, h = 20, look }: { x?: number; w?: number; h?: number; look: BuildingLook }) {
  return <path d={`M${x - w / 2},40V${40 - h + w / 2}A${w / 2},${w / 2} 0 0,1 ${x + w / 2},${40 - h + w / 2}V40Z`}
    fill="#8a5a3b" stroke={look.line} strokeWidth={W} />;
}

/** A striped awning from x0 to x1 with its top at y (stripes alternate accent and white: a pattern, not just a colour). */
function Awning({ x0, x1, y, look }: { x0: number; x1: number; y: number; look: BuildingLook }) {
  const n = 6;
  const step = (x1 - x0) / n;
  return (
    <g>
      {Array.from({ length: n }, (_, k) => (
        <path key={k} d={`M${x0 + k * step},${y}H${x0 + (k + 1) * step}V${y + 9}A${step / 2},${step / 2.5} 0 0,1 ${x0 + k * step},${y + 9}Z`}
          fill={k % 2 === 0 ? look.accent : '#ffffff'} stroke={look.line} strokeWidth={W * 0.7} />
      ))}
    </g>
  );
}

const drawings: Record<BuildingKind, (l: BuildingLook) => ReactNode> = {
  house: (l) => (
    <g>
      <rect x={-28} y={-4} width={56} height={44} fill={l.wall} stroke={l.line} strokeWidth={W} />
      <path d="M-36,-2L0,-36L36,-2Z" fill={l.accent} stroke={l.line} strokeWidth={W} strokeLinejoin="round" />
      <rect x={14} y={-30} width={8} height={14} fill="#a0522d" stroke={l.line} strokeWidth={W} />
      <Windows xs={[-16, 16]} y={6} look={l} />
      <Door look={l} />
    </g>
  ),
  bakery: (l) => (
    <g>
      <rect x={-36} y={-12} width={72} height={52} fill={l.wall} stroke={l.line} strokeWidth={W} />
      <path d="M-42,-10L-30,-34H30L42,-10Z" fill={l.accent} stroke={l.line} strokeWidth={W} strokeLinejoin="round" />
      <rect x={18} y={-46} width={9} height={16} fill="#a0522d" stroke={l.line} strokeWidth={W} />
      <path d="M22,-50c-5,-4 4,-7 0,-11" fill="none" stroke="#9a9a9a" strokeWidth={2} strokeLinecap="round" />
      {/* sign: a loaf of bread */}
      <ellipse cx={0} cy={-2} rx={15} ry={7} fill="#d9a35b" stroke={l.line} strokeWidth={W} />
      <path d="M-7,-6l3,7M0,-7l3,7M7,-6l3,7" stroke="#8a5a3b" strokeWidth={1.4} />
      <circle cx={-20} cy={20} r={8} fill="#cfe8f7" stroke={l.line} strokeWidth={W} />
      <Windows xs={[22]} y={14} look={l} size={11} />
      <Door look={l} h={22} />
    </g>
  ),
  grocery: (l) => (
    <g>
      <rect x={-42} y={-20} width={84} height={60} fill={l.wall} stroke={l.line} strokeWidth={W} />
      <rect x={-42} y={-28} width={84} height={10} fill={l.accent} stroke={l.line} strokeWidth={W} />
      <Awning x0={-44} x1={44} y={-14} look={l} />
      <rect x={-36} y={4} width={22} height={16} fill="#cfe8f7" stroke={l.line} strokeWidth={W} />
      <rect x={14} y={4} width={22} height={16} fill="#cfe8f7" stroke={l.line} strokeWidth={W} />
      {/* crates of vegetables at the door */}
      <rect x={-40} y={28} width={18} height={12} fill="#c8955c" stroke={l.line} strokeWidth={W} />
      <circle cx={-35} cy={27} r={3.5} fill="#009E73" stroke={l.line} strokeWidth={0.8} />
      <circle cx={-28} cy={27} r={3.5} fill="#E69F00" stroke={l.line} strokeWidth={0.8} />
      <rect x={22} y={28} width={18} height={12} fill="#c8955c" stroke={l.line} strokeWidth={W} />
      <circle cx={27} cy={27} r={3.5} fill="#D55E00" stroke={l.line} strokeWidth={0.8} />
      <circle cx={34} cy={27} r={3.5} fill="#009E73" stroke={l.line} strokeWidth={0.8} />
      <Door look={l} />
    </g>
  ),
  school: (l) => (
    <g>
      <rect x={-44} y={-6} width={88} height={46} fill={l.wall} stroke={l.line} strokeWidth={W} />
      <path d="M-48,-4L-30,-16H30L48,-4Z" fill={l.accent} stroke={l.line} strokeWidth={W} />
      {/* bell tower */}
      <rect x={-10} y={-30} width={20} height={26} fill={l.wall} stroke={l.line} strokeWidth={W} />
      <path d="M-14,-28L0,-44L14,-28Z" fill={l.accent} stroke={l.line} strokeWidth={W} />
      <path d="M-5,-14a5,5 0 0,1 10,0l2,3h-14Z" fill="#E69F00" stroke={l.line} strokeWidth={1} />
      <line x1={0} y1={-44} x2={0} y2={-58} stroke={l.line} strokeWidth={W} />
      <path d="M0,-58h12l-3,4 3,4h-12Z" fill={l.accent} stroke={l.line} strokeWidth={1} />
      <Windows xs={[-34, -22, 22, 34]} y={6} look={l} size={9} />
      <Door look={l} w={14} h={22} />
    </g>
  ),
  deli: (l) => (
    <g>
      <rect x={-30} y={-26} width={60} height={66} fill={l.wall} stroke={l.line} strokeWidth={W} />
      <path d="M-34,-26H34V-32H-34Z" fill={l.accent} stroke={l.line} strokeWidth={W} />
      {/* sign: a sandwich */}
      <path d="M-14,-16h28l-3,-6h-22Z" fill="#d9a35b" stroke={l.line} strokeWidth={1} />
      <rect x={-15} y={-16} width={30} height={3} fill="#009E73" />
      <rect x={-15} y={-13} width={30} height={3} fill="#CC79A7" />
      <path d="M-14,-10h28v3h-28Z" fill="#d9a35b" stroke={l.line} strokeWidth={1} />
      <Awning x0={-32} x1={32} y={-2} look={l} />
      <rect x={-24} y={14} width={16} height={14} fill="#cfe8f7" stroke={l.line} strokeWidth={W} />
      <Door x={12} look={l} />
    </g>
  ),
  fruit: (l) => (
    <g>
      {/* a market stall: poles, a scalloped canopy, a counter of fruit */}
      <line x1={-38} y1={-18} x2={-38} y2={40} stroke={l.line} strokeWidth={W * 1.5} />
      <line x1={38} y1={-18} x2={38} y2={40} stroke={l.line} strokeWidth={W * 1.5} />
      <path d="M-46,-16L0,-40L46,-16Z" fill={l.accent} stroke={l.line} strokeWidth={W} strokeLinejoin="round" />
      <Awning x0={-46} x1={46} y={-16} look={l} />
      <rect x={-40} y={14} width={80} height={26} fill="#c8955c" stroke={l.line} strokeWidth={W} />
      {[-30, -18, -6, 6, 18, 30].map((x, k) => (
        <circle key={x} cx={x} cy={10} r={5.5} fill={['#D55E00', '#E69F00', '#009E73', '#F0E442', '#D55E00', '#009E73'][k]}
          stroke={l.line} strokeWidth={0.9} />
      ))}
      <path d="M-40,24H40M-40,32H40" stroke="#8a5a3b" strokeWidth={1} />
    </g>
  ),
  bank: (l) => (
    <g>
      <path d="M-44,-14L0,-40L44,-14Z" fill={l.accent} stroke={l.line} strokeWidth={W} strokeLinejoin="round" />
      <text x={0} y={-19} textAnchor="middle" fontSize={14} fontWeight={700} fill={l.line} data-decor="">$</text>
      <rect x={-42} y={-14} width={84} height={6} fill={l.wall} stroke={l.line} strokeWidth={W} />
      {[-32, -14, 14, 32].map((x) => (
        <rect key={x} x={x - 4} y={-8} width={8} height={40} fill={l.wall} stroke={l.line} strokeWidth={W} />
      ))}
      <rect x={-24} y={-8} width={48} height={40} fill="#e9e2d0" stroke="none" />
      {[-14, 14].map((x) => <rect key={x} x={x - 4} y={-8} width={8} height={40} fill={l.wall} stroke={l.line} strokeWidth={W} />)}
      <Door look={l} w={12} h={24} />
      <rect x={-46} y={32} width={92} height={4} fill={l.wall} stroke={l.line} strokeWidth={W} />
      <rect x={-48} y={36} width={96} height={4} fill={l.wall} stroke={l.line} strokeWidth={W} />
    </g>
  ),
  hall: (l) => (
    <g>
      <rect x={-46} y={-4} width={92} height={44} fill={l.wall} stroke={l.line} strokeWidth={W} />
      <rect x={-48} y={-10} width={96} height={7} fill={l.accent} stroke={l.line} strokeWidth={W} />
      {/* clock tower */}
      <rect x={-13} y={-36} width={26} height={28} fill={l.wall} stroke={l.line} strokeWidth={W} />
      <path d="M-16,-36Q0,-58 16,-36Z" fill={l.accent} stroke={l.line} strokeWidth={W} />
      <circle cx={0} cy={-22} r={8} fill="#ffffff" stroke={l.line} strokeWidth={W} />
      <path d="M0,-22V-28M0,-22H5" stroke={l.line} strokeWidth={1.4} strokeLinecap="round" />
      <Windows xs={[-36, -24, 24, 36]} y={6} look={l} size={9} />
      <Door look={l} w={16} h={24} />
    </g>
  ),
  post: (l) => (
    <g>
      <rect x={-34} y={-8} width={68} height={48} fill={l.wall} stroke={l.line} strokeWidth={W} />
      <path d="M-40,-6L-34,-24H34L40,-6Z" fill={l.accent} stroke={l.line} strokeWidth={W} strokeLinejoin="round" />
      {/* sign: an envelope */}
      <rect x={-14} y={-4} width={28} height={17} fill="#ffffff" stroke={l.line} strokeWidth={W} />
      <path d="M-14,-4L0,6L14,-4" fill="none" stroke={l.line} strokeWidth={W} />
      <Windows xs={[-22, 22]} y={18} look={l} />
      <Door look={l} h={20} />
      {/* a post box at the kerb */}
      <rect x={38} y={18} width={9} height={22} rx={4} fill={l.accent} stroke={l.line} strokeWidth={W} />
    </g>
  ),
  library: (l) => (
    <g>
      <path d="M-42,-10L0,-30L42,-10Z" fill={l.wall} stroke={l.line} strokeWidth={W} strokeLinejoin="round" />
      {/* sign: an open book */}
      <path d="M-10,-14q5,-4 10,0q5,-4 10,0v-8q-5,-4 -10,0q-5,-4 -10,0Z" fill="#ffffff" stroke={l.line} strokeWidth={1} />
      <rect x={-40} y={-10} width={80} height={50} fill={l.wall} stroke={l.line} strokeWidth={W} />
      <rect x={-40} y={-10} width={80} height={7} fill={l.accent} stroke={l.line} strokeWidth={W} />
      {[-30, -18, 18, 30].map((x) => <rect key={x} x={x - 3.5} y={-3} width={7} height={43} fill="#f3ead6" stroke={l.line} strokeWidth={W} />)}
      {/* books on a shelf in the window */}
      {[-9, -5, -1, 3, 7].map((x, k) => (
        <rect key={x} x={x} y={2} width={3.5} height={10} fill={k % 2 ? l.accent : '#0072B2'} stroke={l.line} strokeWidth={0.6} />
      ))}
      <Door look={l} h={22} />
    </g>
  ),
};

export function Building({ kind, look }: { kind: BuildingKind | 'node'; look: BuildingLook }) {
  return <>{(drawings[kind === 'node' ? 'house' : kind] ?? drawings.house)(look)}</>;
}

/** Flames over a crashed building (drawn over a greyed building, with a text label beside). */
export function Flames() {
  return (
    <g className="tb-flames" aria-hidden="true">
      <path d="M-30,40C-40,20 -24,10 -26,-6C-16,4 -14,-10 -8,-22C-4,-6 6,-8 4,-30C18,-14 22,0 14,10C24,6 28,-4 30,-12C42,8 36,30 30,40Z"
        fill="#D55E00" stroke="#7a2b00" strokeWidth={1.5} opacity={0.92} />
      <path d="M-18,40C-24,26 -12,18 -12,8C-6,16 -2,6 2,-6C8,8 14,12 10,22C16,20 20,16 20,10C28,22 24,34 20,40Z"
        fill="#E69F00" opacity={0.95} />
      <path d="M-8,40C-10,32 -4,28 -2,20C2,28 8,30 6,40Z" fill="#F0E442" />
    </g>
  );
}

/** Ice over a paused building. */
export function Frost() {
  return (
    <g aria-hidden="true">
      <rect x={-48} y={-48} width={96} height={90} rx={10} fill="#56B4E9" opacity={0.28} stroke="#0072B2" strokeWidth={2} strokeDasharray="6 4" />
      <g stroke="#0072B2" strokeWidth={2.4} strokeLinecap="round" transform="translate(34,-38)">
        <path d="M0,-10V10M-8.7,-5L8.7,5M-8.7,5L8.7,-5" />
        <path d="M-3,-8L0,-5L3,-8M-3,8L0,5L3,8" fill="none" strokeWidth={1.5} />
      </g>
    </g>
  );
}

/** An hourglass: the caller is stuck waiting for a reply. */
export function Hourglass({ size = 16 }: { size?: number }) {
  const s = size / 20;
  return (
    <g transform={`scale(${s})`} aria-hidden="true">
      <rect x={-9} y={-12} width={18} height={3} rx={1} fill="#1d1d1f" />
      <rect x={-9} y={9} width={18} height={3} rx={1} fill="#1d1d1f" />
      <path d="M-7,-9H7L1,0L7,9H-7L-1,0Z" fill="#ffffff" stroke="#1d1d1f" strokeWidth={1.6} strokeLinejoin="round" />
      <path d="M-4,-7H4L0,-2Z" fill="#E69F00" />
      <path d="M0,3L5,8H-5Z" fill="#E69F00" />
    </g>
  );
}
