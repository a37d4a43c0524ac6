// The scenario language reference as a page of its own, with a list of its sections.
import { useMemo } from 'react';
import { Header } from './Header.tsx';
import { ReferencePanel } from '../views/panels/ReferencePanel.tsx';
import { referenceMarkdown } from '../script/reference.ts';
import { slugOf } from '../views/panels/render-markdown.ts';

export function ReferencePage() {
  const sections = useMemo(() => referenceMarkdown().split('\n').filter((l) => /^##+ /.test(l) && !/^####/.test(l))
    .map((l) => ({ level: l.startsWith('###') ? 3 : 2, title: l.replace(/^#+\s*/, '') })), []);
  const jump = (id: string) => {
    const el = document.getElementById(id);
    el?.scrollIntoView({ block: 'start' });
    el?.setAttribute('tabindex', '-1');
    el?.focus({ preventScroll: true });
  };
  return (
    <>
      <Header title="Scenario language reference" lab={false} />
      <div className="reference-layout">
        <nav className="reference-toc" aria-label="Sections">
          <ul>
            {sections.map((s) => (
              <li key={s.title} className={`toc-${s.level}`}>
                <a href={`#/reference`} onClick={(e) => { e.preventDefault(); jump(slugOf(s.title)); }}>{s.title.replace(/^System: /, '')}</a>
              </li>
            ))}
          </ul>
        </nav>
        <main className="reference-page" id="main" tabIndex={-1}>
          <ReferencePanel />
        </main>
      </div>
    </>
  );
}
