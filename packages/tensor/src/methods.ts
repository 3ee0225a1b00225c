/**
 * Tensor methods. Each is the `torch.*` function of the same name with `this` as the first
 * argument (Decision 1: operators become methods), so the docs of the functions apply.
 */
import type { DType } from "./dtype.js";
import type { Device } from "./device.js";
import { inPlaceUnaryOps, unaryOps, type InPlaceUnaryOp, type UnaryOp } from "./tables/unary.js";
import { binaryOps, inPlaceBinaryOps, type InPlaceBinaryOp } from "./tables/binary.js";
import * as B from "./ops/binary.js";
import type { BinaryOpWithKeywords, PlainBinaryOp } from "./ops/binary.js";
import { Tensor } from "./tensor.js";
import { gradMode, relabel } from "./graph.js";
import type * as r from "./ops/reduce.js";
import * as v from "./ops/view.js";
import * as j from "./ops/join.js";
import * as g from "./ops/getitem.js";
import * as cv from "./ops/convert.js";
import * as so from "./ops/sort.js";
import * as cl from "./ops/closeness.js";
import * as mn from "./ops/multinomial.js";
import type * as rnd from "./ops/random.js";
import * as S from "./signatures.js";
import { checkOptions, isOptions, methodOf, type Kw } from "./keywords.js";
import { asInPlaceError, checkInPlace, commitInPlace, fill_ } from "./ops/inplace.js";
import { tryAddScaled_ } from "./ops/add-scaled.js";
import { enterInPlaceForm, leaveInPlaceForm } from "./errors.js";
import { unary, type TensorOrScalar } from "./ops/elementwise.js";
import { checkKind, describeValue, KIND } from "./kinds.js";

type Shape = number[] | readonly number[];
type Other = Kw<[other: TensorOrScalar], { other?: TensorOrScalar }>;
type Reduce<O> = Kw<[dim: r.Dim, keepdim: boolean], O>;

/**
 * One method per row of the unary table (tables/unary.ts), each `torch.<op>(this)`, documented
 * with that function (ops/unary.ts).
 */
export type UnaryMethods = { [K in UnaryOp]: () => Tensor };
/** One method per plain row of the binary table, each `torch.<op>(this, other)` (ops/binary.ts). */
export type BinaryMethods = { [K in PlainBinaryOp]: PlainBinaryMethod };
type PlainBinaryMethod = (...args: Other) => Tensor;
/**
 * The in-place form of each unary row PyTorch has one of (`x.exp_()`) and of each plain binary
 * row (`x.fmod_(2)`): the op computed, then written into `x` (PyTorch's checks: a result dtype
 * `x` cannot hold, a broadcast shape other than `x`'s, a leaf that requires grad are refused).
 */
export type InPlaceMethods = { [K in InPlaceUnaryOp as `${K}_`]: () => Tensor }
  & { [K in Exclude<InPlaceBinaryOp, BinaryOpWithKeywords> as `${K}_`]: PlainBinaryMethod };

