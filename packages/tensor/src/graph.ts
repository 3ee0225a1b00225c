import type { Tensor } from "./tensor.js";
import type { Shape } from "./shape.js";
import type { DType } from "./dtype.js";
import { Storage } from "./storage.js";
import { UNARY_OPS, type DifferentiableUnaryOp } from "./tables/unary.js";
import { BINARY_OPS, type DifferentiableBinaryOp } from "./tables/binary.js";
import { REDUCE_OPS, type DifferentiableReduceOp } from "./tables/reduce.js";

/**
 * The recording half of autograd. Ops in this package record a {@link Node} on their output
 * when gradients are enabled and an input requires them; `@flambeau/autograd` owns the
 * derivative rules and the backward engine that walk these nodes. Keeping the recorder here
 * lets `@flambeau/tensor` run forward-only without autograd installed.
 */
export const gradMode = { enabled: true };

/** A backward function in the graph, as PyTorch's `grad_fn` (e.g. `MulBackward0`). */
export class Node {
  /** Graph edges, one per input: the input's own node, its gradient accumulator, or null. */
  next: (Node | null)[];
  /** Tensors the derivative rule needs; dropped after backward unless the graph is retained. */
  saved: Tensor[] | null;
  /** Storage versions of `saved` when recorded, to detect in-place modification. */
  savedVersions: number[];
  /** Shapes and dtypes of the inputs, for un-broadcasting and casting gradients. */
  inputShapes: Shape[];
  inputDTypes: DType[];
  /** Op-specific attributes (dims, scalars, index tensors, …). */
  attrs: Record<string, unknown>;
  /** Set once backward has run without `retain_graph` and the saved tensors were dropped. */
  released = false;
  /** @internal Scratch space of the backward engine: the walk that last visited this node. */
  _visit = 0;
  /** @internal Scratch space of the backward engine: the gradient gathered so far. */
  _pending: Tensor | null = null;
  /** The non-leaf tensor whose `.grad` should be kept (`retain_grad()`). */
  retained: Tensor | null = null;
  constructor(
    readonly op: string,
    inputs: readonly Tensor[],
    saved: Tensor[] | null,
    attrs: Record<string, unknown>,
  ) {
    const n = inputs.length;
    this.next = new Array(n);
    this.inputShapes = new Array(n);
    this.inputDTypes = new Array(n);
    for (let i = 0; i < n; i++) {
      const t = inputs[i]!;
      this.next[i] = t.requires_grad ? (t.grad_fn ?? t._accumulator()) : null;
      this.inputShapes[i] = t.shape;
      this.inputDTypes[i] = t.dtype;
    }
    this.saved = saved;
    this.savedVersions = saved ? versionsOf(saved) : NO_VERSIONS;
    this.attrs = attrs;
    holdAll(this, true);
  }
  /**
   * Drop the tensors kept for backward (saved ones and tensor attributes such as masks and
   * indices), freeing at once the memory only the graph could reach (scope.ts). Called by the
   * backward engine once this node has run without `retain_graph`.
   */
  release(): void {
    if (this.released) return;
    this.released = true;
    holdAll(this, false);
    this.saved = null;
    for (const k in this.attrs) {
      const v = this.attrs[k];
      if (isTensorLike(v) || (Array.isArray(v) && v.some(isTensorLike))) delete this.attrs[k];
    }
  }
  /**
   * The name PyTorch gives the node, when the op that recorded it is composed of others here
   * (`mean` ends in a division, yet prints as `MeanBackward0`); see `relabel`.
   */
  label: string | null = null;
  /** PyTorch's class name of this node, e.g. `AddBackward0`: `y.grad_fn.name()`. */
  name(): string {
    return this.label ?? NODE_NAMES[this.op] ?? this.op.charAt(0).toUpperCase() + this.op.slice(1) + "Backward0";
  }
  /** The node as PyTorch prints it: `<AddBackward0>`. */
  toString(): string {
    return `<${this.name()}>`;
  }
}

const NO_VERSIONS: number[] = [];

function versionsOf(saved: readonly Tensor[]): number[] {
  const versions = new Array<number>(saved.length);
  for (let i = 0; i < saved.length; i++) versions[i] = saved[i]!._storage.version;
  return versions;
}

function isTensorLike(v: unknown): v is Tensor {
  return typeof v === "object" && v !== null && (v as { _storage?: unknown })._storage instanceof Storage;
}

/**
 * Hold (or let go of) each storage `node` keeps alive for backward, once per tensor that holds
 * it. Every recorded op and every node backward runs comes here: no closure per call.
 */
