/** Shapes, strides and broadcasting, following PyTorch's rules. */

import { describeValue } from "./kinds.js";
import { broadcastMismatch } from "./errors.js";

/** A tensor's sizes, outermost first: `[2, 3]` for two rows of three. */
export type Shape = readonly number[];

/** Number of elements of a shape (1 for a 0-d shape). */
export function numel(shape: Shape): number {
  let n = 1;
  for (let i = 0; i < shape.length; i++) n *= shape[i]!;
  return n;
}

/** Row-major (C-contiguous) strides of a shape. */
export function contiguousStrides(shape: Shape): number[] {
  const strides = new Array<number>(shape.length);
  let s = 1;
  for (let i = shape.length - 1; i >= 0; i--) {
    strides[i] = s;
    s *= shape[i]!;
  }
  return strides;
}

/** Whether a view with these strides reads its elements in row-major order without gaps. */
export function isContiguous(shape: Shape, strides: Shape): boolean {
  let expected = 1;
  for (let i = shape.length - 1; i >= 0; i--) {
    const d = shape[i]!;
    if (d === 1) continue;
    if (strides[i] !== expected) return false;
    expected *= d;
  }
  return true;
}

/** Whether two shapes are the same: `shapesEqual([2, 3], [2, 3])` is true. */
export function shapesEqual(a: Shape, b: Shape): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

/** PyTorch's size formatting in messages: `[2, 3]`. */
export function fmtShape(s: Shape): string {
  return `[${s.join(", ")}]`;
}

/** The broadcast shape of two shapes, or `null` when they do not broadcast. */
export function tryBroadcastShapes(a: Shape, b: Shape): number[] | null {
  if (shapesEqual(a, b)) return a as number[];
  const n = Math.max(a.length, b.length);
  const out = new Array<number>(n);
  for (let i = 0; i < n; i++) {
    const da = a[a.length - n + i] ?? 1;
    const db = b[b.length - n + i] ?? 1;
    if (da !== db && da !== 1 && db !== 1) return null;
    out[i] = da === 1 ? db : da;
  }
  return out;
}

/** `torch.broadcast_shapes`; throws PyTorch's message when sizes clash. */
export function broadcastShapes(...shapes: Shape[]): number[] {
  return broadcastShapesFor(null, shapes);
}

/** The broadcast shape of `shapes`, or PyTorch's message naming `op` and the clashing shapes. */
export function broadcastShapesFor(op: string | null, shapes: readonly Shape[]): number[] {
  let out: number[] = [];
  for (const s of shapes) {
    const r = tryBroadcastShapes(out, s);
    if (r === null) throw broadcastMismatch(op, out, s);
    out = r;
  }
  return out;
}

/** Strides that read a tensor of `shape`/`strides` as if it had the larger broadcast shape `to`. */
export function broadcastStrides(shape: Shape, strides: Shape, to: Shape): number[] {
  const out = new Array<number>(to.length).fill(0);
  const off = to.length - shape.length;
  for (let i = 0; i < shape.length; i++) out[i + off] = shape[i] === 1 && to[i + off] !== 1 ? 0 : strides[i]!;
  return out;
}

/** Wrap a possibly negative dimension index into `[0, ndim)`, with PyTorch's IndexError text. */
export function normalizeDim(dim: number, ndim: number, op = ""): number {
  const n = Math.max(ndim, 1);
  // Every op taking a dim comes here, so a dim of the wrong kind is refused here too.
  if (!Number.isInteger(dim))
    throw new TypeError(`${op ? op + "(): " : ""}argument 'dim' must be int, not ${describeValue(dim)}`);
  if (dim < -n || dim >= n)
    throw new RangeError(
      `${op ? op + ": " : ""}Dimension out of range (expected to be in range of [${-n}, ${n - 1}], but got ${dim})`,
    );
  return dim < 0 ? dim + n : dim;
}

/** Normalise a `dim` argument (one, several, or all) into sorted unique axes. */
export function normalizeDims(dim: number | readonly number[] | undefined | null, ndim: number, op = ""): number[] {
  // Every reduction (and backward's un-broadcasting sums) comes here: plain loops, no Set.
  if (dim === undefined || dim === null) return allDims(ndim);
  if (typeof dim === "number") return [normalizeDim(dim, ndim, op)];
  if (!Array.isArray(dim)) throw new TypeError(`${op ? op + "(): " : ""}argument 'dim' must be int or array of ints, not ${describeValue(dim)}`);
  if (dim.length === 0) return allDims(ndim);
  const out = new Array<number>(dim.length);
  for (let i = 0; i < dim.length; i++) {
    const d = normalizeDim(dim[i]!, ndim, op);
    for (let j = 0; j < i; j++) if (out[j] === d) throw new Error(`${op}: dim ${d} appears multiple times in the list of dims`);
    out[i] = d;
  }
  return out.length > 1 ? out.sort((x, y) => x - y) : out;
}

function allDims(ndim: number): number[] {
  const out = new Array<number>(ndim);
  for (let i = 0; i < ndim; i++) out[i] = i;
  return out;
}

/** Resolve a `-1` in a target shape of a reshape of `size` elements. */
export function inferShape(shape: readonly number[], size: number, op = "view"): number[] {
  let infer = -1;
  let known = 1;
  for (let i = 0; i < shape.length; i++) {
    const d = shape[i]!;
    if (d === -1) {
      if (infer >= 0) throw new Error(`${op}: only one dimension can be inferred`);
      infer = i;
    } else if (!Number.isInteger(d) || d < 0) {
      throw new Error(`${op}: invalid shape dimension ${d}`);
    } else known *= d;
  }
  const fits = infer >= 0 ? known !== 0 && size % known === 0 : known === size;
  if (!fits) throw new Error(`${op}: shape '${fmtShape(shape)}' is invalid for input of size ${size}`);
  const out = shape.slice();
  if (infer >= 0) out[infer] = size / known;
  return out;
}

/**
 * Strides for viewing (`shape`, `strides`) as `newShape` without a copy, or `null` when the
 * memory layout does not allow it (PyTorch's `computeStride`).
 */
export function viewStrides(shape: Shape, strides: Shape, newShape: Shape): number[] | null {
  if (numel(shape) === 0) return contiguousStrides(newShape);
  const newStrides = new Array<number>(newShape.length).fill(0);
  let viewD = newShape.length - 1;
  let chunkBase = strides[strides.length - 1] ?? 1;
  let tensorNumel = 1;
  let viewNumel = 1;
  for (let d = shape.length - 1; d >= 0; d--) {
    tensorNumel *= shape[d]!;
    if (d === 0 || (shape[d - 1] !== 1 && strides[d - 1] !== tensorNumel * chunkBase)) {
      while (viewD >= 0 && (viewNumel < tensorNumel || newShape[viewD] === 1)) {
        newStrides[viewD] = viewNumel * chunkBase;
        viewNumel *= newShape[viewD]!;
        viewD--;
      }
      if (viewNumel !== tensorNumel) return null;
      if (d > 0) {
        chunkBase = strides[d - 1]!;
        tensorNumel = 1;
        viewNumel = 1;
      }
    }
  }
  if (viewD !== -1) {
    // remaining size-1 dims (only when the tensor is 0-d)
    while (viewD >= 0) newStrides[viewD--] = 1;
  }
  return newStrides;
}
