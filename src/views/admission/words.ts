// Words are drawn whole or not at all: the first phrasing that fits, else nothing (the layout sweep
// refuses a word cut with an ellipsis). 12 px is the pictures' smallest type; the stage is told 10 so that a
// presenter's 1024x768 pane, whose height limits the zoom, still draws it at 18 px or more.
import { textWidth, type TextStyle } from '../shared/measure.ts';

export const SMALL = 12;

export function fit(options: readonly string[], w: number, fontSize: number, style: TextStyle = {}): string {
  for (const o of options) if (textWidth(o, fontSize, style) <= w) return o;
  return '';
}
