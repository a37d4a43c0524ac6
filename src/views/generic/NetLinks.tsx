// The network between boxes in the box pictures (the generic ones and the town board's technical one):
// which pairs get a link, each link's curve, the links drawn (a faint curve per pair, a cut one red and
// dashed with a word saying which way is cut), the crashed boxes' hatching, and the messages in flight
// as labelled dots.
import { useCallback } from 'react';
import type { InFlight } from '../../engine/core/index.ts';
import { boxExit, curveControl, pointOnCurve, type Point } from '../shared/geometry.ts';
import { messageStyle, STATUS } from '../shared/palette.ts';
import { textWidth } from '../shared/measure.ts';
import type { FlightSpec } from '../kit/FlightLayer.tsx';
import { BOLD } from './NodeBox.tsx';

export interface LinkPair { x: string; y: string }
type Curve = { a: Point; c: Point; b: Point };

/** Every pair of `ids` (named in order) that `wanted` keeps or whose link is cut either way. */
export function linkPairs(ids: readonly string[], wanted: (x: string, y: string) => boolean, isCut: (from: string, to: string) => boolean): LinkPair[] {
  const out: LinkPair[] = [];
  for (let i = 0; i < ids.length; i++) for (let j = i + 1; j < ids.length; j++) {
    const [x, y] = ids[i]! < ids[j]! ? [ids[i]!, ids[j]!] : [ids[j]!, ids[i]!];
    if (wanted(x, y) || isCut(x, y) || isCut(y, x)) out.push({ x, y });
  }
  return out;
}

/**
 * The curve from one box's edge to another's, bowed a little (straight when `straight` says so), the same
 * curve both ways round so a message and its reply share it. `half` is a box's half size.
 */
export function boxLink(from: string, to: string, centreOf: (id: string) => Point, half: (id: string) => { w: number; h: number },
  straight: (x: string, y: string) => boolean = () => false): Curve {
  const [x, y] = from < to ? [from, to] : [to, from];
  const edge = (id: string, toward: Point) => { const h = half(id); return boxExit(centreOf(id), h.w + 3, h.h + 3, toward); };
  const a = edge(x, centreOf(y));
  const b = edge(y, centreOf(x));
  const c = straight(x, y) ? { x: (a.x + b.x) / 2, y: (a.y + b.y) / 2 } : curveControl(a, b, 0.12);
  return from === x ? { a, c, b } : { a: b, c, b: a };
}

/** A message in flight in its menu (drop, inspect). */
export const flightWords = (f: FlightSpec) => `${f.type}#${f.msgId} ${f.from}→${f.to}`;

/** A message in flight's words after the number, from and to the flight layer says itself. */
export const flightLabel = (f: InFlight) => `${f.msg.type}, sent at ${f.sentAt}ms, arrives at ${f.arrivesAt}ms`;

/** A message in flight as a dot in its type's colour with its type and number; the same function while
 *  the type size holds, so memoised flights skip re-rendering. */
export function useFlightDot(fs: number) {
  return useCallback((f: FlightSpec) => (
    <>
      <circle r={7} fill={messageStyle(f.type).colour} stroke="#1d1d1f" strokeWidth={1.5} />
      <text x={10} y={4} fontSize={fs - 1} className="tb-halo tb-mono" data-flight-label="">{f.type}#{f.msgId}</text>
    </>
  ), [fs]);
}

interface Props {
  pairs: readonly LinkPair[];
  link: (from: string, to: string) => { a: Point; c: Point; b: Point };
  isCut: (from: string, to: string) => boolean;
  fs: number;
}

/** The hatching a crashed box is filled with (`url(#tb-hatch)`). */
export function HatchPattern() {
  return (
    <defs>
      <pattern id="tb-hatch" width="8" height="8" patternUnits="userSpaceOnUse" patternTransform="rotate(45)">
        <rect width="8" height="8" fill="#eeeeee" /><line x1="0" y1="0" x2="0" y2="8" stroke="#b0b0b0" strokeWidth="3" />
      </pattern>
    </defs>
  );
}

export function NetLinks({ pairs, link, isCut, fs }: Props) {
  return (
    <>
      {pairs.map(({ x, y }) => {
        const cutXY = isCut(x, y);
        const cutYX = isCut(y, x);
        const { a, c, b } = link(x, y);
        const cut = cutXY || cutYX;
        const mid = pointOnCurve(a, c, b, 0.5);
        const label = cut ? `link ${x} ${cutXY && cutYX ? '<->' : cutXY ? '->' : '<-'} ${y} cut` : undefined;
        const word = cutXY && cutYX ? '✕ cut' : cutXY ? `✕ ${x}→` : `✕ ${y}→`;
        const wordW = textWidth(word, fs - 1, BOLD) + 12;
        return (
          <g key={`${x}|${y}`} role={cut ? 'img' : undefined} aria-label={label}>
            <path d={`M${a.x},${a.y}Q${c.x},${c.y} ${b.x},${b.y}`} fill="none" stroke={cut ? STATUS.cut : '#c5c5cc'}
              strokeWidth={cut ? 2.5 : 1.5} strokeDasharray={cut ? '8 6' : undefined} />
            {cut && (
              <g transform={`translate(${mid.x.toFixed(1)},${mid.y.toFixed(1)})`}>
                <title>{label}</title>
                <rect x={-wordW / 2} y={-11} width={wordW} height={22} rx={4} fill="#ffffff" stroke={STATUS.cut} strokeWidth={2} />
                <text y={5} textAnchor="middle" fontSize={fs - 1} fontWeight={800} className="tb-status-fire">{word}</text>
              </g>
            )}
          </g>
        );
      })}
    </>
  );
}
