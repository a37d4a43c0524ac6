// The queue family's views, registered as one definition for four systems (src/views/registry.ts): SQS,
// RabbitMQ, pub/sub and the stream share one pane, section under section, in the same language, so a
// run that compares rule books reads them side by side. Also the inspector's rows for their items and
// nodes, a consumer's or reader's own node actions, and a node's lines for pictures that do not know them.
import { createElement, memo } from 'react';
import { labStore } from '../../store/lab-store.ts';
import { defineSystemViews, type NodeAction, type StageViewProps } from '../registry.ts';
import { QueuesPane } from './QueuesPane.tsx';
import { inspectItem, inspectNode } from './inspect.ts';
import { clientActions } from './actions.ts';
import { run as runLine } from '../kit/menu.tsx';
import { QUEUE_SYSTEMS } from './ids.ts';
import { SMALLEST_FONT } from './layout.ts';
import { queuesSummary } from './summary.ts';

const Town = memo(function QueuesTown(p: StageViewProps) { return createElement(QueuesPane, { skin: 'town', className: p.className }); });
const Tech = memo(function QueuesTech(p: StageViewProps) { return createElement(QueuesPane, { skin: 'tech', className: p.className }); });

// A consumer's or reader's own commands in every node menu (stop, start again, replay from the start).
const live = () => labStore.getState().session.sim;
const clientAction = (k: number): NodeAction => ({
  id: `queues-client-${k}`,
  label: (n) => clientActions(live(), n.id)[k]?.label ?? '',
  applies: (n) => (QUEUE_SYSTEMS as readonly string[]).includes(n.sys) && clientActions(live(), n.id)[k] !== undefined,
  run: (n) => { const a = clientActions(live(), n.id)[k]; if (a) runLine(a.line); },
});

export default defineSystemViews({
  sys: QUEUE_SYSTEMS,
  // Their small print never goes under 11 px (metrics in layout.ts), so a stage-first layout magnifies them less.
  stage: { id: 'queues', title: 'Queues, brokers and streams', Town, Tech, smallestType: SMALLEST_FONT },
  inspect: { node: (sim, id, sys) => inspectNode(sim, sys, id), item: inspectItem },
  actions: [clientAction(0), clientAction(1)],
  summary: queuesSummary,
});
