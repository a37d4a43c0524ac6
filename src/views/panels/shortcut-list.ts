// The keyboard shortcuts the list shows, apart from their handler (shortcuts.ts) so that the list opens on
// the home page without loading the lab.
export interface Shortcut { keys: string; does: string; character: boolean }

export const SHORTCUTS: Shortcut[] = [
  { keys: 'Space', does: 'play / pause, wherever focus is (Enter presses a focused button)', character: true },
  { keys: '.', does: 'play / pause (presentation remotes send it)', character: true },
  { keys: '→', does: 'step one event forward', character: false },
  { keys: '←', does: 'step one event back', character: false },
  { keys: ']', does: 'faster (×2)', character: true },
  { keys: '[', does: 'slower (÷2)', character: true },
  { keys: 'Page Down', does: 'next lesson step', character: false },
  { keys: 'Page Up', does: 'previous lesson step', character: false },
  { keys: 'F', does: 'focus mode: one picture large, the text in a strip', character: true },
  { keys: '?', does: 'list these shortcuts', character: true },
  { keys: 'Esc', does: 'close this list', character: false },
];
