// The resilience system's views, registered as one definition (src/views/registry.ts): houses phoning shops
// with fuse boxes, clerks and people redialling (town); pipelines, queues and workers, the breaker's state
// machine and the live charts (technical); the inspector's rows, node actions and summary lines.
import { defineSystemViews } from '../registry.ts';
import { resilienceNodeActions } from './actions.ts';
import { inspectResilienceNode, resilienceSummary } from './inspect.ts';
import { ResilienceTech } from './ResilienceTech.tsx';
import { ResilienceTown } from './ResilienceTown.tsx';

export default defineSystemViews({
  sys: 'resilience',
  // Its smallest words are 11 px (the "+N" counts), so presenter mode magnifies it 18/11 rather than twice.
  stage: { id: 'resilience', title: 'Calls, retries and breakers', Town: ResilienceTown, Tech: ResilienceTech, smallestType: 11 },
  inspect: { node: inspectResilienceNode },
  actions: resilienceNodeActions,
  summary: resilienceSummary,
});
