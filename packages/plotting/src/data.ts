/**
 * Reading the numbers to plot from whatever the user has: plain arrays, typed arrays, nested
 * `N×1` arrays, or tensors of any backend. Tensors are accepted structurally so this package
 * never loads `@flambeau/tensor` (and works with any object that reads like one).
 */

/** Any typed array a tensor may hand back. */
export type NumericTypedArray =
  | Float32Array
  | Float64Array
  | Int8Array
  | Uint8Array
  | Int16Array
  | Uint16Array
  | Int32Array
  | Uint32Array;

/**
 * What a tensor must offer to be plotted: its shape and an asynchronous read. `dataSync` is
 * used when present and working (the CPU), so data is copied at the call, as matplotlib does.
 */
export interface TensorLike {
  readonly shape: readonly number[];
  /** The values, read asynchronously (any device). */
  data(): Promise<ArrayLike<number | boolean>>;
  /** The values, read synchronously (where the device can: the CPU). */
  dataSync?(): ArrayLike<number | boolean>;
}

/** Nested arrays of numbers, as `tolist()` gives for a tensor of shape `[N, 1]`. */
export type NestedNumbers = readonly (number | NestedNumbers)[];

/** One column of values to plot: a tensor, a typed array or a (possibly nested) array. */
export type Data1D = TensorLike | NumericTypedArray | NestedNumbers;

/** True for objects that read like a tensor. */
export function isTensorLike(v: unknown): v is TensorLike {
  return (
    typeof v === "object" &&
    v !== null &&
    Array.isArray((v as TensorLike).shape) &&
    typeof (v as TensorLike).data === "function"
  );
}

/** True for what {@link readColumn} accepts. */
export function isData1D(v: unknown): v is Data1D {
  return Array.isArray(v) || ArrayBuffer.isView(v) || isTensorLike(v);
}

/**
 * The values of `v` as plain numbers, now when they can be read synchronously, otherwise as a
 * promise. `op` and `name` only shape error messages, e.g. `scatter: y must be 1-D…`.
 */
export function readColumn(v: Data1D, op: string, name: string): number[] | Promise<number[]> {
  if (isTensorLike(v)) {
    const n = checkVectorShape(v.shape, op, name);
    const now = trySync(v);
    if (now) return finish(now, n, op, name);
    return v.data().then((d) => finish(d, n, op, name));
  }
  if (ArrayBuffer.isView(v)) return finish(v, v.length, op, name);
  if (Array.isArray(v)) return flattenNested(v, op, name);
  throw new TypeError(`${op}: ${name} must be an array, a typed array or a tensor, got ${describe(v)}`);
}

/** The values of `v`, waiting for an asynchronous read when needed. */
export async function readColumnAsync(v: Data1D, op: string, name: string): Promise<number[]> {
  return readColumn(v, op, name);
}

/** The values of `v` now, or an error that names the asynchronous way to get them. */
export function readColumnSync(v: Data1D, op: string, name: string): number[] {
  const r = readColumn(v, op, name);
  if (Array.isArray(r)) return r;
  throw new Error(
    `${op}: ${name} is a tensor whose device reads asynchronously; pass 'await t.data()' instead of the tensor`,
  );
}

// A failing dataSync (a GPU device) is not an error here: the asynchronous read covers it.
function trySync(t: TensorLike): ArrayLike<number | boolean> | undefined {
  if (typeof t.dataSync !== "function") return undefined;
  try {
    return t.dataSync();
  } catch {
    return undefined;
  }
}

// Plots are of vectors; `[N, 1]` and `[1, N]` (what reshape(-1, 1) makes) count as vectors.
function checkVectorShape(shape: readonly number[], op: string, name: string): number {
  const big = shape.filter((d) => d !== 1);
  if (big.length > 1)
    throw new Error(`${op}: ${name} must be 1-D (or N×1), got a tensor of shape [${shape.join(", ")}]`);
  return shape.reduce((a, b) => a * b, 1);
}

// Infinities would stretch the axes to nothing; like NaN, they become gaps.
function finish(d: ArrayLike<number | boolean>, n: number, op: string, name: string): number[] {
  if (d.length !== n) throw new Error(`${op}: ${name} read ${d.length} values, its shape says ${n}`);
  const out = new Array<number>(n);
  for (let i = 0; i < n; i++) {
    const x = Number(d[i]);
    out[i] = Number.isFinite(x) ? x : NaN;
  }
  return out;
}

function flattenNested(v: NestedNumbers, op: string, name: string): number[] {
  const out: number[] = [];
  let rows = 0;
  for (const item of v) {
    if (Array.isArray(item)) {
      const inner = flattenNested(item, op, name);
      if (inner.length !== 1)
        throw new Error(`${op}: ${name} must be 1-D (or N×1), got rows of ${inner.length} values`);
      out.push(inner[0]!);
    } else if (typeof item === "number" || typeof item === "boolean") {
      out.push(Number.isFinite(Number(item)) ? Number(item) : NaN);
    } else {
      throw new TypeError(`${op}: ${name}[${rows}] is not a number (${describe(item)})`);
    }
    rows++;
  }
  return out;
}

function describe(v: unknown): string {
  if (v === null) return "null";
  if (Array.isArray(v)) return "an array";
  return typeof v === "object" ? (v.constructor?.name ?? "an object") : `${typeof v} ${String(v)}`;
}

/** Throws the error a user should see when two columns differ in length. */
export function checkSameLength(op: string, x: readonly number[], y: readonly number[]): void {
  if (x.length !== y.length)
    throw new Error(
      `${op}: x and y must have the same length, but x has ${x.length} values and y has ${y.length}`,
    );
}
