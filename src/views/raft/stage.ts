// Raft's pictures on the stage: the council (town) and the ring with its logs (technical), its own
// actions in every node menu, its inspector rows and what a pointed-at log entry highlights elsewhere.
import { registerStage } from '../stages.ts';
import { RaftTechView } from './RaftTechView.tsx';
import { RaftTownView } from './RaftTownView.tsx';
import { registerRaftActions } from './actions.ts';
import { registerRaftInspectors } from './inspect.ts';

registerStage({ id: 'raft', systems: ['raft'], title: 'Raft cluster', Town: RaftTownView, Tech: RaftTechView });
registerRaftActions();
registerRaftInspectors();
