import type { BackendBuffer } from "../backend.js";
import type { Tensor } from "../tensor.js";
import { isContiguous, numel } from "../shape.js";

/**
 * A buffer holding `t`'s elements contiguously from element 0: its own memory when already
 * laid out that way, otherwise a temporary copy that `release()` frees.
 */
export function contiguousBuffer(t: Tensor): { buffer: BackendBuffer; release(): void } {
  const backend = t._storage.backend;
  if (t._storage.disposed) throw new Error("This tensor has been disposed; its memory was freed by dispose().");
  if (t.offset === 0 && isContiguous(t.shape, t.strides) && t._storage.size >= numel(t.shape))
    return { buffer: t.buffer, release() {} };
  const buffer = backend.copy(t, t.dtype);
  return { buffer, release: () => backend.free(buffer) };
}
