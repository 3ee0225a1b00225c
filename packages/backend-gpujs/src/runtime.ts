/**
 * The gpu.js instance behind the "gpujs" device, created on first use: importing the package
 * only registers the device, so a program that never touches it opens no GL context.
 */
import { CPUKernel, HeadlessGLKernel, WebAssemblyKernel, WebGL2Kernel, WebGLKernel, type GPU } from "gpu.js";
import { createGPU, type GLContext } from "./gl-context.js";
import { watchTextures } from "./texture-stats.js";

/**
 * Which gpu.js kernel type runs the device's kernels: a GPU (`"webgl2"`, `"webgl"` in browsers,
 * `"headlessgl"` in Node) or one of gpu.js's CPU fallbacks (`"webasm"`, `"cpu"`).
 */
export type GpujsMode = "webgl2" | "webgl" | "headlessgl" | "webasm" | "cpu";

export interface Runtime {
  readonly gpu: GPU;
  readonly context: GLContext | null;
  readonly mode: GpujsMode;
  /** Why the mode is not a GPU one (null when it is). */
  readonly reason: string | null;
}

let current: Runtime | null = null;

/** The gpu.js mode of a kernel class. Subclasses first: headless-gl and WebGL2 extend WebGL. */
export function modeOf(kernelClass: unknown): GpujsMode {
  const is = (k: unknown) => kernelClass === k || (typeof kernelClass === "function" && kernelClass.prototype instanceof (k as typeof CPUKernel));
  if (is(HeadlessGLKernel)) return "headlessgl";
  if (is(WebGL2Kernel)) return "webgl2";
  if (is(WebGLKernel)) return "webgl";
  if (is(WebAssemblyKernel)) return "webasm";
  return "cpu";
}

/** Whether a mode runs kernels on a GPU (a GL context), as opposed to a CPU fallback. */
export function isGPUMode(mode: GpujsMode): boolean {
  return mode === "webgl2" || mode === "webgl" || mode === "headlessgl";
}

/** The device's gpu.js instance, created (and its mode detected) on first call. */
export function runtime(): Runtime {
  if (current) return current;
  const { gpu, context, reason } = createGPU();
  if (context) watchTextures(context);
  const mode = modeOf(gpu.Kernel);
  current = { gpu, context, mode, reason: isGPUMode(mode) ? null : reason ?? `gpu.js chose its '${mode}' backend` };
  if (!isGPUMode(mode))
    console.warn(
      `[flambeau] the 'gpujs' device is running on gpu.js's '${mode}' CPU fallback, not on a GPU: ${current.reason}. ` +
        "Results are correct but not accelerated.",
    );
  return current;
}
