// The action menu of a partition, a record or a group (the shared NodeMenu covers nodes): the shared
// ActionMenu with "Inspect" first and then the item's scenario commands (actions.ts).
import { labStore } from '../../store/lab-store.ts';
import { ActionMenu } from '../shared/interaction.tsx';
import { itemActions, runLine } from './actions.ts';

export interface ItemMenuRequest { item: string; x: number; y: number }

export function ItemMenu({ request, onClose }: { request: ItemMenuRequest; onClose: () => void }) {
  const what = request.item.split(':').slice(1).join(' ');
  const items = [
    { id: 'inspect', label: `Inspect ${what}`, run: () => labStore.getState().select({ kind: 'item', id: request.item }) },
    ...itemActions(labStore.getState().session.sim, request.item).map((a) => ({ id: a.line, label: a.label, run: () => runLine(a.line) })),
  ];
  return <ActionMenu label={`Actions for ${what}`} items={items} x={request.x} y={request.y} onClose={onClose} />;
}
