/**
 * The public ops with PyTorch's signatures: each is its implementation wrapped by
 * {@link keywords}, so every parameter PyTorch lets you name can also be named in a trailing
 * options object (`torch.cat(xs, { dim: 1 })`, `x.sum(1, { keepdim: true })`), and a key the op
 * does not take is an error. The signature strings are PyTorch's documented ones, with `/` after
 * the operands that only come by position here. Tensor methods call these (methods.ts).
 */
import type { DType } from "./dtype.js";
import type { Device, DeviceLike } from "./device.js";
import { keywords, type Kw } from "./keywords.js";
import { relabel } from "./graph.js";
import type { Tensor } from "./tensor.js";
import * as cr from "./ops/creation.js";
import * as cv from "./ops/convert.js";
import * as ix from "./ops/indexing.js";
import * as j from "./ops/join.js";
import * as l from "./ops/linalg.js";
import * as m from "./ops/math.js";
import * as u from "./ops/unary.js";
import * as r from "./ops/reduce.js";
import * as rnd from "./ops/random.js";
import * as sel from "./ops/select.js";
import * as v from "./ops/view.js";
import * as cu from "./ops/cumulative.js";
import * as tri from "./ops/triangular.js";
import * as sc from "./ops/scatter.js";
import { copy_ as copyImpl, fill_ as fillImpl } from "./ops/inplace.js";
import { binary, type TensorOrScalar } from "./ops/elementwise.js";

type TensorOptions = cr.TensorOptions;
type DTypeOption = { dtype?: DType };
/** Cast first when a `dtype` keyword asks for it, as PyTorch's reductions do. */
const cast = (x: Tensor, o?: DTypeOption): Tensor => (o?.dtype ? cv.toDType(x, o.dtype) : x);

/** `f` whose output's graph node prints as PyTorch's (e.g. `MeanBackward1`), from the arguments. */
function labelled<A extends unknown[], R extends Tensor | readonly Tensor[]>(f: (x: Tensor, ...a: A) => R, name: (...a: A) => string) {
  return (x: Tensor, ...a: A): R => {
    // relabel(out, [x], name(...a)), without the array and the name when no node was made.
    const out = f(x, ...a);
    const t = (Array.isArray(out) ? out[0] : out) as Tensor | undefined;
    if (t?.grad_fn && x.grad_fn !== t.grad_fn) t.grad_fn.label = name(...a);
    return out;
  };
}
/** PyTorch numbers a reduction's node 0 over everything and 1 over given dims. */
const overDims = (base: string) => (d?: unknown) => `${base}Backward${d === undefined || d === null ? 0 : 1}`;

// ---- elementwise ------------------------------------------------------------------------------

/** `add`/`sub`'s keywords: `torch.add(x, y, { alpha: 2 })` is `x + 2 * y`. */
export type AlphaOptions = { other?: TensorOrScalar; alpha?: number };
type Arith = (input: TensorOrScalar, ...args: Kw<[other: TensorOrScalar], AlphaOptions>) => Tensor;
/** `torch.add(input, other, { alpha })`: `input + alpha * other`. @example `torch.add(x, y, { alpha: 2 })` */
export const add = keywords("add(Tensor|Scalar input, /, Tensor|Scalar other, *, Scalar alpha=1)", m.add) as unknown as Arith;
/** `torch.sub(input, other, { alpha })`: `input - alpha * other`. */
export const sub = keywords("sub(Tensor|Scalar input, /, Tensor|Scalar other, *, Scalar alpha=1)", m.sub) as unknown as Arith;
/** `div`'s keywords: `torch.div(x, y, { rounding_mode: "floor" })`. */
export type DivOptions = { other?: TensorOrScalar; rounding_mode?: "trunc" | "floor" | null };
/** `torch.div(input, other, { rounding_mode })`. */
export const div = keywords("div(Tensor|Scalar input, /, Tensor|Scalar other, *, 'trunc'|'floor'? rounding_mode=None)", m.div) as unknown as (
  input: TensorOrScalar, ...args: Kw<[other: TensorOrScalar], DivOptions>) => Tensor;
