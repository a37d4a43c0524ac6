export { TownView } from './TownView.tsx';
