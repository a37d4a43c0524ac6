// The town board's one registration and its public read surface (lessons 00 and 01).
import { defineSystem } from '../define-system.ts';
import { townBoard } from './system.ts';
import { townCommands } from './commands.ts';

export const town = defineSystem({ def: townBoard, commands: townCommands });

export { BOARD, type BuildingKind, type Job, type TownState } from './state.ts';
