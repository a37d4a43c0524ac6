import { memo } from 'react';
import { TechView as View } from './TechView.tsx';

/** The technical view; memoised so a parent re-rendering every frame does not re-render it. */
export const TechView = memo(View);
export { registerNodeSummary, type NodeSummary } from './summary.ts';
