// Lessons are Markdown only (DESIGN.md, safety): raw HTML would be shown as literal text, so it is refused.
// `lab check` also asks every lesson to end with a section saying where the lab simplifies (issue #20).

/** The first HTML tag on a Markdown line outside `code spans`, if any: markdown-it (html: false) would show it as text. */
export function rawHtml(line: string): string | null {
  const m = /<\/?[A-Za-z][\w-]*(?:\s[^<>]*)?\/?>/.exec(line.replace(/`+[^`]*`+/g, ''));
  return m ? m[0] : null;
}

/** The section every lesson ends with (issue #20): each scaled number beside its real default, each simplified rule. */
export const SIMPLIFIES_HEADING = '### Where the lab simplifies';

/**
 * Why a lesson's last step does not end with a `### Where the lab simplifies` section holding at least one list
 * item, or null when it does. Headings inside fenced code blocks do not count.
 */
export function simplificationsProblem(lastNarration: string): string | null {
  const headings: { text: string; at: number }[] = [];
  const lines = lastNarration.split('\n');
  let fence: string | null = null;
  lines.forEach((line, at) => {
    const f = /^ {0,3}(`{3,}|~{3,})/.exec(line);
    if (f) fence = fence === null ? f[1]![0]! : fence === f[1]![0] ? null : fence;
    else if (fence === null && /^ {0,3}#{1,6}\s/.test(line)) headings.push({ text: line.trim(), at });
  });
  const mine = headings.findIndex((h) => h.text.replace(/\s+#*$/, '') === SIMPLIFIES_HEADING);
  if (mine < 0) {
    return `the lesson does not end with a '${SIMPLIFIES_HEADING}' section: add one at the end of the last step, listing each scaled number with the real default beside it and each simplified rule`;
  }
  const after = headings[mine + 1];
  if (after) return `the '${SIMPLIFIES_HEADING}' section must come last, but '${after.text}' follows it: move that above it`;
  const body = lines.slice(headings[mine]!.at + 1);
  if (!body.some((l) => /^\s*(?:[-*+]|\d+[.)])\s+\S/.test(l))) {
    return `the '${SIMPLIFIES_HEADING}' section lists nothing: give one '- ' item for each scaled number (with the real default) and each simplified rule`;
  }
  return null;
}
