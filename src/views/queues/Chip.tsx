// One message (or log record) in a row: its body, a glyph and an outline for its state, a badge with
// its receive count once it has been delivered more than once, and a timer bar that the pane's frame
// loop shortens as the deadline nears (data-until / data-span; no React render per frame).
import { memo, type KeyboardEvent } from 'react';
import { pointable } from '../shared/interaction.tsx';
import { fit } from '../drawings/fit.ts';
import { firstFit, textWidth } from '../shared/measure.ts';
import { CHIP_LOOKS, TIMER_COLOUR, type ChipKind } from './looks.ts';
import type { Rect } from './layout.ts';

export interface ChipProps {
  item: string;
  r: Rect;
  kind: ChipKind;
  /** Its body; or phrasings, longest first (a chip in a narrow hand says only its number). */
  text: string | readonly string[];
  /** Deliveries so far; from 2 up, a badge above the chip's corner (in a holder's hands, "×N" in its words instead). */
  count: number;
  timer: { until: number; span: number } | null;
  label: string;
  fs: number;
  town: boolean;
  focused: boolean;
  selected: boolean;
  /** The row this chip belongs to, for arrow-key moves between its chips. */
  row: string;
  /** Stable callbacks from the pane (the chip passes its own item). */
  onMenu: (item: string, x: number, y: number) => void;
  onHover: (item: string | null) => void;
  timerRef: (key: string, el: SVGElement | null) => void;
}

/** Moves focus among the chips of one row (←/→, Home/End) and back to the row itself (↑ or Escape). */
export function chipKeys(e: KeyboardEvent<SVGElement>, row: string): boolean {
  const svg = e.currentTarget.ownerSVGElement;
  if (!svg) return false;
  const chips = [...svg.querySelectorAll<SVGElement>(`[data-chip-row="${CSS.escape(row)}"]`)];
  const at = chips.indexOf(e.currentTarget);
  const go = (k: number) => { e.preventDefault(); e.stopPropagation(); chips[Math.max(0, Math.min(chips.length - 1, k))]?.focus(); return true; };
  switch (e.key) {
    case 'ArrowRight': case 'ArrowDown': return go(at + 1);
    case 'ArrowLeft': return go(at - 1);
    case 'Home': return go(0);
    case 'End': return go(chips.length - 1);
    case 'ArrowUp': case 'Escape': {
      const head = svg.querySelector<SVGElement>(`[data-row-head="${CSS.escape(row)}"]`);
      if (!head) return false;
      e.preventDefault();
      e.stopPropagation();
      head.focus();
      return true;
    }
    default: return false;
  }
}

/** The state's mark, drawn (fonts do not all have ⧗ and ◷): an hourglass, a clock face, a cross. */
export function Glyph({ kind, x, y, s }: { kind: ChipKind; x: number; y: number; s: number }) {
  const t = `translate(${x.toFixed(1)},${y.toFixed(1)})`;
  switch (kind) {
    case 'held': return <path aria-hidden="true" transform={t} d={`M${-s * 0.75},${-s}H${s * 0.75}L${-s * 0.75},${s}H${s * 0.75}Z`} fill="#E69F00" stroke="#1d1d1f" strokeWidth={0.9} strokeLinejoin="round" />;
    case 'delayed': return <g aria-hidden="true" transform={t}><circle r={s} fill="#ffffff" stroke="#1d1d1f" strokeWidth={0.9} /><path d={`M0,0V${-s * 0.7}M0,0H${s * 0.55}`} stroke="#1d1d1f" strokeWidth={1} /></g>;
    case 'dead': return <path aria-hidden="true" transform={t} d={`M${-s * 0.8},${-s * 0.8}L${s * 0.8},${s * 0.8}M${s * 0.8},${-s * 0.8}L${-s * 0.8},${s * 0.8}`} stroke="#a83a00" strokeWidth={1.8} strokeLinecap="round" />;
    default: return null;
  }
}