declare module "./tensor.js" {
  interface Tensor extends UnaryMethods, BinaryMethods, InPlaceMethods {
    add(...args: Kw<[other: TensorOrScalar], S.AlphaOptions>): Tensor;
    sub(...args: Kw<[other: TensorOrScalar], S.AlphaOptions>): Tensor;
    div(...args: Kw<[other: TensorOrScalar], S.DivOptions>): Tensor;
    pow(...args: Kw<[exponent: TensorOrScalar], { exponent?: TensorOrScalar }>): Tensor;
    /** Round half to even; `{ decimals }` rounds to that many decimal places. */
    round(options?: { decimals?: number }): Tensor;
    clamp(...args: Kw<[min: TensorOrScalar | null, max: TensorOrScalar | null], S.ClampOptions>): Tensor;
    clip(...args: Kw<[min: TensorOrScalar | null, max: TensorOrScalar | null], S.ClampOptions>): Tensor;
    where(condition: Tensor, other: TensorOrScalar): Tensor;
    addcmul(...args: Kw<[tensor1: Tensor, tensor2: Tensor], S.ValueOptions>): Tensor;
    addcdiv(...args: Kw<[tensor1: Tensor, tensor2: Tensor], S.ValueOptions>): Tensor;
    lerp(...args: Kw<[end: Tensor, weight: TensorOrScalar], { end?: Tensor; weight?: TensorOrScalar }>): Tensor;
    addcmul_(...args: Kw<[tensor1: Tensor, tensor2: Tensor], S.ValueOptions>): this;
    addcdiv_(...args: Kw<[tensor1: Tensor, tensor2: Tensor], S.ValueOptions>): this;
    lerp_(...args: Kw<[end: Tensor, weight: TensorOrScalar], { end?: Tensor; weight?: TensorOrScalar }>): this;
    masked_fill(...args: Kw<[mask: Tensor, value: TensorOrScalar], { mask?: Tensor; value?: TensorOrScalar }>): Tensor;

    sum(...args: Reduce<S.DTypeReduceOptions>): Tensor;
    mean(...args: Reduce<S.DTypeReduceOptions>): Tensor;
    prod(...args: Reduce<S.DTypeReduceOptions>): Tensor;
    max(): Tensor;
    max(dim: number, keepdim?: boolean): r.ValuesIndices;
    max(dim: number, options: { keepdim?: boolean }): r.ValuesIndices;
    max(options: S.MaxOptions & { dim: number }): r.ValuesIndices;
    min(): Tensor;
    min(dim: number, keepdim?: boolean): r.ValuesIndices;
    min(dim: number, options: { keepdim?: boolean }): r.ValuesIndices;
    min(options: S.MaxOptions & { dim: number }): r.ValuesIndices;
    amax(...args: Reduce<S.ReduceOptions>): Tensor;
    amin(...args: Reduce<S.ReduceOptions>): Tensor;
    argmax(...args: Reduce<S.ReduceOptions>): Tensor;
    argmin(...args: Reduce<S.ReduceOptions>): Tensor;
    var(...args: Kw<[dim: r.Dim], S.VarOptions>): Tensor;
    std(...args: Kw<[dim: r.Dim], S.VarOptions>): Tensor;
    logsumexp(...args: Reduce<S.ReduceOptions>): Tensor;
    softmax(...args: Kw<[dim: number], S.SoftmaxOptions>): Tensor;
    log_softmax(...args: Kw<[dim: number], S.SoftmaxOptions>): Tensor;
    norm(...args: Kw<[p: number | "fro", dim: r.Dim, keepdim: boolean], S.NormOptions>): Tensor;
    all(...args: Reduce<S.ReduceOptions>): Tensor;
    any(...args: Reduce<S.ReduceOptions>): Tensor;

    matmul(...args: Kw<[other: Tensor], { other?: Tensor }>): Tensor;
    mm(...args: Kw<[mat2: Tensor], { mat2?: Tensor }>): Tensor;
    bmm(...args: Kw<[mat2: Tensor], { mat2?: Tensor }>): Tensor;
    dot(...args: Kw<[other: Tensor], { other?: Tensor }>): Tensor;
    outer(...args: Kw<[vec2: Tensor], { vec2?: Tensor }>): Tensor;