/** `torch.pow(input, exponent)`. */
export const pow = keywords("pow(Tensor|Scalar input, /, Tensor|Scalar exponent)", m.pow) as unknown as (
  input: TensorOrScalar, ...args: Kw<[exponent: TensorOrScalar], { exponent?: TensorOrScalar }>) => Tensor;

/**
 * `torch.round(input, { decimals })`: round half to even, to `decimals` decimal places
 * (negative: to tens, hundreds, …), computed as PyTorch does.
 */
export const round = keywords("round(Tensor input, /, *, int decimals=0)", (x: Tensor, o?: { decimals?: number }) => {
  const d = o?.decimals ?? 0;
  if (!Number.isInteger(d)) throw new TypeError(`round(): argument 'decimals' must be int, not ${d}`);
  if (d === 0) return u.round(x);
  const scale = 10 ** Math.abs(d);
  // PyTorch's node for round with decimals (its gradient is zero, like round's).
  return relabel(d > 0 ? u.round(binary("mul", x, scale)).div(scale) : u.round(m.div(x, scale)).mul(scale), [x], "RoundBackward1");
}) as unknown as (input: Tensor, options?: { decimals?: number }) => Tensor;

/** `clamp`'s keywords: `x.clamp({ min: 0 })`. */
export type ClampOptions = { min?: TensorOrScalar | null; max?: TensorOrScalar | null };
type Clamp = (input: Tensor, ...args: Kw<[min: TensorOrScalar | null, max: TensorOrScalar | null], ClampOptions>) => Tensor;
/** `torch.clamp(input, min, max)` or `(input, { min, max })`. @example `x.clamp({ min: 0 })` */
export const clamp = keywords("clamp(Tensor input, /, Tensor|Scalar? min=None, Tensor|Scalar? max=None)", sel.clamp) as unknown as Clamp;
/** `torch.clip`, an alias of clamp. */
export const clip = keywords("clip(Tensor input, /, Tensor|Scalar? min=None, Tensor|Scalar? max=None)", sel.clamp) as unknown as Clamp;
/** `torch.where(condition, input, other)`. */
export const where = keywords("where(Tensor condition, /, Tensor|Scalar input, Tensor|Scalar other)", sel.where) as unknown as (
  condition: Tensor, ...args: Kw<[input: TensorOrScalar, other: TensorOrScalar], { input?: TensorOrScalar; other?: TensorOrScalar }>) => Tensor;
/** `torch.masked_fill(input, mask, value)`. */
export const masked_fill = keywords("masked_fill(Tensor input, /, Tensor mask, Tensor|Scalar value)", sel.masked_fill) as unknown as (
  input: Tensor, ...args: Kw<[mask: Tensor, value: TensorOrScalar], { mask?: Tensor; value?: TensorOrScalar }>) => Tensor;
/** `addcmul`/`addcdiv`'s keywords: `x.addcmul(a, b, { value: 0.5 })`. */
export type ValueOptions = { tensor1?: Tensor; tensor2?: Tensor; value?: number };
type Addc = (input: Tensor, ...args: Kw<[tensor1: Tensor, tensor2: Tensor], ValueOptions>) => Tensor;
/** `torch.addcmul(input, tensor1, tensor2, { value })`. */
export const addcmul = keywords("addcmul(Tensor input, /, Tensor tensor1, Tensor tensor2, *, Scalar value=1)", m.addcmul) as unknown as Addc;
/** `torch.addcdiv(input, tensor1, tensor2, { value })`. */
export const addcdiv = keywords("addcdiv(Tensor input, /, Tensor tensor1, Tensor tensor2, *, Scalar value=1)", m.addcdiv) as unknown as Addc;
/** `torch.lerp(input, end, weight)`. */
export const lerp = keywords("lerp(Tensor input, /, Tensor end, Tensor|Scalar weight)", m.lerp) as unknown as (
  input: Tensor, ...args: Kw<[end: Tensor, weight: TensorOrScalar], { end?: Tensor; weight?: TensorOrScalar }>) => Tensor;

