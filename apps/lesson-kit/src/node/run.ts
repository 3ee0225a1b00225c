/** Running lessons in Node: the device flags, the lesson's folder, timing. */
import { join } from "node:path";
import type * as torch from "flambeau";
import type { Progress } from "../context.js";
import type { Lesson, LessonOptions } from "../lesson.js";
import { selectDevice, type BackendLoaders, type DeviceRequest } from "../device.js";
import { runLesson } from "../run.js";
import { NodeHost } from "./host.js";

/** How to run a lesson in Node. */
export interface NodeRunOptions {
  /**
   * `--device`: where the lesson runs. Without it the lesson runs on the CPU and lesson 5's GPU
   * part (`usesAccelerator`) takes the best GPU there is; with it, everything runs on that device.
   */
  device?: DeviceRequest;
  /** The folder that holds each lesson's folder (default `out`). */
  outDir?: string;
  /** Options for the lesson. */
  options?: LessonOptions;
  /** Where printed text goes (default `process.stdout`; `null` only records). */
  stdout?: NodeJS.WritableStream | null;
  /** Where progress bars go on a terminal (default `process.stderr`; `null` for none). */
  stderr?: NodeJS.WriteStream | null;
  /** How GPU backend packages are imported (default: by name). */
  loaders?: BackendLoaders;
  /**
   * Receives each long loop's steps instead of the terminal's progress bar: a test records
   * every training step's loss this way, without changing the lesson's code.
   */
  progress?: (total: number, label: string) => Progress;
}

/** What a lesson run in Node gives back. */
export interface NodeRunResult<R> {
  /** The lesson's results. */
  results: R;
  /** What the lesson printed, one entry per `print`. */
  output: string[];
  /** The files written: figures and saved models. */
  files: string[];
  /** The device the lesson ran on, and lesson 5's GPU. */
  device: torch.Device;
  accelerator: torch.Device;
  /** Wall time of the run, in seconds. */
  seconds: number;
}

/**
 * Runs one lesson in Node, writing its figures to `<outDir>/<slug>/`.
 *
 * @example
 * ```ts
 * const { results, output, files } = await runInNode(lesson, { stdout: null });
 * ```
 */
export async function runInNode<R>(lesson: Lesson<R>, options: NodeRunOptions = {}): Promise<NodeRunResult<R>> {
  const start = performance.now();
  // Node keeps a software GPU (lavapipe) for "gpu": lesson 5 is about running on the GPU device,
  // and the command line says when that device is a software one.
  const choose = (request: DeviceRequest) => selectDevice(request, options.loaders, { allowSoftware: true });
  const device = await choose(options.device ?? "cpu");
  const accelerator = options.device === undefined && lesson.usesAccelerator ? await choose("gpu") : device;
  const host = new NodeHost({
    dir: join(options.outDir ?? "out", lesson.slug),
    ...(options.stdout !== undefined ? { stdout: options.stdout } : {}),
    ...(options.stderr !== undefined ? { stderr: options.stderr } : {}),
    ...(options.progress !== undefined ? { progress: options.progress } : {}),
  });
  const results = await runLesson(lesson, host, { device, accelerator, ...(options.options ? { options: options.options } : {}) });
  return { results, output: host.output, files: host.files, device, accelerator, seconds: (performance.now() - start) / 1000 };
}