    /** `x.reshape(2, 3)`, `x.reshape([2, 3])` or `x.reshape({ shape: [2, 3] })`. */
    reshape(...shape: Dims<"shape">): Tensor;
    view(...shape: Dims<"size">): Tensor;
    /** A view with `other`'s shape: `x.view_as(y)` is `x.view(y.shape)`. */
    view_as(other: Tensor): Tensor;
    /** `x.reshape_as(y)` is `x.reshape(y.shape)`. */
    reshape_as(other: Tensor): Tensor;
    squeeze(...args: Kw<[dim: number | readonly number[]], { dim?: number | readonly number[] }>): Tensor;
    unsqueeze(...args: Kw<[dim: number], { dim?: number }>): Tensor;
    flatten(...args: Kw<[start_dim: number, end_dim: number], { start_dim?: number; end_dim?: number }>): Tensor;
    permute(...dims: Dims<"dims">): Tensor;
    transpose(...args: Kw<[dim0: number, dim1: number], { dim0?: number; dim1?: number }>): Tensor;
    t(): Tensor;
    /** The transpose of a matrix (all dimensions reversed, as `x.T`). */
    readonly T: Tensor;
    expand(...sizes: Dims<"size">): Tensor;
    /** `x.expand_as(y)` is `x.expand(y.shape)`. */
    expand_as(other: Tensor): Tensor;
    broadcast_to(...args: Kw<[size: Shape], { size?: Shape }>): Tensor;
    contiguous(): Tensor;
    clone(): Tensor;
    narrow(...args: Kw<[dim: number, start: number, length: number], { dim?: number; start?: number; length?: number }>): Tensor;
    select(...args: Kw<[dim: number, index: number], { dim?: number; index?: number }>): Tensor;
    flip(...dims: Dims<"dims">): Tensor;
    split(...args: Kw<[split_size_or_sections: number | readonly number[], dim: number], S.SplitOptions>): Tensor[];
    chunk(...args: Kw<[chunks: number, dim: number], { chunks?: number; dim?: number }>): Tensor[];
    unbind(...args: Kw<[dim: number], { dim?: number }>): Tensor[];
    repeat(...sizes: Dims<"repeats">): Tensor;
    index(...specs: g.IndexSpec[]): Tensor;
    setIndex(specs: readonly g.IndexSpec[], value: number | boolean | Tensor): Tensor;
    gather(...args: Kw<[dim: number, index: Tensor], { dim?: number; index?: Tensor }>): Tensor;
    index_select(...args: Kw<[dim: number, index: Tensor], { dim?: number; index?: Tensor }>): Tensor;
    scatter_add(...args: Kw<[dim: number, index: Tensor, src: Tensor], { dim?: number; index?: Tensor; src?: Tensor }>): Tensor;
    scatter(...args: Kw<[dim: number, index: Tensor, src: TensorOrScalar], S.ScatterOptions>): Tensor;
    scatter_(...args: Kw<[dim: number, index: Tensor, src: TensorOrScalar], S.ScatterOptions>): this;
    scatter_add_(dim: number, index: Tensor, src: Tensor): this;
    sort(dim?: number | so.SortOptions, descending?: boolean, options?: so.SortOptions): r.ValuesIndices;
    argsort(dim?: number | so.SortOptions, descending?: boolean, options?: so.SortOptions): Tensor;
    topk(k: number, dim?: number | so.TopkOptions, largest?: boolean, options?: so.TopkOptions): r.ValuesIndices;
    cumsum(...args: Kw<[dim: number], S.CumulativeOptions>): Tensor;
    cumprod(...args: Kw<[dim: number], S.CumulativeOptions>): Tensor;
    tril(...args: Kw<[diagonal: number], { diagonal?: number }>): Tensor;
    triu(...args: Kw<[diagonal: number], { diagonal?: number }>): Tensor;
    tril_(...args: Kw<[diagonal: number], { diagonal?: number }>): this;
    triu_(...args: Kw<[diagonal: number], { diagonal?: number }>): this;
    isclose(other: Tensor, options?: cl.CloseOptions): Tensor;
    allclose(other: Tensor, options?: cl.CloseOptions): boolean;
    /** Same shape and elements (`torch.equal`), as a boolean read at once. */
    equal(other: Tensor): boolean;
    multinomial(num_samples: number, replacement?: boolean | mn.MultinomialOptions, options?: mn.MultinomialOptions): Tensor;

