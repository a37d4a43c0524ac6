// The setup every stage picture repeats: its size, the structure version, the session, the highlight
// (as a Focus) and the selection, and the menu it may have open. A picture calls `useStage` (or
// `useStagePicture`, which adds the system's pure picture) once and draws from what it returns.
import { useCallback, useRef, useState, type RefObject } from 'react';
import type { Sim } from '../../engine/core/index.ts';
import { useLab, type Highlight } from '../../store/lab-store.ts';
import { useFocus, type Focus } from '../shared/highlight.ts';
import { useSize } from '../shared/hooks.ts';
import type { Size } from '../shared/geometry.ts';
import { useCallbackCache } from './callbacks.ts';
import type { MenuState } from './menu.tsx';
import { pictureAt, type PictureFn } from './picture.ts';
import { useStructureVersion } from './version.ts';

export interface StageOptions {
  /** Re-render the structure at most every `every` frames while playing fast, `fastEvery` at 10x and up (useStructureVersion). */
  every?: number;
  fastEvery?: number;
  /** The size assumed until the pane is laid out. */
  fallback?: Size;
}

export interface StageKit {
  /** Put on the element the picture fills: `size` is its size in the picture's own CSS pixels. */
  wrap: RefObject<HTMLDivElement | null>;
  size: Size;
  sim: Sim;
  version: number;
  highlight: Highlight | null;
  focus: Focus;
  selected: Highlight | null;
  selectedMsg: number | null;
  selectedItem: string | null;
  isSelectedNode: (id: string) => boolean;
  menu: MenuState | null;
  openMenu: (m: MenuState) => void;
  closeMenu: () => void;
  /** The function that opens node `id`'s action menu at a viewport position, the same one on every render. */
  nodeMenu: (id: string) => (x: number, y: number) => void;
}

export function useStage(opts: StageOptions = {}): StageKit {
  const wrap = useRef<HTMLDivElement>(null);
  const size = useSize(wrap, opts.fallback);
  const version = useStructureVersion(opts.every, opts.fastEvery);
  const session = useLab((s) => s.session);
  const highlight = useLab((s) => s.highlight);
  const selected = useLab((s) => s.selected);
  const sim = session.sim;
  const focus = useFocus(highlight, () => sim.trace());
  const [menu, setMenu] = useState<MenuState | null>(null);
  const closeMenu = useCallback(() => setMenu(null), []);
  const nodeMenu = useCallbackCache((node) => (x: number, y: number) => setMenu({ kind: 'node', node, x, y }));
  return {
    wrap, size, sim, version, highlight, focus, selected,
    selectedMsg: selected?.kind === 'msg' ? selected.id : null,
    selectedItem: selected?.kind === 'item' ? selected.id : null,
    isSelectedNode: (id) => selected?.kind === 'node' && selected.id === id,
    menu, openMenu: setMenu, closeMenu, nodeMenu,
  };
}

/**
 * `useStage` plus system `sys`'s picture: `pictureFn(state, sim)`, a pure function (tested without a
 * browser), worked out once per state of the run for every pane that asks; null when the run does not use
 * the system. `sys` may name a family drawn together (the queues): `pictureFn` then gets their states by name.
 */
export function useStagePicture<S, P>(sys: string | readonly string[], pictureFn: PictureFn<S, P>, opts?: StageOptions): StageKit & { picture: P | null } {
  const kit = useStage(opts);
  return { ...kit, picture: pictureAt(sys, pictureFn, kit.sim, kit.version) };
}