// ---- reductions ------------------------------------------------------------------------------

/** A reduction's keywords: `x.sum({ dim: 1, keepdim: true })`. */
export type ReduceOptions = { dim?: r.Dim; keepdim?: boolean };
/** `sum`/`mean`/`prod`'s keywords, `dtype` included: `x.sum({ dim: 0, dtype: "float64" })`. */
export type DTypeReduceOptions = ReduceOptions & DTypeOption;
type Reduce<O> = (input: Tensor, ...args: Kw<[dim: r.Dim, keepdim: boolean], O>) => Tensor;
const reduceOp = (name: string, f: (x: Tensor, dim?: r.Dim, keepdim?: boolean) => Tensor): Reduce<ReduceOptions> =>
  keywords(`${name}(Tensor input, /, int|int[]? dim=None, bool keepdim=False)`, f) as unknown as Reduce<ReduceOptions>;
const dtypeReduceOp = (name: string, f: (x: Tensor, dim?: r.Dim, keepdim?: boolean) => Tensor): Reduce<DTypeReduceOptions> =>
  keywords(`${name}(Tensor input, /, int|int[]? dim=None, bool keepdim=False, *, ScalarType? dtype=None)`, (x: Tensor, d?: r.Dim, k?: boolean, o?: DTypeOption) =>
    f(cast(x, o), d, k)) as unknown as Reduce<DTypeReduceOptions>;

/** `torch.sum(input, dim, keepdim, { dtype })`. @example `x.sum({ dim: 1, keepdim: true })` */
export const sum = dtypeReduceOp("sum", labelled(r.sum, overDims("Sum")));
/** `torch.mean(input, dim, keepdim, { dtype })`. */
export const mean = dtypeReduceOp("mean", labelled(r.mean, overDims("Mean")));
/** `torch.prod(input, dim, keepdim, { dtype })`. */
export const prod = dtypeReduceOp("prod", labelled(r.prod as (x: Tensor, dim?: r.Dim, keepdim?: boolean) => Tensor, overDims("Prod")));
/** `torch.amax`. */ export const amax = reduceOp("amax", r.amax);
/** `torch.amin`. */ export const amin = reduceOp("amin", r.amin);
/** `torch.argmax`. */ export const argmax = reduceOp("argmax", r.argmax as (x: Tensor, dim?: r.Dim, keepdim?: boolean) => Tensor);
/** `torch.argmin`. */ export const argmin = reduceOp("argmin", r.argmin as (x: Tensor, dim?: r.Dim, keepdim?: boolean) => Tensor);
/** `torch.all`. */ export const all = reduceOp("all", r.all);
/** `torch.any`. */ export const any = reduceOp("any", r.any);
/** `torch.logsumexp(input, dim, keepdim)`. */
export const logsumexp = keywords("logsumexp(Tensor input, /, int|int[] dim, bool keepdim=False)", labelled(r.logsumexp, () => "LogsumexpBackward0")) as unknown as Reduce<ReduceOptions>;

/** `max`/`min` along a dimension: `x.max({ dim: 1 })` gives `[values, indices]`. */
export type MaxOptions = { dim?: number; keepdim?: boolean };
/** `torch.max(input)`, or `(values, indices)` along `dim`. */
export interface MaxFn {
  (input: Tensor): Tensor;
  (input: Tensor, dim: number, keepdim?: boolean): r.ValuesIndices;
  (input: Tensor, dim: number, options: { keepdim?: boolean }): r.ValuesIndices;
  (input: Tensor, options: MaxOptions & { dim: number }): r.ValuesIndices;
}
// PyTorch numbers these the other way round: 1 for the whole tensor, 0 along a dim.
const extremum = (base: string) => (d?: unknown) => `${base}Backward${d === undefined || d === null ? 1 : 0}`;
type Extremum = (x: Tensor, dim?: number, keepdim?: boolean) => Tensor | readonly Tensor[];
/** `torch.max`. */ export const max = keywords("max(Tensor input, /, int? dim=None, bool keepdim=False)", labelled(r.max as Extremum, extremum("Max"))) as unknown as MaxFn;
/** `torch.min`. */ export const min = keywords("min(Tensor input, /, int? dim=None, bool keepdim=False)", labelled(r.min as Extremum, extremum("Min"))) as unknown as MaxFn;

