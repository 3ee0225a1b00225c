/**
 * Every derivative rule, in one table keyed by the op name the tensor layer records. Rules
 * are written with tensor ops, so they run on any backend and, under `create_graph`, are
 * themselves differentiated. A rule returns one gradient per input (null where none is
 * needed); the engine then sums broadcast dimensions away and casts to the input's dtype.
 */
import { Tensor, cat, scatter_add, zeros, where } from "@flambeau/tensor";
import {
  BINARY_OPS, UNARY_OPS, binaryOps, select_table_backward, max_over_backward, slice_backward, type IndexTable, unaryOps, REDUCE_OPS, reduceOps, unreduce, type ReduceRow, type Reduction,
  type DifferentiableReduceOp, type BinaryRow, type DifferentiableBinaryOp, type DifferentiableUnaryOp, type Node,
  type RecordedOp, type UnaryRow,
} from "@flambeau/tensor/internal";

/** `needs[i]` tells whether input i wants a gradient, so rules can skip work. */
export type Rule = (node: Node, g: Tensor, needs: boolean[]) => (Tensor | null)[];

const saved = (node: Node, i: number): Tensor => node.saved![i]!;
const attr = <T>(node: Node, name: string): T => node.attrs[name] as T;

/** The reduction a node recorded: its axes and keepdim, and its input's shape. */
const reduction = (n: Node): Reduction => ({ axes: attr(n, "axes"), keepdim: attr(n, "keepdim"), shape: n.inputShapes[0]! });
const unreduceAt = (g: Tensor, n: Node): Tensor => unreduce(g, reduction(n));

const mT = (t: Tensor): Tensor => t.transpose(-1, -2);

/** The rule of each differentiable unary op, from its row: the gradient of what the row saves. */
function fromUnaryTable(): Record<DifferentiableUnaryOp, Rule> {
  const rules = {} as Record<DifferentiableUnaryOp, Rule>;
  for (const op of unaryOps) {
    const row: UnaryRow = UNARY_OPS[op];
    if (row.saves === null) rules[op as DifferentiableUnaryOp] = (_, g) => [row.grad(g)];
    else if (row.saves !== undefined) rules[op as DifferentiableUnaryOp] = (n, g) => [row.grad(g, saved(n, 0))];
  }
  return rules;
}

/** The rule of each differentiable binary op, from its row; the engine undoes broadcasting. */
function fromBinaryTable(): Record<DifferentiableBinaryOp, Rule> {
  const rules = {} as Record<DifferentiableBinaryOp, Rule>;
  for (const name of binaryOps) {
    const row: BinaryRow = BINARY_OPS[name], op = name as DifferentiableBinaryOp;
    if (row.saves === null) rules[op] = (_, g, needs) => row.grad(g, needs);
    else if (row.saves === "operands") rules[op] = (n, g, needs) => row.grad(g, needs, saved(n, 0), saved(n, 1));
    else if (row.saves !== undefined) rules[op] = (n, g, needs) => row.grad(g, needs, saved(n, 0), saved(n, 1), saved(n, 2));
  }
  return rules;
}

/** The rule of each differentiable reduction, from its row. */
function fromReduceTable(): Record<DifferentiableReduceOp, Rule> {
  const rules = {} as Record<DifferentiableReduceOp, Rule>;
  for (const name of reduceOps) {
    const row: ReduceRow = REDUCE_OPS[name], op = name as DifferentiableReduceOp;
    if (row.saves === null) rules[op] = (n, g) => [row.grad(g, reduction(n))];
    else if (row.saves !== undefined) rules[op] = (n, g) => [row.grad(g, reduction(n), saved(n, 0), saved(n, 1))];
  }
  return rules;
}

