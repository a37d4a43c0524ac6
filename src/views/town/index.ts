import { memo } from 'react';
import { TownView as View } from './TownView.tsx';

/** The town view; memoised so a parent re-rendering every frame does not re-render the stage. */
export const TownView = memo(View);
