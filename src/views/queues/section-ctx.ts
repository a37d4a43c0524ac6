// What every section drawing gets from the pane: sizes, which picture it is, what is pointed at, and the
// pane's stable callbacks (menus, hover cards, the timer bars the frame loop moves).
import type { Highlight } from '../../store/lab-store.ts';
import type { Focus } from '../shared/highlight.ts';
import type { Metrics } from './layout.ts';

export interface SectionCtx {
  m: Metrics;
  town: boolean;
  /** 'town' or 'tech': suffixes pattern ids so the two panes do not share them. */
  skin: string;
  focus: Focus;
  selected: Highlight | null;
  /** Items lit because a pointed-at message came that way (bindings, edges). */
  lit: ReadonlySet<string>;
  /** A node's place in the sim's node list (its colour and mark) and whether it runs. */
  node: (id: string) => { index: number; up: boolean; paused: boolean };
  onItemMenu: (item: string, x: number, y: number) => void;
  onNodeMenu: (node: string, x: number, y: number) => void;
  onHover: (item: string | null) => void;
  timerRef: (key: string, el: SVGElement | null) => void;
}

export const isFocused = (c: SectionCtx, item: string) => c.focus.items.has(item);
export const isSelected = (c: SectionCtx, item: string) => c.selected?.kind === 'item' && c.selected.id === item;
export const nodeFocused = (c: SectionCtx, id: string) => c.focus.nodes.has(id);
export const nodeSelected = (c: SectionCtx, id: string) => c.selected?.kind === 'node' && c.selected.id === id;
