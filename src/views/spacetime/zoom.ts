// Zoom and pan of the space-time diagram's time axis: a small controller around d3-zoom. It only listens
// to the gestures on the svg it is given (wheel, drag, pinch) and turns each step into a new time window;
// React owns the DOM and draws whatever window it is told about. `update` hands it the window React shows
// and the plot's pixel range after each render; `destroy` removes its listeners.
import { select, zoom, type D3ZoomEvent, type ZoomTransform } from 'd3';
import { applyGesture, type Window } from './axis.ts';

export interface TimeZoom {
  update(range: { r0: number; r1: number }, shown: Window): void;
  destroy(): void;
}

export interface TimeZoomEvents {
  /** A gesture is under way: the window it shows now. */
  live(w: Window): void;
  /** The gesture ended: the window it reached (null when it did not move). */
  end(w: Window | null): void;
}

export function timeZoom(svg: SVGSVGElement, on: TimeZoomEvents): TimeZoom {
  let range = { r0: 0, r1: 1 };
  let shown: Window = { t0: 0, t1: 1 };
  let live: Window | null = null;
  let prev: ZoomTransform | null = null;
  const behaviour = zoom<SVGSVGElement, unknown>()
    .scaleExtent([1e-6, 1e6])
    // d3-zoom swallows the click that ends a drag, so arrows, lanes and the axis stay clickable.
    .filter((ev: MouseEvent) => (!ev.ctrlKey || ev.type === 'wheel') && !ev.button)
    .on('start', (ev: D3ZoomEvent<SVGSVGElement, unknown>) => { prev = ev.transform; })
    .on('zoom', (ev: D3ZoomEvent<SVGSVGElement, unknown>) => {
      if (!prev || !ev.sourceEvent) { prev = ev.transform; return; }
      // d3 keeps one transform for the whole svg; only the change since the last step matters here.
      const a = ev.transform.k / prev.k;
      const b = ev.transform.x - a * prev.x;
      prev = ev.transform;
      live = applyGesture(live ?? shown, range.r0, range.r1, a, b);
      on.live(live);
    })
    .on('end', () => {
      const w = live;
      live = null;
      on.end(w);
    });
  const sel = select(svg);
  sel.call(behaviour).on('dblclick.zoom', null);
  return {
    update(r, w) { range = r; shown = w; },
    destroy() { sel.on('.zoom', null); },
  };
}