/** `var`/`std`'s keywords: `x.var({ dim: 0, correction: 0 })`. */
export type VarOptions = r.VarOptions & { dim?: r.Dim };
type Var = (input: Tensor, ...args: Kw<[dim: r.Dim], VarOptions>) => Tensor;
/** `torch.var(input, dim, { correction, keepdim })`. */
export const variance = keywords("var(Tensor input, /, int|int[]? dim=None, *, Scalar? correction=1, bool keepdim=False, bool unbiased=True)", labelled(r.variance, () => "VarBackward0")) as unknown as Var;
/** `torch.std(input, dim, { correction, keepdim })`. */
export const std = keywords("std(Tensor input, /, int|int[]? dim=None, *, Scalar? correction=1, bool keepdim=False, bool unbiased=True)", labelled(r.std, () => "StdBackward0")) as unknown as Var;

/** `softmax`/`log_softmax`'s keywords: `x.softmax({ dim: -1 })`. */
export type SoftmaxOptions = { dim?: number } & DTypeOption;
type Softmax = (input: Tensor, ...args: Kw<[dim: number], SoftmaxOptions>) => Tensor;
/** `torch.softmax(input, dim, { dtype })`. @example `x.softmax({ dim: 1 })` */
export const softmax = keywords("softmax(Tensor input, /, int dim, *, ScalarType? dtype=None)", (x: Tensor, d: number, o?: DTypeOption) =>
  relabel(r.softmax(cast(x, o), d), [x], "SoftmaxBackward0")) as unknown as Softmax;
/** `torch.log_softmax(input, dim, { dtype })`. */
export const log_softmax = keywords("log_softmax(Tensor input, /, int dim, *, ScalarType? dtype=None)", (x: Tensor, d: number, o?: DTypeOption) =>
  relabel(r.log_softmax(cast(x, o), d), [x], "LogSoftmaxBackward0")) as unknown as Softmax;

/** `norm`'s keywords: `x.norm({ p: 1, dim: 0 })`. */
export type NormOptions = { p?: number | "fro"; dim?: r.Dim; keepdim?: boolean } & DTypeOption;
/** `torch.norm(input, p, dim, keepdim, { dtype })`. @example `x.norm({ p: 1, dim: 0 })` */
export const norm = keywords("norm(Tensor input, /, float|'fro'? p='fro', int|int[]? dim=None, bool keepdim=False, *, ScalarType? dtype=None)",
  (x: Tensor, p?: number | "fro", d?: r.Dim, k?: boolean, o?: DTypeOption) => relabel(r.norm(cast(x, o), p, d, k), [x], "NormBackward1")) as unknown as (
  input: Tensor, ...args: Kw<[p: number | "fro", dim: r.Dim, keepdim: boolean], NormOptions>) => Tensor;

// ---- linear algebra --------------------------------------------------------------------------

type Product<K extends string> = (input: Tensor, ...args: Kw<[other: Tensor], { [k in K]?: Tensor }>) => Tensor;
/** `torch.matmul`. */ export const matmul = keywords("matmul(Tensor input, /, Tensor other)", l.matmul) as unknown as Product<"other">;
/** `torch.mm`. */ export const mm = keywords("mm(Tensor input, /, Tensor mat2)", l.mm) as unknown as Product<"mat2">;
/** `torch.bmm`. */ export const bmm = keywords("bmm(Tensor input, /, Tensor mat2)", l.bmm) as unknown as Product<"mat2">;
/** `torch.dot`. */ export const dot = keywords("dot(Tensor input, /, Tensor other)", l.dot) as unknown as Product<"other">;
/** `torch.outer`. */ export const outer = keywords("outer(Tensor input, /, Tensor vec2)", l.outer) as unknown as Product<"vec2">;

