// The hover card of a message or record: its receive count, route and timer, next to it. The timer line
// counts down every frame through the pane's frame loop (data-until), not React renders.
import type { Card } from './describe.ts';
import type { Rect } from './layout.ts';

export function Tooltip({ card, at, width, height, timerRef }: {
  card: Card; at: Rect; width: number; height: number; timerRef: (key: string, el: HTMLElement | null) => void;
}) {
  const w = Math.min(300, width - 8);
  const left = Math.max(4, Math.min(width - w - 4, at.x + at.w / 2 - w / 2));
  const below = at.y + at.h + 10;
  const lines = card.lines.length + (card.timer ? 1 : 0) + 1;
  const estH = lines * 18 + 14;
  const top = below + estH > height && at.y - estH - 6 > 0 ? at.y - estH - 6 : below;
  return (
    <div className="qv-tooltip" aria-hidden="true" data-testid="queue-tooltip" style={{ left, top, width: w }}>
      <strong>{card.title}</strong>
      {card.lines.map((l, k) => <div key={k}>{l}</div>)}
      {card.timer && (
        <div>
          {card.timer.label}: <span ref={(el) => timerRef('tooltip', el)} data-until={card.timer.until} data-countdown="">…</span>
        </div>
      )}
    </div>
  );
}
