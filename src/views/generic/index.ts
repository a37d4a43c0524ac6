import { createElement, memo } from 'react';
import { NodesView } from './NodesView.tsx';

type Props = { className?: string; systems?: readonly string[] };

/** The stage's fallback pictures for systems without views of their own; memoised like every stage view. */
export const GenericTown = memo(function GenericTown(p: Props) { return createElement(NodesView, { ...p, skin: 'town' }); });
export const GenericTech = memo(function GenericTech(p: Props) { return createElement(NodesView, { ...p, skin: 'tech' }); });
