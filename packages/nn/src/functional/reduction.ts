import type { Tensor } from "@flambeau/tensor";

/** How a loss combines its per-element values: their mean, their sum, or none (each kept). */
export type Reduction = "mean" | "sum" | "none";

/** Reject a `reduction` PyTorch would reject. */
export function checkReduction(reduction: string): asserts reduction is Reduction {
  if (reduction !== "mean" && reduction !== "sum" && reduction !== "none")
    throw new Error(`${reduction} is not a valid value for reduction`);
}

/** Apply a reduction to per-element losses. */
export function reduce(loss: Tensor, reduction: Reduction): Tensor {
  checkReduction(reduction);
  if (reduction === "none") return loss;
  return reduction === "sum" ? loss.sum() : loss.mean();
}
