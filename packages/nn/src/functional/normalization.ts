import { no_grad } from "@flambeau/autograd";
import type { Tensor } from "@flambeau/tensor";
import { torchSize } from "../repr.js";

/**
 * `F.layer_norm`: normalise over the trailing `normalized_shape` dimensions to zero mean and
 * unit (biased) variance, then scale by `weight` and shift by `bias`.
 *
 * @example
 * ```ts
 * F.layer_norm(x, [4]); // x of shape [..., 4]
 * ```
 */
export function layer_norm(
  input: Tensor,
  normalized_shape: readonly number[],
  weight: Tensor | null = null,
  bias: Tensor | null = null,
  eps = 1e-5,
): Tensor {
  const k = normalized_shape.length;
  const tail = input.shape.slice(input.ndim - k);
  if (input.ndim < k || tail.some((s, i) => s !== normalized_shape[i]))
    throw new Error(
      `Given normalized_shape=[${normalized_shape.join(", ")}], expected input with shape [*, ${normalized_shape.join(", ")}], but got input of size[${input.shape.join(", ")}]`,
    );
  const dims = Array.from({ length: k }, (_, i) => input.ndim - k + i);
  const centered = input.sub(input.mean(dims, true));
  // The biased variance from the centred values already at hand (var() would take the mean and
  // subtract it again: two more sweeps of the activation, and two more nodes for backward).
  const variance = centered.mul(centered).mean(dims, true);
  let out = centered.mul(variance.add(eps).rsqrt());
  if (weight) out = out.mul(weight);
  if (bias) out = out.add(bias);
  return out;
}

/** Options of `F.batch_norm`, PyTorch's keyword arguments. */
export interface BatchNormOptions {
  weight?: Tensor | null;
  bias?: Tensor | null;
  training?: boolean;
  /** Weight of this batch in the running statistics (a 0-d tensor also works). */
  momentum?: number | Tensor;
  eps?: number;
}

/**
 * `F.batch_norm` over the channel dimension 1 of an `(N, C)` or `(N, C, L)` input: batch
 * statistics while training (updating the running ones in place, with the unbiased variance),
 * the running statistics otherwise.
 *
 * @example
 * ```ts
 * F.batch_norm(x, running_mean, running_var, { training: true, momentum: 0.1 });
 * ```
 */
export function batch_norm(input: Tensor, running_mean: Tensor | null, running_var: Tensor | null, options: BatchNormOptions = {}): Tensor {
  const { weight = null, bias = null, training = false, momentum = 0.1, eps = 1e-5 } = options;
  if (input.ndim < 2) throw new Error(`batch_norm: expected an input of at least 2 dimensions (got ${input.ndim}D input)`);
  const channels = input.shape[1]!;
  const dims = [0, ...Array.from({ length: input.ndim - 2 }, (_, i) => i + 2)];
  const perChannel = input.numel() / channels;
  const view = (t: Tensor) => t.reshape([1, channels, ...new Array<number>(input.ndim - 2).fill(1)]);
  for (const [name, t] of [["running_mean", running_mean], ["running_var", running_var], ["weight", weight], ["bias", bias]] as const)
    if (t && t.numel() !== channels) throw new Error(`${name} should contain ${channels} elements not ${t.numel()}`);
  let mean: Tensor, variance: Tensor, centered: Tensor;
  if (training || running_mean === null || running_var === null) {
    if (training && perChannel <= 1)
      throw new Error(`Expected more than 1 value per channel when training, got input size ${torchSize(input.shape)}`);
    mean = input.mean(dims);
    // The variance from the centred input the output needs anyway (the same numbers `var` computes,
    // without its second mean and subtraction): on a GPU each such pass is a full sweep of the input.
    centered = input.sub(view(mean));
    variance = centered.mul(centered).sum(dims).div(perChannel);
    if (training && running_mean && running_var)
      no_grad(() => {
        const keep = typeof momentum === "number" ? 1 - momentum : momentum.neg().add(1);
        running_mean.mul_(keep).add_(mean.mul(momentum));
        running_var.mul_(keep).add_(variance.mul(momentum).mul(perChannel / (perChannel - 1)));
      });
  } else {
    mean = running_mean;
    variance = running_var;
    centered = input.sub(view(mean));
  }
  // The weight joins the per-channel scale (as PyTorch's kernel folds it): one sweep fewer.
  let scale = variance.add(eps).rsqrt();
  if (weight) scale = scale.mul(weight);
  let out = centered.mul(view(scale));
  if (bias) out = out.add(view(bias));
  return out;
}
