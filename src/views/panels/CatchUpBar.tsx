// While a long catch-up runs in slices (a link being opened, a long `run` from the console), a bar says
// what it is doing and how far it got, with Cancel. The page answers clicks meanwhile.
import { labStore, useLab } from '../../store/lab-store.ts';

export function CatchUpBar() {
  const c = useLab((s) => s.catchUp);
  if (!c) return null;
  const pct = Math.min(100, Math.floor((c.done / c.total) * 100));
  return (
    <div className="catch-up" role="status" aria-live="polite" data-testid="catch-up">
      <span className="catch-up-label">{c.label}</span>
      <progress max={100} value={pct} aria-label="How far the catch-up got" data-testid="catch-up-progress" />
      <span className="catch-up-pct">{pct}%</span>
      <button type="button" className="btn" data-testid="catch-up-cancel" onClick={() => labStore.getState().cancelCatchUp()}>Cancel</button>
    </div>
  );
}
