// The stage's readability check, shared by the specs: every word the pictures draw is whole (no "…"),
// inside its picture, no smaller than a minimum size, and not drawn over another word. It reads the
// page as drawn (bounding boxes and computed font sizes), so it judges what a person would see.
import type { Page } from '@playwright/test';

/** One size (and mode) the lesson pages must read well at. */
export interface LayoutSize {
  name: string;
  width: number;
  height: number;
  /** The smallest font size allowed on the stage, px (as drawn: a magnified stage counts its zoom). */
  minPx: number;
  /** Presenter mode on (the stage magnified, the panels folded away). */
  presenter?: boolean;
  /** Checked on every `npm test` (the tightest sizes); the others by `npm run test:layout`. */
  everyRun?: boolean;
}

/**
 * The sizes every lesson step is checked at: the common laptop with the 11 px rule, a small screen with
 * 10 px, and presenter mode on a projector's two common sizes, where the magnified stage must draw every
 * word at 18 px at least (the back of the room).
 */
export const LAYOUT_SIZES: readonly LayoutSize[] = [
  { name: '1280x800', width: 1280, height: 800, minPx: 11 },
  { name: '1024x768', width: 1024, height: 768, minPx: 10, everyRun: true },
  { name: '1920x1080 presenter', width: 1920, height: 1080, minPx: 18, presenter: true },
  { name: '1024x768 presenter', width: 1024, height: 768, minPx: 18, presenter: true, everyRun: true },
];

/**
 * The sizes the sweep checks: with fifteen lessons, all four sizes take about a third of the Playwright
 * suite, so `npm test` checks the two smallest screens, where pictures are most cramped (the small screen
 * and presenter mode at 1024x768); `LAYOUT_SIZES=all` (`npm run test:layout`) checks every size.
 */
export const SWEEP_SIZES: readonly LayoutSize[] = process.env.LAYOUT_SIZES === 'all'
  ? LAYOUT_SIZES : LAYOUT_SIZES.filter((s) => s.everyRun);

interface Word { moving: boolean; pane: string; text: string; x: number; y: number; w: number; h: number; fs: number; px: number; pw: number; py: number; ph: number }

/** Every visible word on the stage: each `<text>` of the pictures, and HTML text drawn in a pane. */
async function stageWords(page: Page): Promise<Word[]> {
  return page.evaluate(() => {
    const stage = document.querySelector('[data-testid=stage]');
    if (!stage) return [];
    const out: Word[] = [];
    const panes = [...stage.querySelectorAll<HTMLElement>('.stage-pane')];
    for (const pane of panes) {
      const box = pane.getBoundingClientRect();
      const name = pane.getAttribute('aria-label') ?? 'pane';
      // Messages in flight move every frame and may pass over a label for an instant: their size is
      // checked, where they are is not.
      const moving = (el: Element) => el.closest('.tb-flights, [data-flight-label]') !== null;
      for (const t of pane.querySelectorAll('svg text')) {
        const text = t.textContent ?? '';
        // A sign painted on a drawing (the bank's "$") is part of the picture, not a word to read.
        if (!text.trim() || t.closest('[data-decor]')) continue;
        const style = getComputedStyle(t);
        if (style.visibility === 'hidden' || style.display === 'none' || Number(style.opacity) === 0) continue;
        const r = t.getBoundingClientRect();
        if (r.width === 0 || r.height === 0) continue;
        // An SVG scaled down draws its text smaller than its font-size says: measure the drawn size.
        const m = (t as SVGTextElement).getScreenCTM();
        const drawn = parseFloat(style.fontSize) * (m ? Math.hypot(m.a, m.b) : 1);
        out.push({ moving: moving(t), pane: name, text, x: r.x, y: r.y, w: r.width, h: r.height, fs: drawn, px: box.x, pw: box.width, py: box.y, ph: box.height });
      }
      // HTML words (the fallback list, headings over stacked pictures): leaf elements with text.
      for (const el of pane.querySelectorAll<HTMLElement>('*')) {
        if (el.closest('svg') || el.children.length > 0) continue;
        const text = el.textContent ?? '';
        if (!text.trim()) continue;
        const style = getComputedStyle(el);
        if (style.visibility === 'hidden' || style.display === 'none') continue;
        const r = el.getBoundingClientRect();
        if (r.width === 0 || r.height === 0) continue;
        // A box whose text is clipped with an ellipsis by CSS is cut as surely as one ending in "…".
        const clipped = style.textOverflow === 'ellipsis' && el.scrollWidth > el.clientWidth + 1;
        // A computed font size leaves out the CSS zoom that magnifies the stage; the boxes include it.
        const zoom = (el as HTMLElement & { currentCSSZoom?: number }).currentCSSZoom ?? 1;
        out.push({ moving: false, pane: name, text: clipped ? `${text}…` : text, x: r.x, y: r.y, w: r.width, h: r.height, fs: parseFloat(style.fontSize) * zoom, px: box.x, pw: box.width, py: box.y, ph: box.height });
      }
    }
    return out;
  });
}

/** What is wrong with the stage as drawn now, one line per problem (empty: it reads well). */
export async function layoutProblems(page: Page, size: LayoutSize): Promise<string[]> {
  // Let the structure catch up (React renders on the store's version; the pictures measure their size, and a
  // view that arrives late or a new zoom lays them out again): read until two reads a frame apart agree.
  const settle = () => page.evaluate(() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(() => setTimeout(done, 30)))));
  await settle();
  let ws = await stageWords(page);
  for (let k = 0; k < 8; k++) {
    await settle();
    const again = await stageWords(page);
    const same = JSON.stringify(again.filter((w) => !w.moving)) === JSON.stringify(ws.filter((w) => !w.moving));
    ws = again;
    if (same) break;
  }
  const problems: string[] = [];
  for (const w of ws) {
    // Cut: words that end in an ellipsis ("reads LunchesNe…"); a lone "…" or one leading a phrase
    // ("… nothing yet") is a sign, not a cut.
    if (/\S\s*…$/u.test(w.text.trim()) && w.text.trim() !== '…') problems.push(`${w.pane}: "${w.text}" is cut`);
    if (w.fs < size.minPx - 0.05) problems.push(`${w.pane}: "${w.text}" at ${w.fs.toFixed(1)}px`);
    if (w.x < w.px - 1 || w.x + w.w > w.px + w.pw + 1 || w.y < w.py - 1 || w.y + w.h > w.py + w.ph + 1) problems.push(`${w.pane}: "${w.text}" runs out of its picture`);
  }
  const still = ws.filter((w) => !w.moving);
  for (let i = 0; i < still.length; i++) for (let j = i + 1; j < still.length; j++) {
    const a = still[i]!;
    const b = still[j]!;
    // Text boxes include the line's gaps above and below the letters.
    const across = Math.min(a.x + a.w, b.x + b.w) - Math.max(a.x, b.x);
    const down = Math.min(a.y + a.h * 0.85, b.y + b.h * 0.85) - Math.max(a.y + a.h * 0.15, b.y + b.h * 0.15);
    if (across > 1.5 && down > 1.5) problems.push(`${a.pane}: "${a.text}" overlaps "${b.text}"`);
  }
  return problems;
}
