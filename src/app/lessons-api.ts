// The app's one door into src/lessons: the catalog, the step runtime, share links and progress. Its light
// half (catalog, outlines, progress) is catalog-api.ts, which the home page imports alone.
export * from './catalog-api.ts';

// From their own modules, not the index: the index also holds the parser and the lesson check, which a page
// never needs (lessons arrive parsed), and importing it would bring their YAML library along.
export { openStep, resolvePredict, openStepSession, predictAnswer } from '../lessons/runtime.ts';
export { encodeShare, decodeShare, MAX_LINK_TIME } from '../lessons/share.ts';
export { hintLadder } from '../lessons/hints.ts';
// How a step's run plays on screen: its pace, skipped quiet stretches and captions.
export { planFreeRun, planRun } from '../lessons/scene.ts';
export type {
  Lesson, LessonLoad, LessonMeta, LessonStep, Predict, Challenge, ShareState, Decoded,
} from '../lessons/index.ts';
// The share envelope, for the sandbox's own links (src/app/sandbox/share.ts).
export {
  openEnvelope, newerVersion, toBase64Url, checksum, validateInputs, commandTooBig, scriptTooLong, tooLate, type ShareInput,
} from '../lessons/share.ts';
