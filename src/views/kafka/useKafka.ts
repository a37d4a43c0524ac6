// What both Kafka pictures read on each structural re-render: the kit's stage (size, focus, selection,
// the menu open) with Kafka's picture, and the menu of a partition, a record or a group ("Inspect" first,
// then the item's scenario commands, actions.ts).
import type { Sim } from '../../engine/core/index.ts';
import type { KafkaState } from '../../engine/kafka/index.ts';
import { labStore } from '../../store/lab-store.ts';
import { useCallbackCache } from '../kit/callbacks.ts';
import { run } from '../kit/menu.tsx';
import { useStagePicture } from '../kit/stage.ts';
import type { MenuItem } from '../shared/interaction.tsx';
import { itemActions } from './actions.ts';
import { kafkaPicture } from './model.ts';

export const LAG_WINDOW_MS = 3000;
/** Records kept per partition for the pictures (each shows the tail that fits). */
const TAIL = 200;

const stagePicture = (s: KafkaState, sim: Sim) => kafkaPicture(s, sim.nodes(), sim.now, { tail: TAIL, lagWindowMs: LAG_WINDOW_MS });

/** The entries of an item's menu, read while it is open (they follow the run). */
function itemMenu(item: string): MenuItem[] {
  const what = item.split(':').slice(1).join(' ');
  return [
    { id: 'inspect', label: `Inspect ${what}`, run: () => labStore.getState().select({ kind: 'item', id: item }) },
    ...itemActions(labStore.getState().session.sim, item).map((a) => ({ id: a.line, label: a.label, run: () => run(a.line) })),
  ];
}

export function useKafka() {
  const k = useStagePicture('kafka', stagePicture);
  const { openMenu } = k;
  const openItem = useCallbackCache((item) => (x: number, y: number) =>
    openMenu({ kind: 'items', label: `Actions for ${item.split(':').slice(1).join(' ')}`, items: () => itemMenu(item), x, y }));
  return { ...k, openItem };
}

export type KafkaStage = ReturnType<typeof useKafka>;
