// The list of keyboard shortcuts (opened with ? or the keyboard button), with the switch that turns
// single-character shortcuts off for people who use speech input or type with one key at a time.
import { useEffect, useRef } from 'react';
import { setLetterKeys, showShortcuts, useLesson } from '../../store/lesson-store.ts';
import { SHORTCUTS } from './shortcut-list.ts';

export function ShortcutsDialog() {
  const open = useLesson((s) => s.shortcutsOpen);
  const letters = useLesson((s) => s.letterKeys);
  const close = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    if (!open) return;
    const before = document.activeElement as HTMLElement | null;
    close.current?.focus();
    return () => before?.focus?.();
  }, [open]);
  if (!open) return null;
  const dismiss = () => showShortcuts(false);
  return (
    <div className="modal-backdrop" onClick={dismiss}>
      <div className="modal" role="dialog" aria-modal="true" aria-labelledby="shortcuts-title" onClick={(e) => e.stopPropagation()}
        onKeyDown={(e) => { if (e.key === 'Escape') { e.preventDefault(); dismiss(); } }}>
        <div className="modal-head">
          <h2 id="shortcuts-title">Keyboard shortcuts</h2>
          <button ref={close} type="button" className="btn" onClick={dismiss}>Close</button>
        </div>
        <table className="shortcut-table">
          <thead><tr><th scope="col">Key</th><th scope="col">Does</th></tr></thead>
          <tbody>
            {SHORTCUTS.map((s) => (
              <tr key={s.keys} className={s.character && !letters ? 'off' : ''}>
                <td><kbd>{s.keys}</kbd></td>
                <td>{s.does}{s.character && !letters ? ' (switched off)' : ''}</td>
              </tr>
            ))}
          </tbody>
        </table>
        <label className="switch">
          <input type="checkbox" checked={letters} data-testid="letter-keys"
            onChange={(e) => setLetterKeys(e.target.checked)} />
          <span>Single-key shortcuts (Space, <kbd>.</kbd>, <kbd>[</kbd>, <kbd>]</kbd>, <kbd>F</kbd>, <kbd>?</kbd>) are on</span>
        </label>
        <p className="muted small">Shortcuts never fire while you type in the console or another field. Space plays or pauses wherever focus is, except in a field, a dialog or the sandbox's builder; press Enter to press a focused button.</p>
      </div>
    </div>
  );
}
