// Patterns, the arrowhead, the per-section legend of message looks, and the flights' pictures.
import { OKABE_ITO } from '../shared/palette.ts';
import { Slip, CheckIcon } from '../drawings/icons.tsx';
import { CHIP_LOOKS, type ChipKind } from './looks.ts';
import { Glyph } from './Chip.tsx';
import type { Metrics, Rect } from './layout.ts';
import type { QueueFlight } from './flights.ts';
import type { QueueSys } from './ids.ts';
import { textWidth } from '../shared/measure.ts';

export function PaneDefs({ skin }: { skin: string }) {
  return (
    <defs>
      <pattern id={`qv-hatch-${skin}`} width="6" height="6" patternUnits="userSpaceOnUse" patternTransform="rotate(45)">
        <rect width="6" height="6" fill="#ececef" /><line x1="0" y1="0" x2="0" y2="6" stroke="#b0b0b6" strokeWidth="2.5" />
      </pattern>
      <pattern id={`qv-cork-${skin}`} width="14" height="14" patternUnits="userSpaceOnUse">
        <rect width="14" height="14" fill="#d9b98a" />
        <circle cx="3" cy="4" r="1" fill="#a9844d" opacity="0.6" /><circle cx="10" cy="9" r="1.2" fill="#a9844d" opacity="0.5" />
      </pattern>
      <marker id={`qv-arrow-${skin}`} viewBox="0 0 10 10" refX="9" refY="5" markerWidth="7" markerHeight="7" orient="auto-start-reverse">
        <path d="M0,0L10,5L0,10Z" fill={OKABE_ITO.vermillion} />
      </marker>
    </defs>
  );
}

const LEGEND: Record<QueueSys, [ChipKind, string][]> = {
  sqs: [['waiting', 'visible'], ['held', 'in flight'], ['delayed', 'delayed'], ['dead', 'dead letter']],
  rabbit: [['waiting', 'ready'], ['held', 'unacked'], ['dead', 'dead-lettered']],
  pubsub: [['waiting', 'waiting'], ['held', 'leased']],
  stream: [['record', 'record']],
};

const legendItemW = (t: string, m: Metrics) => 20 + textWidth(t, m.small) + 10;

/** How wide the section's key to its message looks is. */
export const legendWidth = (sys: QueueSys, m: Metrics) => LEGEND[sys].reduce((a, [, t]) => a + legendItemW(t, m), 0);

/** A one-line key to the message looks, right-aligned in the section's title bar (the pane decides whether there is room). */
export function Legend({ sys, r, m }: { sys: QueueSys; r: Rect; m: Metrics }) {
  const items = LEGEND[sys];
  let x = r.x + r.w - legendWidth(sys, m) - 6;
  return (
    <g aria-hidden="true">
      {items.map(([kind, text]) => {
        const look = CHIP_LOOKS[kind];
        const x0 = x;
        x += legendItemW(text, m);
        return (
          <g key={kind} transform={`translate(${x0},${r.y + m.title * 0.25})`}>
            <rect width={16} height={m.title * 0.5} rx={2} fill={look.fill.replace('#qv-hatch', '#qv-hatch-tech')} stroke={look.stroke} strokeDasharray={look.dash} />
            <Glyph kind={kind} x={8} y={m.title * 0.25} s={m.title * 0.16} />
            <text x={20} y={m.title * 0.25 + m.small * 0.36} fontSize={m.small} fill="#3a3a3e">{text}</text>
          </g>
        );
      })}
    </g>
  );
}

const DOT: Record<QueueFlight['look'], string> = { letter: OKABE_ITO.orange, tick: OKABE_ITO.bluishGreen, ask: OKABE_ITO.skyBlue, empty: '#b0b0b6' };

export function FlightIcon({ flight, town, fs }: { flight: QueueFlight; town: boolean; fs: number }) {
  const label = <text x={11} y={4} fontSize={Math.max(11, fs - 2)} className="tb-halo tb-mono" data-flight-label="">{flight.short}</text>;
  if (!town) {
    return (
      <>
        {flight.look === 'ask'
          ? <circle r={6} fill="#ffffff" stroke={DOT.ask} strokeWidth={2.5} />
          : <circle r={6} fill={DOT[flight.look]} stroke="#1d1d1f" strokeWidth={1.2} />}
        {label}
      </>
    );
  }
  switch (flight.look) {
    case 'letter': return <><Slip colour={OKABE_ITO.yellow} w={18} h={12} />{label}</>;
    case 'tick': return <><CheckIcon colour={OKABE_ITO.bluishGreen} r={7} />{label}</>;
    case 'ask': return <><circle r={8} fill="#ffffff" stroke="#1d1d1f" strokeWidth={1.2} /><text y={4} fontSize={11} textAnchor="middle" fontWeight={800}>?</text>{label}</>;
    default: return <><rect x={-8} y={-5} width={16} height={10} rx={1} fill="#f0f0f3" stroke="#6b6b70" strokeDasharray="2 2" />{label}</>;
  }
}
