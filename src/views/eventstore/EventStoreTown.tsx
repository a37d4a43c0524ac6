// The town's picture of the event store: the town hall's ledger (an append-only book), the clerks at
// their desks, and the summary boards with a bookmark in the ledger showing how far each has read.
import type { StageViewProps } from '../stages.ts';
import { EventStoreScene } from './Scene.tsx';

export function EventStoreTown(props: StageViewProps) {
  return <EventStoreScene {...props} town />;
}
