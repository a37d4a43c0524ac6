export { SpaceTimeDiagram } from './SpaceTimeDiagram.tsx';
