// The action menu of a queue, exchange, topic, message or record: each entry runs one scenario command
// through the store. Opened by right-click, the context-menu key or Shift+F10; ↑/↓ move, Escape closes
// and gives focus back to what opened it.
import { useEffect, useRef, useState, type KeyboardEvent } from 'react';
import { labStore } from '../../store/lab-store.ts';
import type { ItemAction } from './actions.ts';

export interface ActionRequest { title: string; x: number; y: number; actions: readonly ItemAction[] }

export function runLine(line: string): void {
  const r = labStore.getState().exec(line);
  if (r.error) labStore.getState().setNotice(r.error);
}

export function ActionMenu({ request, onClose }: { request: ActionRequest; onClose: () => void }) {
  const ref = useRef<HTMLDivElement>(null);
  // What had focus when the menu opened (read while rendering: effects may run twice in development).
  const [opener] = useState<Element | null>(() => document.activeElement);
  useEffect(() => {
    ref.current?.querySelector('button')?.focus();
    const away = (e: PointerEvent) => { if (!ref.current?.contains(e.target as Node)) onClose(); };
    window.addEventListener('pointerdown', away, true);
    return () => window.removeEventListener('pointerdown', away, true);
  }, [onClose]);
  const close = () => {
    onClose();
    const back = opener;
    if (back instanceof HTMLElement || back instanceof SVGElement) back.focus();
  };
  const move = (e: KeyboardEvent<HTMLDivElement>) => {
    const items = [...(ref.current?.querySelectorAll('button') ?? [])];
    const at = items.indexOf(document.activeElement as HTMLButtonElement);
    if (e.key === 'Escape') { e.preventDefault(); close(); }
    else if (e.key === 'ArrowDown') { e.preventDefault(); items[(at + 1) % items.length]?.focus(); }
    else if (e.key === 'ArrowUp') { e.preventDefault(); items[(at - 1 + items.length) % items.length]?.focus(); }
  };
  return (
    <div ref={ref} className="tb-node-menu qv-menu" role="menu" aria-label={request.title} onKeyDown={move} style={{ left: request.x, top: request.y }}>
      <div className="qv-menu-title" aria-hidden="true">{request.title}</div>
      {request.actions.length === 0 && <p className="qv-menu-empty">Nothing to do with it right now.</p>}
      {request.actions.map((a) => (
        <button key={a.line} type="button" role="menuitem" title={a.line} onClick={() => { close(); runLine(a.line); }}>
          {a.label}
        </button>
      ))}
    </div>
  );
}
