export { TechView } from './TechView.tsx';
export { registerNodeSummary, type NodeSummary } from './summary.ts';
