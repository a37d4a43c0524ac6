// Registers the queue systems' drawings: one stage for SQS, RabbitMQ, pub/sub and the stream together,
// so a run that compares rule books shows them in one pane, section under section, in the same language.
// Also the inspector's rows for their items and nodes, the technical boxes' lines, and node actions.
import { createElement, memo } from 'react';
import { registerStage, type StageViewProps } from '../stages.ts';
import { registerItemInspector, registerNodeInspector } from '../panels/Inspector.tsx';
import { registerNodeAction } from '../shared/node-actions.ts';
import { labStore } from '../../store/lab-store.ts';
import { QueuesPane } from './QueuesPane.tsx';
import { inspectItem, inspectNode } from './inspect.ts';
import { clientActions } from './actions.ts';
import { runLine } from './ActionMenu.tsx';
import { QUEUE_SYSTEMS } from './ids.ts';

const Town = memo(function QueuesTown(p: StageViewProps) { return createElement(QueuesPane, { skin: 'town', className: p.className }); });
const Tech = memo(function QueuesTech(p: StageViewProps) { return createElement(QueuesPane, { skin: 'tech', className: p.className }); });

registerStage({ id: 'queues', systems: QUEUE_SYSTEMS, title: 'Queues, brokers and streams', Town, Tech });

for (const sys of QUEUE_SYSTEMS) {
  registerItemInspector(sys, inspectItem);
  registerNodeInspector(sys, (sim, id) => inspectNode(sim, sys, id));
}

// A consumer's or reader's own commands in every node menu (stop, start again, replay from the start).
for (const k of [0, 1]) {
  registerNodeAction({
    id: `queues-client-${k}`,
    label: (n) => clientActions(labStore.getState().session.sim, n.id)[k]?.label ?? '',
    applies: (n) => (QUEUE_SYSTEMS as readonly string[]).includes(n.sys) && clientActions(labStore.getState().session.sim, n.id)[k] !== undefined,
    run: (n) => { const a = clientActions(labStore.getState().session.sim, n.id)[k]; if (a) runLine(a.line); },
  });
}
