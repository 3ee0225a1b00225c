/**
 * `@flambeau/test-kit/lessons`: running a lesson app in a test (quietly, in a temporary folder;
 * on each GPU device, proving it ran there) and checking what it writes and shows.
 */
export { runQuietly } from "./run.js";
export { describeOnGpus, runOnDevice, GPU_DEVICES, GL_MODES, LESSON_TIMEOUT, type GpuDevice, type DeviceRun } from "./devices.js";
export { checkFigure, figureNames, type FigureCheck } from "./files.js";
export { LESSON_FIGURES, SMALL_DATASET_PPRINT } from "./expected.js";
export { lessonSource } from "./source.js";
