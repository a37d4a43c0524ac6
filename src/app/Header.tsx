// The top bar: home, where you are, the view switch, Copy link, presenter and focus mode and the shortcut list.
// Pages without the lab (home, not found) use SiteHeader alone, which does not load the lab's code.
import { useState } from 'react';
import { labStore, useLab, type ViewMode } from '../store/lab-store.ts';
import { setShareLink, setStageMode, showShortcuts, useLesson } from '../store/lesson-store.ts';
import { Icon } from '../views/panels/Icon.tsx';
import { shareUrl } from './controller.ts';
import { trySandboxShareUrl } from './sandbox/share-link.ts';
import { SiteHeader } from './SiteHeader.tsx';

export { NoticeBanner } from './SiteHeader.tsx';

const VIEWS: { id: ViewMode; label: string }[] = [
  { id: 'split', label: 'Both' }, { id: 'town', label: 'Town' }, { id: 'tech', label: 'Technical' },
];

export function Header({ title, lab }: { title: string; lab: boolean }) {
  const view = useLab((s) => s.view);
  const presenter = useLesson((s) => s.presenter);
  const focus = useLesson((s) => s.focus);
  const isLesson = useLesson((s) => s.lesson !== null);
  const link = useLesson((s) => s.shareLink);
  const [copied, setCopied] = useState<'copied' | 'manual' | null>(null);

  const copy = async () => {
    // A lesson step's link, else the sandbox's (which says why when it cannot be made).
    const sandbox = isLesson ? null : trySandboxShareUrl();
    if (sandbox && !sandbox.ok) { labStore.getState().setNotice(sandbox.message); return; }
    const url = shareUrl() ?? (sandbox?.ok ? sandbox.value : null);
    if (!url) return;
    setShareLink(url);
    try {
      await navigator.clipboard.writeText(url);
      setCopied('copied');
    } catch {
      setCopied('manual');
    }
  };

  if (!lab) return <SiteHeader title={title} />;
  return (
    <SiteHeader title={title}>
      <div className="topbar-tools">
        <div className="segmented" role="group" aria-label="View">
          {VIEWS.map((v) => (
            <button key={v.id} type="button" aria-pressed={view === v.id} className={view === v.id ? 'active' : ''}
              onClick={() => labStore.getState().setView(v.id)}>{view === v.id ? <span aria-hidden="true">✓ </span> : null}{v.label}</button>
          ))}
        </div>
        <button type="button" className="btn" onClick={copy} data-testid="copy-link"><Icon name="link" /> Copy link</button>
        <button type="button" className="btn" aria-pressed={presenter} onClick={() => setStageMode('presenter', !presenter)}>
          Presenter
        </button>
        <button type="button" className="btn" aria-pressed={focus} title="One picture large, the text in a strip (F)" onClick={() => setStageMode('focus', !focus)}>
          Focus
        </button>
        <button type="button" className="btn icon-btn" aria-label="Keyboard shortcuts" title="Keyboard shortcuts (?)"
          onClick={() => showShortcuts(true)}>
          <Icon name="keyboard" />
        </button>
      </div>
      {link ? (
        <div className="share-pop" role="status">
          <span>{copied === 'copied' ? '✓ Link copied. It reopens this exact moment:' : 'Copy this link by hand:'}</span>
          <input readOnly value={link} aria-label="Link to this moment" data-testid="share-link" onFocus={(e) => e.currentTarget.select()} />
          <button type="button" className="btn small" onClick={() => setShareLink(null)}>Close</button>
        </div>
      ) : null}
    </SiteHeader>
  );
}
