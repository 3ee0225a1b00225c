/**
 * Raising errors (DESIGN.md, Decision 6), in one place: `check` for a condition and its message,
 * and one factory per message that more than one layer or backend raises, so the words stay the
 * same wherever it is raised.
 *
 * Who checks what (docs/design.md, "Errors"): the ops in this package validate their arguments
 * before calling a backend: types, dtypes (a tensor's dtype is one its device supports, checked
 * when a tensor is made, cast or moved), shapes, devices, dims and options. Backends trust their
 * inputs and raise only what they alone can see: device faults (an index or an integer value
 * found bad while computing, a lost device, a freed buffer).
 *
 * Error classes follow PyTorch's: `TypeError` for an argument of the wrong kind, `RangeError`
 * for an index out of range (Python's `IndexError`), `Error` for a bad value (`RuntimeError`).
 */
import type { DType } from "./dtype.js";

/** An error class such as `Error`, `TypeError` or `RangeError`. */
export type ErrorClass = new (message: string) => Error;

/**
 * @internal Throw `new ErrorClass(message())` unless `cond` holds (PyTorch's `TORCH_CHECK`).
 * The message is a function so that it is built only when the check fails.
 *
 * @example
 * ```ts
 * check(dim >= 0, () => `narrow(): dim must be non-negative, got ${dim}`);
 * check(typeof n === "number", () => `eye(): argument 'n' must be a number, not ${describeValue(n)}`, TypeError);
 * ```
 */
export function check(cond: unknown, message: () => string, ErrorClass: ErrorClass = Error): asserts cond {
  if (!cond) throw new ErrorClass(message());
}

/**
 * @internal A dtype the device cannot hold (float64 on WebGPU or gpu.js), refused where a
 * tensor is made, cast or moved, so that no backend ever sees a dtype it lacks.
 */
export function dtypeNotSupported(op: string | null, device: { toString(): string }, dtype: DType): Error {
  const hint =
    dtype === "float64" ? "; use float32, or the CPU for float64"
    : dtype === "int64" ? "; int64 exists on the CPU only: keep the tensor there (x.cpu()), or use int32 (x.int()) for values that fit it"
    : "";
  return new Error(`${op === null ? "The" : `${op}(): the`} '${device}' device does not support dtype ${dtype}${hint}`);
}

/**
 * @internal A synchronous read on a device whose reads are asynchronous (WebGPU): names what
 * needed the read and what to do instead, usually the awaited form (Decision 4).
 */
export function asyncReadRequired(what: string, device: { toString(): string }, instead: string): Error {
  return new Error(`${what} reads synchronously, which device '${device}' cannot do (its reads are asynchronous); ${instead}`);
}

/**
 * @internal An integer sum or product whose result `int32` cannot hold, raised by the GPU
 * backends' reductions (which have no `int64`) instead of wrapping (docs/design.md, "Whole
 * numbers and dtypes"); the CPU gives PyTorch's `int64` result.
 */
export function int32OverflowError(op: string, value?: number, device = "cpu"): Error {
  return new Error(
    `${op}(): the integer result${value === undefined ? "" : ` ${value}`} does not fit int32, the widest integer dtype on '${device}' (no int64 there); ` +
      `compute it on the CPU, where ${op}() of int32 gives int64 as in PyTorch: x.cpu().${op}(), or in float32 if rounding is acceptable: x.float().${op}()`,
  );
}

/**
 * @internal An `int64` result past ±(2^53 − 1), which Flambeau's `int64` (a double on the CPU)
 * cannot hold exactly: raised rather than rounded (docs/design.md, "Whole numbers and dtypes").
 */
export function int64OverflowError(op: string, value?: number): RangeError {
  return new RangeError(
    `${op}(): the int64 result${value === undefined ? "" : ` ${value}`} is past 2^53 - 1 (9007199254740991) in magnitude, ` +
      `beyond which Flambeau's int64 (held in doubles) is not exact; convert first if rounding is acceptable: x.double()`,
  );
}

/**
 * @internal PyTorch's message for shapes that do not broadcast, naming the first clashing
 * dimension and both shapes; `op` is null for `torch.broadcast_shapes` itself.
 */
