/** Running a lesson in a page: the device a request gets there, the host, timing. */
import type * as torch from "flambeau";
import type { Lesson, LessonOptions } from "../lesson.js";
import { selectDevice, type BackendLoaders, type DeviceRequest } from "../device.js";
import { runLesson } from "../run.js";
import type { FileShelf } from "./files.js";
import { BrowserHost } from "./host.js";
import type { OutputPane } from "./output.js";

/** How to run a lesson in a page. */
export interface BrowserRunOptions {
  /** Where the lesson runs, the GPU part of lesson 5 included (default `"gpu"`: the best there is). */
  device?: DeviceRequest;
  /**
   * Static imports of the GPU backends, e.g. `{ webgpu: () => import("@flambeau/backend-webgpu") }`:
   * a bundle cannot import a package by a computed name.
   */
  loaders: BackendLoaders;
  /** The output pane (or its element). */
  output: OutputPane | HTMLElement;
  /** Saved and uploaded files, kept between runs. */
  files?: FileShelf;
  /** Aborts the run at the lesson's next print or progress step. */
  signal?: AbortSignal;
  /** Options for the lesson. */
  options?: LessonOptions;
}

/** What a lesson run in a page gives back. */
export interface BrowserRunResult<R> {
  /** The lesson's results. */
  results: R;
  /** What the lesson printed, one entry per `print`. */
  output: string[];
  /** The names of the figures it showed. */
  figures: string[];
  /** The device it ran on (lesson 5's GPU part too). */
  device: torch.Device;
  /** Wall time of the run, in seconds, until every chart was drawn. */
  seconds: number;
}

/**
 * Runs one lesson into a page's output pane.
 *
 * @example
 * ```ts
 * const loaders = { webgpu: () => import("@flambeau/backend-webgpu"), gpujs: () => import("@flambeau/backend-gpujs") };
 * const run = await runInBrowser(lesson, { loaders, output: document.querySelector<HTMLElement>("#output")! });
 * console.log(`ran on ${run.device} in ${run.seconds.toFixed(1)} s`);
 * ```
 */
export async function runInBrowser<R>(lesson: Lesson<R>, options: BrowserRunOptions): Promise<BrowserRunResult<R>> {
  const start = performance.now();
  const device = await selectDevice(options.device ?? "gpu", options.loaders);
  const host = new BrowserHost({
    output: options.output,
    ...(options.files ? { files: options.files } : {}),
    ...(options.signal ? { signal: options.signal } : {}),
  });
  // One device for the whole lesson: the page's selector chose it, GPU part included.
  const results = await runLesson(lesson, host, { device, accelerator: device, ...(options.options ? { options: options.options } : {}) });
  await host.settled();
  return { results, output: host.output, figures: host.figures, device, seconds: (performance.now() - start) / 1000 };
}
