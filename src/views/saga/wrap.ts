// Words broken into lines that fit a width, never cut: the pictures' panels show whole lines or none.
import { textWidth, type TextStyle, type TextWidth } from '../shared/measure.ts';

export function wrapWords(text: string, w: number, fontSize: number, style: TextStyle = {}, measure: TextWidth = textWidth): string[] {
  const words = text.split(' ');
  const lines: string[] = [];
  let cur = '';
  for (const word of words) {
    const next = cur ? `${cur} ${word}` : word;
    if (!cur || measure(next, fontSize, style) <= w) { cur = next; continue; }
    lines.push(cur);
    cur = `  ${word}`;
  }
  if (cur) lines.push(cur);
  return lines;
}

/** The x of a centred label of width `w` moved as little as needed to stay between 2 and `width` - 2 (in the frame of `at`). */
export function keepInside(atX: number, w: number, width: number): number {
  const left = atX - w / 2;
  if (left < 2) return 2 - left;
  const right = atX + w / 2;
  return right > width - 2 ? width - 2 - right : 0;
}
