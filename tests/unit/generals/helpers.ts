// Runs scenario lines against a fresh session and fails loudly on any command error.
export { sessionAfter as session } from '../session-lines.ts';
