// A label cut to a width by a character estimate, for the queue pictures' chips and edges.
/** Shortens text to fit a width (an estimate: system fonts average about 0.58 em per character). */
export function fit(text: string, width: number, fs: number): string {
  const max = Math.max(3, Math.floor((width - 6) / (fs * 0.58)));
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}
