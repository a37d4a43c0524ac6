// Pointer and keyboard behaviour shared by everything the learner can point at in the views: hover and
// focus set the store's highlight, click and Enter select, the context-menu key (or Shift+F10, or a
// right-click) opens the node's action menu.
import { useEffect, useLayoutEffect, useRef, useState, type KeyboardEvent, type MouseEvent } from 'react';
import type { NodeStatus } from '../../engine/core/index.ts';
import { labStore, type Highlight } from '../../store/lab-store.ts';
import { nodeActionsFor } from './node-actions.ts';
import { sameHighlight } from './highlight.ts';
import { cssZoom } from './hooks.ts';

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

export interface MenuItem {
  id: string;
  label: string;
  run: () => void;
  /** A tooltip, e.g. the scenario command the item runs. */
  hint?: string;
}

/**
 * A menu of actions at a viewport position (a node's, a message's, a link's): focus starts on the first
 * item, arrow keys move, Escape or a click elsewhere closes it, and focus goes back to what opened it.
 * `title` shows the label as a heading too; `empty` is said when there is nothing to do.
 */
export function ActionMenu({ label, items, x, y, onClose, title = false, empty }: {
  label: string; items: readonly MenuItem[]; x: number; y: number; onClose: () => void; title?: boolean; empty?: string;
}) {
  const ref = useRef<HTMLDivElement>(null);
  // Whatever had focus when the menu opened (the node or link it was opened from with the keyboard),
  // read while rendering: effects may run twice in development, and by the second run the menu has focus.
  const [opener] = useState<Element | null>(() => document.activeElement);
  useLayoutEffect(() => {
    // Opened near the window's edge (a link at the far right), the menu moves back inside it.
    const el = ref.current;
    if (!el) return;
    // x and y are viewport pixels; inside a magnified stage (CSS zoom) the menu's own pixels are larger.
    const z = cssZoom(el);
    el.style.left = `${x / z}px`;
    el.style.top = `${y / z}px`;
    const r = el.getBoundingClientRect();
    if (r.right > window.innerWidth - 4) el.style.left = `${Math.max(4, window.innerWidth - r.width - 4) / z}px`;
    if (r.bottom > window.innerHeight - 4) el.style.top = `${Math.max(4, window.innerHeight - r.height - 4) / z}px`;
  }, [x, y]);
  useEffect(() => {
    const menu = ref.current;
    menu?.querySelector('button')?.focus();
    const away = (e: PointerEvent) => { if (!menu?.contains(e.target as Node)) onClose(); };
    window.addEventListener('pointerdown', away, true);
    return () => {
      window.removeEventListener('pointerdown', away, true);
      const lost = document.activeElement === document.body || document.activeElement === null || menu?.contains(document.activeElement);
      const back = opener instanceof HTMLElement || opener instanceof SVGElement ? opener : null;
      if (back && back !== document.body && back.isConnected && lost) back.focus();
    };
  }, [onClose, opener]);
  const move = (e: KeyboardEvent<HTMLDivElement>) => {
    const buttons = [...(ref.current?.querySelectorAll('button') ?? [])];
    const at = buttons.indexOf(document.activeElement as HTMLButtonElement);
    if (e.key === 'Escape') { e.preventDefault(); onClose(); }
    else if (e.key === 'ArrowDown') { e.preventDefault(); buttons[(at + 1) % buttons.length]?.focus(); }
    else if (e.key === 'ArrowUp') { e.preventDefault(); buttons[(at - 1 + buttons.length) % buttons.length]?.focus(); }
  };
  return (
    <div ref={ref} className="tb-node-menu" role="menu" aria-label={label} onKeyDown={move} style={{ left: x, top: y }}>
      {title && <div className="tb-menu-title" aria-hidden="true">{label}</div>}
      {items.length === 0 && empty && <p className="tb-menu-empty">{empty}</p>}
      {items.map((a) => (
        <button key={a.id} type="button" role="menuitem" title={a.hint} onClick={() => { onClose(); a.run(); }}>
          {a.label}
        </button>
      ))}
    </div>
  );
}

/** The node's action menu, at a viewport position; arrow keys move, Escape closes. */
export function NodeMenu({ request, onClose }: { request: MenuRequest; onClose: () => void }) {
  const status: NodeStatus | undefined = labStore.getState().session.sim.nodes().find((n) => n.id === request.node);
  if (!status) return null;
  const items = nodeActionsFor(status).map((a) => ({ id: a.id, label: a.label(status), run: () => a.run(status) }));
  return <ActionMenu label={`Actions for ${status.id}`} items={items} x={request.x} y={request.y} onClose={onClose} />;
}
