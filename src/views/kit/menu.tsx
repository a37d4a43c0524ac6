// The stage's action menus: what a picture opens when the learner right-clicks, presses the context-menu
// key or clicks a message or a link. Every entry runs a scenario command through the store, so it lands in
// the console's history, the recorded inputs and share links.
import { labStore } from '../../store/lab-store.ts';
import { ActionMenu, NodeMenu, type MenuItem } from '../shared/interaction.tsx';

/** The menu open on a stage: a node's (its registered actions), or a list of items (a message, a link, a queue...). */
export type MenuState =
  | { kind: 'node'; node: string; x: number; y: number }
  | {
    kind: 'items'; label: string; x: number; y: number;
    /** The entries, or a function that reads them on each render (they follow the run while it is open). */
    items: readonly MenuItem[] | (() => readonly MenuItem[]);
    /** Show the label as a heading; say `empty` when there is nothing to do. */
    title?: boolean;
    empty?: string;
  };

export function StageMenu({ menu, onClose }: { menu: MenuState | null; onClose: () => void }) {
  if (!menu) return null;
  if (menu.kind === 'node') return <NodeMenu request={menu} onClose={onClose} />;
  const items = typeof menu.items === 'function' ? menu.items() : menu.items;
  return <ActionMenu label={menu.label} items={items} x={menu.x} y={menu.y} onClose={onClose} title={menu.title} empty={menu.empty} />;
}

/** Runs a command line; a refusal (a paused server, no leader, ...) shows as the page's notice. */
export function run(line: string): void {
  const r = labStore.getState().exec(line);
  if (r.error) labStore.getState().setNotice(r.error);
}

/** A message in flight: drop it (the `drop` command) or inspect it. One already doomed can only be inspected. */
export function messageMenu(msgId: number, what: string, doomed = false): MenuItem[] {
  const inspect = { id: 'inspect', label: `Inspect message #${msgId}${doomed ? ' (it will be lost)' : ''}`, run: () => labStore.getState().select({ kind: 'msg', id: msgId }) };
  return doomed ? [inspect] : [{ id: 'drop', label: `Drop message #${msgId} (${what})`, run: () => run(`drop msg=${msgId}`) }, inspect];
}

/** A link between two nodes: cut one way or both, or heal it (`partition` / `heal`). */
export function linkMenu(x: string, y: string, cutXY: boolean, cutYX: boolean): MenuItem[] {
  const items: MenuItem[] = [];
  if (!cutXY) items.push({ id: 'cut-xy', label: `Cut ${x} → ${y} only (one way)`, run: () => run(`partition a=${x} b=${y} oneway=true`) });
  if (!cutYX) items.push({ id: 'cut-yx', label: `Cut ${y} → ${x} only (one way)`, run: () => run(`partition a=${y} b=${x} oneway=true`) });
  if (!(cutXY && cutYX)) items.push({ id: 'cut-both', label: `Cut ${x} ↔ ${y} both ways`, run: () => run(`partition a=${x} b=${y}`) });
  if (cutXY || cutYX) items.push({ id: 'heal', label: `Heal the link ${x} ↔ ${y}`, run: () => run(`heal a=${x} b=${y}`) });
  return items;
}
