import type { Tensor } from "../tensor.js";

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
