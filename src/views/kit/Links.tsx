// The network links between servers, as faint lines across the ring (cut ones red and dashed, with the
// direction that is cut). Each link is pointable: hover it, right-click it, or reach it with the keyboard
// (all links are one tab stop; arrow keys move between them) and open its menu to cut or heal it.
import { memo, useState, type KeyboardEvent } from 'react';
import { pointOnCurve, type Point } from '../shared/geometry.ts';
import { STATUS } from '../shared/palette.ts';
import './kit.css';

export interface LinkSpec {
  key: string;
  x: string;
  y: string;
  a: Point;
  c: Point;
  b: Point;
  cutXY: boolean;
  cutYX: boolean;
}

export function linkWords(l: Pick<LinkSpec, 'x' | 'y' | 'cutXY' | 'cutYX'>): string {
  if (l.cutXY && l.cutYX) return `link ${l.x}–${l.y}: cut both ways`;
  if (l.cutXY) return `link ${l.x}–${l.y}: cut one way, ${l.x} cannot reach ${l.y}`;
  if (l.cutYX) return `link ${l.x}–${l.y}: cut one way, ${l.y} cannot reach ${l.x}`;
  return `link ${l.x}–${l.y}: open both ways`;
}

export function Links({ links, fontSize, onMenu, faint }: {
  links: readonly LinkSpec[];
  fontSize: number;
  onMenu: (l: LinkSpec, x: number, y: number) => void;
  /** Draw open links lighter (many servers), or not at all until pointed at ('hidden': the town). */
  faint: boolean | 'hidden';
}) {
  const [active, setActive] = useState<string | null>(null);
  const tabKey = links.some((l) => l.key === active) ? active : links[0]?.key ?? null;
  const onKey = (e: KeyboardEvent<SVGGElement>) => {
    const el = (e.target as Element).closest('[data-link]');
    const k = links.findIndex((l) => l.key === el?.getAttribute('data-link'));
    const l = links[k];
    if (!l) return;
    const to = (j: number) => {
      const next = links[(j + links.length) % links.length]!;
      setActive(next.key);
      (e.currentTarget.querySelector(`[data-link="${next.key}"]`) as SVGGElement | null)?.focus();
    };
    if (e.key === 'ArrowRight' || e.key === 'ArrowDown') to(k + 1);
    else if (e.key === 'ArrowLeft' || e.key === 'ArrowUp') to(k - 1);
    else if (e.key === 'Home') to(0);
    else if (e.key === 'End') to(links.length - 1);
    else if (e.key === 'Enter' || e.key === ' ' || e.key === 'ContextMenu' || (e.key === 'F10' && e.shiftKey)) {
      const r = (e.target as Element).getBoundingClientRect();
      onMenu(l, r.left + r.width / 2, r.top + r.height / 2);
    } else return;
    e.preventDefault();
    e.stopPropagation();
  };
  return (
    <g className="tb-links" role="group" aria-label="Network links between servers: arrow keys move between links, Enter opens a link's menu to cut or heal it"
      onKeyDown={onKey} onFocus={(e) => { const k = (e.target as Element).getAttribute('data-link'); if (k) setActive(k); }}>
      {links.map((l) => <LinkLine key={l.key} l={l} tab={l.key === tabKey} fontSize={fontSize} faint={faint} onMenu={onMenu} />)}
    </g>
  );
}

const LinkLine = memo(function LinkLine({ l, tab, fontSize, faint, onMenu }: { l: LinkSpec; tab: boolean; fontSize: number; faint: boolean | 'hidden'; onMenu: (l: LinkSpec, x: number, y: number) => void }) {
  const d = `M${l.a.x.toFixed(1)},${l.a.y.toFixed(1)}Q${l.c.x.toFixed(1)},${l.c.y.toFixed(1)} ${l.b.x.toFixed(1)},${l.b.y.toFixed(1)}`;
  const cut = l.cutXY || l.cutYX;
  const mid = pointOnCurve(l.a, l.c, l.b, 0.5);
  const words = linkWords(l);
  // Which way the arrow of a one-way cut points: along the direction that cannot get through.
  const [p, q] = l.cutXY ? [l.a, l.b] : [l.b, l.a];
  const ang = (Math.atan2(q.y - p.y, q.x - p.x) * 180) / Math.PI;
  return (
    <g className={`tb-link${cut ? ' is-cut' : ''}`} data-link={l.key} role="button" tabIndex={tab ? 0 : -1}
      aria-label={`${words}. Enter for cut and heal.`}
      onClick={(e) => { e.stopPropagation(); onMenu(l, e.clientX, e.clientY); }}
      onContextMenu={(e) => { e.preventDefault(); onMenu(l, e.clientX, e.clientY); }}>
      <title>{words}</title>
      <path d={d} fill="none" stroke="transparent" strokeWidth={10} className="tb-link-hit" />
      <path d={d} fill="none" className="tb-link-line" stroke={cut ? STATUS.cut : faint === 'hidden' ? 'transparent' : faint ? '#e4e4ea' : '#d2d2da'}
        strokeWidth={cut ? 2.5 : 1.2} strokeDasharray={cut ? '7 5' : undefined} />
      {cut && (
        <g transform={`translate(${mid.x.toFixed(1)},${mid.y.toFixed(1)})`} aria-hidden="true">
          <circle r={9} fill="#ffffff" stroke={STATUS.cut} strokeWidth={2} />
          <path d="M-4,-4L4,4M-4,4L4,-4" stroke={STATUS.cut} strokeWidth={2.5} strokeLinecap="round" />
          {l.cutXY !== l.cutYX && <path transform={`rotate(${ang.toFixed(0)})`} d="M12,-5L20,0L12,5Z" fill={STATUS.cut} stroke="#1d1d1f" strokeWidth={1} />}
          {/* a cut both ways is the cross alone (a partition cuts many links); one way also says which way */}
          {l.cutXY !== l.cutYX && (
            <text y={21} textAnchor="middle" fontSize={fontSize - 1} fontWeight={800} className="tb-halo tb-status-fire">
              {l.cutXY ? `${l.x}↛${l.y}` : `${l.y}↛${l.x}`}
            </text>
          )}
        </g>
      )}
    </g>
  );
}, (a, b) => a.tab === b.tab && a.fontSize === b.fontSize && a.faint === b.faint && a.onMenu === b.onMenu && a.l.key === b.l.key
  && a.l.cutXY === b.l.cutXY && a.l.cutYX === b.l.cutYX && a.l.a.x === b.l.a.x && a.l.a.y === b.l.a.y && a.l.b.x === b.l.b.x && a.l.b.y === b.l.b.y);
