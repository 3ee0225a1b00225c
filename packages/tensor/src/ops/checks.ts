import type { Tensor } from "../tensor.js";
import { fmtShape } from "../shape.js";

/** PyTorch's message for operands on different devices. */
export function checkSameDevice(op: string, a: Tensor, b: Tensor): void {
  if (a._storage.device.type !== b._storage.device.type)
    throw new Error(
      `${op}: Expected all tensors to be on the same device, but found at least two devices, ${a.device} and ${b.device}!`,
    );
}

/** Reject `x` unless it is a Tensor, naming the op and the argument. */
export function checkTensor(op: string, name: string, x: unknown): asserts x is Tensor {
  if (x === null || typeof x !== "object" || !("_storage" in x))
    throw new TypeError(`${op}(): argument '${name}' must be Tensor, not ${x === null ? "null" : typeof x}`);
}

/** PyTorch's checks of `scatter`/`scatter_add`: dtypes, ranks and index sizes (values are checked by the kernels). */
export function checkScatter(op: string, x: Tensor, d: number, index: Tensor, src: Tensor | null): void {
  if (index.dtype !== "int32") throw new Error(`${op}(): Expected dtype int32 for index, but got ${index.dtype}`);
  checkSameDevice(op, x, index);
  if (src !== null) {
    checkSameDevice(op, x, src);
    if (src.dtype !== x.dtype)
      throw new Error(`${op}(): Expected self.dtype to be equal to src.dtype (got ${x.dtype} and ${src.dtype})`);
  }
  if (index.numel() === 0) return;
  const rank = Math.max(x.ndim, 1);
  if (Math.max(index.ndim, 1) !== rank || (src !== null && Math.max(src.ndim, 1) !== rank))
    throw new Error(
      `${op}(): Index tensor must have the same number of dimensions as self tensor${src ? " and src tensor" : ""} (index ${fmtShape(index.shape)}, self ${fmtShape(x.shape)}${src ? `, src ${fmtShape(src.shape)}` : ""})`,
    );
  for (let i = 0; i < index.ndim; i++) {
    const tooBigForSelf = i !== d && index.shape[i]! > x.shape[i]!;
    const tooBigForSrc = src !== null && src.ndim > 0 && index.shape[i]! > src.shape[i]!;
    if (tooBigForSelf || tooBigForSrc)
      throw new Error(
        `${op}(): Expected index ${fmtShape(index.shape)} to be smaller than self ${fmtShape(x.shape)} apart from dimension ${d}${src ? ` and to be smaller size than src ${fmtShape(src.shape)}` : ""}`,
      );
  }
}