    /** `x.to(dtype)`, `x.to(device)`, `x.to(device, dtype)`, `x.to(other)` or `x.to({ device, dtype, copy })`. */
    to(...args: Kw<[dtypeOrDevice: DType | Device | string | Tensor, dtype: DType], S.ToOptions>): Tensor;
    /** `x.to(device)` for any pair of devices, a GPU read included: `await x.toAsync("cpu")`. */
    toAsync(device: Device | string): Promise<Tensor>;
    /** A copy on the CPU (this tensor when it is there already): `x.cpu().numpy()`. Reading a GPU tensor this way needs a backend that reads synchronously; else `await x.toAsync("cpu")`. */
    cpu(): Tensor;
    /** `x.to("float32")`: `torch.tensor([1, 2]).float()`. */
    float(): Tensor;
    /** `x.to("float64")` (CPU only): `torch.tensor([1, 2]).double()`. */
    double(): Tensor;
    /** `x.to("int32")`: `torch.tensor([1.7, -1.7]).int()` is `tensor([ 1, -1], dtype=torch.int32)`. */
    int(): Tensor;
    /**
     * `x.to("int64")` (CPU only; exact to 2^53 - 1, past which it raises):
     * `torch.tensor([3e9]).long()` is `tensor([3000000000])`.
     */
    long(): Tensor;
    /** `x.to("bool")`: nonzero is true. `torch.tensor([0, 2]).bool()` is `tensor([False,  True])`. */
    bool(): Tensor;
    /** `x.type_as(y)` is `x.to(y.dtype)`. */
    type_as(other: Tensor): Tensor;

    add_(...args: Kw<[other: TensorOrScalar], S.AlphaOptions>): this;
    sub_(...args: Kw<[other: TensorOrScalar], S.AlphaOptions>): this;
    mul_(...args: Other): this;
    div_(...args: Kw<[other: TensorOrScalar], S.DivOptions>): this;
    pow_(...args: Kw<[exponent: TensorOrScalar], { exponent?: TensorOrScalar }>): this;
    clamp_(...args: Kw<[min: TensorOrScalar | null, max: TensorOrScalar | null], S.ClampOptions>): this;
    masked_fill_(...args: Kw<[mask: Tensor, value: TensorOrScalar], { mask?: Tensor; value?: TensorOrScalar }>): this;
    round_(options?: { decimals?: number }): this;
    clip_(...args: Kw<[min: TensorOrScalar | null, max: TensorOrScalar | null], S.ClampOptions>): this;
    cumsum_(...args: Kw<[dim: number], S.CumulativeOptions>): this;
    cumprod_(...args: Kw<[dim: number], S.CumulativeOptions>): this;
    /** Fills this tensor with zeros in place and returns it: `w.grad.zero_()`. */
    zero_(): this;
    fill_(...args: Kw<[value: number | boolean | Tensor], { value?: number | boolean | Tensor }>): this;
    copy_(...args: Kw<[src: Tensor], { src?: Tensor }>): this;
    normal_(...args: Kw<[mean: number, std: number], rnd.GeneratorOption & { mean?: number; std?: number }>): this;
    uniform_(...args: Kw<[from: number, to: number], rnd.GeneratorOption & { from?: number; to?: number }>): this;
    bernoulli_(...args: Kw<[p: number], rnd.GeneratorOption & { p?: number }>): this;
  }
}

const P = Tensor.prototype as unknown as Record<string, unknown>;

