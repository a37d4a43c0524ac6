// The keys (and, in the technical picture, the ring's arcs) drawn on one canvas: 10,000 keys are 10,000
// small rectangles in one pass, not 10,000 React elements. Redrawn only when the picture or size changes.
import { useEffect, useRef } from 'react';
import { nodeStyle } from '../shared/palette.ts';
import type { RingLayout } from './layout.ts';
import { keyRadius } from './layout.ts';
import type { RingPicture } from './model.ts';

const TAU = Math.PI * 2;
const angle = (p: number) => p * TAU - Math.PI / 2;

function draw(ctx: CanvasRenderingContext2D, pic: RingPicture, l: RingLayout, arcs: boolean): void {
  const colours = pic.nodes.map((n) => nodeStyle(n.index).colour);
  if (arcs) {
    // Each token owns the arc from the token before it up to itself: drawn in its node's colour.
    const all: { p: number; node: number }[] = [];
    pic.nodes.forEach((n) => n.tokens.forEach((p) => all.push({ p, node: n.index })));
    all.sort((a, b) => a.p - b.p);
    ctx.lineWidth = 10;
    all.forEach((t, i) => {
      const prev = i === 0 ? all[all.length - 1]!.p - 1 : all[i - 1]!.p;
      ctx.strokeStyle = colours[t.node]!;
      ctx.beginPath();
      ctx.arc(l.cx, l.cy, l.r, angle(prev), angle(t.p));
      ctx.stroke();
    });
    // A tick per token while they can be told apart; beyond that the arcs alone show them.
    ctx.strokeStyle = '#1d1d1f';
    ctx.lineWidth = 1;
    ctx.beginPath();
    if (all.length <= 200) for (const t of all) {
      const a = angle(t.p);
      ctx.moveTo(l.cx + (l.r - 7) * Math.cos(a), l.cy + (l.r - 7) * Math.sin(a));
      ctx.lineTo(l.cx + (l.r + 7) * Math.cos(a), l.cy + (l.r + 7) * Math.sin(a));
    }
    ctx.stroke();
  }
  const n = pic.keyAt.length;
  const s = n > 4000 ? 2 : n > 1000 ? 3 : 4;
  // Keys that stayed, by node colour; then the moved ones on top, larger and outlined.
  for (let i = 0; i < n; i++) {
    if (pic.movedFrom[i]! >= 0) continue;
    const a = angle(pic.keyAt[i]!);
    const r = keyRadius(l, i);
    ctx.fillStyle = colours[pic.keyOwner[i]!] ?? '#9a9a9a';
    ctx.fillRect(l.cx + r * Math.cos(a) - s / 2, l.cy + r * Math.sin(a) - s / 2, s, s);
  }
  ctx.strokeStyle = '#1d1d1f';
  ctx.lineWidth = 0.8;
  const m = s + 1;
  for (let i = 0; i < n; i++) {
    if (pic.movedFrom[i]! < 0) continue;
    const a = angle(pic.keyAt[i]!);
    const r = keyRadius(l, i);
    ctx.fillStyle = colours[pic.keyOwner[i]!] ?? '#9a9a9a';
    ctx.fillRect(l.cx + r * Math.cos(a) - m / 2, l.cy + r * Math.sin(a) - m / 2, m, m);
    ctx.strokeRect(l.cx + r * Math.cos(a) - m / 2, l.cy + r * Math.sin(a) - m / 2, m, m);
  }
}

export function KeyCanvas({ pic, layout, width, height, arcs }: { pic: RingPicture; layout: RingLayout; width: number; height: number; arcs: boolean }) {
  const ref = useRef<HTMLCanvasElement>(null);
  useEffect(() => {
    const c = ref.current;
    const ctx = c?.getContext('2d');
    if (!c || !ctx) return;
    const dpr = window.devicePixelRatio || 1;
    c.width = Math.round(width * dpr);
    c.height = Math.round(height * dpr);
    ctx.setTransform(dpr, 0, 0, dpr, 0, 0);
    ctx.clearRect(0, 0, width, height);
    draw(ctx, pic, layout, arcs);
  }, [pic, layout, width, height, arcs]);
  return <canvas ref={ref} aria-hidden="true" data-testid="hashring-keys" style={{ position: 'absolute', left: 0, top: 0, width, height, pointerEvents: 'none' }} />;
}