/** Every recorded op's rule: a `Record`, so an op the graph records without a rule does not compile. */
export const RULES: Record<RecordedOp, Rule> = {
  // ---- unary: each row of the op table (tables/unary.ts in @flambeau/tensor) ----
  ...fromUnaryTable(),

  // ---- binary: each row of the op table (tables/binary.ts); the engine undoes broadcasting ----
  ...fromBinaryTable(),
  pow_scalar: (n, g) => {
    const e = attr<number>(n, "exponent"), x = saved(n, 0);
    if (e === 0) return [g.mul(0)];
    if (e === 1) return [g];
    return [g.mul(e === 2 ? x : x.pow(e - 1)).mul(e)];
  },
  where: (n, g) => {
    const c = attr<Tensor>(n, "condition");
    return [where(c, g, 0), where(c, 0, g)];
  },
  clamp: (n, g) => [where(attr<Tensor>(n, "inside"), g, 0)],
  clamp_bounds: (n, g) => {
    const grads = [where(attr<Tensor>(n, "inside"), g, 0)];
    for (const wins of ["minWins", "maxWins"]) if (n.attrs[wins]) grads.push(where(attr<Tensor>(n, wins), g, 0));
    return grads;
  },

  // ---- reductions: each row of the op table (tables/reduce.ts) ----
  ...fromReduceTable(),
  norm2: (n, g) => {
    // x / ||x|| scaled by the gradient, taken as 0 where the norm is 0 (PyTorch's subgradient).
    const out = unreduceAt(saved(n, 1), n);
    const zero = out.eq(0);
    return [saved(n, 0).mul(where(zero, 0, unreduceAt(g, n).div(where(zero, 1, out))))];
  },
  norm0: () => [null],

  // ---- views and copies ----
  reshape: (n, g) => [g.reshape(n.inputShapes[0]! as number[])],
  permute: (n, g) => {
    const dims = attr<number[]>(n, "dims");
    const inverse = new Array<number>(dims.length);
    dims.forEach((d, i) => (inverse[d] = i));
    return [g.permute(inverse)];
  },
  expand: (_, g) => [g],
  clone: (_, g) => [g],
  cast: (_, g) => [g],
  to_device: (n, g) => [g.to(attr<Tensor["device"]>(n, "device"))],
  slice: (n, g) =>
    [slice_backward(g, n.inputShapes[0]!, attr(n, "dim"), attr(n, "start"), attr(n, "step"))],
  slice_backward: (n, g) => {
    const start = attr<number>(n, "start"), step = attr<number>(n, "step"), len = attr<number>(n, "len");
    return [g.index(...sliceSpec(g.ndim, attr(n, "dim"), start, start + (len - 1) * step + 1, step))];
  },
  flip: (n, g) => [g.flip(attr<number[]>(n, "dims"))],
  cat: (n, g) => {
    const dim = attr<number>(n, "dim");
    let offset = 0;
    return attr<number[]>(n, "sizes").map((size) => {
      if (size < 0) return zeros([0], { dtype: g.dtype, device: g.device }); // a skipped legacy empty input
      const part = g.narrow(dim, offset, size);
      offset += size;
      return part;
    });
  },
  gather: (n, g) => {
    const dim = attr<number>(n, "dim");
    const base = zeros(n.inputShapes[0]! as number[], { dtype: g.dtype, device: g.device });
    return [scatter_add(base, dim, attr<Tensor>(n, "index"), g)];
  },
  // A gather by a table built in JavaScript (windows): its transpose gathers the gradient back.
  select_table: (n, g) => [select_table_backward(g, attr<number>(n, "dim"), attr<IndexTable>(n, "table"), n.inputShapes[0]!)],
  // The maximum over several dims (max pooling's windows): g at each first maximum.
  max_over: (n, g) => [max_over_backward(g, saved(n, 0), attr<number[]>(n, "axes"), n.inputShapes[0]!)],
  scatter_add: (n, g) => [padTo(g.gather(attr<number>(n, "dim"), attr<Tensor>(n, "index")), n.inputShapes[0]!)],
  // Written positions take their gradient from src (every entry naming them, as PyTorch's gather).
  scatter: (n, g, needs) => [
    needs[0] ? where(attr<Tensor>(n, "written"), 0, g) : null,
    needs[1] ? padTo(g.gather(attr<number>(n, "dim"), attr<Tensor>(n, "index")), n.inputShapes[1]!) : null,
  ],

  // ---- linear algebra ----
  // A column-major matrix operand (a weight read as w.t() by a linear layer) gets its gradient
  // computed transposed, so it comes out in the operand's own layout and the weight's gradient
  // is contiguous: no strided copy when it is stored as .grad (PyTorch's mm_mat1/mm_mat2_backward).
  matmul: (n, g, needs) => {
    const a = saved(n, 0), b = saved(n, 1);
    return [
      needs[0] ? (columnMajor(a) ? mT(b.matmul(mT(g))) : g.matmul(mT(b))) : null,
      needs[1] ? (columnMajor(b) ? mT(mT(g).matmul(a)) : mT(a).matmul(g)) : null,
    ];
  },
};

/** A 2-d tensor stored column by column, as PyTorch's test for it (strides [1, rows]). */
function columnMajor(t: Tensor): boolean {
  return t.ndim === 2 && t.stride(0) === 1 && t.stride(1) === t.shape[0];
}

/** Zero-pad `g` at the end of each dimension up to `shape` (a src larger than its index gets no gradient beyond it). */
function padTo(g: Tensor, shape: readonly number[]): Tensor {
  let out = g;
  shape.forEach((s, d) => {
    const have = out.shape[d]!;
    if (have < s) out = cat([out, zeros(out.shape.map((v, i) => (i === d ? s - have : v)), { dtype: g.dtype, device: g.device })], d);
  });
  return out;
}

function sliceSpec(ndim: number, dim: number, start: number, end: number, step: number): string[] {
  return Array.from({ length: ndim }, (_, i) => (i === dim ? `${start}:${end}:${step}` : ":"));
}