export const Chip = memo(function Chip(p: ChipProps) {
  const look = CHIP_LOOKS[p.kind];
  const fill = look.fill.replace('#qv-hatch', `#qv-hatch-${p.town ? 'town' : 'tech'}`);
  const { r, fs } = p;
  const base = pointable({ kind: 'item', id: p.item }, p.label, (x, y) => p.onMenu(p.item, x, y));
  const small = Math.max(11, fs - 2);
  const badgeW = textWidth(`×${p.count}`, 11, { bold: true }) + 6;
  const glyphW = look.glyph ? small * 1.05 : 0;
  // A chip given phrasings is one in a holder's hands, under the holder's name: its count goes into its words, not above it.
  const inside = typeof p.text !== 'string' && p.count > 1;
  const texts = typeof p.text === 'string' ? [p.text] : inside ? [...p.text.map((t) => `${t} ×${p.count}`), ...p.text] : p.text;
  const fold = Math.min(7, r.h * 0.35);
  const shape = p.town
    ? `M${r.x},${r.y}H${r.x + r.w - fold}L${r.x + r.w},${r.y + fold}V${r.y + r.h}H${r.x}Z`
    : null;
  return (
    <g className={`tb-notice qv-chip${p.focused ? ' is-focused' : ''}${p.selected ? ' is-selected' : ''}`} {...base} tabIndex={-1}
      data-chip-row={p.row} data-item={p.item}
      onMouseEnter={() => { base.onMouseEnter(); p.onHover(p.item); }}
      onMouseLeave={() => { base.onMouseLeave(); p.onHover(null); }}
      onFocus={() => { base.onFocus(); p.onHover(p.item); }}
      onBlur={() => { base.onBlur(); p.onHover(null); }}
      onKeyDown={(e) => { if (!chipKeys(e, p.row)) base.onKeyDown(e); }}>
      <rect className="tb-ring" x={r.x - 3} y={r.y - 3} width={r.w + 6} height={r.h + 9} rx={4} />
      {shape
        ? <path d={shape} fill={fill} stroke={look.stroke} strokeWidth={1.4} strokeDasharray={look.dash} />
        : <rect x={r.x} y={r.y} width={r.w} height={r.h} rx={3} fill={fill} stroke={look.stroke} strokeWidth={1.4} strokeDasharray={look.dash} />}
      {p.town && (p.kind === 'waiting' || p.kind === 'record') && <circle cx={r.x + r.w / 2} cy={r.y + 2.5} r={2.2} fill="#D55E00" stroke="#1d1d1f" strokeWidth={0.6} />}
      {look.glyph && <Glyph kind={p.kind} x={r.x + 2 + small * 0.42} y={r.y + r.h / 2} s={small * 0.42} />}
      <text x={r.x + glyphW + (r.w - glyphW) / 2} y={r.y + r.h / 2 + small * 0.36} fontSize={small} textAnchor="middle" className="tb-mono"
        fill="#1d1d1f" aria-hidden="true">{typeof p.text === 'string' ? fit(p.text, r.w - glyphW, small) : firstFit(texts, r.w - glyphW - 4, small, { mono: true })}</text>
      {p.count > 1 && !inside && (
        // The receive (delivery) count, as a stamp on the corner: at least 11 px, like all the stage's text.
        // Above the chip's top edge, so it never covers the chip's text.
        <g aria-hidden="true" transform={`translate(${r.x + r.w - 2},${r.y - 7})`}>
          <rect x={-badgeW + 4} y={0} width={badgeW} height={12} rx={6} fill="#1d1d1f" />
          <text x={-badgeW / 2 + 4} y={10} fontSize={11} fill="#ffffff" textAnchor="middle" fontWeight={700}>×{p.count}</text>
        </g>
      )}
      {p.timer && (
        <g aria-hidden="true">
          <rect x={r.x} y={r.y + r.h + 2} width={r.w} height={3} fill="#e8e8ec" />
          <rect ref={(el) => p.timerRef(p.item, el)} x={r.x} y={r.y + r.h + 2} height={3} width={r.w} fill={TIMER_COLOUR}
            data-until={p.timer.until} data-span={p.timer.span} data-full={r.w} />
        </g>
      )}
    </g>
  );
}, (a, b) => a.item === b.item && a.kind === b.kind && String(a.text) === String(b.text) && a.count === b.count && a.label === b.label && a.fs === b.fs
  && a.town === b.town && a.focused === b.focused && a.selected === b.selected && a.row === b.row
  && a.r.x === b.r.x && a.r.y === b.r.y && a.r.w === b.r.w && a.r.h === b.r.h
  && a.timer?.until === b.timer?.until && a.timer?.span === b.timer?.span);
