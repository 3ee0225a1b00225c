import { Tensor } from "@flambeau/tensor";
import { grad as autogradGrad } from "./engine.js";

type Fn = (...args: Tensor[]) => Tensor;

function prepare(args: Tensor[]): Tensor[] {
  return args.map((a) => {
    if (!(a instanceof Tensor)) throw new TypeError("grad(f): every argument must be a Tensor");
    return a.detach().requires_grad_(true);
  });
}

/**
 * `grad(f)` in the spirit of `jax.grad`: a function returning the gradient of the scalar
 * `f(...args)` with respect to argument `argnums` (or several, as an array).
 *
 * @example
 * ```ts
 * const df = torch.func.grad((w) => w.pow(2).sum());
 * df(torch.tensor([1, 2, 3.0])); // tensor([2., 4., 6.])
 * ```
 */
export function grad(f: Fn, argnums?: number): (...args: Tensor[]) => Tensor;
export function grad(f: Fn, argnums: number[]): (...args: Tensor[]) => Tensor[];
export function grad(f: Fn, argnums: number | number[] = 0): (...args: Tensor[]) => Tensor | Tensor[] {
  return (...args) => {
    const [, grads] = valueAndGradImpl(f, argnums, args);
    return grads;
  };
}

/** Like {@link grad}, but returns `[value, gradient]` (`jax.value_and_grad`). */
export function value_and_grad(f: Fn, argnums: number | number[] = 0): (...args: Tensor[]) => [Tensor, Tensor | Tensor[]] {
  return (...args) => valueAndGradImpl(f, argnums, args);
}

function valueAndGradImpl(f: Fn, argnums: number | number[], args: Tensor[]): [Tensor, Tensor | Tensor[]] {
  const nums = Array.isArray(argnums) ? argnums : [argnums];
  for (const n of nums)
    if (n < 0 || n >= args.length) throw new RangeError(`grad(f): argnums ${n} is out of range for ${args.length} arguments`);
  const inputs = args.slice();
  const tracked = prepare(nums.map((n) => args[n]!));
  nums.forEach((n, i) => (inputs[n] = tracked[i]!));
  const out = f(...inputs);
  if (!(out instanceof Tensor) || out.numel() !== 1)
    throw new Error(`grad(f): f must return a scalar (one-element) tensor, got shape [${out instanceof Tensor ? out.shape.join(", ") : typeof out}]`);
  const grads = out.requires_grad
    ? autogradGrad(out, tracked, undefined, { allow_unused: true }).map((g, i) => g ?? tracked[i]!.detach().mul(0))
    : tracked.map((t) => t.detach().mul(0));
  return [out.detach(), Array.isArray(argnums) ? grads : grads[0]!];
}

/**
 * `torch.autograd.functional.vjp(func, inputs, v)`: the output of `func(inputs)` and the
 * vector-Jacobian product `v^T J`.
 */
export function vjp(func: Fn, inputs: Tensor | Tensor[], v?: Tensor, options: { create_graph?: boolean } = {}): [Tensor, Tensor | Tensor[]] {
  const list = Array.isArray(inputs) ? inputs : [inputs];
  const tracked = prepare(list);
  const out = func(...tracked);
  if (v === undefined && out.numel() !== 1)
    throw new Error("vjp: the vector v can only be None if the user-provided function returns a single Tensor with a single element.");
  const grads = out.requires_grad
    ? autogradGrad(out, tracked, v ? [v] : undefined, { allow_unused: true, create_graph: options.create_graph }).map(
        (g, i) => g ?? tracked[i]!.detach().mul(0),
      )
    : tracked.map((t) => t.detach().mul(0));
  return [out.detach(), Array.isArray(inputs) ? grads : grads[0]!];
}
