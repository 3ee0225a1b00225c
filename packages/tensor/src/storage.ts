import type { Backend, BackendBuffer } from "./backend.js";
import { ITEM_SIZE, type DType } from "./dtype.js";
import { toDevice, type Device } from "./device.js";
import { track } from "./scope.js";
import { noteDeviceBytes } from "./collector.js";

interface Usage {
  tensors: number;
  bytes: number;
}
const usage = new Map<string, Usage>();
/** Highest `bytes` per device since the start or the last {@link reset_peak_memory_stats}. */
const peaks = new Map<string, number>();

function account(device: string, count: number, bytes: number): void {
  let u = usage.get(device);
  if (!u) usage.set(device, (u = { tensors: 0, bytes: 0 }));
  u.tensors += count;
  u.bytes += bytes;
  if (bytes > 0 && u.bytes > (peaks.get(device) ?? 0)) peaks.set(device, u.bytes);
  noteDeviceBytes(bytes);
}

// GPU memory is released when the last tensor using it is collected (Decision 5).
const finalizer = new FinalizationRegistry<{ backend: Backend; buffer: BackendBuffer; bytes: number; counted: boolean }>((held) => {
  held.backend.free(held.buffer);
  if (held.counted) account(held.backend.name, -1, -held.bytes);
});

type Schedule = (callback: () => void) => unknown;
const scope = globalThis as { setImmediate?: Schedule; MessageChannel?: new () => { port1: { onmessage: unknown }; port2: { postMessage(x: unknown): void } } };
/** Run `callback` as a new task (not a microtask): Node's setImmediate, else a message to oneself. */
const schedule: Schedule = scope.setImmediate
  ? scope.setImmediate.bind(globalThis)
  : scope.MessageChannel
    ? (callback) => {
        const channel = new scope.MessageChannel!();
        channel.port1.onmessage = callback;
        channel.port2.postMessage(null);
      }
    : (callback) => setTimeout(callback, 0);

/**
 * @internal Resolve after one turn of the event loop, so that the finalizers above can run.
 * They are tasks, never microtasks: a training loop whose only `await` is a read that resolves at
 * once (gpu.js reads textures synchronously) would otherwise never let them run, and every step's
 * output and loss would stay on the device however often the collector ran. `Tensor.data()`
 * (and so `item()`, `tolist()`) awaits this on devices that free memory explicitly.
 */
export function letFinalizersRun(): Promise<void> {
  return new Promise((resolve) => schedule(() => resolve()));
}

/**
 * Memory shared by a tensor and all of its views. `version` counts in-place writes, which
 * autograd checks to refuse gradients computed from overwritten values.
 */
export class Storage {
  version = 0;
  private freed = false;
  /** @internal How many autograd nodes save a tensor on this storage for backward. */
  _graphRefs = 0;
  /** @internal Only the autograd graph reaches this storage: freed once no node saves it (scope.ts). */
  _graphOnly = false;
  /** @internal Never freed by a scope: parameters, buffers, gradients, optimizer state, `keep()`. */
  _kept = false;
  /** @internal A gradient only its tensor's `.grad` slot holds: freed when the slot is cleared (tensor.ts). */
  _gradSlotOnly = false;
  /** @internal Freed explicitly (a GPU buffer, or one the backend tracks): scopes and dispose() free it. */
  readonly _tracked: boolean;
  private _device: Device | undefined;
  constructor(
    readonly backend: Backend,
    readonly buffer: BackendBuffer,
    readonly dtype: DType,
    readonly size: number,
  ) {
    // Only memory outside the JS heap pays for tracking: a GPU's, and the few buffers a
    // collected backend asks for (the CPU's large tensors, which it recycles).
    const counted = backend.needsFree === true;
    this._tracked = counted || (backend.tracksBuffer?.(buffer) ?? false);
    if (this._tracked) {
      const bytes = counted ? size * ITEM_SIZE[dtype] : 0;
      if (counted) account(backend.name, 1, bytes);
      finalizer.register(this, { backend, buffer, bytes, counted }, this);
      track(this);
    }
  }
  /** The device holding this memory (looked up when first asked: most storages never are). */
  get device(): Device {
    return (this._device ??= toDevice(this.backend.name));
  }
  /** @internal A graph node saves a tensor on this storage. */
  _holdForGraph(): void {
    this._graphRefs++;
  }
  /** @internal A graph node let go of it: free it now if nothing outside the graph can reach it. */
  _releaseFromGraph(): void {
    if (--this._graphRefs === 0 && this._graphOnly) this.dispose();
  }
  /** Free the memory now; later use of any tensor on this storage throws. */
  dispose(): void {
    if (this.freed || !this._tracked) return;
    this.freed = true;
    finalizer.unregister(this);
    this.backend.free(this.buffer);
    if (this.backend.needsFree) account(this.backend.name, -1, -this.size * ITEM_SIZE[this.dtype]);
  }
  /** Whether this storage's memory was freed (`dispose()`, a scope, the collector). */
  get disposed(): boolean {
    return this.freed;
  }
}

/**
 * `torch.memory()`: live buffers and bytes per device, for backends that manage their own
 * memory (GPU backends). The CPU's typed arrays belong to the JavaScript garbage collector.
 *
 * @example
 * ```ts
 * torch.memory(); // { webgpu: { tensors: 12, bytes: 4096 } }
 * ```
 */
export function memory(): Record<string, Usage> {
  const out: Record<string, Usage> = {};
  for (const [k, v] of usage) out[k] = { ...v };
  return out;
}

/**
 * Bytes of live tensors on `device` now (`torch.cuda.memory_allocated()`); 0 for a device whose
 * memory the garbage collector owns (the CPU). Backend packages publish it per device, e.g.
 * `torch.backends.webgpu.memory_allocated()`.
 *
 * @example
 * ```ts
 * memory_allocated("webgpu"); // 1048576
 * ```
 */
export function memory_allocated(device: string): number {
  return usage.get(device)?.bytes ?? 0;
}

/**
 * The highest {@link memory_allocated} of `device` since the program started or
 * {@link reset_peak_memory_stats} (`torch.cuda.max_memory_allocated()`).
 *
 * @example
 * ```ts
 * reset_peak_memory_stats("webgpu"); step(); max_memory_allocated("webgpu");
 * ```
 */
export function max_memory_allocated(device: string): number {
  return peaks.get(device) ?? 0;
}

/**
 * Start measuring {@link max_memory_allocated} of `device` again from what is live now
 * (`torch.cuda.reset_peak_memory_stats()`).
 *
 * @example
 * ```ts
 * reset_peak_memory_stats("webgpu");
 * ```
 */
export function reset_peak_memory_stats(device: string): void {
  peaks.set(device, memory_allocated(device));
}