export function broadcastMismatch(op: string | null, a: readonly number[], b: readonly number[]): Error {
  const prefix = op === null ? "" : `${op}: `;
  const shapes = `[${a.join(", ")}] and [${b.join(", ")}]`;
  const n = Math.max(a.length, b.length);
  for (let i = 0; i < n; i++) {
    const da = a[a.length - n + i] ?? 1, db = b[b.length - n + i] ?? 1;
    if (da !== db && da !== 1 && db !== 1)
      return new Error(`${prefix}The size of tensor a (${da}) must match the size of tensor b (${db}) at non-singleton dimension ${i} (shapes ${shapes})`);
  }
  return new Error(`${prefix}shapes ${shapes} do not broadcast`);
}

/** @internal An integer raised to a negative power, found by a backend in the data (PyTorch's message). */
export function negativeIntegerPowerError(): Error {
  return new Error("Integers to negative integer powers are not allowed.");
}

/** @internal An integer division or remainder by zero, found by a backend in the data (PyTorch's `ZeroDivisionError`). */
export function integerDivisionByZero(device: string): Error {
  return new Error(`ZeroDivisionError (an integer division or remainder by zero on '${device}')`);
}

/** @internal A buffer used after its tensor was freed (`dispose()`, or by backward), which a backend finds. */
export function freedBufferError(device: string): Error {
  return new Error(`${device}: this tensor's buffer was freed (dispose() or after backward); it can no longer be used`);
}

/**
 * @internal An index past a dimension's size (PyTorch's `IndexError`); `op` is null for plain
 * indexing (`x.index(5)`), which PyTorch reports without an op name. `shapes` (an
 * {@link IndexSite}'s) names the operands the user passed.
 */
export function indexOutOfBounds(op: string | null, index: number, dim: number, size: number, shapes?: string): RangeError {
  const where = shapes ? ` (${shapes})` : "";
  return new RangeError(`${op === null ? "" : `${op}(): `}index ${index} is out of bounds for dimension ${dim} with size ${size}${where}`);
}

/**
 * @internal The user's call behind a backend's `gather` or `scatterAdd`, so that an index out of
 * range names the op the user called (`index_select`, `embedding`, ...) and its operands' shapes
 * rather than the primitive it is built on. Kernels that find the index late (WebGPU, at the
 * next read) report the site they were given.
 */
export interface IndexSite {
  /** The user's op, as PyTorch spells it. */
  readonly op: string;
  /** The dimension of the user's tensor the index runs along (it can differ from the primitive's). */
  readonly dim?: number;
  /** The operands' shapes, e.g. `input of shape [3, 2], index of shape [4]`. */
  readonly shapes: string;
  /** PyTorch's own words for this op's error where they differ (`embedding`: "index out of range in self"). */
  readonly words?: string;
}

/** The in-place form the user called (`scatter_`) while the out-of-place op it is computed with runs. */
let inPlaceForm: string | null = null;

/**
 * @internal Enter the out-of-place computation of the in-place form `op` (`scatter_`), so that
 * a site made meanwhile for its out-of-place op (`scatter`) names the form the user called: an
 * index a kernel finds bad at the next read (WebGPU) cannot be renamed by a `catch` around the
 * call. Returns the form to restore with {@link leaveInPlaceForm}.
 */
export function enterInPlaceForm(op: string): string | null {
  const previous = inPlaceForm;
  inPlaceForm = op;
  return previous;
}

/** @internal Restore what {@link enterInPlaceForm} returned. */
export function leaveInPlaceForm(previous: string | null): void {
  inPlaceForm = previous;
}

/** @internal The site of `op` called with these named operands' shapes. */
export function indexSite(op: string, operands: Record<string, readonly number[]>, dim?: number, words?: string): IndexSite {
  if (inPlaceForm !== null && inPlaceForm === op + "_") op = inPlaceForm;
  const shapes = Object.entries(operands).map(([name, shape]) => `${name} of shape [${shape.join(", ")}]`).join(", ");
  return { op, shapes, ...(dim === undefined ? {} : { dim }), ...(words === undefined ? {} : { words }) };
}

/** @internal The error for index `index` out of `[0, size)` found by a primitive at `site` (or the primitive `op`'s own). */
export function indexOutOfBoundsAt(site: IndexSite | undefined, op: string, index: number, dim: number, size: number): RangeError {
  if (!site) return indexOutOfBounds(op, index, dim, size);
  const d = site.dim ?? dim;
  if (site.words === undefined) return indexOutOfBounds(site.op, index, d, size, site.shapes);
  return new RangeError(`${site.op}(): ${site.words} (index ${index} is out of bounds for dimension ${d} with size ${size}; ${site.shapes})`);
}
