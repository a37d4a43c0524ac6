// The routing graph's edges: from an exchange (or topic) to the label of the binding, then into the queue
// (or subscription) — in the town a chute from the sorting desk, its rule on a tag; dead-letter edges from a queue back to its dead-letter exchange. An edge a pointed-at
// message took is drawn thick, blue and solid; the others thin and grey.
import { OKABE_ITO, STATUS } from '../shared/palette.ts';
import { fit } from '../drawings/fit.ts';
import { EDGE, EDGE_LIT } from './looks.ts';
import { leftMid, rightMid, type Rect } from './layout.ts';

export interface EdgeDraw { key: string; from: Rect; label: Rect | null; to: Rect; text: string; lit: boolean }

const curve = (ax: number, ay: number, bx: number, by: number) => {
  const dx = Math.max(12, (bx - ax) / 2);
  return `M${ax.toFixed(1)},${ay.toFixed(1)}C${(ax + dx).toFixed(1)},${ay.toFixed(1)} ${(bx - dx).toFixed(1)},${by.toFixed(1)} ${bx.toFixed(1)},${by.toFixed(1)}`;
};

/** The town's edge: a wooden chute the sorted letters slide down (blue-rimmed when a pointed-at message came this way). */
function Chute({ d, lit }: { d: string; lit: boolean }) {
  return (
    <>
      <path d={d} fill="none" stroke={lit ? EDGE_LIT : '#6b4a24'} strokeWidth={lit ? 10 : 8} strokeLinecap="round" />
      <path d={d} fill="none" stroke="#e3c999" strokeWidth={lit ? 5 : 5} strokeLinecap="round" />
    </>
  );
}

export function BindingEdges({ edges, fs, town }: { edges: readonly EdgeDraw[]; fs: number; town: boolean }) {
  const small = Math.max(11, fs - 2);
  // Lit edges last, so they are drawn over the others.
  const ordered = [...edges].sort((a, b) => Number(a.lit) - Number(b.lit));
  return (
    <g aria-hidden="true" className="qv-edges">
      {ordered.map((e) => {
        const a = rightMid(e.from);
        const end = leftMid(e.to);
        const via = e.label ? leftMid(e.label) : end;
        const stroke = e.lit ? EDGE_LIT : EDGE;
        const w = e.lit ? 3 : 1.3;
        const first = curve(a.x, a.y, via.x, via.y);
        const second = e.label ? `M${e.label.x + e.label.w},${e.label.y + e.label.h / 2}L${end.x},${end.y}` : null;
        return (
          <g key={e.key}>
            {town ? <Chute d={first} lit={e.lit} /> : <path d={first} fill="none" stroke={stroke} strokeWidth={w} />}
            {e.label && second && (
              <>
                {town ? <Chute d={second} lit={e.lit} /> : <path d={second} fill="none" stroke={stroke} strokeWidth={w} />}
                <rect x={e.label.x} y={e.label.y} width={e.label.w} height={e.label.h} rx={3} fill={e.lit ? '#e3f0fb' : town ? '#fdf6e3' : '#ffffff'}
                  stroke={stroke} strokeWidth={e.lit ? 2 : 1} />
                <text x={e.label.x + 4} y={e.label.y + e.label.h / 2 + small * 0.36} fontSize={small} className="tb-mono" fill={STATUS.ink}>
                  {fit(e.text, e.label.w - 4, small)}
                </text>
              </>
            )}
          </g>
        );
      })}
    </g>
  );
}

/** From a queue's lower left back to the exchange (or topic) its dead letters go to. */
export function DeadLetterEdge({ from, to, lit }: { from: Rect; to: Rect; lit: boolean }) {
  const ax = from.x - 2;
  const ay = from.y + from.h - 3;
  const bx = to.x + to.w;
  const by = to.y + to.h - 5;
  const d = `M${ax.toFixed(1)},${ay.toFixed(1)}C${(ax - 30).toFixed(1)},${(ay + 18).toFixed(1)} ${(bx + 30).toFixed(1)},${(by + 18).toFixed(1)} ${bx.toFixed(1)},${by.toFixed(1)}`;
  return (
    <path aria-hidden="true" d={d} fill="none" stroke={lit ? EDGE_LIT : OKABE_ITO.vermillion} strokeWidth={lit ? 3 : 1.5} strokeDasharray="5 3" />
  );
}
