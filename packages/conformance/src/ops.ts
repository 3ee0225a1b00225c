/**
 * The ops of the conformance suite, keyed as in `scripts/fixtures/ops.py`: each entry runs the
 * op through Flambeau's public API on the case's operands and keyword arguments.
 */
import * as torch from "flambeau";
import { binaryOps, inPlaceBinaryOps, inPlaceUnaryOps, unaryOps, type BinaryOp } from "@flambeau/tensor/internal";
import type { Kwargs, Operand } from "./fixture.js";

export type OpFn = (args: Operand[], kw: Kwargs) => torch.Tensor | torch.Tensor[];

/** The operand as a tensor; the fixtures put tensors where the op needs them. */
function T(x: Operand | undefined): torch.Tensor {
  if (!(x instanceof torch.Tensor)) throw new TypeError(`conformance: expected a tensor operand, got ${typeof x}`);
  return x;
}

type Dim = number | number[] | undefined;
const dim = (kw: Kwargs): Dim => kw.dim as Dim;
const keepdim = (kw: Kwargs): boolean | undefined => kw.keepdim as boolean | undefined;
const num = (v: unknown): number => (v === "inf" ? Infinity : v === "-inf" ? -Infinity : v === "nan" ? NaN : (v as number));

// Every row of the unary op table: a new op is in the suite, and needs its fixture cases.
const UNARY = unaryOps;
/** `input.<op>(other)`: every row of the binary op table; those with keywords are overridden below. */
function binaryMethod(name: BinaryOp): OpFn {
  return ([a, b]) => {
    const t = T(a);
    return (t[name] as (this: torch.Tensor, other: Operand) => torch.Tensor).call(t, b!);
  };
}

/**
 * `x.clone().<op>_(...rest, kw?)`, as the fixtures' in-place cases: the result must be the
 * tensor written into (gradients flow through the write and the clone back to the leaf).
 */
function inPlaceMethod(name: string): OpFn {
  return ([x, ...rest], kw) => {
    const target = T(x).clone();
    const method = (target as unknown as Record<string, (...a: unknown[]) => torch.Tensor>)[`${name}_`]!;
    const out = method.call(target, ...rest, ...(Object.keys(kw).length > 0 ? [kw] : []));
    if (out !== target) throw new Error(`conformance: ${name}_() returned a new tensor rather than the one it wrote into`);
    return out;
  };
}

const alpha = (kw: Kwargs) => (kw.alpha === undefined ? undefined : { alpha: kw.alpha as number });

