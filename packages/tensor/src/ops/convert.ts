import { isDType, isFloating, type DType } from "../dtype.js";
import { toDevice, getBackend, type Device } from "../device.js";
import { record } from "../graph.js";
import type { Tensor } from "../tensor.js";
import { wrap } from "./make.js";
import { contiguousBuffer } from "./materialize.js";
import { checkDType } from "./checks.js";
import { asyncReadRequired, dtypeNotSupported } from "../errors.js";

/** Cast to another dtype (differentiable between floating types). Returns `x` when already of `dtype`. */
export function toDType(x: Tensor, dtype: DType): Tensor {
  if (x.dtype === dtype) return x;
  const backend = x._storage.backend;
  if (!backend.supportsDType(dtype)) throw dtypeNotSupported("to", backend.name, dtype);
  const out = wrap(backend, backend.copy(x, dtype), dtype, x.shape);
  return x.requires_grad && isFloating(dtype) ? record("cast", [x], out) : out;
}

/**
 * Move to another device (differentiable). The data travels through the host; devices that
 * read asynchronously need `await x.toAsync(device)`.
 */
export function toDevice_(x: Tensor, device: Device | string): Tensor {
  const dev = toDevice(device);
  if (dev.type === x.device.type) return x;
  const src = x._storage.backend;
  if (!src.canReadSync || !src.readSync)
    throw asyncReadRequired(`to("${dev}")`, x.device, `use 'await tensor.toAsync("${dev}")' instead`);
  const buf = contiguousBuffer(x);
  const host = src.readSync(buf.buffer, x.dtype, x.numel());
  buf.release();
  return upload(x, host, dev);
}

/** Move to another device, reading asynchronously when the source device needs it. */
export async function toDeviceAsync(x: Tensor, device: Device | string): Promise<Tensor> {
  const dev = toDevice(device);
  if (dev.type === x.device.type) return x;
  return upload(x, await x.data(), dev);
}

function upload(x: Tensor, host: ArrayLike<number> & { buffer: ArrayBufferLike }, dev: Device): Tensor {
  const dst = getBackend(dev);
  if (!dst.supportsDType(x.dtype)) throw dtypeNotSupported("to", dev, x.dtype);
  const out = wrap(dst, dst.upload(host as never, x.dtype, true), x.dtype, x.shape);
  return x.requires_grad ? record("to_device", [x], out, null, { device: x.device }) : out;
}

/** `Tensor.to(dtype)`, `Tensor.to(device)` or `Tensor.to(device, dtype)`, as in PyTorch. */
export function to(x: Tensor, a: DType | Device | string | Tensor, b?: DType): Tensor {
  if (typeof a === "object" && a !== null && "_storage" in a) return toDType(toDevice_(x, a.device), a.dtype);
  if (typeof a === "string" && isDType(a)) return toDType(x, a);
  // "float16", "int64", "uint8"…: a dtype Flambeau lacks, not a device.
  if (typeof a === "string" && /^(float|int|uint|bool|complex|bfloat)/.test(a)) checkDType("to", a);
  if (b !== undefined) checkDType("to", b);
  const moved = toDevice_(x, a as Device | string);
  return b ? toDType(moved, b) : moved;
}
