// The scenario language reference, generated from the same tables the parser reads.
import { useMemo } from 'react';
import { referenceMarkdown } from '../../script/reference.ts';
import { Markdown } from './Markdown.tsx';

export function ReferencePanel() {
  const text = useMemo(() => referenceMarkdown(), []);
  return <Markdown text={text} className="reference" />;
}