// ---- joining, splitting, views and indexing --------------------------------------------------

type Join = (tensors: readonly Tensor[], ...args: Kw<[dim: number], { dim?: number }>) => Tensor;
/** `torch.cat(tensors, dim)`. @example `torch.cat([a, b], { dim: 1 })` */
export const cat = keywords("cat(tensors, /, int dim=0)", j.cat) as unknown as Join;
/** `torch.concat`, an alias of cat. */ export const concat = keywords("concat(tensors, /, int dim=0)", j.cat) as unknown as Join;
/** `torch.stack(tensors, dim)`. */
export const stack = keywords("stack(tensors, /, int dim=0)", j.stack) as unknown as Join;
/** `split`'s keywords: `x.split({ split_size_or_sections: 2, dim: 1 })`. */
export type SplitOptions = { split_size_or_sections?: number | readonly number[]; dim?: number };
/** `torch.split(tensor, split_size_or_sections, dim)`. */
export const split = keywords("split(Tensor tensor, /, int|int[] split_size_or_sections, int dim=0)", j.split) as unknown as (
  tensor: Tensor, ...args: Kw<[split_size_or_sections: number | readonly number[], dim: number], SplitOptions>) => Tensor[];
/** `torch.chunk(input, chunks, dim)`. */
export const chunk = keywords("chunk(Tensor input, /, int chunks, int dim=0)", j.chunk) as unknown as (
  input: Tensor, ...args: Kw<[chunks: number, dim: number], { chunks?: number; dim?: number }>) => Tensor[];
/** `torch.unbind(input, dim)`: the slices along `dim`, with `dim` removed. */
export const unbind = keywords("unbind(Tensor input, /, int dim=0)", (x: Tensor, d = 0) =>
  Array.from({ length: x.size(d) }, (_, i) => v.select(x, d, i))) as unknown as (
  input: Tensor, ...args: Kw<[dim: number], { dim?: number }>) => Tensor[];

type DimOnly<T = number> = (input: Tensor, ...args: Kw<[dim: T], { dim?: T }>) => Tensor;
/** `torch.squeeze(input, dim)`. */ export const squeeze = keywords("squeeze(Tensor input, /, int|int[]? dim=None)", labelled(v.squeeze, (d?: unknown) => `SqueezeBackward${d === undefined ? 0 : 1}`)) as unknown as DimOnly<number | readonly number[]>;
/** `torch.unsqueeze(input, dim)`. */ export const unsqueeze = keywords("unsqueeze(Tensor input, /, int dim)", labelled(v.unsqueeze, () => "UnsqueezeBackward0")) as unknown as DimOnly;
/** `torch.flatten(input, start_dim, end_dim)`. */
export const flatten = keywords("flatten(Tensor input, /, int start_dim=0, int end_dim=-1)", v.flatten) as unknown as (
  input: Tensor, ...args: Kw<[start_dim: number, end_dim: number], { start_dim?: number; end_dim?: number }>) => Tensor;
/** `torch.transpose(input, dim0, dim1)`. */
export const transpose = keywords("transpose(Tensor input, /, int dim0, int dim1)", labelled(v.transpose, () => "TransposeBackward0")) as unknown as (
  input: Tensor, ...args: Kw<[dim0: number, dim1: number], { dim0?: number; dim1?: number }>) => Tensor;
/** `torch.narrow(input, dim, start, length)`. */
export const narrow = keywords("narrow(Tensor input, /, int dim, int start, int length)", v.narrow) as unknown as (
  input: Tensor, ...args: Kw<[dim: number, start: number, length: number], { dim?: number; start?: number; length?: number }>) => Tensor;
/** `torch.select(input, dim, index)`. */
export const select = keywords("select(Tensor input, /, int dim, int index)", labelled(v.select, () => "SelectBackward0")) as unknown as (
  input: Tensor, ...args: Kw<[dim: number, index: number], { dim?: number; index?: number }>) => Tensor;
