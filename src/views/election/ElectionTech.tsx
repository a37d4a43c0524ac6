// The technical picture: each node's state, each client's lease timeline with its expiry and its pauses,
// the fencing token on each write, and the storage's highest token.
import type { StageViewProps } from '../stages.ts';
import { ElectionPictureView } from './parts.tsx';

export function ElectionTech(props: StageViewProps) {
  return <ElectionPictureView {...props} mode="tech" />;
}
