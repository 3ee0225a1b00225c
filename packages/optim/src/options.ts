import { describeValue } from "@flambeau/tensor/internal";
import { pyNumber } from "./format.js";

/**
 * Decision 1 for constructors: a required argument comes positionally or, as a PyTorch keyword
 * argument would, inside the options object; `(params, 0.1, { momentum: 0.9 })` and
 * `(params, { lr: 0.1, momentum: 0.9 })` are the same call.
 */
export function positional<O extends object, K extends keyof O>(
  key: K,
  first: O[K] | Partial<O> | undefined,
  options: Partial<O> | undefined,
  isOptions: (x: unknown) => boolean = isPlainObject,
): Partial<O> {
  if (first === undefined) return { ...options };
  if (isOptions(first)) return { ...(first as Partial<O>), ...options };
  return { ...options, [key]: first } as Partial<O>;
}

function isPlainObject(x: unknown): boolean {
  return typeof x === "object" && x !== null && !Array.isArray(x);
}

/**
 * PyTorch's hyper-parameter check: `Invalid learning rate: -1` unless `0 <= value`. A value that
 * is not a number (`lr: "0.1"`, which JavaScript's `<=` would compare as a number and every step
 * would then coerce) is a `TypeError`, as PyTorch's comparison of a `str` is.
 */
export function nonNegative(value: number, what: string): void {
  if (typeof value !== "number") throw new TypeError(`${what} must be a number, not ${describeValue(value)}`);
  if (!(0 <= value)) throw new Error(`Invalid ${what}: ${pyNumber(value)}`);
}

/** Adam's check of `betas`: each in `[0, 1)`. */
export function checkBetas(betas: readonly number[]): void {
  if (!Array.isArray(betas) || betas.length !== 2) throw new Error(`betas must be a pair of numbers, got ${String(betas)}`);
  betas.forEach((b, i) => {
    if (typeof b !== "number") throw new TypeError(`beta parameter at index ${i} must be a number, not ${describeValue(b)}`);
    if (!(0 <= b && b < 1)) throw new Error(`Invalid beta parameter at index ${i}: ${pyNumber(b)}`);
  });
}

/** The value of a required argument, or Python's error for a missing one. */
export function needed<T>(value: T | undefined, name: string, owner: string): T {
  if (value === undefined) throw new TypeError(`${owner}.__init__() missing 1 required positional argument: '${name}'`);
  return value;
}
