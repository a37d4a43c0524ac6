// The key under the lanes of the technical picture: a small drawing and a few words for each kind of mark
// the picture shows right now (a run without transactions gets no LSO entry), so the lanes' markers can
// stay small and the learner can still read what each one is.
import { STATUS } from '../shared/palette.ts';
import type { Rect } from './layout-tech.ts';
import type { KeyEntry, KeyId } from './plan.ts';
import { NodeMark } from './glyphs.tsx';

function KeySymbol({ id, x, y, s }: { id: KeyId; x: number; y: number; s: number }) {
  const h = s * 0.5;
  const box = (fill: string, stroke = '#6b6b70', dash?: string, width = 1) =>
    <rect x={x} y={y - h} width={s * 1.3} height={2 * h} rx={2} fill={fill} stroke={stroke} strokeDasharray={dash} strokeWidth={width} />;
  const glyph = (t: string, fill: string, ink: string = STATUS.ink) => (
    <>
      <rect x={x + s * 0.15} y={y - h} width={2 * h} height={2 * h} rx={3} fill={fill} stroke="#1d1d1f" strokeDasharray={fill === '#ffffff' ? '3 2' : undefined} />
      <text x={x + s * 0.15 + h} y={y + s * 0.32} textAnchor="middle" fontSize={Math.max(11, s * 0.85)} fontWeight={800} fill={ink}>{t}</text>
    </>
  );
  switch (id) {
    case 'bookmark': return <path d={`M${x + s * 0.25},${y - h * 0.8}H${x + s * 1.05}L${x + s * 0.65},${y + h * 0.8}Z`} fill="#8a8a90" stroke="#1d1d1f" strokeWidth={0.8} />;
    case 'position': return <NodeMark x={x + s * 0.65} y={y} index={0} r={s * 0.4} />;
    case 'hw': return <line x1={x + s * 0.65} y1={y - h - 1} x2={x + s * 0.65} y2={y + h + 1} stroke="#1d1d1f" strokeWidth={3} />;
    case 'lso': return <line x1={x + s * 0.65} y1={y - h - 1} x2={x + s * 0.65} y2={y + h + 1} stroke="#E69F00" strokeWidth={2.5} strokeDasharray="3 2" />;
    case 'leader': return glyph('★', '#1d1d1f', '#ffffff');
    case 'insync': return glyph('✓', '#d6ecf8');
    case 'behind': return glyph('−', '#ffffff', '#a83a00');
    case 'down': return glyph('✕', 'url(#kt-hatch)', '#a83a00');
    case 'pale': return box('url(#kt-pale)', '#6b6b70', '3 2');
    case 'open': return box('#ffffff', '#E69F00', undefined, 2);
    case 'marker': return box('#cdeee2');
    case 'aborted': return <>{box('#e4e4e8', '#a83a00')}<line x1={x + 2} y1={y} x2={x + s * 1.3 - 2} y2={y} stroke="#a83a00" strokeWidth={1.5} /></>;
    case 'reading': return box('#ffffff', '#1d1d1f', undefined, 2.5);
    case 'older': return <text x={x + s * 0.65} y={y + s * 0.33} textAnchor="middle" fontSize={s} fill={STATUS.muted}>⋯</text>;
    case 'deleted': return <text x={x + s * 0.65} y={y + s * 0.33} textAnchor="middle" fontSize={s} fill="#a83a00">✂</text>;
    case 'twice': return <text x={x + s * 0.65} y={y + s * 0.33} textAnchor="middle" fontSize={Math.max(11, s * 0.85)} fontWeight={800} className="tb-status-fire">×2</text>;
    case 'tombstone': return <text x={x + s * 0.65} y={y + s * 0.33} textAnchor="middle" fontSize={s} fontWeight={800}>∅</text>;
  }
}

export function TechKey({ entries, items, fs }: { entries: readonly KeyEntry[]; items: readonly Rect[]; fs: number }) {
  return (
    <g aria-label={`Key: ${entries.map((e) => e.text).join('; ')}`} role="note" data-testid="kafka-key">
      {entries.map((e, i) => {
        const r = items[i];
        if (!r) return null;
        const cy = r.y + r.h / 2;
        return (
          <g key={e.id} aria-hidden="true">
            <KeySymbol id={e.id} x={r.x} y={cy} s={fs + 1} />
            <text x={r.x + (fs + 1) * 1.9} y={cy + fs * 0.36} fontSize={fs} fill={STATUS.ink}>{e.text}</text>
          </g>
        );
      })}
    </g>
  );
}
