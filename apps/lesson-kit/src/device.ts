/**
 * Device selection, in one place for every lesson, the Node runner and the web app: which
 * backends exist, how their packages are loaded, and which device a request gets.
 *
 * Backends register themselves when their package is imported (DESIGN.md, decision 9). In Node
 * the packages are imported by name at run time, so the lessons build and run whether or not a
 * GPU backend is installed; a browser bundle cannot import by a computed name and passes its own
 * static imports as `loaders`.
 */
import * as torch from "flambeau";
import { softwareRenderer } from "./software-renderer.js";

/** The devices a lesson can run on. */
export type DeviceName = "cpu" | "webgpu" | "gpujs";

/** What a user may ask for: a device, or `"gpu"` for the best GPU there is (else the CPU). */
export type DeviceRequest = DeviceName | "gpu";

/** Every device name, CPU first. */
export const DEVICE_NAMES: readonly DeviceName[] = ["cpu", "webgpu", "gpujs"];

/** GPU devices, best first: WebGPU, then gpu.js (WebGL). */
export const GPU_PREFERENCE: readonly DeviceName[] = ["webgpu", "gpujs"];

/** The package that installs each GPU backend. */
export const BACKEND_PACKAGES: Readonly<Record<Exclude<DeviceName, "cpu">, string>> = {
  webgpu: "@flambeau/backend-webgpu",
  gpujs: "@flambeau/backend-gpujs",
};

/** Imports of the backend packages, by device (a browser passes `() => import("@flambeau/backend-webgpu")`). */
export type BackendLoaders = Partial<Record<Exclude<DeviceName, "cpu">, () => Promise<unknown>>>;

/** Whether a device can be used, and why not. */
export interface DeviceProbe {
  device: DeviceName;
  available: boolean;
  /** Why the device is unavailable (package missing, no adapter, failed self-test). */
  reason?: string;
  /**
   * False when the device runs, but on a CPU fallback (gpu.js without a WebGL context runs its
   * kernels in JavaScript); `"gpu"` requests skip such a device.
   */
  accelerated?: boolean;
  /**
   * The software rasteriser the device runs on (SwiftShader, llvmpipe, lavapipe…), by the name it
   * gives, when it runs on one: it computes right but slower than the CPU, so `"gpu"` requests
   * skip it unless told otherwise.
   */
  software?: string;
}

/** How a `"gpu"` request chooses. */
export interface SelectOptions {
  /**
   * Take a GPU device that is a software rasteriser (default false: the CPU is faster). Node's
   * runner sets it: lesson 5's point is to run on the GPU device, whatever it is.
   */
  allowSoftware?: boolean;
}

// A computed specifier keeps bundlers and the type checker away from packages that may be absent.
const importByName = (name: string): Promise<unknown> => import(/* @vite-ignore */ name);

const nodeLoaders: BackendLoaders = {
  webgpu: () => importByName(BACKEND_PACKAGES.webgpu),
  gpujs: () => importByName(BACKEND_PACKAGES.gpujs),
};

// Probes are remembered per set of loaders: loading a backend and its self-test happen once.
const probes = new WeakMap<BackendLoaders, Map<DeviceName, Promise<DeviceProbe>>>();

/** True for the names of {@link DeviceRequest}. */
export function isDeviceRequest(s: string): s is DeviceRequest {
  return s === "gpu" || (DEVICE_NAMES as readonly string[]).includes(s);
}

/**
 * Whether `device` works here: its package loads, it reports itself available (when the package
 * says, e.g. a WebGPU adapter exists) and a small computation on it reads back right. The answer
 * is remembered for the process (per set of `loaders`).
 */
export function probeDevice(device: DeviceName, loaders: BackendLoaders = nodeLoaders): Promise<DeviceProbe> {
  let known = probes.get(loaders);
  if (!known) probes.set(loaders, (known = new Map()));
  let probe = known.get(device);
  if (!probe) known.set(device, (probe = runProbe(device, loaders)));
  return probe;
}

async function runProbe(device: DeviceName, loaders: BackendLoaders): Promise<DeviceProbe> {
  if (device === "cpu") return { device, available: true, accelerated: false };
  const fail = (reason: string): DeviceProbe => ({ device, available: false, reason });
  const load = loaders[device];
  if (!load) return fail(`no loader for ${BACKEND_PACKAGES[device]}`);
  let mod: unknown;
  try {
    mod = await load();
  } catch (e) {
    return fail(`${BACKEND_PACKAGES[device]} is not installed (${message(e)})`);
  }
  try {
    // Backends may export an availability check (a WebGPU adapter is only known asynchronously).
    const check = (mod as { is_available?: () => unknown; isAvailable?: () => unknown }) ?? {};
    const says = check.is_available ?? check.isAvailable;
    if (typeof says === "function" && !(await says())) return fail(`${BACKEND_PACKAGES[device]} reports no usable device here`);
    if (!(device in torch.backends)) return fail(`${BACKEND_PACKAGES[device]} registered no '${device}' backend`);
    const two = await torch.ones([2], { device }).add(1).data();
    if (two[0] !== 2 || two[1] !== 2) return fail(`a self-test on '${device}' read back [${Array.from(two).join(", ")}]`);
    // gpu.js says which kernels run (`mode()`): "cpu" and "webasm" are its fallbacks without WebGL.
    const mode = (mod as { mode?: () => unknown }).mode;
    const fallback = typeof mode === "function" && ["cpu", "webasm"].includes(String(mode()));
    const software = fallback ? null : softwareRenderer(mod);
    return { device, available: true, accelerated: !fallback, ...(software ? { software } : {}) };
  } catch (e) {
    return fail(message(e));
  }
}

/**
 * The device for a request: `"cpu"`, a named GPU device (an error says why it cannot be used), or
 * `"gpu"`: WebGPU, else gpu.js (on a GPU, not its CPU fallback), else the CPU — what lesson 5's `"cuda:0" if
 * torch.cuda.is_available() else "cpu"` becomes. A software rasteriser (SwiftShader, llvmpipe)
 * counts as no GPU unless `options.allowSoftware`.
 *
 * @example
 * ```ts
 * const device = await selectDevice("gpu"); // torch.device("webgpu") where WebGPU has a hardware adapter
 * ```
 */
export async function selectDevice(request: DeviceRequest, loaders: BackendLoaders = nodeLoaders, options: SelectOptions = {}): Promise<torch.Device> {
  if (request === "gpu") {
    for (const name of GPU_PREFERENCE) {
      const probe = await probeDevice(name, loaders);
      if (probe.available && probe.accelerated !== false && (options.allowSoftware || !probe.software)) return torch.device(name);
    }
    return torch.device("cpu");
  }
  const probe = await probeDevice(request, loaders);
  if (!probe.available) throw new Error(`device '${request}' is not available: ${probe.reason}`);
  return torch.device(request);
}

function message(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}