// Every method with arguments is the torch function of the same name (signatures.ts) with
// `this` first, so methods and functions share one binding of positional and named arguments.
const SAME_AS_FUNCTION = [
  "add", "sub", "div", "pow", "round", "clamp", "clip", "addcmul", "addcdiv", "lerp",
  "masked_fill", "sum", "mean", "prod", "max", "min", "amax", "amin", "argmax", "argmin", "std", "logsumexp", "softmax",
  "log_softmax", "norm", "all", "any", "matmul", "mm", "bmm", "dot", "outer", "squeeze", "unsqueeze", "flatten",
  "transpose", "broadcast_to", "narrow", "select", "split", "chunk", "unbind", "gather", "index_select", "scatter", "scatter_add",
  "to", "fill_", "copy_", "normal_", "uniform_", "bernoulli_", "cumsum", "cumprod", "tril", "triu",
] as const;
for (const name of SAME_AS_FUNCTION) P[name] = methodOf(S[name]);
P.var = function (this: Tensor, ...args: unknown[]) { return (S.variance as (...a: unknown[]) => Tensor)(this, ...args); };
P.where = function (this: Tensor, c: Tensor, o: TensorOrScalar) { return S.where(c, this, o); };

// One method per plain row of the binary table (the others, with keywords, are bound above).
for (const op of binaryOps) if (op in B) P[op] = methodOf(B[op as PlainBinaryOp]);

// One method per row of the unary table; round, which takes `decimals`, is bound above.
for (const op of unaryOps) if (op !== "round") P[op] = function (this: Tensor) {
  if (arguments.length > 0) throw new TypeError(`${op}() takes no arguments (${arguments.length} given)`);
  return unary(op, this);
};

/** Variadic sizes as PyTorch takes them: `(2, 3)`, `([2, 3])` or `({ shape: [2, 3] })`. */
type Dims<K extends string> = [Shape] | number[] | [{ [k in K]: Shape }];
function dimsOf(op: string, key: string, args: unknown[]): number[] {
  let dims: unknown[];
  if (args.length === 1 && isOptions(args[0])) {
    checkOptions(op, args[0], [key]);
    const given = args[0][key];
    if (given === undefined) throw new TypeError(`${op}() missing required argument '${key}'`);
    checkKind(op, key, KIND.ints, given);
    dims = given as unknown[];
  } else if (args.length === 1 && Array.isArray(args[0])) dims = args[0];
  else dims = args;
  const bad = dims.findIndex((d) => !Number.isInteger(d));
  if (bad >= 0) throw new TypeError(`${op}(): argument '${key}' must be a sequence of ints, but element ${bad} is ${describeValue(dims[bad])}`);
  return dims.slice() as number[];
}
/** `other` of `view_as`, `expand_as`, …: a Tensor. */
function tensorArg(op: string, o: unknown): Tensor {
  checkKind(op, "other", KIND.Tensor, o);
  if (o === undefined) throw new TypeError(`${op}() missing required argument 'other'`);
  return o as Tensor;
}

