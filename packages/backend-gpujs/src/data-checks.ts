/**
 * Values a kernel cannot refuse, checked before it runs. A gpu.js kernel cannot throw, and a
 * WebGL texture has no status word to report through (WebGPU's way, errors.ts there), but this
 * backend reads synchronously: so an op whose data can be wrong (an index out of range, an
 * integer division by zero) reads the operand that decides it and raises PyTorch's error at
 * the op, before any output exists, as the CPU does. Operands made by `full` are known without
 * a read; others cost one texture read, of the operand's own elements only, and an index
 * texture's range is remembered, so a kept table is read once.
 */
import {
  indexOutOfBoundsAt, integerDivisionByZero, type IndexSite, type View,
} from "@flambeau/tensor/internal";
import { type GLBuffer, hostValues } from "./buffer.js";
import { data, knownValue } from "./kernels/map.js";

/**
 * The first element of `v`, in row-major order, for which `bad` holds, or undefined. Dims of
 * stride 0 (an expanded index: a window table shared by every image) repeat the same elements
 * and are walked once.
 */
export function findInView(v: View, bad: (value: number) => boolean): number | undefined {
  const known = knownValue(v);
  if (known !== undefined) return bad(known) ? known : undefined;
  const dims: { size: number; stride: number }[] = [];
  for (let d = 0; d < v.shape.length; d++) {
    if (v.shape[d] === 0) return undefined;
    if (v.strides[d] !== 0 && v.shape[d] !== 1) dims.push({ size: v.shape[d]!, stride: v.strides[d]! });
  }
  const values = hostValues(data(v), (v.buffer as GLBuffer).size);
  const at = dims.map(() => 0);
  let p = v.offset;
  for (;;) {
    const value = values[p]!;
    if (bad(value)) return value;
    let d = dims.length - 1;
    for (; d >= 0; d--) {
      const dim = dims[d]!;
      if (++at[d]! < dim.size) {
        p += dim.stride;
        break;
      }
      p -= (dim.size - 1) * dim.stride;
      at[d] = 0;
    }
    if (d < 0) return undefined;
  }
}

/**
 * The smallest and largest element of each index texture read so far. A texture is never
 * written while a tensor holds it (an in-place write renders into a new one), so a table read
 * once (a convolution's windows, uploaded once per device and kept) is not read again.
 */
const ranges = new WeakMap<object, { min: number; max: number }>();

function bufferRange(v: View): { min: number; max: number } {
  const b = v.buffer as GLBuffer;
  const texture = data(v);
  let range = ranges.get(texture);
  if (range === undefined) {
    const values = hostValues(texture, b.size);
    let min = Infinity, max = -Infinity;
    for (let i = 0; i < values.length; i++) {
      const x = values[i]!;
      if (x < min) min = x;
      if (x > max) max = x;
    }
    range = { min, max };
    ranges.set(texture, range);
  }
  return range;
}

/** Refuse an index of `op` outside `[0, extent)` along `dim`, naming the first one and the user's call (`site`). */
export function checkIndexRange(op: "gather" | "scatter_add", site: IndexSite | undefined, index: View, dim: number, extent: number): void {
  if (knownValue(index) === undefined && (index.buffer as GLBuffer).size > 0) {
    const { min, max } = bufferRange(index);
    if (min >= 0 && max < extent) return; // every element of the buffer, so every one the view reads
  }
  const bad = findInView(index, (i) => i < 0 || i >= extent);
  if (bad !== undefined) throw indexOutOfBoundsAt(site, op, bad, dim, extent);
}

/** Refuse an integral divisor holding a zero (PyTorch's `ZeroDivisionError`). */
export function checkNonzeroDivisor(divisor: View): void {
  if (findInView(divisor, (v) => v === 0) !== undefined) throw integerDivisionByZero("gpujs");
}