type Shaped<K extends string> = (input: Tensor, ...args: Kw<[shape: readonly number[]], { [k in K]?: readonly number[] }>) => Tensor;
/** `torch.reshape(input, shape)`. */ export const reshape = keywords("reshape(Tensor input, /, int[] shape)", v.reshape) as unknown as Shaped<"shape">;
/** `torch.permute(input, dims)`. */ export const permute = keywords("permute(Tensor input, /, int[] dims)", v.permute) as unknown as Shaped<"dims">;
/** `torch.flip(input, dims)`. */ export const flip = keywords("flip(Tensor input, /, int[] dims)", v.flip) as unknown as Shaped<"dims">;
/** `torch.broadcast_to(input, size)`. */ export const broadcast_to = keywords("broadcast_to(Tensor input, /, int[] size)", v.broadcast_to) as unknown as Shaped<"size">;

type DimIndex<X = object> = (input: Tensor, ...args: Kw<[dim: number, index: Tensor], { dim?: number; index?: Tensor } & X>) => Tensor;
/** `torch.gather(input, dim, index)`. */ export const gather = keywords("gather(Tensor input, /, int dim, Tensor index)", ix.gather) as unknown as DimIndex;
/** `torch.index_select(input, dim, index)`. */
export const index_select = keywords("index_select(Tensor input, /, int dim, Tensor index)", ix.index_select) as unknown as DimIndex;
/** `torch.scatter_add(input, dim, index, src)`. */
export const scatter_add = keywords("scatter_add(Tensor input, /, int dim, Tensor index, Tensor src)", ix.scatter_add) as unknown as (
  input: Tensor, ...args: Kw<[dim: number, index: Tensor, src: Tensor], { dim?: number; index?: Tensor; src?: Tensor }>) => Tensor;

export type ScatterOptions = { dim?: number; index?: Tensor; src?: TensorOrScalar; reduce?: "add" };
/**
 * `torch.scatter(input, dim, index, src, *, reduce=None)`. `reduce: "add"` accumulates every
 * write (a scalar `src` is added at each index) as PyTorch does; `"multiply"` is not supported
 * and says so rather than being ignored.
 *
 * @example
 * ```ts
 * torch.zeros([2, 4]).scatter(1, torch.tensor([[1], [3]]), 1, { reduce: "add" });
 * ```
 */
export const scatter = keywords("scatter(Tensor input, /, int dim, Tensor index, Tensor|Scalar src, *, str? reduce=None)",
  (x: Tensor, dim: number, index: Tensor, src: TensorOrScalar, o?: { reduce?: unknown }) => {
    if (o?.reduce === undefined || o.reduce === null) return sc.scatter(x, dim, index, src);
    if (o.reduce !== "add")
      throw new TypeError(`scatter(): reduce=${JSON.stringify(o.reduce)} is not supported (only "add")`);
    const values = typeof src === "object" ? src : cr.full(index.shape, src, { dtype: x.dtype, device: x.device });
    return ix.scatter_add(x, dim, index, values, "scatter");
  }) as unknown as (input: Tensor, ...args: Kw<[dim: number, index: Tensor, src: TensorOrScalar], ScatterOptions>) => Tensor;

/** `cumsum`/`cumprod`'s keywords: `x.cumsum({ dim: 0 })`. */
export type CumulativeOptions = { dim?: number } & cu.CumulativeOptions;
type Cumulative = (input: Tensor, ...args: Kw<[dim: number], CumulativeOptions>) => Tensor;
/** `torch.cumsum(input, dim, { dtype })`. @example `x.cumsum({ dim: 1 })` */
export const cumsum = keywords("cumsum(Tensor input, /, int dim, *, ScalarType? dtype=None)", cu.cumsum) as unknown as Cumulative;
/** `torch.cumprod(input, dim, { dtype })`. */
export const cumprod = keywords("cumprod(Tensor input, /, int dim, *, ScalarType? dtype=None)", cu.cumprod) as unknown as Cumulative;
type Triangular = (input: Tensor, ...args: Kw<[diagonal: number], { diagonal?: number }>) => Tensor;
/** `torch.tril(input, diagonal)`. */ export const tril = keywords("tril(Tensor input, /, int diagonal=0)", tri.tril) as unknown as Triangular;
/** `torch.triu(input, diagonal)`. */ export const triu = keywords("triu(Tensor input, /, int diagonal=0)", tri.triu) as unknown as Triangular;

