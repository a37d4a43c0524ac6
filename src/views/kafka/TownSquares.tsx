// The other squares of the town (brokers), each with its copy of some columns of the board. A copy is a
// small bar as tall as its share of the leader's notices: ★ on the square that holds the original
// (leader), ✓ on copies in sync, a pale dashed bar with "−N" on a copy that fell behind (out of the ISR).
// A square on fire (crashed) is greyed with flames and the words.
import { pointable } from '../shared/interaction.tsx';
import { STATUS } from '../shared/palette.ts';
import type { Focus } from '../shared/highlight.ts';
import { Flames } from '../drawings/buildings.tsx';
import type { Rect } from './layout-tech.ts';
import type { BrokerModel, KafkaPicture } from './model.ts';
import { partitionFocused } from './ids.ts';
import { copyWords } from './describe.ts';
import { NodeMark } from './glyphs.tsx';
import { firstFit } from '../shared/measure.ts';

export function TownSquare({ b, r, pic, fs, focus, selected, onMenu }: {
  b: BrokerModel; r: Rect; pic: KafkaPicture; fs: number; focus: Focus; selected: boolean; onMenu: (x: number, y: number) => void;
}) {
  const down = !b.up;
  const copies = pic.partitions.flatMap((p) => {
    const c = p.copies.find((x) => x.broker === b.id);
    return c ? [{ p, c }] : [];
  });
  // Words at least 11 px: the name a little larger, the state and the copies' marks as small as that.
  const small = Math.max(11, fs - 2);
  const lineH = fs + 3;
  const inner = { x: r.x + 6, y: r.y + lineH + 6, w: r.w - 12, h: r.h - lineH - 10 };
  const colW = inner.w / Math.max(1, copies.length);
  const marks = colW >= small * 0.8;
  const labels = colW >= small * 0.62 * (pic.topics.length > 1 ? 3 : 2);
  const barTop = inner.y + small * 0.95;
  const barH = Math.max(6, inner.h - small * 0.95 - (labels ? small * 0.95 : 2));
  const words = `square ${b.id} (broker): ${down ? 'ON FIRE · crashed' : b.fenced ? 'fenced by the controller' : 'up'}; holds the original of ${b.leads.length ? b.leads.join(',') : 'nothing'}; copies of ${b.follows.length ? b.follows.join(',') : 'nothing'}${b.outOfSync.length ? `; behind on ${b.outOfSync.join(',')}` : ''}. Context-menu key: crash or restart.`;
  const focused = focus.nodes.has(b.id);
  return (
    <g className={`tb-node${focused ? ' is-focused' : ''}${selected ? ' is-selected' : ''}`} data-testid={`square-${b.id}`} {...pointable({ kind: 'node', id: b.id }, words, onMenu)}>
      <title>{words}</title>
      <rect className="tb-ring" x={r.x - 4} y={r.y - 4} width={r.w + 8} height={r.h + 8} rx={10} />
      <rect x={r.x} y={r.y} width={r.w} height={r.h} rx={8} fill={down ? '#cfcac0' : '#efe6d2'} stroke="#b9ab8c" strokeWidth={1.5} />
      <NodeMark x={r.x + fs * 0.7} y={r.y + lineH * 0.62} index={b.index} r={fs * 0.36} dim={down} />
      <text x={r.x + fs * 1.35} y={r.y + lineH * 0.62 + fs * 0.35} fontSize={fs - 1} fontWeight={800}>{b.id}</text>
      <text x={r.x + r.w - 5} y={r.y + lineH * 0.62 + fs * 0.35} textAnchor="end" fontSize={small} fontWeight={down || b.fenced ? 800 : 400}
        className={down ? 'tb-status-fire' : undefined} fill={down ? undefined : STATUS.muted}>
        {fitWords(down ? ['ON FIRE'] : b.fenced ? ['fenced'] : [`leads ${b.leads.length} · copies ${b.follows.length}`, `★${b.leads.length} copies ${b.follows.length}`, `★${b.leads.length}`], r.w - fs * 1.4 - b.id.length * fs * 0.62 - 8, small)}
      </text>
      <rect x={inner.x} y={inner.y} width={inner.w} height={inner.h} rx={3} fill={down ? '#b3a99a' : '#d8b27a'} stroke="#6b4226" />
      {copies.map(({ p, c }, i) => {
        const x = inner.x + i * colW;
        const full = Math.max(1, p.leo);
        const share = p.leo === 0 ? 1 : Math.min(1, c.leo / full);
        const h = Math.max(2, barH * share);
        const f = partitionFocused(focus, p.tp);
        const bw = Math.max(3, colW - 3);
        const glyph = c.role === 'leader' ? '★' : !c.inSync ? '−' : '✓';
        return (
          <g key={p.tp} aria-hidden="true">
            <title>{`${p.tp}: ${copyWords(c)} · ${c.leo} notices`}</title>
            {f && <rect x={x + 0.5} y={inner.y + 1} width={colW - 1} height={inner.h - 2} fill="rgba(0,114,178,0.28)" stroke="#0072B2" strokeWidth={1.5} />}
            <rect x={x + 1.5} y={barTop + barH - barH} width={bw} height={barH} fill="rgba(255,255,255,0.35)" stroke="rgba(61,38,18,0.35)" strokeWidth={0.8} />
            <rect x={x + 1.5} y={barTop + barH - h} width={bw} height={h} fill={!c.inSync ? 'url(#kw-pale)' : c.role === 'leader' ? '#fffdf5' : '#e3f1fb'}
              stroke={!c.inSync ? '#a83a00' : '#3d2612'} strokeWidth={!c.inSync ? 1.4 : 1} strokeDasharray={!c.inSync ? '2 2' : undefined} />
            {marks && <text x={x + colW / 2} y={inner.y + small * 0.8} textAnchor="middle" fontSize={small} fontWeight={800}
              fill={glyph === '−' ? '#a83a00' : '#3d2612'}>{glyph}</text>}
            {labels && <text x={x + colW / 2} y={inner.y + inner.h - 2} textAnchor="middle" fontSize={small} fill="#3d2612">
              {pic.topics.length > 1 ? `${p.topic.slice(0, 1)}${p.partition}` : p.partition}</text>}
          </g>
        );
      })}
      {down && (
        <g transform={`translate(${r.x + r.w / 2},${r.y + r.h * 0.62}) scale(${(Math.min(r.w, r.h) / 130).toFixed(3)})`} opacity={0.85}><Flames /></g>
      )}
    </g>
  );
}

/** The first phrasing that fits. */
function fitWords(options: readonly string[], w: number, fs: number): string {
  return firstFit(options, w, fs, { bold: true });
}