export const OPS: Record<string, OpFn> = {
  // ---- elementwise ----
  ...Object.fromEntries(UNARY.map((name): [string, OpFn] => [name, ([x]) => T(x)[name]()])),
  ...Object.fromEntries(binaryOps.map((name): [string, OpFn] => [name, binaryMethod(name)])),
  // In-place forms: every row of the tables PyTorch has one for, and a few others.
  ...Object.fromEntries([...inPlaceUnaryOps, ...inPlaceBinaryOps, "clip", "cumsum", "cumprod"].map((name): [string, OpFn] => [`${name}_`, inPlaceMethod(name)])),
  add: ([a, b], kw) => T(a).add(b!, alpha(kw)),
  sub: ([a, b], kw) => T(a).sub(b!, alpha(kw)),
  rsub: ([s, x]) => torch.sub(s!, T(x)),
  mul: ([a, b]) => T(a).mul(b!),
  div: ([a, b], kw) => T(a).div(b!, { rounding_mode: (kw.rounding_mode ?? null) as "trunc" | "floor" | null }),
  rdiv: ([s, x]) => torch.div(s!, T(x)),
  pow: ([a, b]) => T(a).pow(b!),
  rpow: ([s, x]) => torch.pow(s!, T(x)),
  where: ([c, a, b]) => torch.where(T(c), a!, b!),
  clamp: ([x], kw) => T(x).clamp((kw.min ?? null) as number | null, (kw.max ?? null) as number | null),
  clamp_tensor: ([x, lo, hi]) => T(x).clamp(T(lo), T(hi)),
  clamp_tensor_min: ([x, lo]) => torch.clamp(T(x), T(lo)),
  clamp_tensor_max: ([x, hi]) => T(x).clamp(null, T(hi)),
  masked_fill: ([x, m], kw) => T(x).masked_fill(T(m), kw.value as number),

  // ---- reductions ----
  sum: ([x], kw) => T(x).sum(dim(kw), keepdim(kw)),
  mean: ([x], kw) => T(x).mean(dim(kw), keepdim(kw)),
  prod: ([x], kw) => T(x).prod(kw.dim as number | undefined, keepdim(kw)),
  max: ([x], kw) => (kw.dim === undefined ? T(x).max() : [...T(x).max(kw.dim as number, keepdim(kw))]),
  min: ([x], kw) => (kw.dim === undefined ? T(x).min() : [...T(x).min(kw.dim as number, keepdim(kw))]),
  amax: ([x], kw) => T(x).amax(dim(kw), keepdim(kw)),
  amin: ([x], kw) => T(x).amin(dim(kw), keepdim(kw)),
  argmax: ([x], kw) => T(x).argmax((kw.dim ?? null) as number | null, keepdim(kw)),
  argmin: ([x], kw) => T(x).argmin((kw.dim ?? null) as number | null, keepdim(kw)),
  var: ([x], kw) => T(x).var(dim(kw), { unbiased: kw.unbiased as boolean | undefined, keepdim: keepdim(kw) }),
  std: ([x], kw) => T(x).std(dim(kw), { unbiased: kw.unbiased as boolean | undefined, keepdim: keepdim(kw) }),
  logsumexp: ([x], kw) => T(x).logsumexp(dim(kw), keepdim(kw)),
  softmax: ([x], kw) => T(x).softmax(kw.dim as number),
  log_softmax: ([x], kw) => T(x).log_softmax(kw.dim as number),
  norm: ([x], kw) => T(x).norm(kw.p === undefined ? 2 : num(kw.p), dim(kw), keepdim(kw)),
  all: ([x], kw) => T(x).all(dim(kw), keepdim(kw)),
  any: ([x], kw) => T(x).any(dim(kw), keepdim(kw)),

  // ---- linear algebra ----
  matmul: ([a, b]) => T(a).matmul(T(b)),
  mm: ([a, b]) => T(a).mm(T(b)),
  bmm: ([a, b]) => T(a).bmm(T(b)),
  dot: ([a, b]) => T(a).dot(T(b)),
  outer: ([a, b]) => T(a).outer(T(b)),

  // ---- joining and splitting ----
  cat: (xs, kw) => torch.cat(xs.map(T), kw.dim as number | undefined),
  stack: (xs, kw) => torch.stack(xs.map(T), kw.dim as number | undefined),
  split: ([x], kw) => T(x).split(kw.split_size_or_sections as number | number[], kw.dim as number | undefined),
  chunk: ([x], kw) => T(x).chunk(kw.chunks as number, kw.dim as number | undefined),
  unbind: ([x], kw) => T(x).unbind(kw.dim as number | undefined),

  // ---- indexing ----
  gather: ([x, i], kw) => T(x).gather(kw.dim as number, T(i)),
  index_select: ([x, i], kw) => T(x).index_select(kw.dim as number, T(i)),
  repeat: ([x], kw) => T(x).repeat(kw.sizes as number[]),
  flip: ([x], kw) => T(x).flip(kw.dims as number[]),
  index: ([x], kw) => T(x).index(...(kw.spec as torch.IndexSpec[])),

  // ---- views and copies ----
  reshape: ([x], kw) => T(x).reshape(kw.shape as number[]),
  view: ([x], kw) => T(x).view(kw.shape as number[]),
  squeeze: ([x], kw) => T(x).squeeze(kw.dim as number | undefined),
  unsqueeze: ([x], kw) => T(x).unsqueeze(kw.dim as number),
  flatten: ([x], kw) => T(x).flatten(kw.start_dim as number | undefined, kw.end_dim as number | undefined),
  permute: ([x], kw) => T(x).permute(kw.dims as number[]),
  transpose: ([x], kw) => T(x).transpose(kw.dim0 as number, kw.dim1 as number),
  t: ([x]) => T(x).t(),
  expand: ([x], kw) => T(x).expand(kw.sizes as number[]),
  narrow: ([x], kw) => T(x).narrow(kw.dim as number, kw.start as number, kw.length as number),
  select: ([x], kw) => T(x).select(kw.dim as number, kw.index as number),
  contiguous: ([x]) => T(x).contiguous(),
  clone: ([x]) => T(x).clone(),

  // ---- sorting, scans, triangles, closeness, einsum, scatter, linalg norms ----
  sort: ([x], kw) => [...T(x).sort(kw.dim as number | undefined, kw.descending as boolean | undefined)],
  argsort: ([x], kw) => T(x).argsort({ dim: kw.dim as number | undefined, descending: kw.descending as boolean | undefined }),
  topk: ([x], kw) => [...T(x).topk(kw.k as number, { dim: kw.dim as number | undefined, largest: kw.largest as boolean | undefined })],
  cumsum: ([x], kw) => T(x).cumsum(kw.dim as number, { dtype: kw.dtype as torch.DType | undefined }),
  cumprod: ([x], kw) => T(x).cumprod(kw.dim as number, { dtype: kw.dtype as torch.DType | undefined }),
  tril: ([x], kw) => T(x).tril(kw.diagonal as number | undefined),
  triu: ([x], kw) => torch.triu(T(x), kw.diagonal as number | undefined),
  isclose: ([a, b], kw) => torch.isclose(T(a), T(b), kw as torch.CloseOptions),
  multinomial: ([p], kw) => {
    torch.manual_seed(kw.seed as number);
    return T(p).multinomial(kw.num_samples as number, { replacement: kw.replacement as boolean | undefined });
  },
  // A boolean read at once: devices that read only asynchronously refuse it and point to isclose().all().
  allclose: ([a, b], kw) => {
    const device = T(a).device;
    try {
      return torch.tensor(torch.allclose(T(a), T(b), kw as torch.CloseOptions), { device });
    } catch (e) {
      if (!/allclose\(\).*reads synchronously.*isclose\(input, other\)\.all\(\)/.test((e as Error).message)) throw e;
      return torch.isclose(T(a), T(b), kw as torch.CloseOptions).all();
    }
  },
  equal: ([a, b]) => {
    const [x, y] = [T(a), T(b)];
    try {
      return torch.tensor(torch.equal(x, y), { device: x.device });
    } catch (e) {
      if (!/equal\(\).*reads synchronously.*torch\.eq\(input, other\)\.all\(\)/.test((e as Error).message)) throw e;
      const same = x.ndim === y.ndim && x.shape.every((s, i) => s === y.shape[i]);
      return same ? torch.eq(x, y).all() : torch.tensor(false, { device: x.device });
    }
  },
  einsum: (xs, kw) => torch.einsum(kw.equation as string, ...xs.map(T)),
  scatter: ([x, i, s], kw) => T(x).scatter(kw.dim as number, T(i), T(s)),
  scatter_value: ([x, i], kw) => torch.scatter(T(x), kw.dim as number, T(i), kw.value as number),
  scatter_add: ([x, i, s], kw) => T(x).scatter_add(kw.dim as number, T(i), T(s)),
  linalg_norm: ([x], kw) =>
    torch.linalg.norm(T(x), { ord: (typeof kw.ord === "string" && kw.ord.endsWith("inf") ? num(kw.ord) : kw.ord) as torch.linalg.NormOptions["ord"], dim: dim(kw), keepdim: keepdim(kw) }),
  vector_norm: ([x], kw) => torch.linalg.vector_norm(T(x), kw.ord === undefined ? 2 : num(kw.ord), dim(kw), keepdim(kw)),
  matrix_norm: ([x], kw) =>
    torch.linalg.matrix_norm(T(x), kw.ord === undefined || kw.ord === "fro" ? "fro" : num(kw.ord), (kw.dim as [number, number] | undefined) ?? [-2, -1], keepdim(kw)),

  // ---- casts ----
  to: ([x], kw) => T(x).to(kw.dtype as torch.DType),
};

/** Run a case's op; always returns the list of output tensors. */
export function runOp(op: string, args: Operand[], kw: Kwargs): torch.Tensor[] {
  const fn = OPS[op];
  if (!fn) throw new Error(`conformance: no op '${op}' in the TypeScript table (scripts/fixtures/ops.py has it)`);
  const out = fn(args, kw);
  return Array.isArray(out) ? out : [out];
}
