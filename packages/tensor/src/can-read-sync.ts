import { Device, getBackend, type DeviceLike } from "./device.js";
import type { Tensor } from "./tensor.js";

/**
 * Whether `dataSync()`, `itemSync()` and `tolistSync()` work for a tensor, or for every tensor
 * on a device (DESIGN.md, Decision 4): true on the CPU and gpu.js, false on WebGPU, whose reads
 * are asynchronous. Asked like PyTorch's `torch.can_cast`; `await x.data()` works everywhere.
 *
 * @example
 * ```ts
 * const loss = model(x).sub(y).pow(2).mean();
 * const value = torch.can_read_sync(loss) ? loss.itemSync() : await loss.item();
 * torch.can_read_sync("webgpu"); // false (once @flambeau/backend-webgpu is imported)
 * ```
 */
export function can_read_sync(input: Tensor | DeviceLike): boolean {
  const backend = typeof input === "string" || input instanceof Device ? getBackend(input) : input._storage.backend;
  // The condition under which dataSync() reads rather than throws.
  return backend.canReadSync && backend.readSync !== undefined;
}
