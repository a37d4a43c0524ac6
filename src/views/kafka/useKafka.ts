// What both Kafka pictures read from the store on each structural re-render: the picture, the focus and
// the selection, plus the menus they open.
import { useCallback, useState } from 'react';
import { useLab } from '../../store/lab-store.ts';
import { useFocus } from '../shared/highlight.ts';
import { useStructureVersion } from '../shared/hooks.ts';
import type { MenuRequest } from '../shared/interaction.tsx';
import { kafkaState } from './actions.ts';
import { kafkaPicture, type KafkaPicture } from './model.ts';
import type { Sim } from '../../engine/core/index.ts';
import type { ItemMenuRequest } from './ItemMenu.tsx';

export const LAG_WINDOW_MS = 3000;
/** Records kept per partition for the pictures (each shows the tail that fits). */
const TAIL = 200;

// Both pictures (and their re-renders in one frame) share one model per state of the run.
let cache: { sim: unknown; version: number; now: number; picture: KafkaPicture | null } | null = null;
function pictureOf(sim: Sim, version: number): KafkaPicture | null {
  if (cache && cache.sim === sim && cache.version === version && cache.now === sim.now) return cache.picture;
  const s = kafkaState(sim);
  const picture = s ? kafkaPicture(s, sim.nodes(), sim.now, { tail: TAIL, lagWindowMs: LAG_WINDOW_MS }) : null;
  cache = { sim, version, now: sim.now, picture };
  return picture;
}

export function useKafka() {
  const version = useStructureVersion();
  const session = useLab((s) => s.session);
  const highlight = useLab((s) => s.highlight);
  const selected = useLab((s) => s.selected);
  const sim = session.sim;
  const picture = pictureOf(sim, version);
  const focus = useFocus(highlight, () => sim.trace());
  const [nodeMenu, setNodeMenu] = useState<MenuRequest | null>(null);
  const [itemMenu, setItemMenu] = useState<ItemMenuRequest | null>(null);
  const closeNode = useCallback(() => setNodeMenu(null), []);
  const closeItem = useCallback(() => setItemMenu(null), []);
  const openNode = (node: string) => (x: number, y: number) => setNodeMenu({ node, x, y });
  const openItem = (item: string) => (x: number, y: number) => setItemMenu({ item, x, y });
  const selectedItem = selected?.kind === 'item' ? selected.id : null;
  return { sim, picture, focus, selected, selectedItem, nodeMenu, itemMenu, closeNode, closeItem, openNode, openItem };
}