// ---- casts and copies ------------------------------------------------------------------------

/** `to`'s keywords: `x.to({ device: "webgpu", dtype: "float32" })`. */
export type ToOptions = { device?: Device | string; dtype?: DType; copy?: boolean };
/**
 * `Tensor.to(dtype)`, `to(device)`, `to(device, dtype)`, `to(other)` or `to({ device, dtype, copy })`.
 * @example `x.to({ device: "webgpu", dtype: "float32" })`
 */
export const to = keywords("to(Tensor input, /, ScalarType|Device|Tensor? device=None, ScalarType? dtype=None, *, bool copy=False)",
  (x: Tensor, a?: DType | Device | string | Tensor, b?: DType, o?: { copy?: boolean }) => {
    const out = a === undefined ? (b === undefined ? x : cv.toDType(x, b)) : cv.to(x, a, b);
    return o?.copy && out === x ? v.clone(x) : out;
  }) as unknown as (input: Tensor, ...args: Kw<[dtypeOrDevice: DType | Device | string | Tensor, dtype: DType], ToOptions>) => Tensor;
/** `Tensor.fill_(value)`. */
export const fill_ = keywords("fill_(Tensor input, /, Tensor|Scalar value)", fillImpl) as unknown as (
  input: Tensor, ...args: Kw<[value: number | boolean | Tensor], { value?: number | boolean | Tensor }>) => Tensor;
/** `Tensor.copy_(src)`. */
export const copy_ = keywords("copy_(Tensor input, /, Tensor src)", copyImpl) as unknown as (
  input: Tensor, ...args: Kw<[src: Tensor], { src?: Tensor }>) => Tensor;

// ---- creation and random numbers -------------------------------------------------------------

/** `torch.tensor(data, { dtype, device, requires_grad })`. */
export const tensor = keywords("tensor(data, /, *, ScalarType? dtype=None, Device? device=None, bool requires_grad=False)", cr.tensor) as unknown as typeof cr.tensor;
/** `full`'s keywords: `torch.full([2, 2], 7, { dtype: "int32" })`. */
export type FullOptions = TensorOptions & { fill_value?: number | boolean };
/** `torch.full(size, fill_value, { dtype, device, requires_grad })`. */
export const full = keywords("full(size, /, Scalar fill_value, *, ScalarType? dtype=None, Device? device=None, bool requires_grad=False)", cr.full) as unknown as (
  size: readonly number[], ...args: Kw<[fill_value: number | boolean], FullOptions>) => Tensor;
/** `torch.full_like(input, fill_value, { dtype, device, requires_grad })`. */
export const full_like = keywords("full_like(Tensor input, /, Scalar fill_value, *, ScalarType? dtype=None, Device? device=None, bool requires_grad=False)", cr.full_like) as unknown as (
  input: Tensor, ...args: Kw<[fill_value: number | boolean], FullOptions>) => Tensor;
const LIKE = "(Tensor input, /, *, ScalarType? dtype=None, Device? device=None, bool requires_grad=False)";
type Like = (input: Tensor, options?: TensorOptions) => Tensor;
/** `torch.zeros_like`. */ export const zeros_like = keywords("zeros_like" + LIKE, cr.zeros_like) as unknown as Like;
/** `torch.ones_like`. */ export const ones_like = keywords("ones_like" + LIKE, cr.ones_like) as unknown as Like;
/** `torch.empty_like`. */ export const empty_like = keywords("empty_like" + LIKE, cr.empty_like) as unknown as Like;
/** `torch.rand_like`. */
export const rand_like = keywords("rand_like(Tensor input, /, *, ScalarType? dtype=None, Device? device=None, bool requires_grad=False, Generator? generator=None)", rnd.rand_like) as unknown as Like;
/** `torch.randn_like`. */
export const randn_like = keywords("randn_like(Tensor input, /, *, ScalarType? dtype=None, Device? device=None, bool requires_grad=False, Generator? generator=None)", rnd.randn_like) as unknown as Like;

