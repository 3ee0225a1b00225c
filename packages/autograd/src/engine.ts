/**
 * The backward engine: a topological walk over recorded nodes from the output to the leaves,
 * applying {@link RULES} and summing gradients where paths meet (micrograd's engine, with
 * PyTorch's checks and options).
 */
import { keep, ones_like, Tensor } from "@flambeau/tensor";
import {
  AccumulateGrad, closeScope, describeValue, gradMode, legacyTypeName, openScope, scoped, tryAddScaled_, uncheckedArguments, type Node,
  type RecordedOp, type Storage,
} from "@flambeau/tensor/internal";
import { RULES } from "./rules.js";

/** `backward`'s keywords: `loss.backward({ retain_graph: true })`. */
export interface BackwardOptions {
  /** Keep saved tensors so backward can run again through the same graph. */
  retain_graph?: boolean;
  /** Record the backward computation itself, for higher-order derivatives. */
  create_graph?: boolean;
}

/** Where to send gradients: into leaves' `.grad`, or captured for `autograd.grad`. */
interface Sink {
  capture: Map<Node, Tensor | null> | null;
  accumulate: boolean;
}

let walk = 0;

/**
 * Sort nodes reachable from `roots` so every node comes before the nodes it feeds into.
 * Visits are stamped on the nodes themselves: backward runs every step of a training loop,
 * and a set per walk costs more than the walk.
 */
function topoOrder(roots: Node[]): Node[] {
  const stamp = ++walk;
  const order: Node[] = [];
  // Iterative DFS: graphs of long loops would overflow the call stack recursively.
  const nodes: Node[] = [], edge: number[] = [];
  for (const r of roots) {
    if (r._visit === stamp) continue;
    r._visit = stamp;
    nodes.push(r);
    edge.push(0);
    while (nodes.length) {
      const top = nodes.length - 1;
      const node = nodes[top]!;
      const i = edge[top]!;
      if (i < node.next.length) {
        edge[top] = i + 1;
        const child = node.next[i];
        if (child && child._visit !== stamp) {
          child._visit = stamp;
          nodes.push(child);
          edge.push(0);
        }
      } else {
        nodes.pop();
        edge.pop();
        order.push(node);
      }
    }
  }
  return order.reverse();
}

/** Sum a gradient over broadcast dimensions so it has `shape`, and cast it to `dtype`. */
function fitTo(g: Tensor, shape: readonly number[], dtype: Tensor["dtype"]): Tensor {
  let out = g;
  if (!sameShape(out.shape, shape)) {
    const lead = out.ndim - shape.length;
    const axes: number[] = [];
    for (let i = 0; i < out.ndim; i++) if (i < lead || (shape[i - lead] === 1 && out.shape[i] !== 1)) axes.push(i);
    if (axes.length) out = out.sum(axes, true);
    if (lead > 0 || !sameShape(out.shape, shape)) out = out.reshape(shape as number[]);
  }
  return out.dtype === dtype ? out : out.to(dtype);
}

