// Renders lesson Markdown (raw HTML is off in the renderer, so this never injects a lesson's HTML).
import { useMemo } from 'react';
import { renderMarkdown } from './render-markdown.ts';

export function Markdown({ text, className }: { text: string; className?: string }) {
  const html = useMemo(() => renderMarkdown(text), [text]);
  return <div className={`prose${className ? ` ${className}` : ''}`} dangerouslySetInnerHTML={{ __html: html }} />;
}
