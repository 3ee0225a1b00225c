/**
 * Activation functions of `torch.nn.functional`, composed from tensor ops (autograd derives
 * their gradients).
 */
import { Tensor, where } from "@flambeau/tensor";

/**
 * `F.relu`: `max(x, 0)`; `inplace` overwrites `input`.
 *
 * @example
 * ```ts
 * F.relu(torch.tensor([-1.5, 2.5])); // tensor([0.0000, 2.5000])
 * ```
 */
export function relu(input: Tensor, inplace = false): Tensor {
  return inplace ? input.relu_() : input.relu();
}

/**
 * `F.leaky_relu`: `x` where positive, `negative_slope * x` elsewhere.
 *
 * @example
 * ```ts
 * F.leaky_relu(torch.tensor([-1, 2], { dtype: "float32" }), 0.1); // tensor([-0.1000,  2.0000])
 * ```
 */
export function leaky_relu(input: Tensor, negative_slope = 0.01, inplace = false): Tensor {
  const out = where(input.gt(0), input, input.mul(negative_slope));
  return inplace ? input.copy_(out) : out;
}

/**
 * `F.sigmoid`: `1 / (1 + exp(-x))`.
 *
 * @example
 * ```ts
 * F.sigmoid(logits); // probabilities in (0, 1)
 * ```
 */
export function sigmoid(input: Tensor): Tensor {
  return input.sigmoid();
}

/**
 * `F.tanh`.
 *
 * @example
 * ```ts
 * F.tanh(x); // values in (-1, 1)
 * ```
 */
export function tanh(input: Tensor): Tensor {
  return input.tanh();
}

/**
 * `F.silu` (swish): `x * sigmoid(x)`.
 *
 * @example
 * ```ts
 * F.silu(x);
 * ```
 */
export function silu(input: Tensor): Tensor {
  return input.mul(input.sigmoid());
}

const SQRT1_2 = Math.SQRT1_2;
const SQRT_2_OVER_PI = Math.sqrt(2 / Math.PI);

/**
 * `F.gelu`: `x * Φ(x)` with the exact normal CDF, or its tanh approximation with
 * `approximate: "tanh"`.
 *
 * @example
 * ```ts
 * F.gelu(x);
 * F.gelu(x, { approximate: "tanh" });
 * ```
 */
export function gelu(input: Tensor, options: { approximate?: "none" | "tanh" } = {}): Tensor {
  const approximate = options.approximate ?? "none";
  if (approximate === "tanh") {
    const inner = input.add(input.pow(3).mul(0.044715)).mul(SQRT_2_OVER_PI);
    return input.mul(0.5).mul(inner.tanh().add(1));
  }
  if (approximate !== "none") throw new Error(`approximate argument must be either none or tanh.`);
  return input.mul(0.5).mul(input.mul(SQRT1_2).erf().add(1));
}

/**
 * `F.softplus`: `log(1 + exp(beta * x)) / beta`, linear above `threshold`. Each branch only sees
 * inputs where it cannot overflow, so the gradient is right everywhere (also at 0).
 *
 * @example
 * ```ts
 * F.softplus(x);          // log(1 + exp(x))
 * F.softplus(x, 2, 10);   // beta 2, threshold 10
 * ```
 */
export function softplus(input: Tensor, beta = 1, threshold = 20): Tensor {
  const scaled = beta === 1 ? input : input.mul(beta);
  const soft = scaled.clamp(null, threshold).exp().log1p();
  return where(scaled.gt(threshold), input, beta === 1 ? soft : soft.div(beta));
}

/** PyTorch's choice of dimension when `dim` is not given (deprecated there too). */
function implicitDim(input: Tensor): number {
  return input.ndim === 0 || input.ndim === 1 || input.ndim === 3 ? 0 : 1;
}

/**
 * `F.softmax` along `dim`: non-negative values that sum to 1.
 *
 * @example
 * ```ts
 * F.softmax(torch.tensor([[1, 2, 3]], { dtype: "float32" }), 1); // rows sum to 1
 * ```
 */
export function softmax(input: Tensor, dim?: number | null): Tensor {
  return input.softmax(dim ?? implicitDim(input));
}

/**
 * `F.log_softmax` along `dim`: `x - logsumexp(x)`, computed stably.
 *
 * @example
 * ```ts
 * const logp = F.log_softmax(logits, 1);
 * ```
 */
export function log_softmax(input: Tensor, dim?: number | null): Tensor {
  return input.log_softmax(dim ?? implicitDim(input));
}