function holdAll(node: Node, hold: boolean): void {
  const saved = node.saved;
  if (saved) for (let i = 0; i < saved.length; i++) holdOne(saved[i]!._storage, hold);
  for (const k in node.attrs) {
    const v = node.attrs[k];
    if (isTensorLike(v)) holdOne(v._storage, hold);
    else if (Array.isArray(v)) for (const x of v) if (isTensorLike(x)) holdOne(x._storage, hold);
  }
}

function holdOne(s: Storage, hold: boolean): void {
  if (hold) s._holdForGraph();
  else s._releaseFromGraph();
}

/** The node that adds incoming gradient into a leaf's `.grad`. */
export class AccumulateGrad extends Node {
  constructor(readonly variable: Tensor) {
    super("accumulate", [], null, {});
  }
  /** `"AccumulateGrad"`, as PyTorch names it. */
  override name(): string {
    return "AccumulateGrad";
  }
}

/** PyTorch's name of each node whose op's row names it, then of the others not `${Op}Backward0`. */
const NODE_NAMES: Record<string, string> = {
  ...nodeNames(UNARY_OPS),
  ...nodeNames(BINARY_OPS),
  ...nodeNames(REDUCE_OPS),
  matmul: "MmBackward0",
  pow_scalar: "PowBackward0",
  reshape: "ViewBackward0",
  slice: "SliceBackward0",
  cast: "ToCopyBackward0",
  rsub: "RsubBackward1",
  clamp: "ClampBackward1",
  clamp_bounds: "ClampBackward0",
  where: "WhereBackward0",
  select_table: "IndexSelectBackward0",
};

function nodeNames(table: Record<string, { readonly grad: unknown; readonly node?: string | undefined }>): Record<string, string> {
  const names: Record<string, string> = {};
  for (const [op, row] of Object.entries(table)) if (row.node !== undefined) names[op] = row.node;
  return names;
}

/**
 * The ops whose nodes the graph records: the differentiable rows of the op tables (tables/),
 * and the composed ops below, whose rules are in `@flambeau/autograd`'s rules.ts. Autograd's
 * rules are a `Record<RecordedOp, Rule>`, so a recorded op without a rule does not compile.
 */
export type RecordedOp =
  | DifferentiableUnaryOp | DifferentiableBinaryOp
  | "pow_scalar" | "where" | "clamp" | "clamp_bounds"
  | DifferentiableReduceOp | "norm2" | "norm0"
  | "reshape" | "permute" | "expand" | "clone" | "cast" | "to_device" | "slice" | "slice_backward" | "flip" | "cat"
  | "gather" | "scatter_add" | "scatter" | "select_table" | "max_over"
  | "matmul";

/** Record `op` producing `out` from `inputs` if any input requires grad (and grad mode is on). */
export function record(
  op: RecordedOp,
  inputs: readonly Tensor[],
  out: Tensor,
  saved: Tensor[] | null = null,
  attrs: Record<string, unknown> = {},
): Tensor {
  if (!gradMode.enabled) return out;
  let needs = false;
  for (let i = 0; i < inputs.length; i++) if (inputs[i]!.requires_grad) needs = true;
  if (!needs) return out;
  out.grad_fn = new Node(op, inputs, saved, attrs);
  out.requires_grad = true;
  return out;
}

/**
 * Give `out`'s node PyTorch's name for the public op that produced it, when that op made the
 * node (not when it returned an input unchanged). Printing only: derivative rules key on `op`.
 */
export function relabel<T extends Tensor | readonly Tensor[]>(out: T, inputs: readonly Tensor[], name: string): T {
  const t = (Array.isArray(out) ? out[0] : out) as Tensor | undefined;
  if (t?.grad_fn && !inputs.some((x) => x.grad_fn === t.grad_fn)) t.grad_fn.label = name;
  return out;
}

/** The backward engine, installed by `@flambeau/autograd` when it is imported. */
export interface BackwardEngine {
  /** Runs backward from `tensor` (what `tensor.backward(...)` calls). */
  backward(
    tensor: Tensor,
    gradientOrOptions?: Tensor | null | { retain_graph?: boolean; create_graph?: boolean; inputs?: Tensor[] },
    options?: { retain_graph?: boolean; create_graph?: boolean; inputs?: Tensor[] },
  ): void;
}
let engine: BackwardEngine | null = null;

/** Installs the backward engine (done by `@flambeau/autograd` when it is imported). */
export function installBackwardEngine(e: BackwardEngine): void {
  engine = e;
}

export function backwardEngine(): BackwardEngine {
  if (!engine)
    throw new Error(
      "backward() needs the autograd engine: import '@flambeau/autograd' (the 'flambeau' package does this for you).",
    );
  return engine;
}
