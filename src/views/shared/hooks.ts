// React hooks shared by the views: container size, and the transient subscription that moves things in
// flight every frame without re-rendering React.
import { useEffect, useLayoutEffect, useRef, useState, type RefObject } from 'react';
import { labStore } from '../../store/lab-store.ts';
import type { Size } from './geometry.ts';

/** The magnification CSS zoom gives an element (1 when none, or where the browser does not say). */
export function cssZoom(el: Element): number {
  const z = (el as Element & { currentCSSZoom?: number }).currentCSSZoom;
  return typeof z === 'number' && z > 0 ? z : 1;
}

/** Calls `read(el)` once the element is laid out and again whenever a ResizeObserver sees it change. */
export function useOnResize<E extends Element>(ref: RefObject<E | null>, read: (el: E) => void): void {
  const latest = useRef(read);
  useLayoutEffect(() => { latest.current = read; });
  useLayoutEffect(() => {
    const el = ref.current;
    if (!el) return;
    const run = () => latest.current(el);
    run();
    const ro = new ResizeObserver(run);
    ro.observe(el);
    return () => ro.disconnect();
  }, [ref]);
}

/** The element's content size, kept current with a ResizeObserver. */
export function useSize(ref: RefObject<Element | null>, fallback: Size = { width: 800, height: 500 }): Size {
  const [size, setSize] = useState<Size>(fallback);
  useOnResize(ref, (el) => {
    // In CSS pixels of the view's own drawing: presenter mode magnifies the stage with CSS zoom.
    const r = el.getBoundingClientRect();
    const z = cssZoom(el);
    const w = Math.round(r.width / z);
    const h = Math.round(r.height / z);
    if (w > 0 && h > 0) setSize((s) => (s.width === w && s.height === h ? s : { width: w, height: h }));
  });
  return size;
}

export type FrameApply = (now: number, reducedMotion: boolean) => void;

/**
 * Calls `apply` after every render and whenever the store's time (or reduced-motion setting) changes.
 * `apply` writes SVG attributes directly: playback moves flights 60 times a second without React.
 */
export function useFrame(apply: FrameApply): void {
  const latest = useRef(apply);
  useLayoutEffect(() => {
    latest.current = apply;
    const s = labStore.getState();
    apply(s.now, s.reducedMotion);
  });
  useEffect(() => labStore.subscribe((s, prev) => {
    if (s.now !== prev.now || s.reducedMotion !== prev.reducedMotion) latest.current(s.now, s.reducedMotion);
  }), []);
}

/** Writes an attribute only when its value changes: an unchanged write still restyles and repaints. */
export function setAttr(el: Element, name: string, value: string): void {
  if (el.getAttribute(name) !== value) el.setAttribute(name, value);
}

/** A map of elements by key, filled by callback refs, for `useFrame` to update. */
export function useElementMap<K, E extends Element>(): Map<K, E> {
  const [map] = useState(() => new Map<K, E>());
  return map;
}
