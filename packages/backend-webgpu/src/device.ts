/**
 * Finding a WebGPU adapter and device: `navigator.gpu` in browsers, the `webgpu` package (Dawn)
 * in Node, loaded with a dynamic import so that browser bundles never pull it in.
 */

/** The device and what must stay reachable for as long as it is used. */
export interface GpuContext {
  readonly device: GPUDevice;
  readonly adapter: GPUAdapter;
  /**
   * The `GPU` object the adapter came from. In Node it is Dawn's native instance, and a
   * device does not keep it alive: once the last JavaScript reference to it is gone the
   * garbage collector destroys the instance while Dawn still polls it (`ProcessEvents`),
   * which aborts the process with a mutex/futex assertion. Interpreted code keeps dead
   * locals alive by accident, optimised code does not, which is why `node --no-opt` seemed
   * to cure it. Holding it here, in a module-level object, is the fix.
   */
  readonly gpu: GPU;
  readonly description: string;
}

const FALLBACK = 'Fall back to the CPU with torch.device("cpu") (or check torch.backends.webgpu.is_available() first).';

/** The platform's `GPU` object, or a reason why there is none. */
async function findGpu(): Promise<GPU | string> {
  const nav = (globalThis as { navigator?: { gpu?: GPU } }).navigator;
  if (nav?.gpu) return nav.gpu;
  const isNode = typeof process !== "undefined" && !!process.versions?.node;
  if (!isNode) return "this browser has no navigator.gpu (WebGPU is off or unsupported; Chromium needs a secure context or --enable-unsafe-webgpu)";
  try {
    // A variable specifier keeps bundlers from resolving the Node-only package.
    const name = "webgpu";
    const mod = (await import(/* @vite-ignore */ name)) as { create(flags: string[]): GPU; globals: Record<string, unknown> };
    // Dawn's constants (GPUBufferUsage, GPUMapMode, …) are globals in browsers; install them once.
    for (const [k, v] of Object.entries(mod.globals)) if (!(k in globalThis)) (globalThis as Record<string, unknown>)[k] = v;
    return mod.create([]);
  } catch (e) {
    return `the 'webgpu' package (Dawn for Node) could not be loaded: ${(e as Error).message}. Install it with 'npm i webgpu@0.6.2'`;
  }
}

/** Request an adapter and a device with the adapter's storage limits; throws with a fallback hint. */
export async function createContext(): Promise<GpuContext> {
  const gpu = await findGpu();
  if (typeof gpu === "string") throw new Error(`WebGPU is not available: ${gpu}. ${FALLBACK}`);
  const adapter = await gpu.requestAdapter();
  if (!adapter)
    throw new Error(
      `WebGPU is not available: no GPU adapter was found (no GPU, or no Vulkan/Metal/D3D driver; in Node on Linux without a GPU install Mesa's lavapipe, e.g. apt-get install mesa-vulkan-drivers). ${FALLBACK}`,
    );
  const limits = adapter.limits;
  const device = await adapter.requestDevice({
    requiredLimits: {
      maxStorageBufferBindingSize: limits.maxStorageBufferBindingSize,
      maxBufferSize: limits.maxBufferSize,
      maxComputeWorkgroupStorageSize: limits.maxComputeWorkgroupStorageSize,
    },
  });
  const info = adapter.info as GPUAdapterInfo | undefined;
  const description = [info?.vendor, info?.architecture, info?.device, info?.description].filter(Boolean).join(" ") || "unknown adapter";
  return { device, adapter, gpu, description };
}
