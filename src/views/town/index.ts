// The town board's views (engine system `town`), registered as one definition (src/views/registry.ts):
// buildings around the bulletin board (town) and services as boxes around the broker (technical), the
// inspector's rows for a service, a notice and a topic, and a service's lines for other pictures.
import { memo } from 'react';
import { defineSystemViews } from '../registry.ts';
import { stageModel } from './model.ts';
import { TownTech as Tech } from './TownTech.tsx';
import { TownView as Town } from './TownView.tsx';
import { inspectNoticeOrTopic, inspectService, townOf } from './inspect.ts';
import { townServiceLines } from './summary.ts';

/** Memoised, so a parent re-rendering every frame does not re-render the stage. */
export const TownView = memo(Town);
export const TownTech = memo(Tech);

export default defineSystemViews({
  sys: 'town',
  // Under the systems beside it, as the lab always stacked it; an empty run shows it (it says how to start).
  stage: { id: 'town', title: 'The town board', Town: TownView, Tech: TownTech, order: 1 },
  inspect: { node: inspectService, other: inspectNoticeOrTopic },
  summary: (sim, n) => {
    const m = stageModel(townOf(sim), sim.nodes().filter((x) => x.sys === 'town'));
    if (m.board?.id === n.id) return [`bulletin board · ${m.notices.length} pinned`, `${m.topics.length} topic${m.topics.length === 1 ? '' : 's'}`];
    const node = m.nodes.find((x) => x.id === n.id);
    return node ? townServiceLines(node).map((l) => l.says[0] ?? '') : [];
  },
});