function sameShape(a: readonly number[], b: readonly number[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

function checkSavedVersions(node: Node): void {
  const saved = node.saved;
  if (!saved) return;
  for (let i = 0; i < saved.length; i++) {
    const t = saved[i]!;
    if (t._version !== node.savedVersions[i]) {
      const producer = t.grad_fn ? `, which is output 0 of ${t.grad_fn.name()},` : "";
      throw new Error(
        `one of the variables needed for gradient computation has been modified by an inplace operation: [${legacyTypeName(t.dtype)} [${t.shape.join(", ")}]]${producer} is at version ${t._version}; expected version ${node.savedVersions[i]} instead. Hint: the backtrace further above can help identify the operation that failed to compute its gradient.`,
      );
    }
  }
}

function accumulateInto(leaf: Tensor, g: Tensor, createGraph: boolean, owned = false): void {
  // A gradient may be shared between inputs (the rule of `add` passes it through): the first
  // one stored is a private copy, later ones accumulate into it in place, as PyTorch does.
  // Gradients outlive the backward call's memory scope (scope.ts). A private copy belongs to
  // the `.grad` slot until user code reads it, so zero_grad() can free it (tensor.ts). A
  // gradient nothing else can reach (`owned`: see GradientFlow.soleUse) that already has the
  // leaf's layout is stored as it is: copying it would only cost time and memory.
  const current = leaf._grad;
  if (current === null) {
    const own = !createGraph;
    leaf.grad = keep(own ? (owned && denseLike(g) ? g.detach() : g.detach().clone()) : g);
    if (own) leaf._grad!._storage._gradSlotOnly = true;
  } else if (createGraph) leaf.grad = keep(current.add(g));
  else if (!tryAddScaled_(current, g, 1)) current.add_(g.detach()); // grad mode is off here
}

/** Whether `g` is its storage's only view, contiguous from its start (a `.grad` needs no copy). */
function denseLike(g: Tensor): boolean {
  return g.offset === 0 && g.numel() === g._storage.size && g.is_contiguous();
}

/**
 * The gradients waiting at nodes, counted per storage (a rule may pass one gradient to several
 * inputs), so one the walk made is freed as soon as the last node waiting on it has used it,
 * unless it was captured, kept (a `.grad`) or saved by a graph `create_graph` records. Only
 * storages freed explicitly (`_tracked`: GPU buffers, the CPU's large resident tensors) are
 * counted: dispose() does nothing to the others, whose memory the collector owns, so a walk
 * over small CPU tensors pays no bookkeeping per gradient.
 */
class GradientFlow {
  // Made on first use: a walk over small CPU tensors never needs them.
  private waiting: Map<Storage, number> | null = null;
  private madeHere: Set<Storage> | null = null;
  private captured: Set<Storage> | null = null;

  /** Add `grad` to what waits at `target`. */
  pass(target: Node, grad: Tensor): void {
    const old = target._pending;
    const sum = old === null ? grad : old.add(grad);
    target._pending = sum;
    if (sum._storage._tracked) this.hold(sum._storage);
    if (old !== null) this.consumed(old);
  }
  /** Storages made while a node ran (its scope has freed the temporaries among them). */
  made(storages: readonly Storage[]): void {
    for (const s of storages) if (!s.disposed) (this.madeHere ??= new Set()).add(s);
  }
  /** `grad` goes to the caller (`autograd.grad`): never freed or reused here. */
  capture(grad: Tensor): void {
    (this.captured ??= new Set()).add(grad._storage);
  }
  /**
   * Whether `grad`, waiting at one node, is reachable from nowhere else: a tracked storage that a
   * rule of this walk made, that no other node waits on, that no graph saves, that was not
   * captured or kept. Its memory can then become a `.grad` without a copy.
   */
  soleUse(grad: Tensor): boolean {
    const s = grad._storage;
    return s._tracked && this.madeHere !== null && this.madeHere.has(s) && this.waiting?.get(s) === 1 && !s._kept &&
      s._graphRefs === 0 && !this.captured?.has(s);
  }
  /** A waiting gradient was used (or summed into another). */
  consumed(grad: Tensor): void {
    const s = grad._storage;
    if (!s._tracked || this.waiting === null) return;
    const n = (this.waiting.get(s) ?? 1) - 1;
    if (n > 0) {
      this.waiting.set(s, n);
      return;
    }
    this.waiting.delete(s);
    if (this.madeHere?.has(s) && !s._kept && s._graphRefs === 0 && !this.captured?.has(s)) s.dispose();
  }
  private hold(s: Storage): void {
    const waiting = (this.waiting ??= new Map());
    waiting.set(s, (waiting.get(s) ?? 0) + 1);
  }
}

/** Whether a gradient `node` just passed on shares memory with a tensor it saved. */
function passesOnSaved(node: Node): boolean {
  const saved = node.saved;
  if (!saved) return false;
  for (const target of node.next) {
    const p = target?._pending;
    // An untracked storage is never freed by release(), so sharing it is harmless.
    if (p && p._storage._tracked && saved.some((t) => t._storage === p._storage)) return true;
  }
  return false;
}

/**
 * Run backward from `roots` seeded with `seeds`. Callers run it inside a memory scope
 * (`scoped`), so the gradients passed between nodes are freed when they return, and each rule's
 * temporaries as soon as it has run; without `retain_graph`, each node that ran releases its
 * saved tensors, freeing those only the graph could reach (PyTorch frees them as it goes too).
 */
export function runBackward(roots: Tensor[], seeds: Tensor[], options: BackwardOptions, sink: Sink): void {
  // Only the engine and its rules run from here on (no user code: no hooks), so ops skip the
  // argument-kind checks that are there for user calls.
  uncheckedArguments(() => walkGraph(roots, seeds, options, sink));
}

function walkGraph(roots: Tensor[], seeds: Tensor[], options: BackwardOptions, sink: Sink): void {
  const create = options.create_graph ?? false;
  const retain = options.retain_graph ?? create;
  const rootNodes = roots.map((r) => r.grad_fn ?? r._accumulator());
  const order = topoOrder(rootNodes);
  const flow = new GradientFlow();
  rootNodes.forEach((n, i) => flow.pass(n, seeds[i]!));
  const ran: Node[] = []; // nodes whose saved tensors are released at the end of the walk
  const prev = gradMode.enabled;
  gradMode.enabled = create;
  try {
    for (const node of order) {
      const g = node._pending;
      if (g === null) continue;
      node._pending = null;
      if (sink.capture?.has(node)) {
        sink.capture.set(node, g);
        flow.capture(g);
      }
      if (node instanceof AccumulateGrad) {
        if (sink.accumulate) accumulateInto(node.variable, g, create, !create && flow.soleUse(g));
        flow.consumed(g);
        continue;
      }
      if (node.retained && sink.accumulate) accumulateInto(node.retained, g, create);
      if (node.released)
        throw new Error(
          "Trying to backward through the graph a second time (or directly access saved tensors after they have already been freed). Saved intermediate values of the graph are freed when you call .backward() or autograd.grad(). Specify retain_graph=True if you need to backward through the graph a second time or if you need to access saved tensors after calling backward.",
        );
      checkSavedVersions(node);
      const rule = RULES[node.op as RecordedOp];
      if (!rule) throw new Error(`the derivative for '${node.op}' is not implemented`);
      const next = node.next;
      const needs = new Array<boolean>(next.length);
      for (let i = 0; i < next.length; i++) needs[i] = next[i] !== null;
      // The rule's own temporaries are freed as soon as the gradients it passes on are summed.
      const scope = openScope();
      try {
        const inputGrads = rule(node, g, needs);
        for (let i = 0; i < next.length; i++) {
          const target = next[i];
          const gi = inputGrads[i];
          if (!target || !gi) continue;
          flow.pass(target, fitTo(gi, node.inputShapes[i]!, node.inputDTypes[i]!));
        }
      } finally {
        // Nothing to settle when the rule made no tracked storage (small CPU tensors).
        closeScope(scope, scope.storages.length === 0 ? null : next.map((t) => t?._pending ?? null));
      }
      flow.made(scope.storages);
      flow.consumed(g);
      // As in PyTorch, a node's saved tensors go once it has run; the rare rule whose gradient
      // shares memory with one of them waits for the end of the walk.
      if (!retain) {
        if (passesOnSaved(node)) ran.push(node);
        else node.release();
      }
    }
    // Captured gradients are the caller's.
    if (sink.capture) for (const g of sink.capture.values()) if (g) g._storage._graphOnly = false;
    for (const node of ran) node.release();
  } finally {
    gradMode.enabled = prev;
    // An error mid-walk must not leave gradients behind for the next backward.
    for (const node of order) node._pending = null;
  }
}

/**
 * `tensor.backward(gradient?, options)`. As in PyTorch the gradient may be omitted (or `null`)
 * for a scalar, so `y.backward({ retain_graph: true })` and `y.backward(null, { retain_graph:
 * true })` both work. Its temporaries are freed when it returns.
 */
export function backward(
  tensor: Tensor,
  gradientOrOptions?: Tensor | null | (BackwardOptions & { inputs?: Tensor[] }),
  maybeOptions?: BackwardOptions & { inputs?: Tensor[] },
): void {
  let gradient: Tensor | undefined;
  let options = maybeOptions;
  if (gradientOrOptions instanceof Tensor) gradient = gradientOrOptions;
  else if (gradientOrOptions !== null && gradientOrOptions !== undefined) {
    if (typeof gradientOrOptions !== "object" || Array.isArray(gradientOrOptions) || maybeOptions !== undefined)
      throw new TypeError(`backward(): argument 'gradient' must be Tensor or null, not ${describeValue(gradientOrOptions)}`);
    options = gradientOrOptions;
  }
  if (options === undefined || options === null) options = {};
  else if (typeof options !== "object" || Array.isArray(options))
    throw new TypeError(`backward(): the options must be an object such as { retain_graph: true }, not ${describeValue(options)}`);
  const opts = options;
  scoped(() => backwardInScope(tensor, gradient, opts));
}

function backwardInScope(tensor: Tensor, gradient: Tensor | undefined, options: BackwardOptions & { inputs?: Tensor[] }): void {
  if (!tensor.requires_grad)
    throw new Error("element 0 of tensors does not require grad and does not have a grad_fn");
  let seed = gradient;
  if (seed === undefined) {
    if (tensor.numel() !== 1)
      throw new Error(
        `grad can be implicitly created only for scalar outputs (got a tensor of shape [${tensor.shape.join(", ")}]); pass a gradient of that shape to backward()`,
      );
    seed = ones_like(tensor);
  } else if (seed.shape.length !== tensor.shape.length || seed.shape.some((s, i) => s !== tensor.shape[i])) {
    throw new Error(
      `Mismatch in shape: grad_output[0] has a shape of [${seed.shape.join(", ")}] and output[0] has a shape of [${tensor.shape.join(", ")}].`,
    );
  }
  if (options.inputs) {
    const got = grad([tensor], options.inputs, [seed], { ...options, allow_unused: true });
    options.inputs.forEach((x, i) => {
      const gi = got[i];
      if (gi) x.grad = keep(x._grad === null ? gi : x._grad.add(gi));
    });
    return;
  }
  runBackward([tensor], [seed], options, { capture: null, accumulate: true });
}

/**
 * `torch.autograd.grad(outputs, inputs)`: gradients of `outputs` with respect to `inputs`,
 * returned rather than accumulated into `.grad`.
 *
 * @example
 * ```ts
 * const x = torch.tensor(3.0, { requires_grad: true });
 * const [dx] = torch.autograd.grad(x.pow(2), [x]); // tensor(6.)
 * ```
 */
export function grad(
  outputs: Tensor | Tensor[],
  inputs: Tensor | Tensor[],
  grad_outputs?: (Tensor | null)[] | Tensor,
  options: BackwardOptions & { allow_unused?: boolean } = {},
): (Tensor | null)[] {
  // What it returns survives the scope; every other temporary is freed when it returns.
  return scoped(() => gradInScope(outputs, inputs, grad_outputs, options));
}

/** `grad()`'s `outputs` or `inputs`: a Tensor or an array of Tensors. */
function checkTensors(what: "outputs" | "inputs", tensors: unknown[]): void {
  tensors.forEach((t, i) => {
    if (!(t instanceof Tensor))
      throw new TypeError(`grad(): ${what} must be a Tensor or an array of Tensors, but ${what}[${i}] is ${describeValue(t)}`);
  });
}

function gradInScope(
  outputs: Tensor | Tensor[],
  inputs: Tensor | Tensor[],
  grad_outputs: (Tensor | null)[] | Tensor | undefined,
  options: BackwardOptions & { allow_unused?: boolean },
): (Tensor | null)[] {
  const outs = Array.isArray(outputs) ? outputs : [outputs];
  const ins = Array.isArray(inputs) ? inputs : [inputs];
  const gouts = grad_outputs === undefined ? [] : Array.isArray(grad_outputs) ? grad_outputs : [grad_outputs];
  // Checked before anything runs: a number among the outputs once read as "does not require grad".
  checkTensors("outputs", outs);
  checkTensors("inputs", ins);
  gouts.forEach((g, i) => {
    if (g !== null && g !== undefined && !(g instanceof Tensor))
      throw new TypeError(`grad(): grad_outputs[${i}] must be a Tensor or null (gradients can be either Tensors or None), but got ${describeValue(g)}`);
  });
  const seeds = outs.map((o, i) => {
    if (!o.requires_grad) throw new Error(`element ${i} of tensors does not require grad and does not have a grad_fn`);
    const s = gouts[i];
    if (s) return s;
    if (o.numel() !== 1) throw new Error("grad can be implicitly created only for scalar outputs");
    return ones_like(o);
  });
  const nodes = ins.map((x) => {
    if (!x.requires_grad) throw new Error("One of the differentiated Tensors does not require grad");
    return x.grad_fn ?? x._accumulator();
  });
  const capture = new Map<Node, Tensor | null>(nodes.map((n) => [n, null]));
  runBackward(outs, seeds, options, { capture, accumulate: false });
  return nodes.map((n, i) => {
    const g = capture.get(n) ?? null;
    if (g === null && !options.allow_unused)
      throw new Error(
        `One of the differentiated Tensors appears to not have been used in the graph (input ${i}). Set allow_unused=True if this is the desired behavior.`,
      );
    return g;
  });
}

