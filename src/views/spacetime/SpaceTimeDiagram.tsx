// The space-time diagram: one lane per node, time running left to right, each message an arrow from its
// send to its delivery (a drop ends in an X), crashes, pauses and partitions marked, and the current time
// as a cursor. Wheel or drag zooms and pans the time axis only (zoom.ts, around d3-zoom); clicking the
// time axis seeks.
import { useEffect, useRef, useState } from 'react';
import { scaleLinear } from 'd3';
import { labStore } from '../../store/lab-store.ts';
import { useElementMap, useFrame } from '../shared/hooks.ts';
import { useStage } from '../kit/stage.ts';
import { clamp } from '../shared/geometry.ts';
import { StageMenu } from '../kit/menu.tsx';
import { createModelIndex } from './model.ts';
import { followWindow, needsShift, zoomAround, type Window } from './axis.ts';
import { timeZoom, type TimeZoom } from './zoom.ts';
import { Arrows } from './Arrows.tsx';
import { Axis, Faults, Lanes } from './Lanes.tsx';
import { drawnArrows, liveBars as openBars } from './visible.ts';
import '../shared/views.css';

const FOLLOW_SPAN = 2000;

export function SpaceTimeDiagram({ className }: { className?: string }) {
  const stage = useStage({ fallback: { width: 900, height: 300 } });
  const { size, sim, focus, selected } = stage;
  const svgRef = useRef<SVGSVGElement>(null);
  const [index] = useState(createModelIndex);
  const [view, setView] = useState<{ follow: boolean; w: Window }>(() => ({ follow: true, w: followWindow(labStore.getState().now, FOLLOW_SPAN) }));
  // While a zoom or pan gesture runs, the window it shows; committed (one full re-render) when it ends.
  const [live, setLive] = useState<Window | null>(null);
  const zoomer = useRef<TimeZoom | null>(null);
  const cursorEl = useRef<HTMLDivElement>(null);
  const cursorLabel = useRef<HTMLSpanElement>(null);
  const liveArrows = useElementMap<string, SVGGElement>();
  const liveBars = useElementMap<string, SVGRectElement>();

  const trace = sim.trace();
  const model = index.update(trace);
  const nodeIds = sim.nodes().map((n) => n.id);
  const lanes = [...nodeIds, ...model.seen.filter((n) => !nodeIds.includes(n))];
  const fs = clamp(Math.round(size.width / 85), 11, 17);
  const gutter = clamp(fs * 8, 90, 150);
  const top = fs * 2 + 10;
  const laneH = clamp((size.height - top - 8) / Math.max(1, lanes.length), 26, 72);
  const height = Math.max(size.height, top + laneH * lanes.length + 8);
  const r0 = gutter;
  const r1 = Math.max(gutter + 50, size.width - 14);
  const x = scaleLinear().domain([view.w.t0, view.w.t1]).range([r0, r1]);
  const shownWindow = live ?? view.w;
  const xs = live ? scaleLinear().domain([live.t0, live.t1]).range([r0, r1]) : x;
  // During a gesture the drawn layers are moved and stretched by one transform instead of re-rendered.
  const k = (view.w.t1 - view.w.t0) / (shownWindow.t1 - shownWindow.t0);
  const tx = r0 - r0 * k + ((view.w.t0 - shownWindow.t0) / (shownWindow.t1 - shownWindow.t0)) * (r1 - r0);
  const gesture = live ? `translate(${tx.toFixed(2)},0) scale(${k.toFixed(5)},1)` : undefined;
  const laneY: Record<string, number> = {};
  lanes.forEach((id, k) => { laneY[id] = top + laneH * (k + 0.5); });
  const arrivals = new Map(sim.inFlight().map((f) => [f.msgId, f.arrivesAt]));
  const drawn = drawnArrows(model, view.w, sim.now, arrivals, laneY);
  const liveList = drawn.filter((d) => d.live);
  const barList = openBars(model, laneY);

  // Zoom and pan on the time axis only: the controller reads the gesture, React draws the window.
  useEffect(() => {
    const svg = svgRef.current;
    if (!svg) return;
    const z = timeZoom(svg, {
      live: setLive,
      end: (w) => {
        if (w) setView({ follow: false, w });
        setLive(null);
      },
    });
    zoomer.current = z;
    return () => { z.destroy(); zoomer.current = null; };
  }, []);
  useEffect(() => { zoomer.current?.update({ r0, r1 }, view.w); });

  useFrame((now) => {
    const px = xs(now);
    const cursor = cursorEl.current;
    if (cursor) {
      cursor.style.transform = `translateX(${px.toFixed(1)}px)`;
      cursor.style.visibility = px < r0 - 1 || px > r1 + 1 ? 'hidden' : 'visible';
    }
    if (cursorLabel.current) cursorLabel.current.textContent = `now ${now}ms`;
    for (const a of liveList) {
      const el = liveArrows.get(a.key);
      if (!el) continue;
      const f = a.t1 > a.t0 ? clamp((now - a.t0) / (a.t1 - a.t0), 0, 1) : 1;
      const x2 = x(a.t0) + (x(a.t1) - x(a.t0)) * f;
      const y2 = a.y0 + (a.y1 - a.y0) * f;
      for (const line of el.querySelectorAll('line')) { line.setAttribute('x2', x2.toFixed(1)); line.setAttribute('y2', y2.toFixed(1)); }
    }
    for (const b of barList) {
      const el = liveBars.get(b.key);
      if (el) el.setAttribute('width', Math.max(2, Math.min(x(now), r1 + 10) - Math.max(x(b.from), r0 - 2)).toFixed(1));
    }
    if (view.follow && !live && needsShift(view.w, now)) setView({ follow: true, w: followWindow(now, FOLLOW_SPAN) });
  });

  const zoomBy = (factor: number) => setView((v) => ({ follow: false, w: zoomAround(v.w, labStore.getState().now, factor) }));
  const fitAll = () => setView({ follow: false, w: { t0: 0, t1: Math.max(100, sim.horizon, sim.now) * 1.03 } });
  const follow = () => setView({ follow: true, w: followWindow(sim.now, FOLLOW_SPAN) });
  const seekAt = (clientX: number) => {
    const left = svgRef.current?.getBoundingClientRect().left ?? 0;
    labStore.getState().jumpTo(Math.max(0, Math.round(xs.invert(clientX - left))));
  };

  return (
    <div className={`tb-view tb-spacetime ${className ?? ''}`} style={{ display: 'flex', flexDirection: 'column' }}>
      <div className="tb-st-controls" role="toolbar" aria-label="Time axis of the space-time diagram">
        <span className="tb-st-title">Space-time diagram</span>
        <span className="tb-st-hint">wheel: zoom · drag: pan · click the time axis: jump there</span>
        <button type="button" onClick={() => zoomBy(1.6)} aria-label="Zoom in on time">+</button>
        <button type="button" onClick={() => zoomBy(1 / 1.6)} aria-label="Zoom out on time">−</button>
        <button type="button" onClick={fitAll}>Fit all</button>
        <button type="button" aria-pressed={view.follow} onClick={follow}>Follow now</button>
      </div>
      <div ref={stage.wrap} style={{ flex: 1, minHeight: 0, overflowY: 'auto', overflowX: 'hidden', position: 'relative' }}>
      <svg ref={svgRef} width={size.width} height={height} role="group"
        aria-label={`Space-time diagram: ${lanes.length} lanes, ${model.arrows.length} messages, showing ${Math.round(view.w.t0)} to ${Math.round(view.w.t1)} ms`}>
        <defs>
          <marker id="tb-st-head" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="11" markerHeight="11" markerUnits="userSpaceOnUse" orient="auto-start-reverse">
            <path d="M0,0L10,5L0,10Z" fill="#1d1d1f" />
          </marker>
          <pattern id="tb-st-down" width="7" height="7" patternUnits="userSpaceOnUse" patternTransform="rotate(45)">
            <rect width="7" height="7" fill="#f3d6c4" /><line x1="0" y1="0" x2="0" y2="7" stroke="#D55E00" strokeWidth="2.5" />
          </pattern>
          <pattern id="tb-st-band" width="12" height="12" patternUnits="userSpaceOnUse" patternTransform="rotate(-45)">
            <rect width="12" height="12" fill="#fdf1ea" /><line x1="0" y1="0" x2="0" y2="12" stroke="#f0c3a8" strokeWidth="3" />
          </pattern>
          <clipPath id="tb-st-plot"><rect x={r0} y={0} width={r1 - r0 + 10} height={height} /></clipPath>
        </defs>
        <rect width={size.width} height={height} fill="#ffffff" />
        <Axis x={xs} top={top} height={height} r0={r0} r1={r1} fs={fs} onSeek={seekAt} />
        <g clipPath="url(#tb-st-plot)"><g transform={gesture}>
          <Faults model={model} x={x} laneY={laneY} laneH={laneH} top={top} height={height} fs={fs} now={sim.now}
            bars={liveBars} />
        </g></g>
        {lanes.length === 0 && (
          <text x={(r0 + r1) / 2} y={top + 40} textAnchor="middle" fontSize={fs} fill="#6b6b70">
            No nodes yet: each node will get a lane here, and each message an arrow.
          </text>
        )}
        <Lanes lanes={lanes} laneY={laneY} laneH={laneH} r0={r0} r1={r1} focus={focus} selected={selected} fs={fs}
          onMenu={(node, cx, cy) => stage.openMenu({ kind: 'node', node, x: cx, y: cy })} />
        <g clipPath="url(#tb-st-plot)"><g transform={gesture}>
          <Arrows drawn={drawn} x={x} focus={focus} selected={selected} fs={fs} live={liveArrows} />
        </g></g>
      </svg>
      {/* The cursor is an HTML layer moved by a transform: the compositor moves it without repainting the SVG. */}
      <div ref={cursorEl} className="tb-st-cursor" aria-hidden="true" style={{ height, top: 0 }}>
        <span ref={cursorLabel} style={{ fontSize: fs - 2 }}>now</span>
        <div className="tb-st-cursor-line" style={{ top: top - 6 }} />
      </div>
      </div>
      <StageMenu menu={stage.menu} onClose={stage.closeMenu} />
    </div>
  );
}
