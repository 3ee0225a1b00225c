/**
 * `@flambeau/test-kit/lessons`: running a lesson app in a test (quietly, in a temporary folder)
 * and checking what it writes and shows. Running it on each GPU device, proving it ran there, is
 * `@flambeau/test-kit/lessons/devices` (it loads both GPU backends).
 */
export { runQuietly } from "./run.js";
export { checkFigure, figureNames, type FigureCheck } from "./files.js";
export { LESSON_FIGURES, SMALL_DATASET_PPRINT } from "./expected.js";
export { lessonSource } from "./source.js";
export { fakeTerminal } from "./terminal.js";
