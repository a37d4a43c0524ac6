// Lessons are Markdown only (DESIGN.md, safety): raw HTML would be shown as literal text, so it is refused.

/** The first HTML tag on a Markdown line outside `code spans`, if any: markdown-it (html: false) would show it as text. */
export function rawHtml(line: string): string | null {
  const m = /<\/?[A-Za-z][\w-]*(?:\s[^<>]*)?\/?>/.exec(line.replace(/`+[^`]*`+/g, ''));
  return m ? m[0] : null;
}
