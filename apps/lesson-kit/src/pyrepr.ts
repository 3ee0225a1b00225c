/**
 * Python's `str()` and `repr()` for the values a lesson prints, so that `ctx.print(x)` shows what
 * `print(x)` shows in the lesson: tensors in PyTorch's form (their own `toString`), floats as
 * Python writes them (`1e-05`, not `0.00001`), `True`/`None`, lists, dicts with quoted keys, and
 * typed arrays as the NumPy arrays they stand for.
 */
import { ndarrayRepr, ndarrayStr, isNDArrayLike } from "./numpy-repr.js";

/** A value whose Python repr was worked out ahead of time (a tensor read from a GPU, say). */
export interface Preformatted {
  readonly [PY_REPR]: string;
}

/** The key of a {@link Preformatted} value's text. */
export const PY_REPR: unique symbol = Symbol("pyRepr");

/** True for a {@link Preformatted} value. */
export function isPreformatted(v: unknown): v is Preformatted {
  return typeof v === "object" && v !== null && PY_REPR in v;
}

/**
 * Python's `repr(float)`: the shortest digits that read back as the same number (JavaScript's
 * too), but in exponent form below 1e-4 and from 1e16 on, with at least two exponent digits.
 * JavaScript cannot tell `2.0` from `2`, so whole numbers print as integers.
 *
 * @example
 * ```ts
 * pyFloat(3012.601318359375); // "3012.601318359375"
 * pyFloat(0.00001);           // "1e-05"
 * ```
 */
export function pyFloat(x: number): string {
  if (Number.isNaN(x)) return "nan";
  if (!Number.isFinite(x)) return x > 0 ? "inf" : "-inf";
  if (Number.isInteger(x) && Math.abs(x) < 1e16) return Object.is(x, -0) ? "-0" : String(x);
  const [mantissa, exponent] = x.toExponential().split("e") as [string, string];
  const exp = Number(exponent);
  if (exp < -4 || exp >= 16) return `${mantissa}e${exp < 0 ? "-" : "+"}${String(Math.abs(exp)).padStart(2, "0")}`;
  return String(x);
}

/** Python's `repr(str)`: single quotes unless the text holds one and no double quote. */
export function pyStringRepr(s: string): string {
  const quote = s.includes("'") && !s.includes('"') ? '"' : "'";
  const body = s
    .replace(/\\/g, "\\\\")
    .replace(/\n/g, "\\n")
    .replace(/\t/g, "\\t")
    .replace(new RegExp(quote, "g"), `\\${quote}`);
  return quote + body + quote;
}

/** Python's `repr(value)`. */
export function repr(value: unknown): string {
  if (isPreformatted(value)) return value[PY_REPR];
  if (typeof value === "string") return pyStringRepr(value);
  return format(value, repr);
}

/** Python's `str(value)`: as {@link repr}, except that strings and NumPy arrays print bare. */
export function str(value: unknown): string {
  if (typeof value === "string") return value;
  if (isNDArrayLike(value)) return ndarrayStr(value);
  if (isPreformatted(value)) return value[PY_REPR];
  return format(value, repr);
}

// Containers print their items with repr, as Python does, whichever of str/repr was asked for.
function format(value: unknown, item: (v: unknown) => string): string {
  if (value === null || value === undefined) return "None";
  if (typeof value === "boolean") return value ? "True" : "False";
  if (typeof value === "number") return pyFloat(value);
  if (typeof value === "bigint") return value.toString();
  if (isNDArrayLike(value)) return ndarrayRepr(value);
  if (Array.isArray(value)) return `[${value.map(item).join(", ")}]`;
  if (value instanceof Map) return `{${[...value].map(([k, v]) => `${item(k)}: ${item(v)}`).join(", ")}}`;
  if (isPlainObject(value)) return `{${Object.entries(value).map(([k, v]) => `${pyStringRepr(k)}: ${item(v)}`).join(", ")}}`;
  // Tensors, modules, optimizers: their own toString is PyTorch's printed form.
  return String(value);
}

/** True for `{ … }` literals (Python's dicts), not for class instances or preformatted values. */
export function isPlainObject(v: unknown): v is Record<string, unknown> {
  if (typeof v !== "object" || v === null || isPreformatted(v)) return false;
  const proto = Object.getPrototypeOf(v) as unknown;
  return proto === Object.prototype || proto === null;
}
