// The technical picture of the event store: the $all log with stream versions and global positions, the
// streams' versions, each projection's checkpoint marked on the log, and the read-model tables.
import type { StageViewProps } from '../stages.ts';
import { EventStoreScene } from './Scene.tsx';

export function EventStoreTech(props: StageViewProps) {
  return <EventStoreScene {...props} town={false} />;
}
