/**
 * Tensor methods. Each is the `torch.*` function of the same name with `this` as the first
 * argument (Decision 1: operators become methods), so the docs of the functions apply.
 */
import type { DType } from "./dtype.js";
import type { Device } from "./device.js";
import type { UnaryOp } from "./backend.js";
import { Tensor } from "./tensor.js";
import * as m from "./ops/math.js";
import * as r from "./ops/reduce.js";
import * as v from "./ops/view.js";
import * as l from "./ops/linalg.js";
import * as j from "./ops/join.js";
import * as ix from "./ops/indexing.js";
import * as sel from "./ops/select.js";
import * as g from "./ops/getitem.js";
import * as cv from "./ops/convert.js";
import * as sc from "./ops/scatter.js";
import * as so from "./ops/sort.js";
import * as cu from "./ops/cumulative.js";
import * as tri from "./ops/triangular.js";
import * as cl from "./ops/closeness.js";
import * as mn from "./ops/multinomial.js";
import * as rnd from "./ops/random.js";
import { checkInPlace, commitInPlace, copy_, fill_ } from "./ops/inplace.js";
import { unary, type TensorOrScalar } from "./ops/elementwise.js";

type Shape = number[] | readonly number[];
type Dims = [Shape] | number[];
const dimsOf = (args: Dims): number[] => (Array.isArray(args[0]) ? (args[0] as number[]).slice() : (args as number[]));
type ArithOpts = { alpha?: number };

declare module "./tensor.js" {
  interface Tensor {
    add(other: TensorOrScalar, options?: ArithOpts): Tensor;
    sub(other: TensorOrScalar, options?: ArithOpts): Tensor;
    mul(other: TensorOrScalar): Tensor;
    div(other: TensorOrScalar, options?: { rounding_mode?: "trunc" | "floor" | null }): Tensor;
    pow(exponent: TensorOrScalar): Tensor;
    maximum(other: TensorOrScalar): Tensor;
    minimum(other: TensorOrScalar): Tensor;
    floor_divide(other: TensorOrScalar): Tensor;
    remainder(other: TensorOrScalar): Tensor;
    atan2(other: TensorOrScalar): Tensor;
    eq(other: TensorOrScalar): Tensor;
    ne(other: TensorOrScalar): Tensor;
    lt(other: TensorOrScalar): Tensor;
    le(other: TensorOrScalar): Tensor;
    gt(other: TensorOrScalar): Tensor;
    ge(other: TensorOrScalar): Tensor;
    logical_and(other: TensorOrScalar): Tensor;
    logical_or(other: TensorOrScalar): Tensor;
    logical_xor(other: TensorOrScalar): Tensor;
    neg(): Tensor; abs(): Tensor; sqrt(): Tensor; rsqrt(): Tensor; exp(): Tensor; expm1(): Tensor;
    log(): Tensor; log1p(): Tensor; sin(): Tensor; cos(): Tensor; tan(): Tensor; tanh(): Tensor;
    sigmoid(): Tensor; relu(): Tensor; sign(): Tensor; floor(): Tensor; ceil(): Tensor; round(): Tensor;
    trunc(): Tensor; reciprocal(): Tensor; erf(): Tensor; square(): Tensor; logical_not(): Tensor; isnan(): Tensor;
    clamp(min?: TensorOrScalar | null, max?: TensorOrScalar | null): Tensor;
    clip(min?: TensorOrScalar | null, max?: TensorOrScalar | null): Tensor;
    where(condition: Tensor, other: TensorOrScalar): Tensor;
    addcmul(tensor1: Tensor, tensor2: Tensor, options?: { value?: number }): Tensor;
    addcdiv(tensor1: Tensor, tensor2: Tensor, options?: { value?: number }): Tensor;
    lerp(end: Tensor, weight: TensorOrScalar): Tensor;
    addcmul_(tensor1: Tensor, tensor2: Tensor, options?: { value?: number }): this;
    addcdiv_(tensor1: Tensor, tensor2: Tensor, options?: { value?: number }): this;
    lerp_(end: Tensor, weight: TensorOrScalar): this;
    masked_fill(mask: Tensor, value: TensorOrScalar): Tensor;