const define = (methods: Record<string, (this: Tensor, ...args: never[]) => unknown>) => Object.assign(P, methods);
define({
  reshape(...s: unknown[]) { return v.reshape(this, dimsOf("reshape", "shape", s)); },
  view(...s: unknown[]) { return v.view(this, dimsOf("view", "size", s)); },
  view_as(o: Tensor) { return v.view(this, tensorArg("view_as", o).shape); },
  reshape_as(o: Tensor) { return v.reshape(this, tensorArg("reshape_as", o).shape); },
  permute(...d: unknown[]) { return v.permute(this, dimsOf("permute", "dims", d)); },
  t() { return relabel(v.t(this), [this], "TBackward0"); },
  expand(...s: unknown[]) { return v.expand(this, dimsOf("expand", "size", s)); },
  expand_as(o: Tensor) { return v.expand(this, tensorArg("expand_as", o).shape); },
  contiguous() { return v.contiguous(this); },
  clone() { return v.clone(this); },
  flip(...d: unknown[]) { return v.flip(this, dimsOf("flip", "dims", d)); },
  repeat(...s: unknown[]) { return j.repeat(this, dimsOf("repeat", "repeats", s)); },
  index(...specs: g.IndexSpec[]) { return g.index(this, ...specs); },
  setIndex(specs: readonly g.IndexSpec[], val: number | boolean | Tensor) { return g.setIndex(this, specs, val); },
  sort(d?: number | so.SortOptions, desc?: boolean, o?: so.SortOptions) { return so.sort(this, d, desc, o); },
  argsort(d?: number | so.SortOptions, desc?: boolean, o?: so.SortOptions) { return so.argsort(this, d, desc, o); },
  topk(k: number, d?: number | so.TopkOptions, l?: boolean, o?: so.TopkOptions) { return so.topk(this, k, d, l, o); },
  isclose(o: Tensor, opts?: cl.CloseOptions) { return cl.isclose(this, o, opts); },
  allclose(o: Tensor, opts?: cl.CloseOptions) { return cl.allclose(this, o, opts); },
  equal(o: Tensor) { return cl.equal(this, o); },
  multinomial(k: number, r?: boolean | mn.MultinomialOptions, o?: mn.MultinomialOptions) { return mn.multinomial(this, k, r, o); },

  toAsync(d: Device | string) {
    checkKind("toAsync", "device", KIND.Device, d);
    return cv.toDeviceAsync(this, d);
  },
  cpu() { return cv.to(this, "cpu"); },
  float() { return cv.toDType(this, "float32"); },
  double() { return cv.toDType(this, "float64"); },
  int() { return cv.toDType(this, "int32"); },
  long() { return cv.toDType(this, "int64"); },
  bool() { return cv.toDType(this, "bool"); },
  type_as(o: Tensor) { return cv.toDType(this, tensorArg("type_as", o).dtype); },

  zero_() { return fill_(this, 0); },
});
Object.defineProperty(P, "T", {
  get(this: Tensor) { return v.permute(this, this.shape.map((_, i) => this.ndim - 1 - i)); },
});

// In-place forms: compute out of place, then write back with PyTorch's checks.
// Every row of the unary and binary tables PyTorch has one for, and these other ops.
const INPLACE = [
  ...inPlaceUnaryOps, ...inPlaceBinaryOps,
  "clamp", "clip", "masked_fill", "scatter", "scatter_add", "tril", "triu", "addcmul", "addcdiv", "lerp", "cumsum", "cumprod",
];
// cumprod is composed of ops whose nodes save slices of the input, deeper than commitInPlace
// looks: with a graph, it reads a copy, so the write does not overwrite what backward needs.
const READS_A_COPY_UNDER_GRAD = new Set<string>(["cumprod"]);
for (const name of INPLACE) {
  const outOfPlace = P[name] as (this: Tensor, ...args: unknown[]) => Tensor;
  const copyFirst = READS_A_COPY_UNDER_GRAD.has(name);
  const op = name + "_"; // once, not per call: in-place updates are a training loop's hot path
  // `p.sub_(g)` and `grad.add_(g)` under no_grad, with a tensor of the same dtype and shape:
  // the backend's fused update, where it takes them (the values `add_` computes, fewer tensors).
  const sign = name === "add" ? 1 : name === "sub" ? -1 : 0;
  P[op] = function (this: Tensor) {
    checkInPlace(op, this);
    if (sign !== 0 && arguments.length === 1 && arguments[0] instanceof Tensor && tryAddScaled_(this, arguments[0], sign)) return this;
    const source = copyFirst && this.requires_grad && gradMode.enabled ? v.clone(this) : this;
    let result: Tensor;
    const outer = enterInPlaceForm(op);
    try {
      // `arguments` as it is, no rest array: `p.sub_(g)` runs every step of a training loop.
      result = arguments.length === 1 ? outOfPlace.call(source, arguments[0]) : outOfPlace.apply(source, arguments as unknown as unknown[]);
    } catch (e) {
      throw asInPlaceError(op, e);
    } finally {
      leaveInPlaceForm(outer);
    }
    return commitInPlace(op, this, result);
  };
}
