// Keyboard shortcuts for the lab. Single-character keys can be switched off (WCAG 2.1.4); arrows and
// Page Up/Down always work. Nothing fires while typing in a field or when a modifier key is held.
import { labStore, clampSpeed } from '../../store/lab-store.ts';
import { lessonStore, setStageMode, showShortcuts } from '../../store/lesson-store.ts';

export { SHORTCUTS, type Shortcut } from './shortcut-list.ts';

const TYPING = 'input, textarea, select, [contenteditable="true"], [role="slider"]';
/** Where Space keeps its own meaning: dialogs and menus, and forms that mark themselves (the sandbox builder). */
const IN_DIALOG = '[role="dialog"], [role="menu"], dialog, form, [data-own-keys]';

export interface ShortcutHandlers { nextStep(): void; prevStep(): void }

export function handleShortcut(e: KeyboardEvent, h: ShortcutHandlers): boolean {
  if (e.ctrlKey || e.metaKey || e.altKey || e.defaultPrevented) return false;
  const target = e.target instanceof Element ? e.target : null;
  if (target?.closest(TYPING)) return false;
  const lab = labStore.getState();
  const ui = lessonStore.getState();
  const letters = ui.letterKeys;
  switch (e.key) {
    case 'ArrowRight': lab.stepN(); return true;
    case 'ArrowLeft': lab.backN(); return true;
    case 'PageDown': h.nextStep(); return true;
    case 'PageUp': h.prevStep(); return true;
    case 'Escape': if (ui.shortcutsOpen) { showShortcuts(false); return true; } return false;
  }
  if (!letters) return false;
  switch (e.key) {
    case ' ':
      // Space plays wherever focus is (after clicking Presenter or a view switch the instructor's first
      // Space must play, not press that button again); Enter still presses a focused button. Not inside a
      // dialog or a form, whose own buttons keep Space.
      if (ui.shortcutsOpen || target?.closest(IN_DIALOG)) return false;
      lab.togglePlay(); return true;
    case '.': lab.togglePlay(); return true;
    case ']': lab.setSpeed(clampSpeed(lab.speed * 2)); return true;
    case '[': lab.setSpeed(clampSpeed(lab.speed / 2)); return true;
    case '?': showShortcuts(!ui.shortcutsOpen); return true;
    case 'f': case 'F': setStageMode('focus', !ui.focus); return true;
  }
  return false;
}
