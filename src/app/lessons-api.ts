// The app's one door into src/lessons: the catalog, the step runtime, share links and progress. Its light
// half (catalog, outlines, progress) is catalog-api.ts, which the home page imports alone.
export * from './catalog-api.ts';

export {
  openStep, resolvePredict, encodeShare, decodeShare, openStepSession, predictAnswer, hintLadder, MAX_LINK_TIME,
} from '../lessons/index.ts';
// How a step's run plays on screen: its pace, skipped quiet stretches and captions.
export { planFreeRun, planRun } from '../lessons/scene.ts';
export type {
  Lesson, LessonLoad, LessonMeta, LessonStep, Predict, Challenge, ShareState, Decoded,
} from '../lessons/index.ts';
// The share envelope, for the sandbox's own links (src/app/sandbox/share.ts).
export {
  openEnvelope, newerVersion, toBase64Url, checksum, validateInputs, commandTooBig, scriptTooLong, tooLate, type ShareInput,
} from '../lessons/share.ts';
