// The town: the crier (bully coordinator) who may fall asleep and wake still shouting, the key office that
// lends the one key for a while, the storage clerk who checks the key's number, and the key holders.
import type { StageViewProps } from '../stages.ts';
import { ElectionPictureView } from './parts.tsx';

export function ElectionTown(props: StageViewProps) {
  return <ElectionPictureView {...props} mode="town" />;
}
