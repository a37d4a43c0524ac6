// The lesson runtime in one import. The browser catalog (import.meta.glob) is in catalog.ts, kept apart so
// Node code (the CLI) can use everything here; the CLI reads lessons with node-sources.ts.
export * from './types.ts';
export { parseLesson, describeLoadError, MAX_LESSON_CHARS } from './parse.ts';
export { CHAPTERS, type Chapter } from './chapters.ts';
export { buildCatalog, findEntry, displayPath, type CatalogEntry, type LessonSources, type LessonOutline } from './build-catalog.ts';
export { openStep, openStepSession, runLines, resolvePredict, predictAnswer, checkGoal, type PredictResult, type GoalResult, type OpenedStep } from './runtime.ts';
export { encodeShare, tryEncodeShare, decodeShare, SHARE_VERSION, MAX_SHARE_CHARS, type ShareState, type ShareInput, type Decoded } from './share.ts';
export * from './progress.ts';
export { checkLesson, checkLessonSources, formatCheckLine, type CheckLine } from './check.ts';
export { hintLadder, solutionStart } from './hints.ts';
export { MAX_LINK_TIME, MAX_LINK_EVENTS } from './share.ts';