/** `arange`'s keywords: `torch.arange({ start: 0, end: 10, step: 2 })`. */
export type ArangeOptions = TensorOptions & { start?: number; end?: number; step?: number };
/** `torch.arange(end)` or `torch.arange(start, end, step)`. @example `torch.arange(0, 10, { step: 2 })` */
export const arange = keywords("arange(float start=0, float? end=None, float step=1, *, ScalarType? dtype=None, Device? device=None, bool requires_grad=False)", cr.arange) as unknown as (
  ...args: Kw<[start: number, end: number, step: number], ArangeOptions>) => Tensor;
/** `torch.linspace(start, end, steps)`. */
export const linspace = keywords("linspace(float start, float end, int steps, *, ScalarType? dtype=None, Device? device=None, bool requires_grad=False)", cr.linspace) as unknown as (
  ...args: Kw<[start: number, end: number, steps: number], TensorOptions & { start?: number; end?: number; steps?: number }>) => Tensor;
/** `torch.eye(n, m)`. */
export const eye = keywords("eye(int n, int? m=None, *, ScalarType? dtype=None, Device? device=None, bool requires_grad=False)", cr.eye) as unknown as (
  ...args: Kw<[n: number, m: number], TensorOptions & { n?: number; m?: number }>) => Tensor;
/** `randint`'s keywords: `torch.randint(0, 10, [3], { generator: g })`. */
export type RandintOptions = rnd.RandomOptions & { low?: number; high?: number; size?: readonly number[] };
/** `torch.randint(low, high, size)` or `torch.randint(high, size)`. */
export const randint = keywords("randint(int low=0, int|int[]? high=None, int[]? size=None, *, Generator? generator=None, ScalarType? dtype=None, Device? device=None, bool requires_grad=False)", rnd.randint) as unknown as (
  ...args: Kw<[low: number, high: number | readonly number[], size: readonly number[]], RandintOptions>) => Tensor;
/** `torch.randperm(n, { generator, dtype, device })`. */
export const randperm = keywords("randperm(int n, *, Generator? generator=None, ScalarType? dtype=None, Device? device=None, bool requires_grad=False)", rnd.randperm) as unknown as (
  ...args: Kw<[n: number], rnd.RandomOptions & { n?: number }>) => Tensor;

/** A random op's `generator`: `torch.rand([2], { generator: torch.Generator().manual_seed(0) })`. */
export type GeneratorOption = rnd.GeneratorOption;
/** `Tensor.normal_(mean, std, { generator })`. */
export const normal_ = keywords("normal_(Tensor input, /, float mean=0, float std=1, *, Generator? generator=None)", rnd.normal_) as unknown as (
  input: Tensor, ...args: Kw<[mean: number, std: number], GeneratorOption & { mean?: number; std?: number }>) => Tensor;
/** `Tensor.uniform_(from, to, { generator })`. */
export const uniform_ = keywords("uniform_(Tensor input, /, float from=0, float to=1, *, Generator? generator=None)", rnd.uniform_) as unknown as (
  input: Tensor, ...args: Kw<[from: number, to: number], GeneratorOption & { from?: number; to?: number }>) => Tensor;
/** `Tensor.bernoulli_(p, { generator })`. */
export const bernoulli_ = keywords("bernoulli_(Tensor input, /, float p=0.5, *, Generator? generator=None)", rnd.bernoulli_) as unknown as (
  input: Tensor, ...args: Kw<[p: number], GeneratorOption & { p?: number }>) => Tensor;

/** The `device` keyword as factories accept it. */
export type { DeviceLike };
