// The one preference the lab keeps in the browser: whether single-key shortcuts are on (WCAG 2.1.4).
import { browserStorage } from '../lessons/progress.ts';

const PREFS = 'townboard.prefs';

export function readPrefs(): { letterKeys: boolean } {
  try {
    const p: unknown = JSON.parse(browserStorage()?.getItem(PREFS) ?? '{}');
    return { letterKeys: !(typeof p === 'object' && p !== null && (p as { letterKeys?: unknown }).letterKeys === false) };
  } catch { return { letterKeys: true }; }
}

export function writePrefs(prefs: { letterKeys: boolean }): void {
  try { browserStorage()?.setItem(PREFS, JSON.stringify(prefs)); } catch { /* not kept */ }
}
