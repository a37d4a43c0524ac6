// The town's picture of the event store: the town hall's ledger (an append-only book), the clerks at
// its counter, and the projections' buildings with their summary boards and bookmarks (TownScene.tsx).
import type { StageViewProps } from '../stages.ts';
import { EventStoreTownScene } from './TownScene.tsx';

export function EventStoreTown(props: StageViewProps) {
  return <EventStoreTownScene {...props} />;
}