    sum(dim?: r.Dim, keepdim?: boolean): Tensor;
    mean(dim?: r.Dim, keepdim?: boolean): Tensor;
    prod(dim?: number | null, keepdim?: boolean): Tensor;
    max(): Tensor;
    max(dim: number, keepdim?: boolean): r.ValuesIndices;
    min(): Tensor;
    min(dim: number, keepdim?: boolean): r.ValuesIndices;
    amax(dim?: r.Dim, keepdim?: boolean): Tensor;
    amin(dim?: r.Dim, keepdim?: boolean): Tensor;
    argmax(dim?: number | null, keepdim?: boolean): Tensor;
    argmin(dim?: number | null, keepdim?: boolean): Tensor;
    var(dim?: r.Dim, options?: r.VarOptions): Tensor;
    std(dim?: r.Dim, options?: r.VarOptions): Tensor;
    logsumexp(dim: r.Dim, keepdim?: boolean): Tensor;
    softmax(dim: number): Tensor;
    log_softmax(dim: number): Tensor;
    norm(p?: number | "fro", dim?: r.Dim, keepdim?: boolean): Tensor;
    all(dim?: r.Dim, keepdim?: boolean): Tensor;
    any(dim?: r.Dim, keepdim?: boolean): Tensor;

    matmul(other: Tensor): Tensor;
    mm(other: Tensor): Tensor;
    bmm(other: Tensor): Tensor;
    dot(other: Tensor): Tensor;
    outer(other: Tensor): Tensor;

    reshape(...shape: Dims): Tensor;
    view(...shape: Dims): Tensor;
    view_as(other: Tensor): Tensor;
    reshape_as(other: Tensor): Tensor;
    squeeze(dim?: number | readonly number[]): Tensor;
    unsqueeze(dim: number): Tensor;
    flatten(start_dim?: number, end_dim?: number): Tensor;
    permute(...dims: Dims): Tensor;
    transpose(dim0: number, dim1: number): Tensor;
    t(): Tensor;
    /** The transpose of a matrix (all dimensions reversed, as `x.T`). */
    readonly T: Tensor;
    expand(...sizes: Dims): Tensor;
    expand_as(other: Tensor): Tensor;
    broadcast_to(shape: Shape): Tensor;
    contiguous(): Tensor;
    clone(): Tensor;
    narrow(dim: number, start: number, length: number): Tensor;
    select(dim: number, index: number): Tensor;
    flip(...dims: Dims): Tensor;
    split(split_size_or_sections: number | readonly number[], dim?: number): Tensor[];
    chunk(chunks: number, dim?: number): Tensor[];
    unbind(dim?: number): Tensor[];
    repeat(...sizes: Dims): Tensor;
    index(...specs: g.IndexSpec[]): Tensor;
    setIndex(specs: readonly g.IndexSpec[], value: number | boolean | Tensor): Tensor;
    gather(dim: number, index: Tensor): Tensor;
    index_select(dim: number, index: Tensor): Tensor;
    scatter_add(dim: number, index: Tensor, src: Tensor): Tensor;
    scatter(dim: number, index: Tensor, src: TensorOrScalar): Tensor;
    scatter_(dim: number, index: Tensor, src: TensorOrScalar): this;
    scatter_add_(dim: number, index: Tensor, src: Tensor): this;
    sort(dim?: number | so.SortOptions, descending?: boolean, options?: so.SortOptions): r.ValuesIndices;
    argsort(dim?: number | so.SortOptions, descending?: boolean, options?: so.SortOptions): Tensor;
    topk(k: number, dim?: number | so.TopkOptions, largest?: boolean, options?: so.TopkOptions): r.ValuesIndices;
    cumsum(dim: number, options?: cu.CumulativeOptions): Tensor;
    cumprod(dim: number, options?: cu.CumulativeOptions): Tensor;
    tril(diagonal?: number): Tensor;
    triu(diagonal?: number): Tensor;
    tril_(diagonal?: number): this;
    triu_(diagonal?: number): this;
    isclose(other: Tensor, options?: cl.CloseOptions): Tensor;
    allclose(other: Tensor, options?: cl.CloseOptions): boolean;
    multinomial(num_samples: number, replacement?: boolean | mn.MultinomialOptions, options?: mn.MultinomialOptions): Tensor;

