import { describeValue, gradMode } from "@flambeau/tensor/internal";

/**
 * Run `fn` without recording operations for autograd (`with torch.no_grad():`).
 * Restores the previous mode afterwards, even when `fn` throws. `fn` should be synchronous:
 * JavaScript offers no way to scope a mode across `await`.
 *
 * @example
 * ```ts
 * torch.no_grad(() => {
 *   w.sub_(w.grad.mul(1e-5));
 *   w.grad.zero_();
 * });
 * ```
 */
export function no_grad<T>(fn: () => T): T {
  return withMode(false, fn, "no_grad");
}

/** Run `fn` with gradients recorded, even inside `no_grad` (`with torch.enable_grad():`). */
export function enable_grad<T>(fn: () => T): T {
  return withMode(true, fn, "enable_grad");
}

/**
 * `torch.set_grad_enabled(mode)`: switch recording on or off globally, or, given a function,
 * only while it runs.
 */
export function set_grad_enabled(mode: boolean): void;
export function set_grad_enabled<T>(mode: boolean, fn: () => T): T;
export function set_grad_enabled<T>(mode: boolean, fn?: () => T): T | void {
  if (fn !== undefined) return withMode(mode, fn, "set_grad_enabled");
  gradMode.enabled = mode;
}

/** Whether operations are currently recorded for autograd. */
export function is_grad_enabled(): boolean {
  return gradMode.enabled;
}

/** Run `fn` with recording `mode`; `op` names the caller when `fn` is not a function (`with` has no JavaScript form to misuse). */
function withMode<T>(mode: boolean, fn: () => T, op: string): T {
  if (typeof fn !== "function")
    throw new TypeError(`${op}(): expected the function to run (torch.${op}(() => { ... })), but got ${describeValue(fn)}`);
  const prev = gradMode.enabled;
  gradMode.enabled = mode;
  try {
    return fn();
  } finally {
    gradMode.enabled = prev;
  }
}
