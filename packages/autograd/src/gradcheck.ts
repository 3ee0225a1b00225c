import { zeros_like, type Tensor } from "@flambeau/tensor";
import { no_grad } from "./grad-mode.js";
import { grad } from "./engine.js";

/** `gradcheck`'s keywords: the finite-difference step and the tolerance, `gradcheck(f, [x], { eps: 1e-3, atol: 1e-2 })`. */
export interface GradcheckOptions {
  /** The finite-difference step. */
  eps?: number;
  /** The largest difference allowed between the analytic and the numeric gradient. */
  atol?: number;
  rtol?: number;
  /** Throw a descriptive error on mismatch (default) instead of returning false. */
  raise_exception?: boolean;
}

/**
 * `torch.autograd.gradcheck`: compare the analytical gradients of `fn` with central finite
 * differences, for every input that requires grad. Inputs should be `float64`.
 *
 * @example
 * ```ts
 * const x = torch.randn([3], { dtype: "float64", requires_grad: true });
 * torch.autograd.gradcheck((x) => x.sin().sum(), [x]); // true
 * ```
 */
export function gradcheck(fn: (...inputs: Tensor[]) => Tensor, inputs: Tensor[], options: GradcheckOptions = {}): boolean {
  const { eps = 1e-6, atol = 1e-5, rtol = 1e-3, raise_exception = true } = options;
  const diff = inputs.filter((x) => x.requires_grad);
  for (const x of diff)
    if (x.dtype !== "float64")
      console.warn(`gradcheck: input of dtype ${x.dtype} is not float64; the comparison may fail from rounding alone`);
  const out = fn(...inputs);
  const outFlat = out.reshape([-1]);
  const nOut = outFlat.numel();
  // Analytical Jacobians, one output element (row) at a time, all taken before the numerical
  // pass perturbs inputs in place (which bumps their versions and invalidates the graph).
  const analyticals = diff.map((x) => {
    const rows: Float64Array[] = [];
    for (let o = 0; o < nOut; o++) {
      const seed = zeros_like(outFlat).setIndex([o], 1);
      const [g] = grad(outFlat, [x], [seed], { retain_graph: true, allow_unused: true });
      rows.push(g ? Float64Array.from(g.reshape([-1]).dataSync()) : new Float64Array(x.numel()));
    }
    return rows;
  });
  for (const [k, x] of diff.entries()) {
    const n = x.numel();
    const analytical = analyticals[k]!;
    // Numerical Jacobian, one input element (column) at a time.
    const flat = x.detach().reshape([-1]);
    for (let i = 0; i < n; i++) {
      const orig = flat.index(i).itemSync();
      const at = (v: number): Float64Array =>
        no_grad(() => {
          flat.setIndex([i], v);
          const y = Float64Array.from(fn(...inputs).reshape([-1]).dataSync());
          flat.setIndex([i], orig);
          return y;
        });
      const plus = at(orig + eps), minus = at(orig - eps);
      for (let o = 0; o < nOut; o++) {
        const numerical = (plus[o]! - minus[o]!) / (2 * eps);
        const a = analytical[o]![i]!;
        if (!(Math.abs(a - numerical) <= atol + rtol * Math.abs(numerical))) {
          if (!raise_exception) return false;
          throw new Error(
            `Jacobian mismatch for output 0 with respect to input ${k}: at (output ${o}, input element ${i}) numerical ${numerical} vs analytical ${a}`,
          );
        }
      }
    }
  }
  return true;
}