    to(dtypeOrDevice: DType | Device | string | Tensor, dtype?: DType): Tensor;
    toAsync(device: Device | string): Promise<Tensor>;
    cpu(): Tensor;
    float(): Tensor;
    double(): Tensor;
    int(): Tensor;
    long(): Tensor;
    bool(): Tensor;
    type_as(other: Tensor): Tensor;

    add_(other: TensorOrScalar, options?: ArithOpts): this;
    sub_(other: TensorOrScalar, options?: ArithOpts): this;
    mul_(other: TensorOrScalar): this;
    div_(other: TensorOrScalar): this;
    pow_(exponent: TensorOrScalar): this;
    clamp_(min?: TensorOrScalar | null, max?: TensorOrScalar | null): this;
    masked_fill_(mask: Tensor, value: TensorOrScalar): this;
    neg_(): this; abs_(): this; sqrt_(): this; exp_(): this; log_(): this; sigmoid_(): this;
    tanh_(): this; relu_(): this; floor_(): this; ceil_(): this; round_(): this; sign_(): this;
    zero_(): this;
    fill_(value: number | boolean | Tensor): this;
    copy_(src: Tensor): this;
    normal_(mean?: number, std?: number, options?: rnd.GeneratorOption): this;
    uniform_(from?: number, to?: number, options?: rnd.GeneratorOption): this;
    bernoulli_(p?: number, options?: rnd.GeneratorOption): this;
  }
}

const P = Tensor.prototype as unknown as Record<string, unknown>;
const define = (methods: Record<string, (this: Tensor, ...args: never[]) => unknown>) => Object.assign(P, methods);

define({
  add(o: TensorOrScalar, opts?: ArithOpts) { return m.add(this, o, opts); },
  sub(o: TensorOrScalar, opts?: ArithOpts) { return m.sub(this, o, opts); },
  mul(o: TensorOrScalar) { return m.mul(this, o); },
  div(o: TensorOrScalar, opts?: { rounding_mode?: "trunc" | "floor" | null }) { return m.div(this, o, opts); },
  pow(o: TensorOrScalar) { return m.pow(this, o); },
  clamp(lo?: TensorOrScalar | null, hi?: TensorOrScalar | null) { return sel.clamp(this, lo, hi); },
  clip(lo?: TensorOrScalar | null, hi?: TensorOrScalar | null) { return sel.clamp(this, lo, hi); },
  where(c: Tensor, o: TensorOrScalar) { return sel.where(c, this, o); },
  addcmul(t1: Tensor, t2: Tensor, o?: { value?: number }) { return m.addcmul(this, t1, t2, o); },
  addcdiv(t1: Tensor, t2: Tensor, o?: { value?: number }) { return m.addcdiv(this, t1, t2, o); },
  lerp(end: Tensor, w: TensorOrScalar) { return m.lerp(this, end, w); },
  masked_fill(mask: Tensor, val: TensorOrScalar) { return sel.masked_fill(this, mask, val); },
});
for (const name of ["maximum", "minimum", "floor_divide", "remainder", "atan2", "eq", "ne", "lt", "le", "gt", "ge",
  "logical_and", "logical_or", "logical_xor"] as const) {
  const f = m[name] as (a: Tensor, b: TensorOrScalar) => Tensor;
  P[name] = function (this: Tensor, o: TensorOrScalar) { return f(this, o); };
}
const UNARY: UnaryOp[] = ["neg", "abs", "sqrt", "rsqrt", "exp", "expm1", "log", "log1p", "sin", "cos", "tan", "tanh",
  "sigmoid", "relu", "sign", "floor", "ceil", "round", "trunc", "reciprocal", "erf", "square", "logical_not", "isnan"];
