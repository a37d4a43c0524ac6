// The two generals' one registration and its public read surface: the state and its words.
import { defineSystem } from '../define-system.ts';
import { generals as generalsDef, GENERALS_SYS } from './system.ts';
import { generalsCommands } from './commands.ts';

export const generals = defineSystem({ def: generalsDef, commands: generalsCommands });

export { GENERALS_SYS };
export type { GeneralsState, Messenger, MessengerFate, Decision, Outcome } from './state.ts';
export { EAST, WEST, VALLEY, GENERALS, outcomeOf, disagree } from './state.ts';
export type { GeneralsMessage } from './messages.ts';
