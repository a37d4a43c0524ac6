// Lesson text is Markdown rendered with raw HTML switched off: nothing in a lesson reaches the page as HTML.
import MarkdownIt from 'markdown-it';

const md = new MarkdownIt({ html: false, linkify: false, typographer: true });

// Links leave the lab in a new tab and carry no opener.
const defaultLinkOpen = md.renderer.rules.link_open
  ?? ((tokens, idx, options, _env, self) => self.renderToken(tokens, idx, options));
md.renderer.rules.link_open = (tokens, idx, options, env, self) => {
  const href = String(tokens[idx]!.attrGet('href') ?? '');
  if (/^https?:/i.test(href)) {
    tokens[idx]!.attrSet('target', '_blank');
    tokens[idx]!.attrSet('rel', 'noopener noreferrer');
  }
  return defaultLinkOpen(tokens, idx, options, env, self);
};

/** A heading's anchor: its text in lower case, words joined by dashes. */
export const slugOf = (text: string) => text.toLowerCase().replace(/[`:]/g, '').replace(/[^a-z0-9.]+/g, '-').replace(/^-|-$/g, '');

// Headings get ids so a page (the language reference) can link to its sections.
md.renderer.rules.heading_open = (tokens, idx, options, _env, self) => {
  const inline = tokens[idx + 1];
  if (inline?.type === 'inline' && !tokens[idx]!.attrGet('id')) tokens[idx]!.attrSet('id', slugOf(inline.content));
  return self.renderToken(tokens, idx, options);
};

export const renderMarkdown = (text: string): string => md.render(text);
export const renderInline = (text: string): string => md.renderInline(text);
