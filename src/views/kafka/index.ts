// Kafka's views, registered as one definition (src/views/registry.ts): the town (shops, the board split
// into partitions, the squares holding copies) and the technical lanes, the inspector's rows for
// partitions, records, groups and nodes, what a Kafka item highlights in views that do not know it, the
// clients' node actions, and a node's two lines for pictures that do not know Kafka.
import { defineSystemViews } from '../registry.ts';
import { KafkaTown } from './KafkaTown.tsx';
import { KafkaTech } from './KafkaTech.tsx';
import { inspectItem, inspectNode } from './inspect.ts';
import { kafkaItemFocus } from './item-focus.ts';
import { kafkaNodeActions } from './actions.ts';
import { kafkaSummary } from './summary.ts';

export default defineSystemViews({
  sys: 'kafka',
  stage: { id: 'kafka', title: 'Kafka cluster', Town: KafkaTown, Tech: KafkaTech },
  inspect: { node: inspectNode, item: inspectItem },
  focus: kafkaItemFocus,
  actions: kafkaNodeActions,
  summary: kafkaSummary,
});
