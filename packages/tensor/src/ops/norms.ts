/** `torch.linalg`'s norms: vector norms, matrix norms and `linalg.norm`, which picks one. */
import { fmtShape, normalizeDim, normalizeDims } from "../shape.js";
import type { Tensor } from "../tensor.js";
import type { DType } from "../dtype.js";
import { isFloating } from "../dtype.js";
import { checkTensor } from "./checks.js";
import { checkOptions, optionKeys } from "../keywords.js";
import { checkKind, KIND, parseKind } from "../kinds.js";
import { toDType } from "./convert.js";
import { unary } from "./elementwise.js";
import { amax, amin, norm as pnorm, sum, type Dim } from "./reduce.js";
import { reshape } from "./view.js";

/** Keyword arguments of `torch.linalg.vector_norm`. */
export interface VectorNormOptions {
  /** The order: any number, `Infinity` or `-Infinity` (default 2). */
  ord?: number;
  dim?: Dim;
  keepdim?: boolean;
  /** Compute in this (floating) dtype. */
  dtype?: DType;
}

/** Keyword arguments of `torch.linalg.matrix_norm`. */
export interface MatrixNormOptions {
  /** `"fro"` (default), `1`, `-1`, `Infinity` or `-Infinity`. */
  ord?: MatrixOrd;
  /** The two dimensions holding the matrices (default `[-2, -1]`). */
  dim?: readonly [number, number];
  keepdim?: boolean;
  dtype?: DType;
}

/** Keyword arguments of `torch.linalg.norm`. */
export interface NormOptions {
  ord?: number | "fro" | "nuc" | null;
  dim?: Dim;
  keepdim?: boolean;
  dtype?: DType;
}

type MatrixOrd = "fro" | "nuc" | number;
const NORM_KEYS = optionKeys("linalg.norm", ["ord", "dim", "keepdim", "dtype"]);
optionKeys("linalg.vector_norm", NORM_KEYS);
optionKeys("linalg.matrix_norm", NORM_KEYS);

const ORD = { vector_norm: parseKind("float?"), matrix_norm: parseKind("float|'fro'|'nuc'?"), norm: parseKind("float|'fro'|'nuc'?") };
const DIM = { vector_norm: parseKind("int|int[]?"), matrix_norm: parseKind("int[]?"), norm: parseKind("int|int[]?") };
const DTYPE = parseKind("ScalarType?");

/** Refuse options of the wrong kind, naming the op and the argument. */
function checkNormArgs(op: keyof typeof ORD, o: { ord?: unknown; dim?: unknown; keepdim?: unknown; dtype?: unknown }): void {
  const name = `linalg.${op}`;
  checkKind(name, "ord", ORD[op], o.ord);
  checkKind(name, "dim", DIM[op], o.dim);
  checkKind(name, "keepdim", KIND.bool, o.keepdim);
  checkKind(name, "dtype", DTYPE, o.dtype);
}

function floatInput(op: string, x: Tensor, dtype?: DType): Tensor {
  checkTensor(`linalg.${op}`, "input", x);
  const t = dtype === undefined ? x : toDType(x, dtype);
  if (!isFloating(t.dtype))
    throw new Error(`linalg.${op}: Expected a floating point tensor as input. Got ${t.dtype}`);
  return t;
}

/**
 * `torch.linalg.vector_norm(x, ord=2, dim=None, keepdim=False)`: the `ord`-norm of `x`
 * flattened, or over `dim`: `sum(|x|^ord)^(1/ord)`, the largest (`Infinity`) or smallest
 * (`-Infinity`) magnitude, or the count of non-zeros (`0`).
 *
 * @example
 * ```ts
 * torch.linalg.vector_norm(torch.tensor([3, 4], { dtype: "float32" })); // tensor(5.)
 * torch.linalg.vector_norm(x, 1, -1); // L1 norm of each row
 * torch.linalg.vector_norm(x, { ord: Infinity, dim: 0, keepdim: true });
 * ```
 */
export function vector_norm(x: Tensor, ord: number | VectorNormOptions = 2, dim?: Dim, keepdim = false, options: VectorNormOptions = {}): Tensor {
  for (const given of [typeof ord === "object" ? ord : null, options]) checkOptions("linalg.vector_norm", given, NORM_KEYS);
  const o = typeof ord === "object" ? { ...ord, ...options } : { ord, dim, keepdim, ...options };
  checkNormArgs("vector_norm", o);
  const t = floatInput("vector_norm", x, o.dtype);
  const p = o.ord ?? 2;
  if (typeof p !== "number") throw new Error(`linalg.vector_norm: ord must be a number, got ${String(p)}`);
  const dims = o.dim === undefined || o.dim === null ? null : normalizeDims(o.dim, t.ndim, "linalg.vector_norm");
  if (p < 0 && t.numel() === 0)
    throw new Error(`linalg.vector_norm cannot compute the ${p} norm on an empty tensor because the operation does not have an identity`);
  if (dims === null) {
    const flat = reshape(t, [-1]);
    const r = pnorm(flat, p, 0, false);
    return o.keepdim ? reshape(r, t.shape.map(() => 1)) : r;
  }
  return pnorm(t, p, dims, o.keepdim ?? false);
}

