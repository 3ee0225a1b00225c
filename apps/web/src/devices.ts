/**
 * The devices of this browser: the GPU backends load on demand (their own chunks), and the
 * lesson kit probes each once — a package that loads, says it is available, and computes right.
 */
import { probeDevice, selectDevice, DEVICE_NAMES, type BackendLoaders, type DeviceName, type DeviceProbe } from "@flambeau/lesson-kit";

/** Static imports of the GPU backends: a bundle cannot import a package by a computed name. */
export const LOADERS = {
  webgpu: () => import("@flambeau/backend-webgpu"),
  gpujs: () => import("@flambeau/backend-gpujs"),
} satisfies BackendLoaders;

/** The selector's names for the devices. */
export const DEVICE_LABELS: Readonly<Record<DeviceName, string>> = { webgpu: "WebGPU", gpujs: "gpu.js (WebGL)", cpu: "CPU" };

/** What this browser offers: a probe per device, and the default (WebGPU, else gpu.js on WebGL, else the CPU). */
export interface DeviceMenu {
  probes: DeviceProbe[];
  best: DeviceName;
}

let menu: Promise<DeviceMenu> | undefined;

/**
 * Probes every device once per page load.
 *
 * @example
 * ```ts
 * const { best, probes } = await deviceMenu(); // best: "webgpu" where navigator.gpu gives an adapter
 * ```
 */
export function deviceMenu(): Promise<DeviceMenu> {
  return (menu ??= (async () => {
    const best = (await selectDevice("gpu", LOADERS)).type as DeviceName;
    const probes = await Promise.all(DEVICE_NAMES.map((d) => probeDevice(d, LOADERS)));
    return { probes, best };
  })());
}

/**
 * What exactly runs a device here: WebGPU's adapter, gpu.js's kernel mode (`webgl2`, or a CPU
 * fallback), or the CPU's typed arrays.
 *
 * @example
 * ```ts
 * await deviceDetail("gpujs"); // "gpu.js mode webgl2"
 * ```
 */
export async function deviceDetail(device: DeviceName): Promise<string> {
  if (device === "webgpu") return `adapter: ${(await LOADERS.webgpu()).webgpu.adapterDescription || "unnamed"}`;
  if (device === "gpujs") return `gpu.js mode ${(await LOADERS.gpujs()).mode()}`;
  return "JavaScript typed arrays";
}
