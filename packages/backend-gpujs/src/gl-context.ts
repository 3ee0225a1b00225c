/**
 * The one WebGL context every kernel shares. gpu.js gives each kernel its own context unless it
 * is handed one, and a texture made in one context cannot be read in another, so tensors could
 * not flow between ops without it.
 */
import { GPU, HeadlessGLKernel } from "gpu.js";
import { skipRedundantFramebufferChecks } from "./headless-gl-checks.js";

/** A WebGL context as gpu.js takes it (WebGL 1 or 2, or headless-gl's WebGL 1). */
export type GLContext = WebGLRenderingContext | WebGL2RenderingContext;

/**
 * Bytes per texel of the formats gpu.js allocates: WebGL 2 names a float format by its internal
 * format (R32F for a kernel's scalar results, RGBA32F for four-wide ones and packed scalars),
 * WebGL 1 only by `type` (RGBA with FLOAT: 16 bytes).
 */
export function texelBytes(gl: GLContext, internalFormat: number, type: number | undefined): number {
  const g = gl as WebGL2RenderingContext;
  switch (internalFormat) {
    case g.R32F:
      return 4;
    case g.RG32F:
      return 8;
    case g.RGBA32F:
      return 16;
    case g.R16F:
      return 2;
    case g.RGBA16F:
      return 8;
    default:
      return type === gl.FLOAT ? 16 : 4;
  }
}

export interface GPUSetup {
  gpu: GPU;
  /** The shared context, or null when gpu.js runs on a CPU fallback. */
  context: GLContext | null;
  /** Why there is no context (null when there is one). */
  reason: string | null;
}

// Compute-only: no depth, stencil or antialiasing, and no compositing with the page.
const ATTRIBUTES: WebGLContextAttributes = {
  alpha: false,
  depth: false,
  stencil: false,
  antialias: false,
  premultipliedAlpha: false,
  preserveDrawingBuffer: false,
  powerPreference: "high-performance",
};

function isNode(): boolean {
  return typeof process !== "undefined" && typeof process.versions?.node === "string";
}

function browserContext(): { canvas: HTMLCanvasElement | OffscreenCanvas; context: GLContext | null } {
  const canvas: HTMLCanvasElement | OffscreenCanvas =
    typeof document !== "undefined" ? document.createElement("canvas") : new OffscreenCanvas(1, 1);
  const context =
    (canvas.getContext("webgl2", ATTRIBUTES) as WebGL2RenderingContext | null) ??
    (canvas.getContext("webgl", ATTRIBUTES) as WebGLRenderingContext | null);
  return { canvas, context };
}

/**
 * headless-gl through gpu.js's own loader: gpu.js requires the optional `gl` package itself
 * and reports whether it opened a context, so this package never imports a native module
 * (and browser bundles never see one).
 */
function nodeContext(): { context: GLContext | null; reason: string | null } {
  let supported = false;
  try {
    supported = HeadlessGLKernel.isSupported;
  } catch {
    supported = false;
  }
  if (!supported) {
    const display = typeof process !== "undefined" ? process.env.DISPLAY : undefined;
    return {
      context: null,
      reason: display
        ? `headless-gl (the 'gl' package) could not open a context on display ${display}; is it installed and built (pnpm's onlyBuiltDependencies must allow 'gl'), and is Mesa (libgl1-mesa-dri) present?`
        : "headless-gl needs an X display and DISPLAY is not set: run under 'xvfb-run' or start Xvfb (apt-get install xvfb)",
    };
  }
  const init = (HeadlessGLKernel.prototype as unknown as { initContext(): GLContext | null }).initContext;
  const context = init.call(null);
  if (context) skipRedundantFramebufferChecks(context);
  return { context, reason: context ? null : "headless-gl returned no context" };
}

/** Create the GPU instance on a shared context, or on gpu.js's own choice of fallback. */
export function createGPU(): GPUSetup {
  if (isNode()) {
    const { context, reason } = nodeContext();
    if (context) return { gpu: new GPU({ context }), context, reason: null };
    return { gpu: new GPU(), context: null, reason };
  }
  const { canvas, context } = browserContext();
  if (context) return { gpu: new GPU({ canvas, context }), context, reason: null };
  return { gpu: new GPU(), context: null, reason: "this browser gave no WebGL2 or WebGL context" };
}
