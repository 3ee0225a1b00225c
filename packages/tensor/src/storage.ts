import type { Backend, BackendBuffer } from "./backend.js";
import { ITEM_SIZE, type DType } from "./dtype.js";
import { toDevice, type Device } from "./device.js";

interface Usage {
  tensors: number;
  bytes: number;
}
const usage = new Map<string, Usage>();

function account(device: string, count: number, bytes: number): void {
  let u = usage.get(device);
  if (!u) usage.set(device, (u = { tensors: 0, bytes: 0 }));
  u.tensors += count;
  u.bytes += bytes;
}

// GPU memory is released when the last tensor using it is collected (Decision 5).
const finalizer = new FinalizationRegistry<{ backend: Backend; buffer: BackendBuffer; bytes: number }>((held) => {
  held.backend.free(held.buffer);
  account(held.backend.name, -1, -held.bytes);
});

/**
 * Memory shared by a tensor and all of its views. `version` counts in-place writes, which
 * autograd checks to refuse gradients computed from overwritten values.
 */
export class Storage {
  version = 0;
  private freed = false;
  readonly device: Device;
  constructor(
    readonly backend: Backend,
    readonly buffer: BackendBuffer,
    readonly dtype: DType,
    readonly size: number,
  ) {
    this.device = toDevice(backend.name);
    // Only backends that own memory outside the JS heap pay for tracking.
    if (backend.needsFree) {
      const bytes = size * ITEM_SIZE[dtype];
      account(backend.name, 1, bytes);
      finalizer.register(this, { backend, buffer, bytes }, this);
    }
  }
  /** Free the memory now; later use of any tensor on this storage throws. */
  dispose(): void {
    if (this.freed || !this.backend.needsFree) return;
    this.freed = true;
    finalizer.unregister(this);
    this.backend.free(this.buffer);
    account(this.backend.name, -1, -this.size * ITEM_SIZE[this.dtype]);
  }
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
