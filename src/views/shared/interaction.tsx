// Pointer and keyboard behaviour shared by everything the learner can point at in the views: hover and
// focus set the store's highlight, click and Enter select, the context-menu key (or Shift+F10, or a
// right-click) opens the node's action menu.
import { useEffect, useRef, type KeyboardEvent, type MouseEvent } from 'react';
import type { NodeStatus } from '../../engine/core/types.ts';
import { labStore, type Highlight } from '../../store/lab-store.ts';
import { nodeActionsFor } from './node-actions.ts';
import { sameHighlight } from './highlight.ts';

const enter = (h: Highlight) => labStore.getState().setHighlight(h);
const leave = (h: Highlight) => {
  const s = labStore.getState();
  if (sameHighlight(s.highlight, h)) s.setHighlight(null);
};

export interface MenuRequest { node: string; x: number; y: number }

/** Props for an SVG element the learner can hover, focus and select. */
export function pointable(h: Highlight, label: string, onMenu?: (x: number, y: number) => void) {
  return {
    role: 'button',
    tabIndex: 0,
    'aria-label': label,
    onMouseEnter: () => enter(h),
    onMouseLeave: () => leave(h),
    onFocus: () => enter(h),
    onBlur: () => leave(h),
    onClick: (e: MouseEvent) => { e.stopPropagation(); labStore.getState().select(h); },
    onKeyDown: (e: KeyboardEvent<SVGElement>) => {
      if (e.key === 'Enter' || e.key === ' ') {
        e.preventDefault();
        e.stopPropagation();
        labStore.getState().select(h);
      } else if (onMenu && (e.key === 'ContextMenu' || (e.key === 'F10' && e.shiftKey))) {
        e.preventDefault();
        const r = e.currentTarget.getBoundingClientRect();
        onMenu(r.left + r.width / 2, r.top + r.height / 2);
      }
    },
    onContextMenu: onMenu ? (e: MouseEvent) => { e.preventDefault(); onMenu(e.clientX, e.clientY); } : undefined,
  };
}

/** The node's action menu, at a viewport position; arrow keys move, Escape closes. */
export function NodeMenu({ request, onClose }: { request: MenuRequest; onClose: () => void }) {
  const ref = useRef<HTMLDivElement>(null);
  const status: NodeStatus | undefined = labStore.getState().session.sim.nodes().find((n) => n.id === request.node);
  const actions = status ? nodeActionsFor(status) : [];
  useEffect(() => {
    const first = ref.current?.querySelector('button');
    first?.focus();
    const away = (e: PointerEvent) => { if (!ref.current?.contains(e.target as Node)) onClose(); };
    window.addEventListener('pointerdown', away, true);
    return () => window.removeEventListener('pointerdown', away, true);
  }, [onClose]);
  if (!status) return null;
  const move = (e: KeyboardEvent<HTMLDivElement>) => {
    const items = [...(ref.current?.querySelectorAll('button') ?? [])];
    const at = items.indexOf(document.activeElement as HTMLButtonElement);
    if (e.key === 'Escape') { e.preventDefault(); onClose(); }
    else if (e.key === 'ArrowDown') { e.preventDefault(); items[(at + 1) % items.length]?.focus(); }
    else if (e.key === 'ArrowUp') { e.preventDefault(); items[(at - 1 + items.length) % items.length]?.focus(); }
  };
  return (
    <div ref={ref} className="tb-node-menu" role="menu" aria-label={`Actions for ${status.id}`} onKeyDown={move}
      style={{ left: request.x, top: request.y }}>
      {actions.map((a) => (
        <button key={a.id} type="button" role="menuitem" onClick={() => { onClose(); a.run(status); }}>
          {a.label(status)}
        </button>
      ))}
    </div>
  );
}
