// The action menu of a partition, a record or a group (the shared NodeMenu covers nodes): opened by a
// right-click, the context-menu key or Shift+F10; arrow keys move, Escape closes, Enter runs.
import { useEffect, useRef, type KeyboardEvent } from 'react';
import { labStore } from '../../store/lab-store.ts';
import { itemActions, runLine } from './actions.ts';

export interface ItemMenuRequest { item: string; x: number; y: number }

export function ItemMenu({ request, onClose }: { request: ItemMenuRequest; onClose: () => void }) {
  const ref = useRef<HTMLDivElement>(null);
  const actions = itemActions(labStore.getState().session.sim, request.item);
  useEffect(() => {
    ref.current?.querySelector('button')?.focus();
    const away = (e: PointerEvent) => { if (!ref.current?.contains(e.target as Node)) onClose(); };
    window.addEventListener('pointerdown', away, true);
    return () => window.removeEventListener('pointerdown', away, true);
  }, [onClose]);
  const move = (e: KeyboardEvent<HTMLDivElement>) => {
    const items = [...(ref.current?.querySelectorAll('button') ?? [])];
    const at = items.indexOf(document.activeElement as HTMLButtonElement);
    if (e.key === 'Escape') { e.preventDefault(); onClose(); }
    else if (e.key === 'ArrowDown') { e.preventDefault(); items[(at + 1) % items.length]?.focus(); }
    else if (e.key === 'ArrowUp') { e.preventDefault(); items[(at - 1 + items.length) % items.length]?.focus(); }
  };
  const what = request.item.split(':').slice(1).join(' ');
  return (
    <div ref={ref} className="tb-node-menu" role="menu" aria-label={`Actions for ${what}`} onKeyDown={move}
      style={{ left: request.x, top: request.y }}>
      <button type="button" role="menuitem" onClick={() => { onClose(); labStore.getState().select({ kind: 'item', id: request.item }); }}>
        Inspect {what}
      </button>
      {actions.map((a) => (
        <button key={a.line} type="button" role="menuitem" title={a.line} onClick={() => { onClose(); runLine(a.line); }}>
          {a.label}
        </button>
      ))}
    </div>
  );
}
