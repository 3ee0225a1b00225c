import { runtime, type GpujsMode } from "./runtime.js";

export type { GpujsMode } from "./runtime.js";

/**
 * Which gpu.js kernel type actually runs the "gpujs" device (`torch.backends.gpujs.mode`):
 * `"webgl2"` or `"webgl"` in a browser, `"headlessgl"` in Node, or a CPU fallback (`"webasm"`,
 * `"cpu"`) where no WebGL context could be opened. gpu.js falls back silently; this package
 * warns once when it does, and this tells a program (or a test) which path it is on.
 *
 * The first call opens the WebGL context.
 *
 * @example
 * ```ts
 * import { mode } from "@flambeau/backend-gpujs";
 * if (mode() !== "webgl2") console.log("no WebGL2 here: ", fallbackReason());
 * ```
 */
export function mode(): GpujsMode {
  return runtime().mode;
}

/**
 * Why the device runs on a CPU fallback (e.g. `"headless-gl needs an X display …"`), or null
 * when it runs on a GPU.
 *
 * @example
 * ```ts
 * const why = fallbackReason(); // null under xvfb-run with headless-gl built
 * ```
 */
export function fallbackReason(): string | null {
  return runtime().reason;
}

/**
 * The name of the WebGL renderer behind the device — the unmasked one where the browser offers
 * `WEBGL_debug_renderer_info` (e.g. `"ANGLE (Google, Vulkan 1.3.0 (SwiftShader Device …))"`),
 * else `RENDERER` — or null on a CPU fallback. Opens the context on first call, as {@link mode}.
 *
 * @example
 * ```ts
 * import { renderer } from "@flambeau/backend-gpujs";
 * if (/swiftshader|llvmpipe/i.test(renderer() ?? "")) console.log("WebGL here is a software renderer");
 * ```
 */
export function renderer(): string | null {
  const gl = runtime().context;
  if (!gl) return null;
  const debug = gl.getExtension("WEBGL_debug_renderer_info");
  return String(gl.getParameter(debug ? debug.UNMASKED_RENDERER_WEBGL : gl.RENDERER));
}
