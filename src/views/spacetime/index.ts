import { memo } from 'react';
import { SpaceTimeDiagram as View } from './SpaceTimeDiagram.tsx';

/** The space-time diagram; memoised so a parent re-rendering every frame does not re-render it. */
export const SpaceTimeDiagram = memo(View);
