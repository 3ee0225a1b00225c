import { getWasm, peekWasm } from "./runtime.js";

/**
 * Which kernels the CPU backend runs: "simd" (WebAssembly SIMD where it is faster, the
 * default where the platform has it) or "plain" (the JavaScript kernels only).
 */
export type CpuKernels = "simd" | "plain";

/** The environment variable FLAMBEAU_CPU_KERNELS=plain (Node) starts on the plain kernels. */
function fromEnvironment(): CpuKernels {
  const env = (globalThis as { process?: { env?: Record<string, string | undefined> } }).process?.env;
  return env?.FLAMBEAU_CPU_KERNELS === "plain" ? "plain" : "simd";
}

let chosen: CpuKernels = fromEnvironment();

/**
 * Choose the CPU kernels. "plain" runs every op in JavaScript, as on a platform without
 * WebAssembly SIMD; both paths give the same results within float32 rounding.
 *
 * @example
 * ```ts
 * import { setCpuKernels } from "@flambeau/backend-cpu";
 * setCpuKernels("plain");
 * ```
 */
export function setCpuKernels(kernels: CpuKernels): void {
  if (kernels !== "simd" && kernels !== "plain")
    throw new Error(`setCpuKernels: expected "simd" or "plain", got ${String(kernels)}`);
  chosen = kernels;
}

/** The kernels in use: "simd" only when chosen and WebAssembly SIMD is available here. */
export function cpuKernels(): CpuKernels {
  return chosen === "simd" && getWasm() !== null ? "simd" : "plain";
}

/** Whether the SIMD path is on (the kernels' quick check). */
export function simdOn(): boolean {
  return chosen === "simd" && getWasm() !== null;
}

/**
 * Bytes of WebAssembly memory the SIMD kernels hold (0 before the first SIMD op or without
 * SIMD): large float32 tensors that live there and the scratch region of the largest operation
 * seen. Freed tensors' blocks are reused and the memory never shrinks, so it is the high-water
 * mark: a training loop keeps it flat.
 *
 * @example
 * ```ts
 * import { simdMemoryBytes } from "@flambeau/backend-cpu";
 * console.log(simdMemoryBytes() / 2 ** 20, "MiB");
 * ```
 */
export function simdMemoryBytes(): number {
  return peekWasm()?.memory.buffer.byteLength ?? 0;
}