/**
 * `torch.linalg.matrix_norm(A, ord="fro", dim=(-2, -1), keepdim=False)`: the Frobenius norm,
 * or the largest (`1`: column, `Infinity`: row) or smallest (`-1`, `-Infinity`) absolute sum,
 * of the matrices in the last two dimensions (or `dim`). The spectral (`2`) and nuclear
 * (`"nuc"`) norms need a singular value decomposition, which Flambeau does not have yet.
 *
 * @example
 * ```ts
 * torch.linalg.matrix_norm(torch.eye(3)); // tensor(1.7321)
 * torch.linalg.matrix_norm(a, Infinity); // largest row sum of |a|
 * ```
 */
export function matrix_norm(x: Tensor, ord: MatrixOrd | MatrixNormOptions = "fro", dim: readonly [number, number] = [-2, -1], keepdim = false, options: MatrixNormOptions = {}): Tensor {
  for (const given of [typeof ord === "object" ? ord : null, options]) checkOptions("linalg.matrix_norm", given, NORM_KEYS);
  const o = typeof ord === "object" ? { ...ord, ...options } : { ord, dim, keepdim, ...options };
  checkNormArgs("matrix_norm", o);
  const t = floatInput("matrix_norm", x, o.dtype);
  if (t.ndim < 2) throw new Error(`linalg.matrix_norm: The input tensor A must have at least 2 dimensions (got shape ${fmtShape(t.shape)})`);
  const [d0, d1] = (o.dim ?? [-2, -1]).map((d) => normalizeDim(d, t.ndim, "linalg.matrix_norm")) as [number, number];
  if (d0 === d1) throw new Error(`linalg.matrix_norm: dims must be different. Got (${d0}, ${d1})`);
  const kd = o.keepdim ?? false;
  const p = o.ord ?? "fro";
  if (p === "fro") return pnorm(t, 2, [d0, d1], kd);
  if (p === "nuc" || p === 2 || p === -2)
    throw new Error(`linalg.matrix_norm: ord=${p === "nuc" ? "'nuc'" : p} needs singular values, which Flambeau does not compute yet; use ord 'fro', 1, -1, Infinity or -Infinity`);
  if (![1, -1, Infinity, -Infinity].includes(p))
    throw new Error(`linalg.matrix_norm: Order ${p} not supported.`);
  // 1 / -1 sum down the columns (over d0), then pick across d1; ±Infinity the other way round.
  const [sumDim, pickDim] = Math.abs(p) === 1 ? [d0, d1] : [d1, d0];
  const sums = sum(unary("abs", t), sumDim, true);
  const picked = p > 0 ? amax(sums, pickDim, true) : amin(sums, pickDim, true);
  return kd ? picked : reshape(picked, t.shape.filter((_, i) => i !== d0 && i !== d1));
}

/**
 * `torch.linalg.norm(A, ord=None, dim=None, keepdim=False)`: a vector norm when `dim` is one
 * dimension (or when `ord` is not given and `dim` is not, over every element), a matrix norm
 * when `dim` names two dimensions or when `A` is 2-D and `ord` is given.
 *
 * @example
 * ```ts
 * torch.linalg.norm(x); // 2-norm of all elements
 * torch.linalg.norm(x, null, -1); // 2-norm of each row
 * torch.linalg.norm(a, "fro"); // Frobenius norm of a matrix
 * torch.linalg.norm(a, { ord: Infinity, dim: [0, 1] });
 * ```
 */
export function norm(x: Tensor, ord: NormOptions["ord"] | NormOptions = null, dim?: Dim, keepdim = false, options: NormOptions = {}): Tensor {
  for (const given of [ord !== null && typeof ord === "object" ? ord : null, options]) checkOptions("linalg.norm", given, NORM_KEYS);
  const o: NormOptions = ord !== null && typeof ord === "object" ? { ...ord, ...options } : { ord, dim, keepdim, ...options };
  checkNormArgs("norm", o);
  const p = o.ord ?? null;
  const dims = o.dim === undefined || o.dim === null ? null : typeof o.dim === "number" ? [o.dim] : [...o.dim];
  const extra = { keepdim: o.keepdim ?? false, ...(o.dtype ? { dtype: o.dtype } : {}) };
  if (dims !== null && dims.length === 2) return matrix_norm(x, { ord: p ?? "fro", dim: dims as [number, number], ...extra });
  if (dims !== null && dims.length !== 1)
    throw new Error(`linalg.norm: If dim is specified, it must be of length 1 or 2. Got ${fmtShape(dims)}`);
  if (dims === null && p !== null) {
    if (x.ndim === 2) return matrix_norm(x, { ord: p, ...extra });
    if (x.ndim !== 1)
      throw new Error(`linalg.norm: If dim is not specified but ord is, the input must be 1D or 2D. Got ${x.ndim}D.`);
  }
  if (typeof p === "string") throw new Error(`linalg.norm: ord=${p} is a matrix norm: give a 2-D input or two dims`);
  return vector_norm(x, { ord: p ?? 2, dim: dims ?? undefined, ...extra });
}
