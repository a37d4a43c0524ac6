// Registers the Kafka pictures with the stage (src/views/stages.ts), and the inspector's rows for Kafka's
// partitions, records, groups and nodes, and what a Kafka item highlights in views that do not know it.
import { registerStage } from '../stages.ts';
import { registerItemInspector, registerNodeInspector } from '../panels/Inspector.tsx';
import { KafkaTown } from './KafkaTown.tsx';
import { KafkaTech } from './KafkaTech.tsx';
import { inspectItem, inspectNode } from './inspect.ts';
import { registerItemFocus } from '../shared/highlight.ts';
import { kafkaItemFocus } from './item-focus.ts';
import './actions.ts';

registerStage({ id: 'kafka', systems: ['kafka'], title: 'Kafka cluster', Town: KafkaTown, Tech: KafkaTech });
registerItemInspector('kafka', inspectItem);
registerNodeInspector('kafka', inspectNode);
registerItemFocus('kafka', kafkaItemFocus);
