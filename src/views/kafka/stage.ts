// Registers the Kafka pictures with the stage (src/views/stages.ts), and the inspector's rows for Kafka's
// partitions, records, groups and nodes.
import { registerStage } from '../stages.ts';
import { registerItemInspector, registerNodeInspector } from '../panels/Inspector.tsx';
import { KafkaTown } from './KafkaTown.tsx';
import { KafkaTech } from './KafkaTech.tsx';
import { inspectItem, inspectNode } from './inspect.ts';
import './actions.ts';

registerStage({ id: 'kafka', systems: ['kafka'], title: 'Kafka cluster', Town: KafkaTown, Tech: KafkaTech });
registerItemInspector('kafka', inspectItem);
registerNodeInspector('kafka', inspectNode);
