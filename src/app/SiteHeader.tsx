// The top bar's frame (home link, page title, the site links unless a page brings its own tools) and the
// notice banner. Nothing here loads the lab, so the home page can use it; Header.tsx adds the lab's tools.
import type { ReactNode } from 'react';
import { setNotice, useNotice } from './notices.ts';

export function SiteHeader({ title, children }: { title: string; children?: ReactNode }) {
  return (
    <header className="topbar">
      <a className="brand" href="#/"><span className="brand-mark" aria-hidden="true">▦</span> Townboard</a>
      <h1 className="page-title">{title}</h1>
      {children ?? (
        <nav className="topbar-tools" aria-label="Site">
          <a className="btn ghost" href="#/sandbox">Sandbox</a>
          <a className="btn ghost" href="#/reference">Language reference</a>
        </nav>
      )}
    </header>
  );
}

export function NoticeBanner() {
  const notice = useNotice();
  if (!notice) return null;
  return (
    <div className="notice" role="alert" data-testid="notice">
      <span className="notice-icon" aria-hidden="true">i</span>
      <span>{notice}</span>
      <button type="button" className="btn small" onClick={() => setNotice(null)}>Dismiss</button>
    </div>
  );
}
