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

/**
 * What this browser offers: a probe per device, and the default (WebGPU, else gpu.js on WebGL,
 * else the CPU; a software rasteriser counts as no GPU, as the lesson kit decides).
 */
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

/**
 * Why the default is the CPU when GPU devices work here but on software rasterisers, e.g.
 * "WebGPU and gpu.js (WebGL) run on a software renderer here (SwiftShader), usually slower than
 * the CPU: lessons start on the CPU. Pick one to try it anyway." — null when no GPU device is a
 * software one (or the default is one, as nothing better exists).
 *
 * @example
 * ```ts
 * const note = softwareNote(await deviceMenu()); // shown beside the device selector
 * ```
 */
export function softwareNote({ probes, best }: DeviceMenu): string | null {
  const soft = probes.filter((p) => p.available && p.software && p.device !== best);
  if (!soft.length) return null;
  const names = soft.map((p) => DEVICE_LABELS[p.device]).join(" and ");
  const renderers = [...new Set(soft.map((p) => p.software))].join(", ");
  const verb = soft.length === 1 ? "runs" : "run";
  return `${names} ${verb} on a software renderer here (${renderers}), usually slower than the CPU: lessons start on ${best === "cpu" ? "the CPU" : DEVICE_LABELS[best]}. Pick ${soft.length === 1 ? "it" : "one"} to try it anyway.`;
}

