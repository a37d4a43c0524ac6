// The network links between boxes in the technical pictures (the generic boxes and the town board's):
// a faint curve per pair, a cut one red and dashed with a word saying which way is cut. Drawn by the
// caller's `link` geometry; the hatch pattern that crashed boxes use comes with it.
import { pointOnCurve, type Point } from '../shared/geometry.ts';
import { STATUS } from '../shared/palette.ts';
import { textWidth } from '../shared/measure.ts';
import { BOLD } from './NodeBox.tsx';

interface Props {
  pairs: readonly (readonly [string, string])[];
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
      {pairs.map(([x, y]) => {
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
