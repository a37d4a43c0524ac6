// Patterns and overlays of the town: cork and cobbles, and the marks of a cut link.
import type { Point } from '../shared/geometry.ts';
import { pointOnCurve } from '../shared/geometry.ts';
import { STATUS } from '../shared/palette.ts';

export function Defs() {
  return (
    <defs>
      <pattern id="tb-cork" width="14" height="14" patternUnits="userSpaceOnUse">
        <circle cx="3" cy="4" r="1" fill="#a9844d" opacity="0.55" />
        <circle cx="10" cy="9" r="1.2" fill="#a9844d" opacity="0.5" />
        <circle cx="6" cy="12" r="0.8" fill="#f1d6a3" opacity="0.6" />
      </pattern>
      <pattern id="tb-cobbles" width="22" height="16" patternUnits="userSpaceOnUse">
        <rect width="22" height="16" fill="#ece5d3" />
        <path d="M0,8H22M11,0V8M0,8V16M22,8V16" stroke="#dcd3bd" strokeWidth="1.2" />
      </pattern>
    </defs>
  );
}

type Curve = (from: string, to: string) => { a: Point; c: Point; b: Point };

/**
 * A cut link: a broken red dashed line with a scissors-like cross and the word "cut" (and an arrow
 * when only one direction is cut), so a partition reads without colour.
 */
export function CutMarks({ ids, isCut, curve, fs }: {
  ids: readonly string[];
  isCut: (from: string, to: string) => boolean;
  curve: Curve;
  fs: number;
}) {
  const marks: { key: string; from: string; to: string; oneWay: boolean }[] = [];
  for (let i = 0; i < ids.length; i++) for (let j = i + 1; j < ids.length; j++) {
    const x = ids[i]!;
    const y = ids[j]!;
    const xy = isCut(x, y);
    const yx = isCut(y, x);
    if (xy || yx) marks.push({ key: `${x}|${y}`, from: xy ? x : y, to: xy ? y : x, oneWay: xy !== yx });
  }
  return (
    <g className="tb-cuts">
      {marks.map((m) => {
        const { a, c, b } = curve(m.from, m.to);
        const mid = pointOnCurve(a, c, b, 0.5);
        const label = m.oneWay ? `link cut one way: ${m.from} cannot reach ${m.to}` : `link cut between ${m.from} and ${m.to}`;
        const ang = (Math.atan2(b.y - a.y, b.x - a.x) * 180) / Math.PI;
        return (
          <g key={m.key} role="img" aria-label={label}>
            <title>{label}</title>
            <path d={`M${a.x},${a.y}Q${c.x},${c.y} ${b.x},${b.y}`} fill="none" stroke={STATUS.cut} strokeWidth={3} strokeDasharray="10 7" />
            <g transform={`translate(${mid.x.toFixed(1)},${mid.y.toFixed(1)})`}>
              <circle r={15} fill="#ffffff" stroke={STATUS.cut} strokeWidth={2.5} />
              <path d="M-7,-7L7,7M-7,7L7,-7" stroke={STATUS.cut} strokeWidth={3.5} strokeLinecap="round" />
              {m.oneWay && (
                <path transform={`rotate(${ang.toFixed(0)})`} d="M20,-6L30,0L20,6Z" fill={STATUS.cut} stroke="#1d1d1f" strokeWidth={1} />
              )}
              <text y={32} textAnchor="middle" fontSize={fs - 1} fontWeight={800} className="tb-halo tb-status-fire">
                {m.oneWay ? `cut ${m.from}→${m.to}` : 'cut'}
              </text>
            </g>
          </g>
        );
      })}
    </g>
  );
}
