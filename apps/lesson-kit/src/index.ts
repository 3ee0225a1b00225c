/**
 * `@flambeau/lesson-kit`: what every lesson app runs against, in Node and in the browser.
 *
 * - {@link Lesson}: a ported lesson (`id`, `slug`, `title`, `source`, `run(ctx)`).
 * - {@link LessonContext}: `torch`, `device`, `accelerator`, `print`, `pprint`, `figure`,
 *   `progress`, `save`/`load`, `options`.
 * - {@link LessonHost} + {@link runLesson}: how an environment runs a lesson (Node's host is in
 *   `@flambeau/lesson-kit/node`, a page's in `@flambeau/lesson-kit/browser`).
 * - {@link selectDevice}: the one place devices are chosen (`"gpu"` = WebGPU, else gpu.js, else
 *   CPU; a software rasteriser counts as no GPU, see {@link softwareRenderer}).
 * - {@link repr}, {@link str}, {@link pformat}: Python's printed forms, used by `print`.
 *
 * @packageDocumentation
 */
export type { Lesson, LessonOptions, LessonSource } from "./lesson.js";
export type { Figure, LessonContext, LessonHost, Progress, StateDict, StateDictLike, Torch } from "./context.js";
export { createContext, runLesson, type FlushableContext, type RunSettings } from "./run.js";
export {
  BACKEND_PACKAGES,
  DEVICE_NAMES,
  GPU_PREFERENCE,
  isDeviceRequest,
  probeDevice,
  selectDevice,
  type BackendLoaders,
  type DeviceName,
  type DeviceProbe,
  type DeviceRequest,
  type SelectOptions,
} from "./device.js";
export { softwareRenderer } from "./software-renderer.js";
export { Printer, type TextSink } from "./printer.js";
export { pyFloat, pyStringRepr, repr, str, PY_REPR, isPreformatted, type Preformatted } from "./pyrepr.js";
export { pformat } from "./pprint.js";
export { ndarrayRepr, ndarrayStr, type NDArrayLike } from "./numpy-repr.js";
