// The town's taken messages: the empty pigeonhole a held message leaves in its queue (dashed, with the
// holder's mark and, when there is a timer, the time until it comes back), the "+N" for held messages a
// holder's hands have no room for, and the hands box of a holder with no building (`you`, at the console).
import { markPath, nodeStyle, STATUS } from '../shared/palette.ts';
import { firstFit } from '../shared/measure.ts';
import { TIMER_COLOUR } from './looks.ts';
import { Glyph } from './Chip.tsx';
import type { Metrics, Rect } from './layout.ts';

export interface GhostProps {
  item: string;
  r: Rect;
  id: number;
  holder: string;
  /** The holder's place in the node list (its mark and colour), or null for `you`. */
  index: number | null;
  timer: { until: number; span: number } | null;
  m: Metrics;
  timerRef: (key: string, el: SVGElement | null) => void;
}

/** An empty pigeonhole: its message is out, in `holder`'s hands; if the timer runs out it comes back here. */
export function Ghost(p: GhostProps) {
  const { r, m } = p;
  const st = p.index === null ? null : nodeStyle(p.index);
  const s = m.small * 0.42;
  const markX = r.x + 3 + s * 2.2;
  const textX = markX + (st ? s * 2.2 : 0);
  const text = firstFit([`#${p.id} → ${p.holder}`, `#${p.id} →`, `#${p.id}`, ''], r.x + r.w - textX - 2, m.small);
  return (
    <g aria-hidden="true" className="qv-ghost" data-ghost={p.item}>
      <rect x={r.x} y={r.y} width={r.w} height={r.h} rx={3} fill="#fffdf6" fillOpacity={0.55} stroke="#6b4a24" strokeWidth={1.2} strokeDasharray="3 2" />
      <Glyph kind="held" x={r.x + 3 + s} y={r.y + r.h / 2} s={s} />
      {st && <path d={markPath(st.mark, s)} transform={`translate(${markX + s * 0.4},${r.y + r.h / 2})`} fill={st.colour} stroke="#1d1d1f" strokeWidth={0.8} />}
      {text && <text x={textX + 2} y={r.y + r.h / 2 + m.small * 0.36} fontSize={m.small} fill={STATUS.ink} className="tb-mono">{text}</text>}
      {p.timer && (
        <>
          <rect x={r.x} y={r.y + r.h + 2} width={r.w} height={3} fill="#e8e8ec" />
          <rect ref={(el) => p.timerRef(`${p.item}:ghost`, el)} x={r.x} y={r.y + r.h + 2} height={3} width={r.w} fill={TIMER_COLOUR}
            data-until={p.timer.until} data-span={p.timer.span} data-full={r.w} />
        </>
      )}
    </g>
  );
}

/** Held messages a holder's hands had no room for. */
export function HandsMore({ r, n, m }: { r: Rect; n: number; m: Metrics }) {
  return (
    <g aria-hidden="true">
      <rect x={r.x} y={r.y} width={r.w} height={r.h} rx={3} fill="#f0f0f3" stroke="#6b6b70" strokeDasharray="2 2" />
      <text x={r.x + r.w / 2} y={r.y + r.h / 2 + m.small * 0.36} fontSize={m.small} textAnchor="middle" fontWeight={700}>+{n}</text>
    </g>
  );
}

/** Somebody with no building who holds messages (`you`, who received from the console): their hands. */
export function HandsBox({ who, r, m }: { who: string; r: Rect; m: Metrics }) {
  const lineH = m.fs * 1.25;
  const name = firstFit([who === 'you' ? 'you (the console)' : who, who], r.w - 10, m.small, { bold: true });
  return (
    <g aria-hidden="true" data-hands={who}>
      <rect x={r.x} y={r.y} width={r.w} height={r.h} rx={6} fill="#fffaf0" stroke="#6b4a24" strokeWidth={1.2} strokeDasharray="5 3" />
      <text x={r.x + 6} y={r.y + lineH * 0.85} fontSize={m.small} fontWeight={700} fill="#1d1d1f">{name}</text>
    </g>
  );
}
