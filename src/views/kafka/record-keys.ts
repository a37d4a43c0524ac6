// Walking a lane's or a column's records from the keyboard: the records are [data-rec] siblings; two arrow
// keys move between them and Escape goes back to what `back` finds (the lane's label, the column's head).
import type { KeyboardEvent } from 'react';

export function walkRecords(e: KeyboardEvent<SVGElement>, keys: readonly [previous: string, next: string],
  back: (el: SVGElement) => SVGElement | null | undefined): void {
  const el = e.currentTarget;
  if (e.key === keys[0] || e.key === keys[1]) {
    e.preventDefault(); e.stopPropagation();
    const sibs = [...(el.parentElement?.querySelectorAll<SVGElement>('[data-rec]') ?? [])];
    const at = sibs.indexOf(el);
    sibs[Math.max(0, Math.min(sibs.length - 1, at + (e.key === keys[1] ? 1 : -1)))]?.focus();
  } else if (e.key === 'Escape') {
    e.preventDefault(); e.stopPropagation();
    back(el)?.focus();
  }
}
