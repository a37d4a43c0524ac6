// The action menu of a queue, exchange, topic, message or record: the shared ActionMenu with a heading,
// each entry running one scenario command through the store (the command is its tooltip).
import { labStore } from '../../store/lab-store.ts';
import { ActionMenu as SharedMenu } from '../shared/interaction.tsx';
import type { ItemAction } from './actions.ts';

export interface ActionRequest { title: string; x: number; y: number; actions: readonly ItemAction[] }

export function runLine(line: string): void {
  const r = labStore.getState().exec(line);
  if (r.error) labStore.getState().setNotice(r.error);
}

export function ActionMenu({ request, onClose }: { request: ActionRequest; onClose: () => void }) {
  const items = request.actions.map((a) => ({ id: a.line, label: a.label, hint: a.line, run: () => runLine(a.line) }));
  return <SharedMenu label={request.title} title empty="Nothing to do with it right now." items={items}
    x={request.x} y={request.y} onClose={onClose} />;
}
