import type { Backend } from "./backend.js";

/**
 * A device names where a tensor's memory lives, like `torch.device`.
 *
 * @example
 * ```ts
 * const dev = torch.device("cpu");
 * const x = torch.ones([2]).to(dev);
 * ```
 */
export class Device {
  readonly type: string;
  readonly index: number | null;
  constructor(spec: string, index: number | null = null) {
    const m = /^([a-z]+)(?::(\d+))?$/.exec(spec);
    if (!m) throw new Error(`Invalid device string: '${spec}'`);
    this.type = m[1]!;
    this.index = m[2] !== undefined ? Number(m[2]) : index;
  }
  /** `"cpu"`, or `"webgpu:0"` with an index. */
  toString(): string {
    return this.index === null ? this.type : `${this.type}:${this.index}`;
  }
  /** Whether `other` is the same kind of device: `torch.device("cpu").equals(x.device)`. */
  equals(other: Device): boolean {
    return this.type === other.type;
  }
}

/** A device, or its name: `"cpu"`, `"webgpu"`, `torch.device("gpujs")`. */
export type DeviceLike = string | Device;

interface Registration {
  backend: Backend;
  priority: number;
}
const registry = new Map<string, Registration>();

/**
 * Make a backend available as a device. Backends call this when imported. The priority only
 * decides the default device when the CPU is not registered (see {@link defaultDevice}): the CPU
 * is the default whenever it is registered, as in PyTorch, whatever GPU backend is imported too.
 */
export function registerBackend(backend: Backend, priority = 0): void {
  registry.set(backend.name, { backend, priority });
}

/** The backend serving a device type; throws naming the package to import when none does. */
export function getBackend(device: DeviceLike): Backend {
  const type = typeof device === "string" ? new Device(device).type : device.type;
  const reg = registry.get(type);
  if (!reg)
    throw new Error(
      `No backend is registered for device '${type}'. Import its package first, e.g. import "@flambeau/backend-${type}".`,
    );
  return reg.backend;
}

/** The device types registered so far, highest priority first. */
export function registeredDevices(): string[] {
  return [...registry.entries()].sort((a, b) => b[1].priority - a[1].priority).map(([k]) => k);
}

let defaultDeviceOverride: Device | null = null;

/** `torch.set_default_device`. */
export function set_default_device(device: DeviceLike | null): void {
  defaultDeviceOverride = device === null ? null : toDevice(device);
}

/**
 * `torch.get_default_device()`: the device new tensors are created on when none is given — the
 * one `set_default_device` chose; else the CPU when its backend is registered (`flambeau`
 * registers it); else the registered backend of highest priority.
 *
 * @example
 * ```ts
 * torch.get_default_device().type; // "cpu"
 * torch.set_default_device("webgpu");
 * torch.ones([2]).device.type; // "webgpu"
 * ```
 */
export function defaultDevice(): Device {
  if (defaultDeviceOverride) return defaultDeviceOverride;
  if (registry.has("cpu")) return CPU;
  const first = registeredDevices()[0];
  if (!first) throw new Error("No backend is registered. Import @flambeau/backend-cpu (or use the flambeau package).");
  return new Device(first);
}

const CPU = new Device("cpu");
const cache = new Map<string, Device>([["cpu", CPU]]);

/** `torch.device(spec)`: parse and intern a device. */
export function toDevice(d: DeviceLike): Device {
  if (typeof d !== "string") return d;
  let dev = cache.get(d);
  if (!dev) {
    dev = new Device(d);
    cache.set(d, dev);
  }
  return dev;
}
