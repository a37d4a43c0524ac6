// How much presenter mode magnifies a picture (CSS zoom), kept current as the pane resizes: the pictures
// pick a larger type when the magnification alone would draw it under 18 px (layout-tech.ts fontForZoom).
import { useState, type RefObject } from 'react';
import { cssZoom, useOnResize } from '../shared/hooks.ts';

export function useZoom(ref: RefObject<Element | null>): number {
  const [zoom, setZoom] = useState(1);
  useOnResize(ref, (el) => setZoom(cssZoom(el)));
  return zoom;
}