for (const op of UNARY) P[op] = function (this: Tensor) { return unary(op, this); };

define({
  sum(d?: r.Dim, k?: boolean) { return r.sum(this, d, k); },
  mean(d?: r.Dim, k?: boolean) { return r.mean(this, d, k); },
  prod(d?: number | null, k?: boolean) { return r.prod(this, d, k); },
  max(d?: number, k?: boolean) { return d === undefined ? r.max(this) : r.max(this, d, k); },
  min(d?: number, k?: boolean) { return d === undefined ? r.min(this) : r.min(this, d, k); },
  amax(d?: r.Dim, k?: boolean) { return r.amax(this, d, k); },
  amin(d?: r.Dim, k?: boolean) { return r.amin(this, d, k); },
  argmax(d?: number | null, k?: boolean) { return r.argmax(this, d, k); },
  argmin(d?: number | null, k?: boolean) { return r.argmin(this, d, k); },
  var(d?: r.Dim, o?: r.VarOptions) { return r.variance(this, d, o); },
  std(d?: r.Dim, o?: r.VarOptions) { return r.std(this, d, o); },
  logsumexp(d: r.Dim, k?: boolean) { return r.logsumexp(this, d, k); },
  softmax(d: number) { return r.softmax(this, d); },
  log_softmax(d: number) { return r.log_softmax(this, d); },
  norm(p?: number | "fro", d?: r.Dim, k?: boolean) { return r.norm(this, p, d, k); },
  all(d?: r.Dim, k?: boolean) { return r.all(this, d, k); },
  any(d?: r.Dim, k?: boolean) { return r.any(this, d, k); },

  matmul(o: Tensor) { return l.matmul(this, o); },
  mm(o: Tensor) { return l.mm(this, o); },
  bmm(o: Tensor) { return l.bmm(this, o); },
  dot(o: Tensor) { return l.dot(this, o); },
  outer(o: Tensor) { return l.outer(this, o); },

  reshape(...s: Dims) { return v.reshape(this, dimsOf(s)); },
  view(...s: Dims) { return v.view(this, dimsOf(s)); },
  view_as(o: Tensor) { return v.view(this, o.shape); },
  reshape_as(o: Tensor) { return v.reshape(this, o.shape); },
  squeeze(d?: number | readonly number[]) { return v.squeeze(this, d); },
  unsqueeze(d: number) { return v.unsqueeze(this, d); },
  flatten(s?: number, e?: number) { return v.flatten(this, s, e); },
  permute(...d: Dims) { return v.permute(this, dimsOf(d)); },
  transpose(a: number, b: number) { return v.transpose(this, a, b); },
  t() { return v.t(this); },
  expand(...s: Dims) { return v.expand(this, dimsOf(s)); },
  expand_as(o: Tensor) { return v.expand(this, o.shape); },
  broadcast_to(s: Shape) { return v.expand(this, s); },
  contiguous() { return v.contiguous(this); },
  clone() { return v.clone(this); },
  narrow(d: number, s: number, n: number) { return v.narrow(this, d, s, n); },
  select(d: number, i: number) { return v.select(this, d, i); },
  flip(...d: Dims) { return v.flip(this, dimsOf(d)); },
  split(s: number | readonly number[], d?: number) { return j.split(this, s, d); },
  chunk(c: number, d?: number) { return j.chunk(this, c, d); },
  unbind(d = 0) { return Array.from({ length: this.size(d) }, (_, i) => v.select(this, d, i)); },
  repeat(...s: Dims) { return j.repeat(this, dimsOf(s)); },
  index(...specs: g.IndexSpec[]) { return g.index(this, ...specs); },
  setIndex(specs: readonly g.IndexSpec[], val: number | boolean | Tensor) { return g.setIndex(this, specs, val); },
  gather(d: number, i: Tensor) { return ix.gather(this, d, i); },
  index_select(d: number, i: Tensor) { return ix.index_select(this, d, i); },
  scatter_add(d: number, i: Tensor, s: Tensor) { return ix.scatter_add(this, d, i, s); },
  scatter(d: number, i: Tensor, s: TensorOrScalar) { return sc.scatter(this, d, i, s); },
  sort(d?: number | so.SortOptions, desc?: boolean, o?: so.SortOptions) { return so.sort(this, d, desc, o); },
  argsort(d?: number | so.SortOptions, desc?: boolean, o?: so.SortOptions) { return so.argsort(this, d, desc, o); },
  topk(k: number, d?: number | so.TopkOptions, l?: boolean, o?: so.TopkOptions) { return so.topk(this, k, d, l, o); },
  cumsum(d: number, o?: cu.CumulativeOptions) { return cu.cumsum(this, d, o); },
  cumprod(d: number, o?: cu.CumulativeOptions) { return cu.cumprod(this, d, o); },
  tril(k?: number) { return tri.tril(this, k); },
  triu(k?: number) { return tri.triu(this, k); },
  isclose(o: Tensor, opts?: cl.CloseOptions) { return cl.isclose(this, o, opts); },
  allclose(o: Tensor, opts?: cl.CloseOptions) { return cl.allclose(this, o, opts); },
  multinomial(k: number, r?: boolean | mn.MultinomialOptions, o?: mn.MultinomialOptions) { return mn.multinomial(this, k, r, o); },

  to(a: DType | Device | string | Tensor, b?: DType) { return cv.to(this, a, b); },
  toAsync(d: Device | string) { return cv.toDeviceAsync(this, d); },
  cpu() { return cv.to(this, "cpu"); },
  float() { return cv.toDType(this, "float32"); },
  double() { return cv.toDType(this, "float64"); },
  int() { return cv.toDType(this, "int32"); },
  long() { return cv.toDType(this, "int32"); },
  bool() { return cv.toDType(this, "bool"); },
  type_as(o: Tensor) { return cv.toDType(this, o.dtype); },

  zero_() { return fill_(this, 0); },
  fill_(val: number | boolean | Tensor) { return fill_(this, val); },
  copy_(src: Tensor) { return copy_(this, src); },
  normal_(mean?: number, std?: number, o?: rnd.GeneratorOption) { return rnd.normal_(this, mean, std, o); },
  uniform_(a?: number, b?: number, o?: rnd.GeneratorOption) { return rnd.uniform_(this, a, b, o); },
  bernoulli_(p?: number, o?: rnd.GeneratorOption) { return rnd.bernoulli_(this, p, o); },
});
Object.defineProperty(P, "T", {
  get(this: Tensor) { return v.permute(this, this.shape.map((_, i) => this.ndim - 1 - i)); },
});

// In-place forms: compute out of place, then write back with PyTorch's checks.
const INPLACE = ["add", "sub", "mul", "div", "pow", "clamp", "masked_fill", "scatter", "scatter_add", "tril", "triu", "addcmul", "addcdiv", "lerp", "neg", "abs", "sqrt", "exp", "log",
  "sigmoid", "tanh", "relu", "floor", "ceil", "round", "sign"] as const;
for (const name of INPLACE) {
  const outOfPlace = P[name] as (this: Tensor, ...args: unknown[]) => Tensor;
  P[name + "_"] = function (this: Tensor, ...args: unknown[]) {
    checkInPlace(name + "_", this);
    return commitInPlace(name + "_", this, outOfPlace.apply(this, args));
  };
}
