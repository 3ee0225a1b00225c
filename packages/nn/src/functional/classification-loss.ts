/** Classification losses: negative log-likelihood and cross-entropy (class indices or probabilities). */
import { Tensor, can_read_sync, where } from "@flambeau/tensor";
import { gatherAt, indexSelectAt, indexSite, isFloating, legacyTypeName, type IndexSite } from "@flambeau/tensor/internal";
import { checkReduction, type Reduction } from "./reduction.js";
import { log_softmax } from "./activation.js";

/** Options of {@link nll_loss}. */
export interface NLLLossOptions {
  /** A weight per class (length C). */
  weight?: Tensor | null;
  /** A target value that contributes neither loss nor gradient (default -100). */
  ignore_index?: number;
  reduction?: Reduction;
}

/** Options of {@link cross_entropy}. */
export interface CrossEntropyOptions extends NLLLossOptions {
  /** Mix the target with the uniform distribution by this amount (0 to 1). */
  label_smoothing?: number;
}

// Inputs are (C), (N, C) or (N, C, d1, …); an unbatched (C) input is handled as a batch of one.
function batched(input: Tensor, target: Tensor, probabilities: boolean): [Tensor, Tensor, boolean] {
  if (input.ndim !== 1) return [input, target, false];
  return [input.unsqueeze(0), probabilities ? target.unsqueeze(0) : target.reshape([1]), true];
}

/** Refuse targets `op` (the function the user called) cannot use; after the op's name, PyTorch's words. */
function checkTargets(input: Tensor, target: Tensor, weight: Tensor | null, ignore: number, op: string): void {
  if (target.dtype !== "int32" && target.dtype !== "int64")
    throw new Error(`${op}(): expected scalar type Long but found ${legacyTypeName(target.dtype).slice(6, -6)}`);
  const [n, c] = input.shape as [number, number];
  if (target.shape[0] !== n)
    throw new Error(`${op}(): Expected input batch_size (${n}) to match target batch_size (${target.shape[0]}).`);
  const expected = [n, ...input.shape.slice(2)];
  if (target.shape.join() !== expected.join())
    throw new Error(`${op}(): Expected target size [${expected.join(", ")}], got [${target.shape.join(", ")}]`);
  if (weight && (weight.ndim !== 1 || weight.shape[0] !== c))
    throw new Error(
      `${op}(): weight tensor should be defined either for all ${c} classes or no classes but got weight tensor of shape: [${weight.shape.join(", ")}]`,
    );
  // Indices are checked where they can be read at once.
  if (can_read_sync(target))
    for (const t of target.dataSync()) if (t !== ignore && (t < 0 || t >= c)) throw new RangeError(`${op}(): Target ${t} is out of bounds.`);
}

/** Per-position class weights of `target` (0 where ignored) and the targets made safe to gather. */
function targetWeights(input: Tensor, target: Tensor, weight: Tensor | null, ignore: number, site: IndexSite): [Tensor, Tensor] {
  const kept = target.ne(ignore);
  const safe = where(kept, target, 0);
  const w = weight ? indexSelectAt(weight, 0, safe.reshape([-1]), site).reshape(safe.shape) : kept.to(input.dtype);
  return [weight ? where(kept, w, 0) : w, safe];
}

/**
 * `F.nll_loss`: `-weight[y] * input[y]` per position for log-probabilities `input`, averaged
 * over the weights of the targets (not the count) with `reduction: "mean"`, as in PyTorch.
 *
 * @example
 * ```ts
 * F.nll_loss(F.log_softmax(logits, 1), torch.tensor([0, 2, 1]));
 * ```
 */
export function nll_loss(input: Tensor, target: Tensor, options: NLLLossOptions = {}): Tensor {
  return nllLoss(input, target, options, "nll_loss");
}

/** `nll_loss` for the user's `op` (`cross_entropy` calls it), which a target out of range names where a kernel finds it (WebGPU). */
function nllLoss(input: Tensor, target: Tensor, options: NLLLossOptions, op: string): Tensor {
  const { weight = null, ignore_index = -100, reduction = "mean" } = options;
  checkReduction(reduction);
  const [x, t, unbatched] = batched(input, target, false);
  checkTargets(x, t, weight, ignore_index, op);
  const site = indexSite(op, { input: input.shape, target: target.shape }, 1);
  const [w, safe] = targetWeights(x, t, weight, ignore_index, site);
  const loss = gatherAt(x, 1, safe.unsqueeze(1), site).squeeze(1).mul(w).neg();
  if (reduction === "none") return unbatched ? loss.squeeze(0) : loss;
  return reduction === "sum" ? loss.sum() : loss.sum().div(w.sum());
}

/**
 * `F.cross_entropy`: `log_softmax` over the class dimension, then the negative log-likelihood
 * of class-index targets, or of class probabilities when `target` has the input's shape.
 *
 * @example
 * ```ts
 * F.cross_entropy(logits, torch.tensor([0, 3, 1]));
 * F.cross_entropy(logits, labels, { label_smoothing: 0.1, ignore_index: 0 });
 * ```
 */
export function cross_entropy(input: Tensor, target: Tensor, options: CrossEntropyOptions = {}): Tensor {
  const { weight = null, ignore_index = -100, reduction = "mean", label_smoothing = 0 } = options;
  checkReduction(reduction);
  if (!(label_smoothing >= 0 && label_smoothing <= 1))
    throw new Error(`label_smoothing must be between 0.0 and 1.0. Got: ${label_smoothing}`);
  const probabilities = input.shape.join() === target.shape.join();
  if (probabilities && !isFloating(target.dtype))
    throw new Error(`Expected floating point type for target with class probabilities, got ${legacyTypeName(target.dtype).slice(6, -6)}`);
  const [x, t, unbatched] = batched(input, target, probabilities);
  const logp = log_softmax(x, 1);
  const classes = x.shape[1]!;
  const wView = weight ? weight.reshape([1, classes, ...new Array<number>(x.ndim - 2).fill(1)]) : null;
  let loss: Tensor;
  if (probabilities) {
    const soft = label_smoothing > 0 ? t.mul(1 - label_smoothing).add(label_smoothing / classes) : t;
    const terms = wView ? logp.mul(soft).mul(wView) : logp.mul(soft);
    if (reduction === "none") loss = terms.sum(1).neg();
    else if (reduction === "sum") loss = terms.sum().neg();
    else loss = terms.sum().neg().div(x.numel() / classes);
  } else {
    loss = nllLoss(logp, t, { weight, ignore_index, reduction }, "cross_entropy");
    if (label_smoothing > 0) loss = smoothIndexLoss(loss, logp, t, wView, weight, ignore_index, reduction, label_smoothing);
  }
  return unbatched && reduction === "none" ? loss.squeeze(0) : loss;
}

// The uniform part of label smoothing with class-index targets, as PyTorch's cross_entropy.
function smoothIndexLoss(
  nll: Tensor, logp: Tensor, target: Tensor, wView: Tensor | null, weight: Tensor | null,
  ignore: number, reduction: Reduction, smoothing: number,
): Tensor {
  const classes = logp.shape[1]!;
  const kept = target.ne(ignore);
  const smooth = where(kept, (wView ? logp.mul(wView) : logp).sum(1).neg(), 0);
  let ret: Tensor;
  if (reduction === "none") ret = smooth;
  else if (reduction === "sum") ret = smooth.sum();
  else ret = smooth.sum().div(targetWeights(logp, target, weight, ignore, indexSite("cross_entropy", { input: logp.shape, target: target.shape }, 1))[0].sum());
  return nll.mul(1 - smoothing).add(ret.mul(smoothing / classes));
}
