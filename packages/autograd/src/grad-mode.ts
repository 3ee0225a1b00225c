import { gradMode } from "@flambeau/tensor/internal";

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
  return withMode(false, fn);
}

/** Run `fn` with gradients recorded, even inside `no_grad` (`with torch.enable_grad():`). */
export function enable_grad<T>(fn: () => T): T {
  return withMode(true, fn);
}

/**
 * `torch.set_grad_enabled(mode)`: switch recording on or off globally, or, given a function,
 * only while it runs.
 */
export function set_grad_enabled(mode: boolean): void;
export function set_grad_enabled<T>(mode: boolean, fn: () => T): T;
export function set_grad_enabled<T>(mode: boolean, fn?: () => T): T | void {
  if (fn) return withMode(mode, fn);
  gradMode.enabled = mode;
}

/** Whether operations are currently recorded for autograd. */
export function is_grad_enabled(): boolean {
  return gradMode.enabled;
}

function withMode<T>(mode: boolean, fn: () => T): T {
  const prev = gradMode.enabled;
  gradMode.enabled = mode;
  try {
    return fn();
  } finally {
    gradMode.enabled = prev;
  }
}
