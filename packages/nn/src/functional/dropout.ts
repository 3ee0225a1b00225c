import { zeros, zeros_like, type Generator, type Tensor } from "@flambeau/tensor";

/** Options of {@link dropout}. */
export interface DropoutOptions {
  p?: number;
  training?: boolean;
  inplace?: boolean;
  generator?: Generator;
}

/**
 * PyTorch's check of a dropout probability, made by `nn.Dropout`/`Dropout2d` when built and by
 * `F.dropout`/`dropout2d`; `op` names which (`nn.Dropout()`, `dropout()`).
 */
export function checkDropoutProbability(op: string, p: number): void {
  if (!(p >= 0 && p <= 1)) throw new Error(`${op}: dropout probability has to be between 0 and 1, but got ${p}`);
}

/**
 * `F.dropout`: while training, zero each element with probability `p` and scale the rest by
 * `1 / (1 - p)`. The mask comes from the seeded generator as PyTorch's CPU draws it
 * (`bernoulli_(1 - p)`), so a seed gives PyTorch's mask.
 *
 * @example
 * ```ts
 * F.dropout(x, 0.2);                       // training
 * F.dropout(x, { p: 0.2, training: false }); // identity
 * ```
 */
export function dropout(input: Tensor, p: number | DropoutOptions = 0.5, training = true, inplace = false): Tensor {
  const o = typeof p === "number" ? { p, training, inplace } : { p: 0.5, training: true, inplace: false, ...p };
  const prob = o.p ?? 0.5;
  checkDropoutProbability("dropout()", prob);
  if (!o.training || prob === 0) return input;
  const mask = prob === 1 ? zeros_like(input) : zeros_like(input).bernoulli_(1 - prob, { generator: o.generator }).div_(1 - prob);
  return o.inplace ? input.mul_(mask) : input.mul(mask);
}

/**
 * `F.dropout2d`: while training, zero whole channels (each `[H, W]` plane of an `(N, C, H, W)`
 * input) with probability `p` and scale the rest by `1 / (1 - p)`; the mask is drawn as
 * PyTorch draws it (`bernoulli_(1 - p)` over `[N, C, 1, 1]`), so a seed gives PyTorch's.
 *
 * @example
 * ```ts
 * F.dropout2d(torch.randn([8, 16, 5, 5]), 0.25);
 * ```
 */
export function dropout2d(input: Tensor, p: number | DropoutOptions = 0.5, training = true, inplace = false): Tensor {
  const o = typeof p === "number" ? { p, training, inplace } : { p: 0.5, training: true, inplace: false, ...p };
  const prob = o.p ?? 0.5;
  checkDropoutProbability("dropout2d()", prob);
  if (input.ndim !== 3 && input.ndim !== 4)
    throw new Error(`dropout2d(): Feature dropout requires at least 2 dimensions in the input; expected a 3-D or 4-D input, but got input of size [${input.shape.join(", ")}]`);
  if (!o.training || prob === 0) return input;
  const shape = [input.shape[0]!, input.shape[1]!, ...new Array<number>(input.ndim - 2).fill(1)];
  const noise = zeros(shape, { dtype: input.dtype, device: input.device });
  const mask = prob === 1 ? noise : noise.bernoulli_(1 - prob, { generator: o.generator }).div_(1 - prob);
  return o.inplace ? input.mul_(mask) : input.mul(mask);
}
