/**
 * Whether a GPU backend runs on a software rasteriser: a "GPU" that is the CPU under a graphics
 * API (Chrome's SwiftShader, Mesa's llvmpipe, lavapipe and softpipe, Windows' WARP). Such an
 * adapter computes right but slower than the CPU backend (lesson 1: 40.7 s on SwiftShader's
 * WebGPU against 1.9 s on the CPU), so {@link selectDevice} does not take it for `"gpu"`.
 */

/** The names software rasterisers give themselves in adapter and renderer strings, and what to call each. */
const SOFTWARE_NAMES: readonly [RegExp, string][] = [
  [/swiftshader/i, "SwiftShader"],
  [/llvmpipe/i, "llvmpipe"],
  [/lavapipe/i, "lavapipe"],
  [/softpipe/i, "softpipe"],
  [/basic render driver|\bwarp\b/i, "WARP"],
  [/software/i, "a software rasteriser"],
];

function nameIn(text: string): string | null {
  return SOFTWARE_NAMES.find(([pattern]) => pattern.test(text))?.[1] ?? null;
}

/** What a WebGPU adapter says of itself (GPUAdapterInfo, and the older adapter flag). */
interface AdapterLike {
  info?: { vendor?: string; architecture?: string; device?: string; description?: string; isFallbackAdapter?: boolean };
  isFallbackAdapter?: boolean;
}

/** The parts of the backend packages read here: WebGPU's adapter, gpu.js's WebGL renderer. */
interface BackendModule {
  webgpu?: { context?: { adapter?: AdapterLike } | null };
  renderer?: () => string | null;
}

/**
 * The software rasteriser a loaded backend package runs on, by name (`"SwiftShader"`,
 * `"llvmpipe"`, `"lavapipe"`, …), or null when it reports a hardware GPU or says nothing. Reads
 * WebGPU's adapter (vendor, architecture, device, description, `isFallbackAdapter`) and gpu.js's
 * WebGL renderer (unmasked through `WEBGL_debug_renderer_info` where the browser allows).
 *
 * @example
 * ```ts
 * softwareRenderer(await import("@flambeau/backend-webgpu")); // "llvmpipe" under Mesa's lavapipe
 * ```
 */
export function softwareRenderer(mod: unknown): string | null {
  const backend = (mod ?? {}) as BackendModule;
  const adapter = backend.webgpu?.context?.adapter;
  if (adapter) {
    const info = adapter.info ?? {};
    const named = nameIn([info.vendor, info.architecture, info.device, info.description].filter(Boolean).join(" "));
    return named ?? ((info.isFallbackAdapter ?? adapter.isFallbackAdapter) ? "a fallback adapter" : null);
  }
  const name = typeof backend.renderer === "function" ? backend.renderer() : null;
  return name ? nameIn(name) : null;
}
