import { Tensor, div, stack, tensor } from "@flambeau/tensor";
import { checkOptions, checkTensor, describeValue } from "@flambeau/tensor/internal";
import { no_grad } from "@flambeau/autograd";
import { isOptions } from "../options.js";

/** A tensor or an iterable of tensors, as `model.parameters()` gives. */
export type Parameters = Tensor | Iterable<Tensor>;

function gradsOf(op: string, parameters: Parameters): Tensor[] {
  const iterable = typeof (parameters as Iterable<Tensor> | null)?.[Symbol.iterator] === "function";
  if (!(parameters instanceof Tensor) && !iterable)
    throw new TypeError(`${op}(): argument 'parameters' must be a Tensor or an iterable of Tensors, not ${describeValue(parameters)}`);
  const list = parameters instanceof Tensor ? [parameters] : [...parameters];
  list.forEach((p, i) => checkTensor(op, `parameters[${i}]`, p));
  return list.flatMap((p) => (p.grad ? [p.grad] : []));
}

/** Keyword arguments of {@link clip_grad_norm_}. */
export interface ClipGradNormOptions {
  /** The norm's order: a number, `Infinity` or `"inf"` (default 2). */
  norm_type?: number | "inf";
  /** Throw when the total norm is NaN or infinite (reads it, so the device must read synchronously). */
  error_if_nonfinite?: boolean;
  /** Accepted for PyTorch compatibility; Flambeau has one implementation. */
  foreach?: boolean | null;
}

/**
 * Scale the gradients in place so that their joint `norm_type`-norm is at most `max_norm`;
 * returns the norm before clipping (`torch.nn.utils.clip_grad_norm_`).
 *
 * @example
 * ```ts
 * loss.backward();
 * nn.utils.clip_grad_norm_(model.parameters(), 1.0);
 * nn.utils.clip_grad_norm_(model.parameters(), 0.5, { norm_type: "inf" });
 * ```
 */
export function clip_grad_norm_(
  parameters: Parameters,
  max_norm: number,
  norm_type: number | "inf" | ClipGradNormOptions = 2,
  error_if_nonfinite = false,
  options: ClipGradNormOptions = {},
): Tensor {
  for (const given of [isOptions(norm_type) ? norm_type : null, options])
    checkOptions("clip_grad_norm_", given, ["norm_type", "error_if_nonfinite", "foreach"]);
  const o = isOptions(norm_type) ? { ...norm_type } : { norm_type, error_if_nonfinite, ...options };
  const p = o.norm_type === "inf" ? Infinity : (o.norm_type ?? 2);
  if (typeof p !== "number") throw new TypeError(`clip_grad_norm_: norm_type must be a number or 'inf', got ${String(p)}`);
  const grads = gradsOf("clip_grad_norm_", parameters);
  if (grads.length === 0) return tensor(0.0);
  return no_grad(() => {
    const norms = grads.map((g) => (p === Infinity ? g.detach().abs().amax() : g.detach().norm(p)));
    const all = stack(norms);
    const total = p === Infinity ? all.amax() : all.norm(p);
    if (o.error_if_nonfinite && !Number.isFinite(total.itemSync()))
      throw new Error(
        `The total norm of order ${p} for gradients from \`parameters\` is non-finite, so it cannot be clipped. To disable this error and scale the gradients by the non-finite norm anyway, set \`error_if_nonfinite=False\``,
      );
    const coef = div(max_norm, total.add(1e-6)).clamp(null, 1.0);
    for (const g of grads) g.mul_(coef);
    return total;
  });
}

/**
 * Clamp every gradient element into `[-clip_value, clip_value]`, in place
 * (`torch.nn.utils.clip_grad_value_`).
 *
 * @example
 * ```ts
 * nn.utils.clip_grad_value_(model.parameters(), 0.5);
 * ```
 */
export function clip_grad_value_(parameters: Parameters, clip_value: number): void {
  no_grad(() => {
    for (const g of gradsOf("clip_grad_value_", parameters)) g.clamp_(-clip_value, clip_value);
  });
}
