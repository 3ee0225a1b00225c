/**
 * Tensors to and from the raw little-endian bytes of safetensors. Flambeau's dtypes map to
 * F32, F64, I32, I64 and BOOL; on loading, other integer and half-precision dtypes are widened.
 * I64 loads as int64 on a device that has it (the CPU), exact to 2^53 - 1 (a value past that is
 * refused, never rounded), and as int32 on one that has not (the GPUs) when every value fits.
 */
import { Tensor, device as toDevice, from, tensor, type DType, type DeviceLike, type TypedArray } from "@flambeau/tensor";
import { defaultDevice, getBackend } from "@flambeau/tensor/internal";
import type { RawTensor } from "./safetensors.js";

const NAMES: Record<DType, string> = { float32: "F32", float64: "F64", int32: "I32", int64: "I64", bool: "BOOL" };

// Typed arrays are in the host's byte order; safetensors is little-endian, as is every host
// JavaScript runs on in practice. Refuse rather than corrupt on the exotic one.
const littleEndian = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1;
function checkEndianness(): void {
  if (!littleEndian) throw new Error("safetensors: big-endian hosts are not supported");
}

/** A tensor's elements as safetensors bytes (reading them from its device). */
export async function toRaw(t: Tensor): Promise<RawTensor> {
  checkEndianness();
  let data: ArrayBufferView = await t.data();
  // int64 is held in doubles (exact whole numbers): written as the 8-byte integers I64 is.
  if (t.dtype === "int64") data = BigInt64Array.from(data as Float64Array, (v) => BigInt(v));
  return { dtype: NAMES[t.dtype], shape: t.shape.slice(), data: new Uint8Array(data.buffer, data.byteOffset, data.byteLength) };
}

/** A fresh, aligned copy of `bytes` viewed as `Type` (Node's Buffer#slice would not copy). */
function view<T>(bytes: Uint8Array, Type: { new (buffer: ArrayBuffer): T }): T {
  const copy = new Uint8Array(bytes.length);
  copy.set(bytes);
  return new Type(copy.buffer);
}

function halfToFloat(h: number): number {
  const sign = h & 0x8000 ? -1 : 1;
  const exp = (h >> 10) & 0x1f;
  const frac = h & 0x3ff;
  if (exp === 0) return sign * frac * 2 ** -24;
  if (exp === 31) return frac ? NaN : sign * Infinity;
  return sign * (1 + frac / 1024) * 2 ** (exp - 15);
}

function toInt32(name: string, values: ArrayLike<number | bigint>, dtype: string): Int32Array {
  const out = new Int32Array(values.length);
  for (let i = 0; i < values.length; i++) {
    const v = values[i]!;
    if (v < -2147483648 || v > 2147483647)
      throw new Error(
        `safetensors: tensor '${name}' holds ${dtype} value ${v}, outside the int32 range Flambeau stores integers in` +
          (dtype === "I64" ? " on this device (no int64 there); load it on the CPU, which holds int64" : ""),
      );
    out[i] = Number(v);
  }
  return out;
}

/** I64 values as exact doubles; one past 2^53 - 1 in magnitude is refused, not rounded. */
function toInt64(name: string, values: BigInt64Array): Float64Array {
  const out = new Float64Array(values.length);
  const max = BigInt(Number.MAX_SAFE_INTEGER);
  for (let i = 0; i < values.length; i++) {
    const v = values[i]!;
    if (v > max || v < -max)
      throw new RangeError(
        `safetensors: tensor '${name}' holds I64 value ${v}, past 2^53 - 1 (9007199254740991) in magnitude, beyond which Flambeau's int64 (held in doubles) is not exact`,
      );
    out[i] = Number(v);
  }
  return out;
}

/** The host array of a stored tensor in one of Flambeau's dtypes; I64 as int64 or int32 (`int64`: the device has it). */
function hostArray(name: string, raw: RawTensor, int64: boolean): TypedArray {
  const d = raw.data;
  switch (raw.dtype) {
    case "F32": return view(d, Float32Array);
    case "F64": return view(d, Float64Array);
    case "I32": return view(d, Int32Array);
    case "BOOL": return Uint8Array.from(d, (v) => (v ? 1 : 0));
    case "I64": return int64 ? toInt64(name, view(d, BigInt64Array)) : toInt32(name, view(d, BigInt64Array), "I64");
    case "U32": return toInt32(name, view(d, Uint32Array), "U32");
    case "I16": return Int32Array.from(view(d, Int16Array));
    case "U16": return Int32Array.from(view(d, Uint16Array));
    case "I8": return Int32Array.from(view(d, Int8Array));
    case "U8": return Int32Array.from(d);
    case "F16": return Float32Array.from(view(d, Uint16Array), halfToFloat);
    // bfloat16 is the top half of a float32.
    case "BF16": return new Float32Array(Uint32Array.from(view(d, Uint16Array), (h) => h << 16).buffer);
    default:
      throw new Error(`safetensors: tensor '${name}' has dtype ${raw.dtype}, which Flambeau cannot load`);
  }
}

/** A stored tensor as a Flambeau tensor on `device`. */
export function fromRaw(name: string, raw: RawTensor, device?: DeviceLike): Tensor {
  checkEndianness();
  const options = device === undefined ? {} : { device };
  if (raw.dtype !== "I64") return from(hostArray(name, raw, false), raw.shape, options);
  const int64 = getBackend(device === undefined ? defaultDevice() : toDevice(device)).supportsDType("int64");
  const host = hostArray(name, raw, int64);
  return int64 ? tensor(host, { ...options, dtype: "int64" }).reshape(raw.shape) : from(host, raw.shape, options);
}
