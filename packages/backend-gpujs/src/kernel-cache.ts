/**
 * gpu.js kernels, compiled once per signature and reused. A signature names the op, the
 * dtypes and the rank of the (collapsed) iteration space; shapes, strides and offsets are
 * uniforms, and kernels take any output length (`dynamicOutput`) and any texture size
 * (`dynamicArguments`), so a training loop compiles its kernels in the first step and none
 * after.
 */
import type { IKernelRunShortcut } from "gpu.js";
import type { KernelData } from "./buffer.js";
import { modeOf, runtime, type GpujsMode } from "./runtime.js";
import { adoptOutput, prepareOutput, type PoolKernel } from "./texture-pool.js";

/** A kernel argument: a buffer's data, or a number passed as a float uniform. */
export type KernelArg = KernelData | number;

/**
 * Tensors are limited to 2^24 elements: kernels compute positions in float32, which holds
 * every integer up to 2^24 exactly and no further.
 */
export const MAX_ELEMENTS = 2 ** 24;

const SETTINGS = {
  // Keep results on the GPU as textures; each call returns a texture of its own (immutable),
  // which the tensor's storage releases when it is freed (small ones to texture-pool.ts).
  pipeline: true,
  immutable: true,
  // float32 textures (never 8-bit packing), computed at highp whatever the texture size.
  precision: "single",
  tactic: "precision",
  dynamicOutput: true,
  dynamicArguments: true,
  // Loops run to a uniform bound; GLSL ES 1.0 needs a constant one above it.
  loopMaxIterations: MAX_ELEMENTS,
  // Kernels correct their own integer divisions (see codegen.ts).
  fixIntegerDivisionAccuracy: false,
} as const;

/**
 * Whether a kernel of `mode` stores its number results four to a texel (gpu.js's
 * `optimizeFloatMemory`). WebGL 1 (and headless-gl, which is WebGL 1) renders float results only
 * into RGBA32F, one 16-byte texel per element unless packed; gpu.js's WebGL2 kernel renders them
 * into R32F, 4 bytes an element, already (and packing would make that RGBA32F again). gpu.js reads
 * a packed texture argument through its own array access (`x[p]` becomes `getMemoryOptimized32`),
 * compiling a kernel per argument type, so kernels need not know which they are given.
 */
export function packsFloats(mode: GpujsMode): boolean {
  return mode === "headlessgl" || mode === "webgl";
}

const kernels = new Map<string, IKernelRunShortcut>();
// gpu.js compiles a new kernel behind the same shortcut when an argument's type changes; each
// compiled kernel is a new object, so counting the objects counts the compilations.
const built = new WeakSet<object>();
let compiled = 0;
let launches = 0;

/**
 * How many shaders were compiled and how many kernel launches ran: after a training loop's
 * first step, `compiled` stays put while `launches` grows.
 *
 * @example
 * ```ts
 * step();
 * const { compiled } = kernelStats();
 * for (let i = 0; i < 100; i++) step();
 * kernelStats().compiled === compiled; // true
 * ```
 */
export function kernelStats(): { compiled: number; launches: number } {
  return { compiled, launches };
}

/**
 * Run the kernel of signature `key` (compiling `source()` the first time) over `n` output
 * elements and return its output texture. `n` must be at least 1. `vec4`: the kernel returns
 * four numbers an element (matmul's packing), which gpu.js cannot pack further: it keeps one
 * RGBA32F texel an element.
 */
export function launch(key: string, source: () => string, n: number, args: readonly KernelArg[], vec4 = false): KernelData {
  if (n > MAX_ELEMENTS)
    throw new RangeError(
      `gpujs: a tensor of ${n} elements is too large: the device computes element positions in float32, which limits tensors to 2^24 (${MAX_ELEMENTS}) elements`,
    );
  let k = kernels.get(key);
  const first = k === undefined;
  if (k === undefined) {
    const text = source();
    const { gpu, mode } = runtime();
    k = gpu.createKernel(text, { ...SETTINGS, optimizeFloatMemory: !vec4 && packsFloats(mode), output: [n] }) as IKernelRunShortcut;
    kernels.set(key, k);
  } else if (k.kernel.output[0] !== n) {
    k.setOutput([n]);
  }
  launches++;
  const kernel = k.kernel as unknown as PoolKernel;
  prepareOutput(kernel, takesOwnOutput(kernel, args));
  let out: KernelData;
  try {
    out = k(...(args as never[])) as KernelData;
  } catch (e) {
    if (first) kernels.delete(key);
    throw new Error(`gpujs: kernel '${key}' failed: ${(e as Error).message}\n${source()}`, { cause: e });
  }
  adoptOutput(k.kernel as unknown as PoolKernel);
  if (!built.has(k.kernel)) {
    built.add(k.kernel);
    compiled++;

    checkMode(key, k);
  }
  return out;
}

/** A kernel that gpu.js moved to its CPU fallback would hand back data no other kernel can read. */
function checkMode(key: string, k: IKernelRunShortcut): void {
  const expected = runtime().mode;
  const actual = modeOf(k.kernel.constructor);
  if (actual !== expected)
    throw new Error(
      `gpujs: gpu.js ran kernel '${key}' on '${actual}' instead of '${expected}'${k.kernel.fallbackReason ? `: ${k.kernel.fallbackReason}` : ""}`,
    );
}

/**
 * Whether the kernel's own output texture comes back as an argument (an in-place update of the
 * kernel's last result). gpu.js would then "recycle" textures between its output and the
 * argument, and keep rendering into a recycled texture of the previous call's size; the kernel
 * gets another texture first, keeping input and output apart, as a GPU needs anyway.
 */
function takesOwnOutput(kernel: PoolKernel, args: readonly KernelArg[]): boolean {
  const own = kernel.texture?.texture;
  if (own === undefined) return false;
  for (const a of args)
    if (typeof a === "object" && !ArrayBuffer.isView(a) && (a as unknown as { texture: unknown }).texture === own) return true;
  return false;
}
