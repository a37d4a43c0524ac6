// How wide a piece of text is drawn. In the browser a canvas measures it in the pictures' own fonts (a
// learner's Segoe UI is narrower than this machine's DejaVu), so labels are cut only when they truly do
// not fit; in Node (the layout tests) an estimate per font stands in. Layouts take a `TextWidth` so they
// stay pure; the views pass `textWidth`, which caches what it measured.

export interface TextStyle { bold?: boolean; mono?: boolean }
export type TextWidth = (text: string, fontSize: number, style?: TextStyle) => number;

// Widths per em that cover the wide fonts (DejaVu Sans measures 0.51 regular, 0.57 bold on mixed text).
const EM = { sans: 0.56, bold: 0.62, mono: 0.61 };

/** The estimate: characters times a width per em for the font (generous, so an estimate never overflows). */
export const estimateWidth: TextWidth = (text, fontSize, style = {}) =>
  [...text].length * fontSize * (style.mono ? EM.mono : style.bold ? EM.bold : EM.sans);

// The fonts of .tb-view and .tb-mono (views.css).
const SANS = 'system-ui, -apple-system, "Segoe UI", Roboto, sans-serif';
const MONO = 'ui-monospace, "SFMono-Regular", Menlo, Consolas, monospace';

let ctx: CanvasRenderingContext2D | null | undefined;
const cache = new Map<string, number>();

function canvas(): CanvasRenderingContext2D | null {
  if (ctx !== undefined) return ctx;
  ctx = typeof document === 'undefined' ? null : document.createElement('canvas').getContext('2d');
  return ctx;
}

/** The measured width (estimated where there is no canvas), cached per font and text. */
export const textWidth: TextWidth = (text, fontSize, style = {}) => {
  const c = canvas();
  if (!c) return estimateWidth(text, fontSize, style);
  const font = `${style.bold ? 'bold ' : ''}${fontSize}px ${style.mono ? MONO : SANS}`;
  const key = `${font}|${text}`;
  const hit = cache.get(key);
  if (hit !== undefined) return hit;
  if (cache.size > 4000) cache.clear();
  c.font = font;
  // A pixel of slack for the rounding of glyph advances in SVG.
  const w = c.measureText(text).width + 1;
  cache.set(key, w);
  return w;
};

/** The first phrasing that fits in `w`; else the last one, cut with an ellipsis. */
export function firstFit(options: readonly string[], w: number, fontSize: number, style: TextStyle = {}, measure: TextWidth = textWidth): string {
  for (const o of options) if (measure(o, fontSize, style) <= w) return o;
  return fitText(options[options.length - 1] ?? '', w, fontSize, style, measure);
}

/** Text cut to fit `w` pixels, with an ellipsis when something was cut. */
export function fitText(text: string, w: number, fontSize: number, style: TextStyle = {}, measure: TextWidth = textWidth): string {
  if (measure(text, fontSize, style) <= w) return text;
  const chars = [...text];
  let lo = 0;
  let hi = chars.length - 1;
  // The longest prefix that fits with its ellipsis.
  while (lo < hi) {
    const mid = Math.ceil((lo + hi) / 2);
    if (measure(`${chars.slice(0, mid).join('')}…`, fontSize, style) <= w) lo = mid;
    else hi = mid - 1;
  }
  return lo === 0 ? '' : `${chars.slice(0, lo).join('')}…`;
}
